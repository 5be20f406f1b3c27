/**
 * Where kramdown's tables cut lines into cells. kramdown needs no separator line: a line with a `|` that is not
 * escaped is a table row when a block starts at it (here: the body's first line, or one after a blank line) or when
 * the line before it was a row; its cells part at each such `|` outside code spans. Liquid runs first, so a `|` in
 * `{{ ... }}` or `{% ... %}` is none. A link cannot cross a cell's edge: the oracle writes `[b](/p|x)` as
 * `<td>[b](/p</td><td>x)</td>`.
 * A list item's first line is a block start for what follows its marker: `- [b](/p|x)` is `<li><table>...`. With
 * kramdown-parser-gfm (`listEndsParagraph`) a list item starts wherever its marker is, a paragraph's line before it
 * or not; with kramdown's own input, where a list does not end a paragraph, only an item at a block start is taken,
 * and the later items of a list that starts there, each marker of its kind left of the item's text (`KramdownList`).
 * A quote's line is read without its `>`s, a block starting after a blank line or a `>` alone (`> | a | b |`); with
 * GFM a quote also starts after any line outside a quote (`Para` then `> [a](/p|x)` is a table).
 * Only what is surely a row is taken, no cut is better than a wrong one: lines other block parsers read first
 * (headers, HTML, definitions, fences, a setext underline below, in an item or quote too) are none, and so is an item
 * after a paragraph's line with kramdown's input, or a quote's line (`Para` then `> x` is one paragraph there).
 */
import { countAtMost } from '../sortedSearch';

export interface Range {
  readonly start: number;
  readonly end: number;
}

