import type MarkdownIt from 'markdown-it';

/**
 * kramdown's typographic symbols in place of markdown-it's `replacements`: `---` and `--` are dashes wherever they
 * are (markdown-it wants them between words), `...` is an ellipsis but `..` stays (markdown-it makes one of any run
 * of dots), `<<` and `>>` are guillemets; markdown-it's `(c)`, `+-` and `!!!!` are not kramdown's. Code is left alone.
 */
const SYMBOLS = /---|--|\.\.\.|<< |<<| >>|>>/g;
const REPLACEMENT: Record<string, string> = { '---': '\u2014', '--': '\u2013', '...': '\u2026', '<< ': '\u00ab\u00a0', '<<': '\u00ab', ' >>': '\u00a0\u00bb', '>>': '\u00bb' };

export function kramdownTypography(md: MarkdownIt): void {
  md.core.ruler.at('replacements', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) {
        continue;
      }
      let insideLink = 0;
      for (const token of block.children) {
        if (token.type === 'link_open' && token.info === 'auto') {
          insideLink++;
        } else if (token.type === 'link_close' && insideLink > 0) {
          insideLink--;
        } else if (token.type === 'text' && insideLink === 0) {
          token.content = token.content.replace(SYMBOLS, (symbol) => REPLACEMENT[symbol] ?? symbol);
        }
      }
    }
  });
}
