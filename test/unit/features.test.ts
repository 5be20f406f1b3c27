/**
 * Hover, definition, references, rename, document links and code actions on blogs held in memory: the core's
 * language features without a server process. (test/lsp/navigation.test.ts runs the same over stdio.)
 */
import * as assert from 'node:assert';
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import { provideCodeActions, provideQuickFixes } from '../../server/src/core/features/codeActions';
import { provideDefinition } from '../../server/src/core/features/definition';
import { provideDocumentLinks } from '../../server/src/core/features/documentLinks';
import { provideHover } from '../../server/src/core/features/hover';
import { prepareRename, provideReferences, provideRename } from '../../server/src/core/features/rename';
import type { SiteIndex } from '../../server/src/core/site/siteIndex';
import { withSettings } from '../../server/src/core/settings';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog, LINKING_LINES } from '../util/blogs';
import { indexBlog } from '../util/checkBlog';

const CURSOR = '|';
const LINKS = '_posts/2020-08-01-links.md';
const LINKS_TEXT = [
  '---',
  'layout: post',
  'title: Links',
  'author: john.smith',
  'tags: [jvm]',
  '---',
  '',
  ...LINKING_LINES,
  'More in [hello](/2020/01/first.html#hello) and [x]({{ site.baseurl }}/about.html).',
  '',
  '```',
  '[in code]({% post_url 2020-01-01-first %}) [c](/about.html)',
  '```',
  '',
  '## Own section',
  '',
  'Back [up](#own-section) and `[span](/about.html)`.',
  '',
].join('\n');

function blog(): Record<string, string> {
  return exampleBlog({ [LINKS]: LINKS_TEXT });
}

/** The document at `path` and the position of the first `|` in `marked` (a line of it with the cursor written in). */
function at(path: string, text: string, line: number, marked: string): { document: TextDocumentSnapshot; position: Position } {
  const lineText = text.split('\n')[line]!;
  const character = marked.indexOf(CURSOR);
  assert.ok(character >= 0 && lineText.startsWith(marked.slice(0, character)), `line ${line} is "${lineText}"`);
  return { document: new TextDocumentSnapshot(path, 1, text), position: { line, character } };
}

function hoverText(site: SiteIndex, path: string, text: string, line: number, marked: string): string | undefined {
  const { document, position } = at(path, text, line, marked);
  return (provideHover(site, document, position)?.contents as MarkupContent | undefined)?.value;
}

