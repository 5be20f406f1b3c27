import type { ScannedLinks } from '../links/scanLinks';
import { detached } from '../detached';
import { LineCounter } from '../lineCounter';

/** A header id of a document and the heading's line and text: what `#fragment` links point at. */
export interface DocumentAnchor {
  readonly id: string;
  readonly line: number;
  readonly text: string;
}

/** The headings the link scan found, with their lines: kept per document, so navigation needs no read. */
export function documentAnchors(text: string, scanned: ScannedLinks): DocumentAnchor[] {
  const lines = new LineCounter(text);
  return scanned.headings.map((heading) => {
    lines.moveTo(heading.start);
    return { id: detached(heading.id), line: lines.line, text: detached(heading.text) };
  });
}
