import type MarkdownIt from 'markdown-it';

/**
 * kramdown's line break written as two backslashes at a line's end (`LINE_BREAK`), where CommonMark reads an escaped
 * backslash: the oracle writes `next\\` then a line as `next<br />`, no backslash shown. Two spaces and one
 * backslash are line breaks for both.
 */
export function kramdownLineBreak(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'kramdown_line_break', (state, silent) => {
    if (!state.src.startsWith('\\\\\n', state.pos)) {
      return false;
    }
    if (!silent) {
      state.push('hardbreak', 'br', 0);
    }
    state.pos += 3;
    while (state.src.charCodeAt(state.pos) === 0x20 || state.src.charCodeAt(state.pos) === 0x09) {
      state.pos++;
    }
    return true;
  });
}
