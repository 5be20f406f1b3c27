import type MarkdownIt from 'markdown-it';

type BlockRule = Parameters<MarkdownIt['block']['ruler']['push']>[1];
type StateBlock = Parameters<BlockRule>[0];

/**
 * What kramdown's own input (`kramdown: input: kramdown`) reads otherwise than kramdown-parser-gfm, Jekyll's default:
 * code is fenced with tildes only (a backtick fence is a code span), an ATX header needs no space after its `#`s
 * and must start its line, neither a header nor a list ends a paragraph, and `\~` is not an escape.
 */
export function kramdownOwnInput(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }).__rules__;
  // `at` replaces a rule's function in place: the ones wrapped are taken first.
  const { fn: fence, alt: fenceAlt } = rules.find((rule) => rule.name === 'fence')!;
  md.block.ruler.at('fence', (state, startLine, endLine, silent) => state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!) !== 0x60 /* ` */ && fence(state, startLine, endLine, silent), { alt: fenceAlt });
  const { fn: list, alt: listAlt } = rules.find((rule) => rule.name === 'list')!;
  md.block.ruler.at('list', (state, startLine, endLine, silent) => !(silent && state.parentType === 'paragraph') && list(state, startLine, endLine, silent), { alt: listAlt });
  md.block.ruler.at('heading', atxHeader, { alt: [] });
  md.inline.ruler.before('escape', 'kramdown_tilde', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5c /* \ */ || state.src.charCodeAt(state.pos + 1) !== 0x7e /* ~ */) {
      return false;
    }
    if (!silent) {
      state.pending += '\\~';
    }
    state.pos += 2;
    return true;
  });
}

/** kramdown's ATX header: `#` to `######` at the line's start, then the text (closing `#`s dropped unless escaped). */
const ATX = /^(#{1,6})[ \t]*([^ \t].*?)?[ \t]*$/;

function atxHeader(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] !== state.blkIndent) {
    return false;
  }
  const match = ATX.exec(state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]!));
  if (!match?.[2]) {
    return false;
  }
  if (silent) {
    return true;
  }
  const tag = `h${match[1]!.length}`;
  state.push('heading_open', tag, 1).map = [startLine, startLine + 1];
  const inline = state.push('inline', '', 0);
  inline.content = match[2].replace(/(?<!\\)#+$/, '').trimEnd();
  inline.map = [startLine, startLine + 1];
  inline.children = [];
  state.push('heading_close', tag, -1);
  state.line = startLine + 1;
  return true;
}