const LINE = /[^\n]*(?:\n|$)/g;
const BLANK = /^[ \t]*\r?\n?$/;
/** What another block parser takes before kramdown's table parser sees the line. */
const OTHER_BLOCK = /^ {0,3}(?:[#>]|[*+-][ \t]|\d+\.[ \t]|<|\[[^\]\n]*\]:|\{:|~~~|```|\$\$|\*\[)/;
/** A list item's marker, kramdown's `LIST_START` (`-|` too, but then the `|` parts cells either way). */
const LIST_MARKER = /^( *)(?:[*+-]|(\d+\.))[ \t]+/;
/** A block quote's `>`s before a line's text. */
const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;
/** A line that is a quote's, in a list item too (more than kramdown takes: a quote going on is never a block start). */
const QUOTED = /^[ \t]*(?:(?:[*+-]|\d+\.)[ \t]+)*>/;

/**
 * The list item's marker at the start of `line`. Four spaces in or more it is a nested item (code was taken out before)
 * where a block starts or, with kramdown-parser-gfm, right after its parent item's line (the oracle: `- a` then
 * `    - [d](/p|x)` is a nested item's table); otherwise that line goes on a paragraph.
 */
function listMarker(line: string, previous: string, atBlockStart: boolean, listEndsParagraph: boolean): RegExpExecArray | null {
  const marker = LIST_MARKER.exec(line);
  if (!marker || marker[1]!.length <= 3 || atBlockStart) {
    return marker;
  }
  const parent = LIST_MARKER.exec(previous);
  return listEndsParagraph && parent !== null && parent[1]!.length < marker[1]!.length ? marker : null;
}
/** What ends a block where a table may end (kramdown's `BLOCK_BOUNDARY` but the blank line): an attribute list, `^`. */
const BLOCK_BOUNDARY = /^(?: {0,3}\{:(?!:|\/).*\}[ \t]*|\^[ \t]*)\r?\n?$/;

interface ListItem {
  /** The marker's column, and the text's. */
  readonly indent: number;
  readonly content: number;
  readonly ordered: boolean;
}

/**
 * Whether `next`, a marker's line, ends the text of the list item `item` starts: the list's next item (a marker of its
 * kind no further in) or the first item of a list nested in it (up to three columns past its text's column).
 */
function endsItem(item: ListItem, next: ListItem): boolean {
  return (next.ordered === item.ordered && next.indent <= item.indent) || (next.indent >= item.content && next.indent <= item.content + 3);
}
/** A horizontal rule, kramdown's `HR_START`: `* * *` is no list item. */
const RULE = /^ {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*\r?\n?$/;
/** An attribute list, an HTML tag or `^` not indented into an item: kramdown's list takes no lazy line there. */
const LAZY_END = /^ {0,3}(?:\{:|<|\^)/;

/**
 * A list as kramdown's own parser reads it (`parse_list`), followed only where that is sure: each marker of its kind
 * (bullet or number) at most three columns in and left of the item's text is its next item, where a block starts,
 * however the lines before went on (the oracle: `- one`, `lazy`, `- [e](/p|x)` is a second item's table). An indented
 * line goes on the item; any other line does too unless a blank line came before, which ends the list. A line with
 * Liquid (it may print blank lines or more) or hidden in code or HTML ends the following.
 */
class KramdownList {
  private list: { readonly ordered: boolean; content: number; afterBlank: boolean } | undefined;

  /** Reads the next line (`marker`: its list marker, if any); whether it is the list's next item, not its first. */
  nextItem(content: string, marker: RegExpExecArray | null, atBlockStart: boolean, hidden: boolean): boolean {
    if (BLANK.test(content)) {
      if (this.list) {
        this.list.afterBlank = true;
      }
      return false;
    }
    const ordered = marker?.[2] !== undefined;
    const list = this.list;
    let next = false;
    if (list && hidden) {
      this.list = undefined;
    } else if (list) {
      const indent = /^ */.exec(content)![0].length;
      if (marker && ordered === list.ordered && marker[1]!.length <= Math.min(list.content - 1, 3) && !(list.afterBlank && RULE.test(content))) {
        next = true;
        list.content = itemTextColumn(content, marker);
        list.afterBlank = false;
      } else if (indent >= list.content || (!list.afterBlank && !LAZY_END.test(content))) {
        list.afterBlank = false;
      } else {
        this.list = undefined;
      }
    }
    if (!this.list && marker && atBlockStart && !hidden && marker[1]!.length <= 3 && !RULE.test(content)) {
      this.list = { ordered, content: itemTextColumn(content, marker), afterBlank: false };
    }
    // Liquid may print blank lines and more; a tab after the marker puts the item's text at a column not worked out here.
    if (this.list && (content.includes('{{') || content.includes('{%') || ((next || list !== this.list) && marker![0].includes('\t')))) {
      this.list = undefined;
    }
    return next;
  }
}

/** The column of a list item's text, kramdown's `parse_first_list_line`: 4 when the item is empty. */
function itemTextColumn(content: string, marker: RegExpExecArray): number {
  return BLANK.test(content.slice(marker[0].length)) ? 4 : marker[0].length;
}

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
  /** Whether `|` at `offset` of the line parts cells: not escaped, not in a code span, not in Liquid. */
  const rowEdges = (line: Range, content: string): number[] => {
    const liquid = [...content.matchAll(LIQUID)].map((m) => ({ start: line.start + m.index, end: line.start + m.index + m[0].length }));
    const found: number[] = [];
    for (let at = content.indexOf('|'); at >= 0; at = content.indexOf('|', at + 1)) {
      const offset = line.start + at;
      while (span < codeSpans.length && codeSpans[span]!.end <= offset) {
        span++;
      }
      const inCode = span < codeSpans.length && codeSpans[span]!.start <= offset;
      if (content[at - 1] !== '\\' && !inCode && !liquid.some((l) => l.start <= offset && offset < l.end)) {
        found.push(offset);
      }
    }
    return found;
  };
  /** The rows read since a block start, with the list item whose first line holds the first of them, and whether they are quoted. */
  let table: { edges: number[]; item?: ListItem; quoted: boolean } | undefined;
  const kramdownList = new KramdownList();
  /** Whether a line of a quote came since the last blank line (a lazy line may go on that quote). */
  let inQuote = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = text.slice(line.start, line.end);
    const previous = i === 0 ? '' : text.slice(lines[i - 1]!.start, lines[i - 1]!.end);
    // A blank line, or a quote's `>` alone: a block starts after it, in the quote or out of it.
    const atBlockStart = i === 0 || BLANK.test(previous.replace(QUOTE_MARKERS, ''));
    const marker = listMarker(content, previous, atBlockStart, listEndsParagraph);
    const listItem = marker ? { indent: marker[1]!.length, ordered: marker[2] !== undefined, content: marker[0].length } : undefined;
    // The next item of the list, or a list nested in the item, ends the item's text, where a table may end.
    const itemEnds = table?.item !== undefined && listItem !== undefined && endsItem(table.item, listItem);
    const afterMarker = marker ? content.slice(marker[0].length) : content;
    // A quote's lines are read without their `>`s (the oracle: `> [e](/p|x)` is `<blockquote><table>...`).
    const quote = QUOTE_MARKERS.exec(afterMarker)?.[0] ?? '';
    const item = afterMarker.slice(quote.length);
    const next = lines[i + 1];
    const nextContent = next ? text.slice(next.start, next.end) : '';
    const hidden = shownAsIs(line.start);
    const nextItem = !listEndsParagraph && kramdownList.nextItem(content, marker, atBlockStart, hidden);
    // GFM: a quote ends the paragraph before it, whatever block that is in, unless the line goes on a quote.
    const quoteStarts = listEndsParagraph && quote !== '' && !marker && !inQuote && !hidden && !shownAsIs(lines[i - 1]?.start ?? line.start);
    inQuote = BLANK.test(content) ? false : inQuote || QUOTED.test(content);
    const row = !BLANK.test(item) && item.includes('|') && !hidden && !OTHER_BLOCK.test(item) &&
      !(next && SETEXT_UNDERLINE.test(quote ? nextContent.replace(QUOTE_MARKERS, '') : nextContent));
    if (table) {
      const edgesHere = row && !itemEnds ? rowEdges(line, content) : [];
      if (edgesHere.length > 0) {
        table.edges.push(...edgesHere);
        continue;
      }
      // kramdown keeps a table only where a block may end after it: a blank line, an attribute list, `^`, the text's
      // end, or the end of the list item or quote it is in (the oracle: `[b](/p|x) text` and then `more text` is a paragraph).
      if (itemEnds || BLANK.test(table.quoted ? content.replace(QUOTE_MARKERS, '') : content) || BLOCK_BOUNDARY.test(content)) {
        edges.push(...table.edges);
      }
      table = undefined;
    }
    if (row && (atBlockStart || itemEnds || (listItem !== undefined && listEndsParagraph) || nextItem || quoteStarts)) {
      const edgesHere = rowEdges(line, content);
      if (edgesHere.length > 0) {
        table = { edges: edgesHere, item: listItem, quoted: quote !== '' };
      }
    }
  }
  if (table) {
    edges.push(...table.edges);
  }
  return edges;
}

/** Whether kramdown's table parser takes `line` for a row where a block starts: a `|` not escaped (Liquid's are gone). */
export function holdsTableBar(line: string): boolean {
  return line.includes('|') && TABLE_BAR.test(line.includes('{') ? line.replace(LIQUID, '') : line);
}

/** Whether the line at `lineStart` starts a block: the body's first line or one after a blank line. */
export function atBlockStart(text: string, lineStart: number, bodyStart: number): boolean {
  if (lineStart <= bodyStart) {
    return true;
  }
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return BLANK.test(text.slice(Math.max(previousStart, bodyStart), lineStart));
}

const TABLE_BAR = /(?:^|[^\\])\|/;

/**
 * Where a table ends whose first row ends at `eol` (-1: the text's end), if kramdown keeps it: its rows, the lines with
 * a `|` after it, must end where a block may (a blank line, an attribute list, `^`, the text's end); -1 if it is none.
 */
export function keptTableEnd(text: string, eol: number): number {
  const end = tableRowsEnd(text, eol);
  return endsTable(text, end) ? end : -1;
}

/** The start of the first line after the rows of a table whose first row ends at `eol` (the text's length: none). */
export function tableRowsEnd(text: string, eol: number): number {
  for (let start = eol + 1; eol >= 0; start = eol + 1) {
    eol = text.indexOf('\n', start);
    if (!holdsTableBar(text.slice(start, eol < 0 ? text.length : eol + 1))) {
      return start;
    }
  }
  return text.length;
}

/** Whether a table's rows may end before the line at `start`: a blank line, an attribute list, `^`, the text's end. */
export function endsTable(text: string, start: number): boolean {
  if (start >= text.length) {
    return true;
  }
  const eol = text.indexOf('\n', start);
  const line = text.slice(start, eol < 0 ? text.length : eol + 1);
  return BLANK.test(line) || BLOCK_BOUNDARY.test(line);
}

/** Whether an edge lies strictly between `start` and `end` (`edges` sorted). */
export function crossesEdge(edges: readonly number[], start: number, end: number): boolean {
  const low = countAtMost(edges, start);
  return low < edges.length && edges[low]! < end;
}
