import type { ScannedLinks } from '../links/scanLinks';
import { detached } from '../detached';

/** A header id of a document and the heading's line and text: what `#fragment` links point at. */
export interface DocumentAnchor {
  readonly id: string;
  readonly line: number;
  readonly text: string;
}

/** The headings the link scan found, with their lines: kept per document, so navigation needs no read. */
export function documentAnchors(text: string, scanned: ScannedLinks): DocumentAnchor[] {
  const anchors: DocumentAnchor[] = [];
  let line = 0;
  /** Just after the last line break counted. */
  let at = 0;
  for (const heading of scanned.headings) {
    for (let next = text.indexOf('\n', at); next >= 0 && next < heading.start; next = text.indexOf('\n', at)) {
      line++;
      at = next + 1;
    }
    anchors.push({ id: detached(heading.id), line, text: detached(heading.text) });
  }
  return anchors;
}
