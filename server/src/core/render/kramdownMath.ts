import type MarkdownIt from 'markdown-it';

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
      state.push('kramdown_math_inline', '', 0).content = state.src.slice(state.pos + 2, end);
    }
    state.pos = end + 2;
    return true;
  });
  md.block.ruler.before('paragraph', 'kramdown_math_block', (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.sCount[startLine]! - state.blkIndent >= 4 || !state.src.startsWith('$$', start)) {
      return false;
    }
    for (let line = startLine; line < endLine; line++) {
      const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!).trimEnd();
      if (text === '' && line > startLine) {
        return false;
      }
      const closes = line === startLine ? text.length >= 4 && text.endsWith('$$') : text.endsWith('$$');
      if (closes) {
        if (!silent) {
          const token = state.push('kramdown_math_block', 'div', 0);
          token.block = true;
          token.map = [startLine, line + 1];
          const whole = state.src.slice(start, state.eMarks[line]).trimEnd();
          token.content = whole.slice(2, -2).trim();
        }
        state.line = line + 1;
        return true;
      }
    }
    return false;
  });
  md.renderer.rules['kramdown_math_inline'] = (tokens, idx) => `\\(${escapeHtml(tokens[idx]!.content)}\\)`;
  md.renderer.rules['kramdown_math_block'] = (tokens, idx, _options, _env, self) => `<div${self.renderAttrs(tokens[idx]!)} class="kdmath">\\[${escapeHtml(tokens[idx]!.content)}\\]</div>\n`;
}
