/**
 * The preview's Markdown against the real Jekyll: small kramdown documents, each a post, built by Jekyll and
 * rendered by the preview (`renderPost`), compared as a reader sees them (html.ts `readerView`).
 */
import { renderPost } from '../../server/src/core/render/renderPost';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';
import { readerView } from './html';
import type { JekyllBuild } from './jekyll';

export interface Snippet {
  readonly name: string;
  readonly markdown: string;
}

/** Read with Jekyll's defaults (`parse_block_html` off). */
export const SNIPPETS: readonly Snippet[] = [
  { name: 'lazy-code-text', markdown: '    code1\nlazy text\n\nafter' },
  { name: 'lazy-code-heading', markdown: 'Intro\n\n    #import "a.h"\n# not a heading\n\nafter' },
  { name: 'lazy-code-link', markdown: '    code\n[a](/x) and *em*\n\nafter' },
  { name: 'lazy-code-two-lines', markdown: '    code\nlazy one\nlazy two\n    more code\n\nafter' },
  { name: 'lazy-code-html-ends', markdown: '    code\n<div>html</div>\n\nafter' },
  { name: 'lazy-code-ial-ends', markdown: '    code\n{: .x}\n\nafter' },
  { name: 'lazy-code-span-html', markdown: '    code\n<em>lazy</em>\n\nafter' },
  { name: 'code-then-blank', markdown: '    code\n\nnot code' },
  { name: 'footnotes', markdown: 'Text[^1] and more[^note].\n\n[^1]: One.\n[^note]: Two *em*.' },
  { name: 'definition-list', markdown: 'Term\n: Definition *em*\n\nOther\n: First\n: Second' },
  { name: 'definition-list-two-terms', markdown: 'Apple\nOrange\n: Fruit' },
  { name: 'table-aligned', markdown: '| a | b |\n|:--|--:|\n| 1 | *2* |' },
  { name: 'table-no-header', markdown: '| a | b |\n| c | d |' },
  { name: 'abbreviation', markdown: 'HTML is great.\n\n*[HTML]: Hyper Text Markup Language' },
  { name: 'ial-paragraph', markdown: 'A paragraph.\n{: .note}\n\nNext.' },
  { name: 'ial-span', markdown: 'Some *em*{: .x} text.' },
  { name: 'ial-heading', markdown: '# Head {#custom}\n\n## Other\n{: .cls}' },
  { name: 'ial-list', markdown: '- a\n- b\n{: .list}' },
  { name: 'ald-reference', markdown: '{:ref: .cls}\n\npara\n{: ref}' },
  { name: 'nomarkdown', markdown: '{::nomarkdown}\n*not em* <b>bold</b>\n{:/nomarkdown}\n\n*em*' },
  { name: 'nomarkdown-span', markdown: 'a {::nomarkdown}*raw*{:/} b' },
  { name: 'comment-extension', markdown: 'seen\n\n{::comment}\nhidden *x*\n{:/comment}\n\nalso seen' },
  { name: 'html-block-raw', markdown: '<div class="x">\n*raw* [a](/x)\n</div>\n\n*em*' },
  { name: 'html-block-markdown-1', markdown: '<div markdown="1">\n*em* [a](/x)\n</div>' },
  { name: 'html-details-blank', markdown: '<details><summary>S</summary>\n\n**b**\n\n</details>' },
  { name: 'html-span-line', markdown: '<span>*x*</span> and *y*' },
  { name: 'html-comment', markdown: 'a\n\n<!-- hidden -->\n\nb' },
  { name: 'quotes', markdown: '"Hello" \'world\' it\'s the 90\'s -- --- ... << >>' },
  { name: 'quotes-nested', markdown: '"\'nested\'" and \'80s and "a"b' },
  { name: 'autolinks', markdown: '<http://example.com/x> and http://example.com/bare' },
  { name: 'hard-breaks', markdown: 'line  \nnext\\\\\nthird\nfourth' },
  { name: 'setext-and-atx', markdown: 'Title\n=====\n\nSub\n---\n\n## Closed ##' },
  { name: 'blockquote-lazy', markdown: '> quoted\nlazy\n\n> # head\n> - item' },
  { name: 'nested-list-code', markdown: '1. one\n\n       code in item\n\n2. two\n   - sub' },
  { name: 'math', markdown: 'Inline $$a_1$$ here.\n\n$$\nx^2\n$$' },
  { name: 'rules-and-escapes', markdown: '* * *\n\n\\*not em\\* a\\|b \\<x>' },
  { name: 'image-title', markdown: '![alt *t*](/img.png "Title")' },
  { name: 'strike-and-tasks', markdown: '~~del~~\n\n- [ ] todo\n- [x] done' },
  { name: 'fences', markdown: '```ruby\nputs 1\n```\n\n~~~\nplain\n~~~' },
  { name: 'list-loose', markdown: '- a\n\n- b\n\n3. x\n4. y' },
];

