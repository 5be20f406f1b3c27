/**
 * Where kramdown's tables cut lines into cells. kramdown needs no separator line: a line with a `|` that is not
 * escaped is a table row when a block starts at it (here: the body's first line, or one after a blank line) or when
 * the line before it was a row; its cells part at each such `|` outside code spans. Liquid runs first, so a `|` in
 * `{{ ... }}` or `{% ... %}` is none. A link cannot cross a cell's edge: the oracle writes `[b](/p|x)` as
 * `<td>[b](/p</td><td>x)</td>`.
 * A list item's first line is a block start for what follows its marker: `- [b](/p|x)` is `<li><table>...`. With
 * kramdown-parser-gfm (`listEndsParagraph`) a list item starts wherever its marker is, a paragraph's line before it
 * or not; with kramdown's own input, where a list does not end a paragraph, only an item at a block start is taken.
 * Only what is surely a row is taken, no cut is better than a wrong one: lines other block parsers read first
 * (headers, quotes, HTML, definitions, fences, a setext underline below, in an item too) are none, and so is an item
 * nested deeper than three spaces or one after a paragraph's line with kramdown's input, which kramdown may make too.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

const LINE = /[^\n]*(?:\n|$)/g;
const BLANK = /^[ \t]*\r?\n?$/;
/** What another block parser takes before kramdown's table parser sees the line. */
const OTHER_BLOCK = /^ {0,3}(?:[#>]|[*+-][ \t]|\d+\.[ \t]|<|\[[^\]\n]*\]:|\{:|~~~|```|\$\$|\*\[)/;
/** A list item's marker, kramdown's `LIST_START` (`-|` too, but then the `|` parts cells either way). */
const LIST_MARKER = /^ {0,3}(?:[*+-]|\d+\.)[ \t]+/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?\n?$/;
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * The offsets of the `|` that part cells, in order. `shownAsIs(offset)`: inside code blocks, raw HTML, comments,
 * where no table is; `codeSpans`, sorted, hold `|` that part nothing.
 */
export function tableCellEdges(
  text: string,
  bodyStart: number,
  shownAsIs: (offset: number) => boolean,
  codeSpans: readonly Range[],
  listEndsParagraph: boolean,
): number[] {
  const edges: number[] = [];
  const lines: Range[] = [];
  LINE.lastIndex = bodyStart;
  for (let match = LINE.exec(text); match && match[0] !== ''; match = LINE.exec(text)) {
    lines.push({ start: match.index, end: match.index + match[0].length });
  }
  let span = 0;
  let previousRow = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = text.slice(line.start, line.end);
    const atBlockStart = i === 0 || BLANK.test(text.slice(lines[i - 1]!.start, lines[i - 1]!.end));
    const next = lines[i + 1];
    const marker = LIST_MARKER.exec(content)?.[0];
    const item = marker === undefined ? content : content.slice(marker.length);
    const startsBlock = previousRow || atBlockStart || (marker !== undefined && listEndsParagraph);
    const candidate = startsBlock && item.includes('|') && !BLANK.test(item) && !shownAsIs(line.start) &&
      !OTHER_BLOCK.test(item) && !(next && SETEXT_UNDERLINE.test(text.slice(next.start, next.end)));
    previousRow = false;
    if (!candidate) {
      continue;
    }
    const liquid = [...content.matchAll(LIQUID)].map((m) => ({ start: line.start + m.index, end: line.start + m.index + m[0].length }));
    const rowEdges: number[] = [];
    for (let at = content.indexOf('|'); at >= 0; at = content.indexOf('|', at + 1)) {
      const offset = line.start + at;
      while (span < codeSpans.length && codeSpans[span]!.end <= offset) {
        span++;
      }
      const inCode = span < codeSpans.length && codeSpans[span]!.start <= offset;
      if (content[at - 1] !== '\\' && !inCode && !liquid.some((l) => l.start <= offset && offset < l.end)) {
        rowEdges.push(offset);
      }
    }
    if (rowEdges.length > 0) {
      edges.push(...rowEdges);
      previousRow = true;
    }
  }
  return edges;
}

/** Whether an edge lies strictly between `start` and `end` (`edges` sorted). */
export function crossesEdge(edges: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (edges[middle]! <= start) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low < edges.length && edges[low]! < end;
}
