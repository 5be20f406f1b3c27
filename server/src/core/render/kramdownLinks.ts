import type MarkdownIt from 'markdown-it';

type ParseDestination = MarkdownIt['helpers']['parseLinkDestination'];

/** Longest destination with spaces read; longer text is not a link (a bound keeps a line of `[a](` linear). */
const MAX_DESTINATION = 2048;
const MAX_PARENS = 32;

/**
 * kramdown's link destinations, for inline links, images and reference definitions: without `<...>`, a destination
 * runs to the `)` that balances its parentheses or to a space before a quoted title, spaces and all
 * (`[a](You and Your Research)`, `[1]: This detail was...`), where CommonMark stops at the first space.
 */
export function kramdownLinks(md: MarkdownIt): void {
  const commonMark: ParseDestination = md.helpers.parseLinkDestination;
  md.helpers.parseLinkDestination = (text, start, max) => {
    const result = commonMark(text, start, max);
    if (text.charCodeAt(start) === 0x3c /* < */ || (result.ok && AFTER_DESTINATION.test(text.slice(result.pos, Math.min(max, result.pos + 64))))) {
      return result;
    }
    let depth = 0;
    let pos = start;
    const end = Math.min(max, start + MAX_DESTINATION);
    for (; pos < end; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 0x0a /* \n */ || ((c === 0x20 || c === 0x09) && (text[pos + 1] === '"' || text[pos + 1] === "'"))) {
        break;
      }
      if (c === 0x28 /* ( */ && ++depth > MAX_PARENS) {
        return result;
      }
      if (c === 0x29 /* ) */ && depth-- === 0) {
        break;
      }
    }
    if (pos === end && end < max) {
      return result;
    }
    const destination = text.slice(start, pos).trimEnd();
    return destination ? { ok: true, pos: start + destination.length, str: md.utils.unescapeAll(destination) } : result;
  };
}

/** What may follow a destination: the link's end, a title, or the end of a definition's line. */
const AFTER_DESTINATION = /^[ \t]*(?:\)|"|'|\(|\r?\n|$)/;
