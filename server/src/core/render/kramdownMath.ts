import type MarkdownIt from 'markdown-it';
import { ForwardSearch } from '../forwardSearch';

/**
 * kramdown's math and escapes, where markdown-it reads otherwise. `$$...$$` is math: a block of its own becomes
 * MathJax's `\[...\]`, inside a paragraph `\(...\)`, its text untouched by Markdown (kramdown's default `mathjax`
 * engine). A backslash escapes only kramdown's characters (`\%`, `\&`, `\/`, ... stay as written, where CommonMark
 * would drop the backslash).
 */
/** kramdown-parser-gfm's set (Jekyll's default input): kramdown's own and `~`. */
const KRAMDOWN_ESCAPABLE = new Set('\\.*_+-`()[]{}#!:|"\'$=<>~');
const COMMONMARK_ESCAPABLE = new Set('\\!"#$%&\'()*+,./:;<=>?@[]^_`{|}~-');

export function kramdownMath(md: MarkdownIt): void {
  const escapeHtml = md.utils.escapeHtml;
  md.inline.ruler.before('escape', 'kramdown_escape', (state, silent) => {
    const next = state.src[state.pos + 1];
    if (state.src[state.pos] !== '\\' || next === undefined || !COMMONMARK_ESCAPABLE.has(next) || KRAMDOWN_ESCAPABLE.has(next)) {
      return false;
    }
    if (!silent) {
      state.pending += '\\' + next;
    }
    state.pos += 2;
    return true;
  });
  md.inline.ruler.before('escape', 'kramdown_math', (state, silent) => {
    if (!state.src.startsWith('$$', state.pos)) {
      return false;
    }
    const end = state.src.indexOf('$$', state.pos + 2);
    if (end < 0 || end === state.pos + 2) {
      return false;
    }
    if (!silent) {
      state.push('kramdown_math_inline', '', 0).content = state.src.slice(state.pos + 2, end).trim();
    }
    state.pos = end + 2;
    return true;
  });
  // kramdown's block math: after a block boundary, `$$` to the first `$$` after it, then only white space to the end of
  // its line and a block boundary (`$$a$$ b` is a paragraph's math). kramdown tries it before tables, so its `|` makes
  // no cells (the oracle: `\[p(\theta|x)\]`); first of all here: no other block starts with `$$`.
  md.block.ruler.before('table', 'kramdown_math_block', (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.sCount[startLine]! - state.blkIndent >= 4 || !state.src.startsWith('$$', start) || (startLine > 0 && !state.isEmpty(startLine - 1) && state.tokens[state.tokens.length - 1]?.nesting !== 1)) {
      return false;
    }
    const close = closers(state.src).next(start + 2);
    const limit = state.eMarks[endLine - 1]!;
    if (close < 0 || close >= limit) {
      return false;
    }
    let line = startLine;
    while (line + 1 < endLine && state.bMarks[line + 1]! <= close) {
      line++;
    }
    const next = line + 1;
    if (state.src.slice(close + 2, state.eMarks[line]).trim() !== '' || (next < endLine && !state.isEmpty(next) && state.sCount[next]! >= state.blkIndent)) {
      return false;
    }
    if (!silent) {
      const token = state.push('kramdown_math_block', 'div', 0);
      token.block = true;
      token.map = [startLine, next];
      token.content = state.src.slice(start + 2, close).trim();
    }
    state.line = next;
    return true;
  });
  md.renderer.rules['kramdown_math_inline'] = (tokens, idx) => `\\(${escapeHtml(tokens[idx]!.content)}\\)`;
  md.renderer.rules['kramdown_math_block'] = (tokens, idx, _options, _env, self) => `<div${self.renderAttrs(tokens[idx]!)} class="kdmath">\\[${escapeHtml(tokens[idx]!.content)}\\]</div>\n`;
}

/** The `$$` after each block's opener, searched once per text: a search to the end from every `$$` line would be quadratic. */
let lastClosers: { text: string; search: ForwardSearch } | undefined;
function closers(text: string): ForwardSearch {
  if (lastClosers?.text !== text) {
    lastClosers = { text, search: new ForwardSearch(text, '$$') };
  }
  return lastClosers.search;
}
