/**
 * Where kramdown's tables cut lines into cells. kramdown needs no separator line: a line with a `|` that is not
 * escaped is a table row when a block starts at it (here: the body's first line, or one after a blank line) or when
 * the line before it was a row; its cells part at each such `|` outside code spans. Liquid runs first, so a `|` in
 * `{{ ... }}` or `{% ... %}` is none. A link cannot cross a cell's edge: the oracle writes `[b](/p|x)` as
 * `<td>[b](/p</td><td>x)</td>`.
 * Only what is surely a row is taken, no cut is better than a wrong one: lines other block parsers read first
 * (headers, lists, quotes, HTML, definitions, fences, a setext underline below) are none, and so is a row in a list
 * item, which kramdown would make too.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

const LINE = /[^\n]*(?:\n|$)/g;
const BLANK = /^[ \t]*\r?\n?$/;
/** What another block parser takes before kramdown's table parser sees the line. */
const OTHER_BLOCK = /^ {0,3}(?:[#>]|[*+-][ \t]|\d+\.[ \t]|<|\[[^\]\n]*\]:|\{:|~~~|```|\$\$|\*\[)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?\n?$/;
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * The offsets of the `|` that part cells, in order. `shownAsIs(offset)`: inside code blocks, raw HTML, comments,
 * where no table is; `codeSpans`, sorted, hold `|` that part nothing.
 */
export function tableCellEdges(text: string, bodyStart: number, shownAsIs: (offset: number) => boolean, codeSpans: readonly Range[]): number[] {
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
    const candidate = (previousRow || atBlockStart) && content.includes('|') && !BLANK.test(content) && !shownAsIs(line.start) &&
      !OTHER_BLOCK.test(content) && !(next && SETEXT_UNDERLINE.test(text.slice(next.start, next.end)));
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
