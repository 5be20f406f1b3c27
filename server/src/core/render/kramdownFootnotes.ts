import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * Footnotes as kramdown writes them, over `markdown-it-footnote`'s parse: ids from the footnote's name (`fn:note`,
 * `fnref:note`, a second reference `fnref:note:1`), the number without brackets, a `div.footnotes` list, and one
 * back link per reference, the second and later numbered (`↩<sup>2</sup>`).
 */
export function kramdownFootnotes(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  const name = (token: Token) => escape(String(token.meta.label ?? Number(token.meta.id) + 1));
  const repeat = (token: Token) => (token.meta.subId > 0 ? `:${token.meta.subId}` : '');
  const rules = md.renderer.rules;
  rules['footnote_ref'] = (tokens, idx) => {
    const token = tokens[idx]!;
    return `<sup id="fnref:${name(token)}${repeat(token)}" role="doc-noteref"><a href="#fn:${name(token)}" class="footnote" rel="footnote">${Number(token.meta.id) + 1}</a></sup>`;
  };
  rules['footnote_block_open'] = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';
  rules['footnote_block_close'] = () => '</ol>\n</div>\n';
  rules['footnote_open'] = (tokens, idx) => `<li id="fn:${name(tokens[idx]!)}" role="doc-endnote">`;
  rules['footnote_anchor'] = (tokens, idx) => {
    const token = tokens[idx]!;
    const number = token.meta.subId > 0 ? `<sup>${Number(token.meta.subId) + 1}</sup>` : '';
    return ` <a href="#fnref:${name(token)}${repeat(token)}" class="reversefootnote" role="doc-backlink">&#8617;${number}</a>`;
  };
}
