import type MarkdownIt from 'markdown-it';

type BlockRule = Parameters<MarkdownIt['block']['ruler']['push']>[1];

/**
 * kramdown's ordered lists, where markdown-it follows CommonMark: the number of the first item is not kept (kramdown
 * writes no `start`), and a list of any first number ends a paragraph (kramdown-parser-gfm), not only one that
 * starts at 1.
 */
export function kramdownLists(md: MarkdownIt): void {
  const list = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }).__rules__.find((rule) => rule.name === 'list');
  if (!list) {
    return;
  }
  const commonMark = list.fn;
  md.block.ruler.at(
    'list',
    (state, startLine, endLine, silent) => {
      if (commonMark(state, startLine, endLine, silent)) {
        return true;
      }
      // Only the paragraph's question "does a list start here?" is answered differently.
      if (!silent || state.parentType !== 'paragraph' || state.sCount[startLine]! < state.blkIndent || (state.listIndent >= 0 && state.sCount[startLine]! - state.listIndent >= 4)) {
        return false;
      }
      const start = state.bMarks[startLine]! + state.tShift[startLine]!;
      return ORDERED_ITEM_WITH_TEXT.test(state.src.slice(start, state.eMarks[startLine]));
    },
    { alt: list.alt },
  );
  md.core.ruler.after('block', 'kramdown_list_start', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'ordered_list_open' && token.attrs) {
        token.attrs = token.attrs.filter(([name]) => name !== 'start');
      }
    }
  });
}

const ORDERED_ITEM_WITH_TEXT = /^\d{1,9}[.)][ \t]+\S/;
