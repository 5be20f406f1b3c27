/**
 * A link definition as kramdown 2 reads it (`LINK_DEFINITION_START` and `parse_link_definition` in
 * parser/kramdown/link.rb):
 *
 *   /^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n/
 *
 * and no definition at all when the URL without `<>` holds a space or tab before a quote. So the URL runs to the
 * line's end, spaces and all (`[a]: /path with space`), unless a quoted title ends the line (`[a]: /p "t"`, the title
 * from the first quote after a space that the line's last character closes) or stands alone on the next line;
 * `[a]: /p "t" more` is text. `<...>` ends at the first `>` after which the line may end, a title or not.
 * Read here without the expression, whose lazy groups backtrack in the square of a line's length; the unit test
 * compares the two.
 */
export interface LinkDefinition {
  /** The label, between its brackets. */
  readonly labelStart: number;
  readonly labelEnd: number;
  /** The URL as kramdown takes it (inside `<>`). */
  readonly urlStart: number;
  readonly urlEnd: number;
  /** After the definition: after its line's end, or its title's line's. */
  readonly end: number;
}

/** The definition that starts at `lineStart`, the start of a line, if kramdown reads one there. */
export function readLinkDefinition(text: string, lineStart: number): LinkDefinition | undefined {
  let at = lineStart;
  while (at < lineStart + 3 && text[at] === ' ') {
    at++;
  }
  if (text[at] !== '[') {
    return undefined;
  }
  const labelStart = at + 1;
  let labelEnd = labelStart;
  while (labelEnd < text.length && text[labelEnd] !== ']' && !isNewline(text[labelEnd]!)) {
    labelEnd++;
  }
  if (labelEnd === labelStart || text[labelEnd] !== ']' || text[labelEnd + 1] !== ':') {
    return undefined;
  }
  let start = labelEnd + 2;
  while (isBlank(text[start])) {
    start++;
  }
  const eol = lineEnd(text, start);
  // The line without the spaces and tabs at its end: a title's closing quote is its last character.
  const trimmed = trimBlanks(text, start, eol);
  const definition = (urlStart: number, urlEnd: number, end: number) => ({ labelStart, labelEnd, urlStart, urlEnd, end });
  /** Whether a title on this line follows a URL that ends at `from`: blanks, a quote, text, the same quote at the end. */
  const titleAfter = (from: number): boolean => {
    if (!isBlank(text[from])) {
      return false;
    }
    let quote = from;
    while (isBlank(text[quote])) {
      quote++;
    }
    return (text[quote] === '"' || text[quote] === "'") && text[trimmed - 1] === text[quote] && trimmed - 1 >= quote + 2;
  };
  const afterLine = nextLineStart(text, eol);
  /** After a title alone on the next line, if there is one. */
  const nextLineTitle = (): number | undefined => {
    if (afterLine === undefined) {
      return undefined;
    }
    let open = afterLine;
    while (isBlank(text[open])) {
      open++;
    }
    const nextEol = lineEnd(text, open);
    const close = trimBlanks(text, open, nextEol);
    return (text[open] === '"' || text[open] === "'") && text[close - 1] === text[open] && close - 1 >= open + 2 ? (nextLineStart(text, nextEol) ?? nextEol) : undefined;
  };
  const end = afterLine ?? eol;
  if (text[start] === '<') {
    for (let close = text.indexOf('>', start + 1); close >= 0 && close < eol; close = text.indexOf('>', close + 1)) {
      if (close + 1 >= trimmed) {
        return definition(start + 1, close, nextLineTitle() ?? end);
      }
      if (titleAfter(close + 1)) {
        return definition(start + 1, close, end);
      }
    }
  }
  let firstSolid = start;
  while (firstSolid < trimmed && isRubySpace(text[firstSolid]!)) {
    firstSolid++;
  }
  if (firstSolid >= trimmed) {
    return undefined;
  }
  let urlEnd = trimmed;
  for (let blank = firstSolid + 1; blank < trimmed; blank++) {
    if (isBlank(text[blank])) {
      if (titleAfter(blank)) {
        urlEnd = blank;
        break;
      }
      while (isBlank(text[blank + 1])) {
        blank++;
      }
    }
  }
  const definitionEnd = urlEnd < trimmed ? end : (nextLineTitle() ?? end);
  return QUOTE_AFTER_BLANK.test(text.slice(start, urlEnd)) ? undefined : definition(start, urlEnd, definitionEnd);
}

const QUOTE_AFTER_BLANK = /[ \t]["']/;

/** Where `text` from `start` to `end` ends without its spaces and tabs. */
function trimBlanks(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && isBlank(text[at - 1])) {
    at--;
  }
  return at;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Ruby's `\s`: ASCII white space only. */
function isRubySpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

/** kramdown reads `\r\n` and `\r` as `\n`. */
function isNewline(c: string): boolean {
  return c === '\n' || c === '\r';
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && !isNewline(text[at]!)) {
    at++;
  }
  return at;
}

/** The start of the line after the one ending at `eol`, none at the text's end (kramdown's last line is empty). */
function nextLineStart(text: string, eol: number): number | undefined {
  if (eol >= text.length) {
    return undefined;
  }
  return text[eol] === '\r' && text[eol + 1] === '\n' ? eol + 2 : eol + 1;
}

/** A list item's marker or a quote's `>`s before a line's text: the text after them decides as a line of its own does. */
const CONTAINER_MARKERS = /^ {0,3}(?:(?:[*+-]|\d+\.)[ \t]+|(?:>[ \t]?)+)/;
/** How text starts that is surely a paragraph's: a letter, a digit, emphasis, a code span, a link or image, a quote, a cell. */
const PARAGRAPH_START = /^ {0,3}[\p{L}\p{N}*_`[!"(|]/u;
/** What starts another block though it begins like text: a rule, a fence, an abbreviation, a footnote, a definition. */
const OTHER_BLOCK = /^ {0,3}(?:([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*\r?$|`{3}|\*\[|\[\^|\[[^\]\n]+\]:)/;

/**
 * Whether a definition on the line after `line` is text: a paragraph goes on over it, as kramdown's paragraphs take
 * every line up to a blank one or another block's start, and a definition is none (the oracle: `<p>para\n[r]: /p</p>`,
 * after a list item's or a quote's text too). Only text that is surely a paragraph's is taken: a header, a fence, HTML,
 * a rule, Liquid, an indented line before the definition are not (a missed case, not a wrong one). With kramdown's
 * own input ```` ``` ```` fences nothing and is text.
 */
export function paragraphGoesOnAfter(line: string, input: 'GFM' | 'kramdown'): boolean {
  const content = line.replace(CONTAINER_MARKERS, '');
  return PARAGRAPH_START.test(content) && !(OTHER_BLOCK.test(content) && !(input === 'kramdown' && content.trimStart().startsWith('```')));
}
