/**
 * kramdown's math: `$$...$$` is math, its text untouched by Markdown, so no link, reference or tag is read there (the
 * oracle writes `\(dp[i][k-1]\)` and `\([x](/a.html)\)`). Inside a paragraph (`INLINE_MATH_START = /\$\$(.*?)\$\$/m`,
 * kramdown reads a paragraph's spans on their own) it runs to the next `$$` in that paragraph; a `$$` with none after
 * it there is text. A block of its own (`BLOCK_MATH_START`: `$$` at a line's start after a blank line, its `$$`
 * closer at a line's end before one) may hold blank lines. A `$` after a backslash is an escaped dollar sign.
 * `render/kramdownMath.ts` renders the same syntax in the preview.
 */
import { ForwardSearch } from '../forwardSearch';

export interface MathContent {
  readonly start: number;
  readonly end: number;
}

const PARAGRAPH_END = /\n[ \t]*\r?\n/g;
/** What may follow a block's closing `$$`: white space to the line's end, then a blank line or the end of the text. */
const BLOCK_END = /[ \t]*(?:\r?\n[ \t]*(?:\r?\n|$)|$)/y;

/** The content of each math span or block, in order; `isText(offset)` skips a `$$` in code, comments or raw HTML. */
export function mathContents(text: string, from: number, isText: (offset: number) => boolean): MathContent[] {
  const contents: MathContent[] = [];
  const paragraphEnds = new ForwardSearch(text, PARAGRAPH_END);
  // Found from single `$`s: a search for one character is the cheap one.
  for (let open = nextPair(text, from); open >= 0; ) {
    if (isText(open) || escaped(text, open)) {
      open = nextPair(text, open + 1);
      continue;
    }
    const close = text.indexOf('$$', open + 2);
    if (close < 0) {
      break;
    }
    const paragraphEnd = paragraphEnds.next(open + 2);
    if (paragraphEnd >= 0 && paragraphEnd < close && !isBlock(text, from, open, close)) {
      // Text in its own paragraph; the `$$` that did not close it may open another.
      open = close;
      continue;
    }
    contents.push({ start: open + 2, end: close });
    open = nextPair(text, close + 2);
  }
  return contents;
}

function nextPair(text: string, from: number): number {
  for (let dollar = text.indexOf('$', from); dollar >= 0; dollar = text.indexOf('$', dollar + 1)) {
    if (text.charCodeAt(dollar + 1) === 36) {
      return dollar;
    }
  }
  return -1;
}

/** After an odd number of backslashes. */
function escaped(text: string, offset: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(offset - 1 - backslashes) === 92) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

/** `$$` opening a line (up to 3 spaces in) after a blank line or the body's start, its closer ending a line before one. */
function isBlock(text: string, from: number, open: number, close: number): boolean {
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  if (open - lineStart > 3 || text.slice(Math.max(lineStart, from), open).trim() !== '') {
    return false;
  }
  if (lineStart > from) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (previousStart >= from && text.slice(previousStart, lineStart).trim() !== '') {
      return false;
    }
  }
  BLOCK_END.lastIndex = close + 2;
  return BLOCK_END.test(text);
}