suite('language features on an in-memory blog', () => {
  let site: SiteIndex;
  const first = () => blog()['_posts/2020-01-01-first.md']!;

  suiteSetup(async () => {
    site = await indexBlog(blog());
  });

  suite('hover', () => {
    test('a post_url, a link tag, a static file and a URL with a section', () => {
      assert.match(hoverText(site, LINKS, LINKS_TEXT, 7, 'See [the first post]({% post_url 20|') ?? '', /\*\*First\*\* · 2020-01-01/);
      assert.match(hoverText(site, LINKS, LINKS_TEXT, 7, 'See [the first post]({% post_url 2020-01-01-first %}) and [about]({% link ab|') ?? '', /\*\*About\*\*/);
      assert.match(hoverText(site, LINKS, LINKS_TEXT, 9, '![logo](/assets/im|') ?? '', /Static file `assets\/img\/logo\.png`/);
      assert.match(hoverText(site, LINKS, LINKS_TEXT, 9, '![logo](/assets/img/logo.png) and [gone]({% post_url 2099|') ?? '', /No post is named `2099-01-01-nope`/);
      assert.match(hoverText(site, LINKS, LINKS_TEXT, 11, 'More in [hello](/20|') ?? '', /\*\*First\*\*[^]*Section: Hello/);
      assert.match(hoverText(site, LINKS, LINKS_TEXT, 11, 'More in [hello](/2020/01/first.html#hello) and [x]({{ site.baseurl }}/ab|') ?? '', /\*\*About\*\*/);
      assert.strictEqual(hoverText(site, LINKS, LINKS_TEXT, 19, 'Back [up](#ow|'), 'Section: Own section');
    });

    test('an author, a tag and a layout in front matter', () => {
      assert.match(hoverText(site, '_posts/2020-01-01-first.md', first(), 3, 'author: ja|') ?? '', /Jane Doe/);
      assert.match(hoverText(site, '_posts/2020-01-01-first.md', first(), 4, 'tags: [j|') ?? '', /3 documents|jvm/);
      assert.match(hoverText(site, '_posts/2020-01-01-first.md', first(), 1, 'layout: p|') ?? '', /Layout `_layouts\/post\.html`/);
    });

    test('nothing on plain text, in a code block or in a code span', () => {
      assert.strictEqual(hoverText(site, LINKS, LINKS_TEXT, 7, 'Se|'), undefined);
      assert.strictEqual(hoverText(site, LINKS, LINKS_TEXT, 14, '[in code]({% post_url 20|'), undefined);
      assert.strictEqual(hoverText(site, LINKS, LINKS_TEXT, 14, '[in code]({% post_url 2020-01-01-first %}) [c](/ab|'), undefined);
      assert.strictEqual(hoverText(site, LINKS, LINKS_TEXT, 19, 'Back [up](#own-section) and `[span](/ab|'), undefined);
    });
  });

  suite('definition', () => {
    const definition = (line: number, marked: string, path = LINKS, text = LINKS_TEXT) => {
      const { document, position } = at(path, text, line, marked);
      return provideDefinition(site, document, position);
    };

    test('links go to their target file, a fragment to its heading', () => {
      assert.deepStrictEqual(definition(7, 'See [the first post]({% post_url 20|'), { path: '_posts/2020-01-01-first.md', position: { line: 0, character: 0 } });
      assert.strictEqual(definition(7, 'See [the first post]({% post_url 2020-01-01-first %}) and [about]({% link ab|')?.path, 'about.md');
      assert.strictEqual(definition(9, '![logo](/assets/im|')?.path, 'assets/img/logo.png');
      assert.strictEqual(definition(9, '![logo](/assets/img/logo.png) and [gone]({% post_url 2099|'), undefined);
      assert.deepStrictEqual(definition(11, 'More in [hello](/20|'), { path: '_posts/2020-01-01-first.md', position: { line: 7, character: 0 } });
      assert.deepStrictEqual(definition(19, 'Back [up](#ow|'), { path: LINKS, position: { line: 17, character: 0 } });
    });

    test('an author goes to its data entry, a layout to its file', () => {
      assert.deepStrictEqual(definition(3, 'author: ja|', '_posts/2020-01-01-first.md', first()), { path: '_data/authors.yml', position: { line: 0, character: 0 } });
      assert.deepStrictEqual(definition(1, 'layout: p|', '_posts/2020-01-01-first.md', first()), { path: '_layouts/post.html', position: { line: 0, character: 0 } });
    });

    test('nothing in code', () => {
      assert.strictEqual(definition(14, '[in code]({% post_url 20|'), undefined);
      assert.strictEqual(definition(19, 'Back [up](#own-section) and `[span](/ab|'), undefined);
    });
  });

  suite('references and rename', () => {
    test('references of a tag, and of an author with its declaration', () => {
      const tag = at('_posts/2020-01-01-first.md', first(), 4, 'tags: [j|');
      assert.deepStrictEqual(
        provideReferences(site, tag.document, tag.position, false).map((r) => r.path),
        ['_posts/2020-01-01-first.md', '_posts/2020-02-01-second.md', LINKS],
      );
      const author = at('_posts/2020-01-01-first.md', first(), 3, 'author: ja|');
      assert.deepStrictEqual(
        provideReferences(site, author.document, author.position, true).map((r) => r.path),
        ['_data/authors.yml', '_posts/2020-01-01-first.md', '_posts/2020-02-01-second.md'],
      );
    });

    test('prepareRename names the tag; rename edits its characters in every document', () => {
      const { document, position } = at('_posts/2020-01-01-first.md', first(), 4, 'tags: [j|');
      assert.deepStrictEqual(prepareRename(site, document, position), { range: { start: { line: 4, character: 7 }, end: { line: 4, character: 10 } }, placeholder: 'jvm' });
      const renamed = provideRename(site, document, position, 'java');
      assert.ok(renamed && 'changes' in renamed);
      assert.deepStrictEqual([...renamed.changes.keys()].sort(), ['_posts/2020-01-01-first.md', '_posts/2020-02-01-second.md', LINKS]);
      assert.deepStrictEqual(renamed.changes.get(LINKS), [{ range: { start: { line: 4, character: 7 }, end: { line: 4, character: 10 } }, newText: 'java' }]);
    });

    test('nothing to rename on a title, and a name with a line break is refused', () => {
      const title = at('_posts/2020-01-01-first.md', first(), 2, 'title: F|');
      assert.strictEqual(prepareRename(site, title.document, title.position), undefined);
      const tag = at('_posts/2020-01-01-first.md', first(), 4, 'tags: [j|');
      assert.deepStrictEqual(provideRename(site, tag.document, tag.position, 'a\nb'), { error: 'The new name must be one line of text.' });
    });
  });

  test('document links: resolved links outside code, with the heading line of a fragment', () => {
    const links = provideDocumentLinks(site, new TextDocumentSnapshot(LINKS, 1, LINKS_TEXT));
    assert.deepStrictEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, l.path, l.line]),
      [
        [7, 33, '_posts/2020-01-01-first.md', undefined],
        [7, 74, 'about.md', undefined],
        [9, 8, 'assets/img/logo.png', undefined],
        [11, 16, '_posts/2020-01-01-first.md', 7],
        [11, 69, 'about.md', undefined],
        [19, 10, LINKS, 17],
      ],
    );
  });

  test('document links and definition follow jekyll-relative-links: a page\'s `[a](first.md#hello)` opens that file at the heading', async () => {
    const page = 'docs/guide.md';
    const text = '---\ntitle: Guide\n---\n[first](../_posts/2020-01-01-first.md#hello) ![logo](../assets/img/logo.png) [gone](gone.md)\n';
    const files = exampleBlog({ [page]: text });
    const rewriting = await indexBlog({ ...files, '_config.yml': files['_config.yml'] + 'plugins: [jekyll-relative-links]\n' });
    const document = new TextDocumentSnapshot(page, 1, text);
    assert.deepStrictEqual(
      provideDocumentLinks(rewriting, document).map((l) => [l.range.start.character, l.path, l.line]),
      [
        [8, '_posts/2020-01-01-first.md', 7],
        [53, 'assets/img/logo.png', undefined],
      ],
    );
    assert.strictEqual(provideDefinition(rewriting, document, { line: 3, character: 12 })?.path, '_posts/2020-01-01-first.md');
    // Without the plugin the same links are relative URLs, which lead nowhere here.
    assert.deepStrictEqual(provideDocumentLinks(await indexBlog(files), document), []);
  });

  test('code actions: the quick fix of a diagnostic under the cursor, and none elsewhere', async () => {
    const path = '_posts/2020-04-01-fix.md';
    const text = '---\ntitle: Fix\ntags: [jvm, Jvm]\n---\nSee [first]({% post_url 2020-01-01-frist %}).\n';
    const fixSite = await indexBlog(exampleBlog({ [path]: text }));
    const document = new TextDocumentSnapshot(path, 1, text);
    const onLink = provideQuickFixes(fixSite, document, { start: { line: 4, character: 30 }, end: { line: 4, character: 30 } });
    assert.deepStrictEqual(
      onLink.map((f) => [f.diagnostic.code, f.edit.newText]),
      [['link.post-url', '2020-01-01-first']],
    );
    assert.deepStrictEqual(provideQuickFixes(fixSite, document, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }), []);
  });

  test('code actions: a link to a page not in the site may be left unchecked, by its first folder when the site has nothing there', async () => {
    const path = '_posts/2020-04-01-ignore.md';
    const text = '---\ntitle: Ignore\n---\n[a](/bin/core-27/SHA256SUMS) [b](/2020/01/missing.html) [c](/nowhere.html) [d](/about.html)\n';
    const site = await indexBlog(exampleBlog({ [path]: text }));
    const document = new TextDocumentSnapshot(path, 1, text);
    const line = { start: { line: 3, character: 0 }, end: { line: 3, character: 90 } };
    const { fixes, ignores } = provideCodeActions(site, document, line);
    assert.deepStrictEqual(
      ignores.map((i) => [i.diagnostic.code, i.glob, i.title]),
      [
        ['link.url', '/bin/**', "Don't check links to /bin/** (blogwright.links.ignore)"],
        ['link.url', '/2020/01/missing.html', "Don't check links to /2020/01/missing.html (blogwright.links.ignore)"],
        ['link.url', '/nowhere.html', "Don't check links to /nowhere.html (blogwright.links.ignore)"],
      ],
    );
    assert.ok(fixes.every((f) => f.edit.newText !== undefined));
    // With the glob in the settings, the link is no longer reported.
    const ignoring = await indexBlog(exampleBlog({ [path]: text }), withSettings({ ignoredLinks: ['/bin/**'] }));
    assert.deepStrictEqual(provideCodeActions(ignoring, document, line).ignores.map((i) => i.glob), ['/2020/01/missing.html', '/nowhere.html']);
  });
});
