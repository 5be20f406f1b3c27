import { detached } from '../detached';
import { headerIdOptions, headerIds } from '../render/headerIds';
import { scanMarkdownBlocks } from '../render/markdownBlocks';
import type { SiteConfig } from './config';

/** A header id of a document and the heading's line and text: what `#fragment` links point at. */
export interface DocumentAnchor {
  readonly id: string;
  readonly line: number;
  readonly text: string;
}

/** The header ids of a Markdown document's body, as kramdown writes them, with their lines. */
export function documentAnchors(text: string, bodyStart: number, config: SiteConfig): DocumentAnchor[] {
  const anchors: DocumentAnchor[] = [];
  let line = 0;
  let scanned = 0;
  for (const { id, heading } of headerIds(scanMarkdownBlocks(text, bodyStart, config.kramdownInput).headings, headerIdOptions(config))) {
    if (id === undefined) {
      continue;
    }
    for (; scanned < heading.start; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
      }
    }
    anchors.push({ id, line, text: detached(heading.text) });
  }
  return anchors;
}