/** Read with `kramdown: parse_block_html: true`. */
export const BLOCK_HTML_SNIPPETS: readonly Snippet[] = [
  { name: 'pbh-div', markdown: '<div>\n*em* and [a](/x)\n</div>' },
  { name: 'pbh-div-heading', markdown: '<div class="c">\n\n# Head\n\ntext\n\n</div>' },
  { name: 'pbh-details', markdown: '<details><summary>S</summary>\n\n**b**\n\n</details>' },
  { name: 'pbh-table', markdown: '<table><tr><td>*x*</td></tr></table>' },
  { name: 'pbh-markdown-0', markdown: '<div markdown="0">\n*raw*\n</div>' },
  { name: 'pbh-nested', markdown: '<section>\n<div>\n- item *em*\n</div>\n</section>' },
  { name: 'pbh-p', markdown: '<p>*em* in p</p>' },
  { name: 'pbh-pre', markdown: '<pre>*kept*</pre>' },
  { name: 'pbh-ul', markdown: '<ul>\n<li>*x*</li>\n</ul>' },
];

/** The snippets where the preview still differs from Jekyll, each with why it is left. */
export const LEFT: Readonly<Record<string, string>> = {
  'ald-reference': 'attribute list definitions (`{:ref: .cls}`) are not modelled.',
  'pbh-details': "parse_block_html: kramdown writes `<summary><p>S</summary></p>` for `<summary>` on the `<details>` line; a browser shows what the preview does.",
};

export interface SnippetDifference {
  readonly name: string;
  readonly jekyll: string;
  readonly preview: string;
}

export function snippetBlog(snippets: readonly Snippet[], parseBlockHtml: boolean): Record<string, string> {
  const files: Record<string, string> = { '_config.yml': parseBlockHtml ? 'kramdown:\n  parse_block_html: true\n' : '', 'img.png': 'png' };
  for (const s of snippets) {
    files[`_posts/2020-01-01-${s.name}.md`] = `---\ntitle: ${s.name}\n---\n${s.markdown}\n`;
  }
  return files;
}

/** Each snippet whose preview a reader sees otherwise than Jekyll's page, with the first place they part. */
export async function compareSnippets(root: string, build: JekyllBuild): Promise<{ compared: number; differences: SnippetDifference[] }> {
  const workspace = new FileSystemWorkspace(root);
  const site = new SiteIndex(workspace, withSettings(undefined), { dependants: false });
  await site.build();
  const differences: SnippetDifference[] = [];
  let compared = 0;
  for (const jekyll of build.documents) {
    const read = workspace.readTextSync(jekyll.path);
    if (read.kind !== 'text') {
      continue;
    }
    compared++;
    const html = renderPost(site, new TextDocumentSnapshot(jekyll.path, 0, read.text)).html.replace(/^<header class="bw-header">[\s\S]*?<\/header>/, '');
    const theirs = readerView(jekyll.content);
    const ours = readerView(html);
    if (theirs !== ours) {
      let at = 0;
      while (at < theirs.length && theirs[at] === ours[at]) {
        at++;
      }
      const from = Math.max(0, at - 30);
      const name = /\d{4}-\d\d-\d\d-(.*)\.md$/.exec(jekyll.path)?.[1] ?? jekyll.path;
      differences.push({ name, jekyll: theirs.slice(from, at + 70), preview: ours.slice(from, at + 70) });
    }
  }
  return { compared, differences };
}
