import * as assert from 'node:assert';
import { computeDiagnostics, type DiagnosticData } from '../../server/src/core/diagnostics';
import { areaOf } from '../../server/src/core/ruleCatalog';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';
import { decodeText } from '../../server/src/fileSystemWorkspace';

const POST = '_posts/2020-05-01-linking.md';

/** A small blog with a post per month, a page, an image and a header with ids. */
function blog(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    '_config.yml': 'url: https://blog.example.com\npermalink: /:year/:month/:title.html\n',
    '_posts/2015-03-10-foo.md': '---\ntitle: Foo\n---\n\n## Getting Started\n\n## What’s new?\n\n## Getting Started\n',
    '_posts/2016-01-01-bar.md': '---\ntitle: Bar\n---\nBar\n',
    '_posts/sub/2017-01-01-nested.md': '---\ntitle: Nested\n---\n',
    'about/index.md': '---\ntitle: About\n---\n<div id="team">x</div>\n',
    'contact.md': '---\ntitle: Contact\n---\n',
    'assets/img/logo.png': 'png',
    '_layouts/post.html': '<article>{{ content }}</article><div id="comments"></div>',
    ...overrides,
  };
}

async function check(body: string, files: Record<string, string> = blog(), path = POST, settings = withSettings(undefined), folderName?: string) {
  const all = { ...files, [path]: `---\ntitle: Linking\n---\n${body}` };
  const site = new SiteIndex(new InMemoryWorkspace(all), settings, { folderName });
  await site.build();
  const text = all[path]!;
  return computeDiagnostics(site, new TextDocumentSnapshot(path, 1, text))
    .filter((d) => areaOf(d.code) === 'link' || areaOf(d.code) === 'liquid')
    .map((d) => {
      const document = new TextDocumentSnapshot(path, 1, text);
      const covered = text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end));
      return { code: d.code, covered, message: String(d.message), fix: (d.data as DiagnosticData | undefined)?.fix?.edit.newText };
    });
}

/** Every document framed by `_layouts/post.html`. */
const POST_LAYOUT = 'defaults:\n  - scope: { path: "" }\n    values: { layout: post }\n';

function codes(findings: { code: unknown; covered: string }[]) {
  return findings.map((f) => [f.code, f.covered]);
}

suite('links', () => {
  test('a link whose text is not UTF-8 (a Latin-1 or GBK file: `encoding:` in _config.yml) is not checked', async () => {
    // Oracle (4.3.1, `encoding: ISO-8859-1`): `# R\xe9sum\xe9` gets the id "r\xe9sum\xe9" and `[r](#r\xe9sum\xe9)` links it;
    // read as UTF-8 each \xe9 is U+FFFD on both sides, and the id's slug drops it: "rsum" against "r\uFFFDsum\uFFFD".
    const read = decodeText(Buffer.from('# R\u00e9sum\u00e9\n\n[r](#r\u00e9sum\u00e9) [p](/2015/03/foo.html#r\u00e9sum\u00e9) [u](/caf\u00e9.html) [x](#nope)\n', 'latin1'));
    assert.ok(read.kind === 'text');
    const latin1 = blog({ '_config.yml': 'encoding: ISO-8859-1\npermalink: /:year/:month/:title.html\n' });
    assert.deepStrictEqual(codes(await check(read.text, latin1)), [['link.fragment', '#nope']]);
    // In a UTF-8 site, U+FFFD is a character the file holds: its links are checked.
    assert.deepStrictEqual(codes(await check('[u](/caf\uFFFD.html)\n')), [['link.url', '/caf\uFFFD.html']]);
  });

  test('blogwright.links.ignore: links to URL paths served besides the site are not checked; the others are', async () => {
    // As `exclude`'s globs: a pattern that names a folder (`api/*` names `/api/v1`) covers what is inside it.
    const body = '[a](/bin/tool.tar.gz) [b](/bin/deep/x.html#y) [c](/api/v1) [d](/nope.html) [e](/bin) [f](/api/v1/deep)\n';
    const ignoring = withSettings({ ignoredLinks: ['/bin/**', 'api/*'] });
    assert.deepStrictEqual(codes(await check(body, blog(), POST, ignoring)), [
      ['link.url', '/nope.html'],
      ['link.url', '/bin'],
    ]);
    assert.strictEqual((await check(body)).length, 6, 'all checked without the setting');
  });

  test('a folder is served by its index.xml or index.json too, as `jekyll serve` does', async () => {
    // Oracle (4.3.1 `jekyll serve`): GET /feed/ answers 200 with feed/index.xml, GET /feed a 301 to /feed/.
    // nullprogram.com links /tags/emacs/feed/ (a page tags/emacs/feed/index.xml).
    const files = blog({ 'feed/index.xml': '---\n---\n<feed/>\n', 'api/index.json': '{}', 'tags/feed.xml': '---\n---\n' });
    const body = '[a](/feed/) [b](/feed) [c](/api/) [d](/tags/) [e](/feed/index.xml)\n';
    assert.deepStrictEqual(codes(await check(body, files)), [['link.url', '/tags/']]);
  });

  test('working links of every form are not reported', async () => {
    const body = [
      '[inline](/2015/03/foo.html) ![image](/assets/img/logo.png) [page](/about/) [page](/about) [contact](/contact.html)',
      '[post_url]({% post_url 2015-03-10-foo %}) [nested]({% post_url sub/2017-01-01-nested %}) [link]({% link about/index.md %})',
      '[ref][r] [Shortcut][] <https://example.org> [abs](https://blog.example.com/2016/01/bar.html)',
      '<a href="/2016/01/bar.html">a</a> <img src="/assets/img/logo.png" srcset="/assets/img/logo.png 2x, /assets/img/logo.png 640w">',
      '[relative](../../2016/01/bar.html) [same dir](./linking.html) [anchor](/2015/03/foo.html#getting-started-1) [self](#own)',
      '[baseurl]({{ site.baseurl }}/2015/03/foo.html) [filter]({{ "/assets/img/logo.png" | relative_url }}) [abs]({{ "/about/" | absolute_url }})',
      '[liquid var]({{ page.image }}) [mailto](mailto:a@b.c) [feed](/feed.xml)',
      '',
      '## Own',
      '',
      '[r]: /2016/01/bar.html',
      '[shortcut]: /contact.html',
    ].join('\n');
    assert.deepStrictEqual(await check(body, blog({ '_config.yml': 'url: https://blog.example.com\npermalink: /:year/:month/:title.html\nplugins: [jekyll-feed]\n' })), []);
  });

  test('a missing post_url says what was expected and offers the closest post', async () => {
    const [finding] = await check('See [foo]({% post_url 2015-03-01-foo %}).');
    assert.deepStrictEqual([finding!.code, finding!.covered, finding!.fix], ['link.post-url', '2015-03-01-foo', '2015-03-10-foo']);
    assert.match(finding!.message, /no post 2015-03-01-foo; did you mean 2015-03-10-foo\?/i);
  });

  test('post_url with an extension, and a folder that is not there', async () => {
    const findings = await check('{% post_url 2015-03-10-foo.md %} {% post_url other/2017-01-01-nested %}');
    assert.deepStrictEqual(codes(findings), [['link.post-url', '2015-03-10-foo.md']]);
    assert.strictEqual(findings[0]!.fix, '2015-03-10-foo');
  });

  test('post_url lookups, kept for the whole blog, follow posts that come and go and a slug that changes', async () => {
    const files = blog({ [POST]: '---\ntitle: Linking\n---\n{% post_url 2021-1-5-late %} {% post_url 2015-03-10-foo %}\n' });
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    const found = () => computeDiagnostics(site, new TextDocumentSnapshot(POST, 1, files[POST]!)).filter((d) => d.code === 'link.post-url').length;
    assert.strictEqual(found(), 1);
    await site.update('_posts/2021-01-05-late.md', '---\ntitle: Late\n---\n');
    assert.strictEqual(found(), 0);
    // The legacy lookup (a date written without zeros) compares the title with the post's slug.
    await site.update('_posts/2021-01-05-late.md', '---\ntitle: Late\nslug: other\n---\n');
    assert.strictEqual(found(), 1);
    await site.update('_posts/2015-03-10-foo.md', undefined);
    assert.strictEqual(found(), 2);
  });

  test("a post_url link's URL, kept as needing no check, is checked again when the post's front matter changes", async () => {
    const files = blog({ [POST]: '---\ntitle: Linking\n---\n[foo]({% post_url 2015-03-10-foo %})\n' });
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    const codesNow = () => computeDiagnostics(site, new TextDocumentSnapshot(POST, 1, files[POST]!)).map((d) => d.code).filter((code) => code.startsWith('link.'));
    assert.deepStrictEqual(codesNow(), []);
    // A `#` in the permalink: the browser reads what follows as a fragment, so the link goes elsewhere.
    const moved = '_posts/2015-03-10-foo.md';
    files[moved] = '---\ntitle: Foo\npermalink: /foo#bar/\n---\n';
    await site.update(moved, files[moved]);
    const fresh = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await fresh.build();
    const expected = computeDiagnostics(fresh, new TextDocumentSnapshot(POST, 1, files[POST]!)).map((d) => d.code).filter((code) => code.startsWith('link.'));
    assert.notDeepStrictEqual(expected, []);
    assert.deepStrictEqual(codesNow(), expected);
  });

  test('{% link %} to a missing file', async () => {
    const findings = await check('[x]({% link abut/index.md %})');
    assert.deepStrictEqual(codes(findings), [['link.file', 'abut/index.md']]);
    assert.strictEqual(findings[0]!.fix, 'about/index.md');
  });

  // abhijeetviswam.github.io: a draft links the next draft. The oracle builds both with --drafts (href
  // "/2022/03/31/b.html") and neither without it; from a post, the link fails the build without --drafts.
  test('{% link %} to a draft works from a draft, not from a post', async () => {
    const files = blog({ '_drafts/2022-03-31-next.md': '---\ntitle: Next\n---\n' });
    const body = '[x]({% link _drafts/2022-03-31-next.md %})';
    assert.deepStrictEqual(codes(await check(body, files, '_drafts/2022-03-15-this.md')), []);
    assert.deepStrictEqual(codes(await check(body, files)), [['link.file', '_drafts/2022-03-31-next.md']]);
    assert.deepStrictEqual(codes(await check('[x]({% link _drafts/2022-03-31-gone.md %})', files, '_drafts/2022-03-15-this.md')), [['link.file', '_drafts/2022-03-31-gone.md']]);
  });

  test('root-relative, relative and site-absolute URLs to nothing', async () => {
    const findings = await check('[a](/2015/03/fooo.html) [b](../../2016/01/baz.html) [c](https://blog.example.com/contakt.html) ![d](/assets/img/logo.jpg)');
    assert.deepStrictEqual(codes(findings), [
      ['link.url', '/2015/03/fooo.html'],
      ['link.url', '../../2016/01/baz.html'],
      ['link.url', 'https://blog.example.com/contakt.html'],
      ['link.url', '/assets/img/logo.jpg'],
    ]);
    assert.strictEqual(findings[0]!.fix, '/2015/03/foo.html');
    assert.match(findings[1]!.message, /No page at \/2016\/01\/baz\.html \(resolved from this page's URL \/2020\/05\/linking\.html\)/);
    // A page under a custom permalink style has no extension in its URL (Utils.add_permalink_suffix).
    assert.strictEqual(findings[2]!.fix, 'https://blog.example.com/contact');
    assert.match(findings[3]!.message, /No image at \/assets\/img\/logo\.jpg; did you mean \/assets\/img\/logo\.png\?/);
  });

  test("a `url` with a path is where the site's root is served: Jekyll's own `absolute_url` writes `url` + path (sergiokopplin/indigo's `url: https://sergiokopplin.github.io/indigo`)", async () => {
    // The oracle: with `url: https://h.github.io/indigo`, `{{ "/assets/x.png" | absolute_url }}` is `https://h.github.io/indigo/assets/x.png`.
    const files = blog({ '_config.yml': 'url: https://blog.example.com/indigo\npermalink: /:year/:month/:title.html\n', 'index.md': '---\ntitle: Home\n---\n' });
    const body = '[a](https://blog.example.com/indigo/) [b]({{ site.url }}/assets/img/logo.png) [c](https://blog.example.com/indigo) [other](https://blog.example.com/other/x.html) [gone](https://blog.example.com/indigo/contakt.html)';
    const findings = await check(body, files);
    assert.deepStrictEqual(codes(findings), [['link.url', 'https://blog.example.com/indigo/contakt.html']]);
    assert.strictEqual(findings[0]!.fix, 'https://blog.example.com/indigo/contact');
  });

  test('`baseurl: .` is no prefix: relative_url removes the `.` segment it makes (koobcbc.github.io, al-folio)', async () => {
    // The oracle: with `baseurl: .`, `{{ "/publications/#k" | relative_url }}` is `/publications/#k`.
    const files = blog({ '_config.yml': 'baseurl: .\npermalink: /:year/:month/:title.html\n' });
    assert.deepStrictEqual(codes(await check('<a href="{{ \'/about/\' | relative_url }}">a</a> [b](/contact.html) [c]({{ "/gone/" | relative_url }})', files)), [['link.url', '{{ "/gone/" | relative_url }}']]);
  });

  test('`.` and `..` segments of a root-relative URL are resolved as a browser does (`/../x` is `/x`), in Liquid too', async () => {
    // The oracle keeps `href="/../contact.html"` as written; the browser (WHATWG URL) asks for `/contact.html`.
    const body = '[a](/../contact.html) [b](/2015/03/../03/foo.html#getting-started) [c](/./about/) <a href="/x/y/../../contact.html">h</a> [e](/%2e%2e/contact.html) [gone](/a/../nope.html)';
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/a/../nope.html']]);
    // With a baseurl, `{{ "/../contact.html" | relative_url }}` is `/contact.html` (the oracle's output): outside the blog.
    const files = blog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n' });
    const findings = await check('[f]({{ "/a/../contact.html" | relative_url }}) [g]({{ "/../contact.html" | relative_url }}) [h](/blog/../blog/contact.html) [i](/../contact.html)', files);
    assert.deepStrictEqual(findings.map((f) => [f.code, f.covered, f.fix]), [
      ['link.baseurl', '{{ "/../contact.html" | relative_url }}', undefined],
      ['link.baseurl', '/../contact.html', '/blog/contact.html'],
    ]);
  });

  test('slashes written twice in a path are served as one (raphlinus.github.io: `![g](/assets//piet-gpu-performance.png)`)', async () => {
    // The oracle: `jekyll serve` answers 200 for `/assets//p.png` and `//assets///p.png`; the browser sends `..` resolved first.
    const body = '![a](/assets//img/logo.png) [b](/2015/03//foo.html#getting-started) [c](https://blog.example.com/about//) [d](../..//2016/01/bar.html) [gone](/assets//img/nope.png) [ext](//cdn.example.com/x.js)';
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/assets//img/nope.png']]);
  });

  test('a tab or line break in a URL is dropped, as a browser does (rubyonrails.org: `src="/assets/.../sponsors⏎/RW-logo-clio.svg"`)', async () => {
    // The oracle writes `<img src="/assets/img\n/logo.png" />` and `<a href="/contact\t.html">` as they are; the
    // browser (WHATWG URL: "remove all ASCII tab or newline") asks for `/assets/img/logo.png` and `/contact.html`.
    const body = '<p><img src="/assets/img\n/logo.png"></p>\n\nPara [m](/assets/img\r\n/logo.png) [t](/contact\t.html) [a](../../about\n/) [gone](/no\npe.html)';
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/no\npe.html']]);
  });

  test('a page of any text type with front matter is published at its permalink (bitcoincore.org: rss-en.xml at /en/rss.xml)', async () => {
    // The oracle writes `_site/en/rss.xml` for `assets/rss/rss-en.xml` with `permalink: /en/rss.xml`, whatever the extension.
    const files = blog({
      'assets/rss/rss-en.xml': '---\nlayout: none\npermalink: /en/rss.xml\n---',
      'search.json': '---\npermalink: /api/search.json\n---\n[]\n',
      'assets/plain.xml': '<rss/>\n',
      'schemas/wallets.yaml': '---\nid: https://example.org/schemas/wallets.yaml\n',
    });
    const body = '[rss](/en/rss.xml) [json](/api/search.json) [plain](/assets/plain.xml) [gone](/assets/rss/nope.xml)';
    assert.deepStrictEqual(codes(await check(body, files)), [['link.url', '/assets/rss/nope.xml']]);
    // A YAML file's unclosed `---` is its document marker: the oracle copies it unchanged, nothing to report there.
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    assert.ok(site.staticFiles.has('schemas/wallets.yaml'));
    assert.ok(site.documents.has('assets/rss/rss-en.xml'));
  });

  test('a definition no reference uses is not on the page: its URL is not checked (cocoadev; the oracle writes no `<a>` for `[Unused Def]: /nope-unused.html`)', async () => {
    const body = [
      'See [the used one][Used], [Shortcut] and [collapsed][].',
      '',
      '[Unused Def]: /nope-unused.html',
      '[used]: /nope-used.html',
      '[shortcut]: /nope-shortcut.html',
      '[Collapsed]: /nope-collapsed.html',
      '[NSApplication newDocument]: selector not recognized',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/nope-used.html'],
      ['link.url', '/nope-shortcut.html'],
      ['link.url', '/nope-collapsed.html'],
    ]);
  });

  test('a definition written again for the same label is overwritten: kramdown keeps the last one (prev.rust-lang.org\'s `[comment]: <> (...)` notes)', async () => {
    // The oracle (both inputs): `[dup]: /first`, `[DUP]: /second`, `[x][dup]` make `<a href="/second">`; two
    // `[comment]: <> (note)` lines that nothing uses make no `<a>` at all.
    const body = [
      'Text.',
      '',
      '[comment]: <> (First note.)',
      '',
      'Middle.',
      '',
      '[comment]: <> (Second note?)',
      '',
      '[dup]: /nope-first.html',
      '[DUP]: /nope-second.html',
      '',
      '[x][dup]',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/nope-second.html']]);
  });

  test('the front matter uses no definition: kramdown reads only the body (news.opensuse.org\'s `title: \'[Update] ...\'`)', async () => {
    // The oracle writes nothing for `[Update]: the problem seems ...` when only the title holds `[Update]`.
    const text = '---\ntitle: \'[Update] Hardware problem\'\n---\n\n[Update]: the problem seems to be a broken disk\n\n[Used]: /nope-used.html\n\nSee [Used].\n';
    const site = new SiteIndex(new InMemoryWorkspace({ ...blog(), [POST]: text }), withSettings(undefined));
    await site.build();
    const findings = computeDiagnostics(site, new TextDocumentSnapshot(POST, 1, text)).filter((d) => areaOf(d.code) === 'link');
    assert.deepStrictEqual(findings.map((d) => [d.code, d.range.start.line]), [['link.url', 6]]);
  });

  test("a script element's content is script, not links: `<a href>` in a template, Markdown in an inline script; its own src and Liquid tags still count", async () => {
    // The oracle passes script content through untouched (no Markdown in it), and a browser never reads it as markup.
    const body = [
      'Before',
      '',
      '<script type="text/template">',
      '  <a href="/nope1.html">x</a> <img src="/nope2.png">',
      '</script>',
      '',
      'Inline <script>var t = \'<a href="/nope3.html">x</a> [z](/nope4.html) [q][undef] <https://localhost/>\';</script> after [ok](/contact.html)',
      '',
      '<SCRIPT>',
      'document.write(\'<a href="/nope5.html">\'); var u = "{% post_url 2015-01-01-gone %}";',
      '</SCRIPT >',
      '',
      '<script src="/assets/gone.js"></script> [after](/gone.html) `<script>` [code](/gone2.html)',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.post-url', '2015-01-01-gone'],
      ['link.url', '/assets/gone.js'],
      ['link.url', '/gone.html'],
      ['link.url', '/gone2.html'],
    ]);
  });

  test('raw HTML: href, src and each srcset candidate', async () => {
    const findings = await check('<a href="/nope.html">x</a> <img src="/assets/img/no.png" srcset="/assets/img/logo.png 1x, /assets/img/no2.png 2x">');
    assert.deepStrictEqual(codes(findings), [
      ['link.url', '/nope.html'],
      ['link.url', '/assets/img/no.png'],
      ['link.url', '/assets/img/no2.png'],
    ]);
  });

  test('Greek capitals lower-case as Ruby does (Σ to σ, never ς): category URLs, slugs and reference labels', async () => {
    // Jekyll 4.3.1, `permalink: /:categories/:slug/`, `categories: [ΟΔΟΣ]`, `slug: ΝΟΜΟΣ`: _site/οδοσ/νομοσ/; `[x][ΛΟΓΟΣ]` links with `[λογοσ]: /y/`.
    const files = blog({
      '_config.yml': 'permalink: /:categories/:slug/\n',
      '_posts/2020-01-02-a.md': '---\ntitle: A\ncategories: [ΟΔΟΣ]\nslug: ΝΟΜΟΣ\n---\n',
    });
    assert.deepStrictEqual(codes(await check('[a](/οδοσ/νομοσ/) [x][ΛΟΓΟΣ]\n\n[λογοσ]: /οδοσ/νομοσ/\n', files)), []);
  });

  test('a link that differs from a file or id only in how an accent is encoded says so', async () => {
    // Jekyll 4.3.1 copies assets/re\u0301sume\u0301.pdf (a decomposed name, as macOS writes it) as is: /assets/résumé.pdf (composed) is another path.
    const files = blog({ 'assets/re\u0301sume\u0301.pdf': 'pdf', '_posts/2015-03-10-foo.md': '---\ntitle: Foo\n---\n\n## Re\u0301sume\u0301\n' });
    const findings = await check('[a](/assets/résumé.pdf) [b](/2015/03/foo.html#résumé)\n', files);
    assert.deepStrictEqual(findings.map((f) => f.code), ['link.url', 'link.fragment']);
    for (const finding of findings) {
      assert.match(finding.message, /differ only in how an accented letter is encoded/);
    }
  });

  test('reference links: undefined references, and definitions are checked', async () => {
    const findings = await check('[x][missing] [y][ok]\n\n[ok]: /gone.html\n');
    assert.deepStrictEqual(codes(findings), [
      ['link.reference', 'missing'],
      ['link.url', '/gone.html'],
    ]);
  });

  test("an included file's definitions, written or made by Liquid, define the page's references (tomjoht's links.html)", async () => {
    // The oracle: with `{% include links.html %}` (a loop writing `[{{ ... }}]: {{ ... }}` lines, and `[lit]: /lit.html`),
    // `[B][b]` and `[L][lit]` are links; `[N][nope]` stays text all the same. Layouts render after kramdown: theirs define none.
    const files = blog({
      '_includes/links.html': '{% for e in site.data.side %}\n[{{ e.url | remove: ".html" }}]: {{ e.url }}\n{% endfor %}\n',
      '_includes/outer.html': '{% include links.html %}',
      '_includes/plain.html': '<p>[none]: not at a line start</p>',
    });
    assert.deepStrictEqual(codes(await check('[B][b] and [N][nope]\n\n{% include outer.html %}\n', files)), []);
    assert.deepStrictEqual(codes(await check('[B][b]\n\n{% include plain.html %}\n', files)), [['link.reference', 'b']]);
  });

  test('an index glued to a word (`matrix[a][b]`) or quoted (`[\'a\'][\'b\']`) is code in prose, shown as written: no reference (hellojunho.github.io)', async () => {
    // The oracle: `matrix[a][b] = 1 and computers[i][j] and ['userRequest']['utterance']` is that text; so is `[the docs][dox]`, a link meant.
    const body = "matrix[a][b] = 1, computers[i][j], 배열[1][2], ['userRequest']['utterance'] and see [the docs][dox] or [dox][].\n";
    assert.deepStrictEqual(codes(await check(body)), [['link.reference', 'dox'], ['link.reference', 'dox']]);
  });

  test("brackets in a plugin's Liquid block are the plugin's to render: no reference (dart.dev's `{% prettify %}`)", async () => {
    const body = '{% prettify dart %}\nvar list = [!<String>!][];\nbool b = [0][0];\n{% endprettify %}\n\nBut [this][nope] is.\n';
    assert.deepStrictEqual(codes(await check(body)), [['link.reference', 'nope']]);
  });

  test('`[a][b](c)` with `b` undefined is text then the link `[b](c)`; brackets in a URL, title, tag or autolink are no reference (news.opensuse.org)', async () => {
    // What the oracle builds: `[text]<a href="/contact.html">ref</a>`, `<a href="/contact.html?op[a][b]=1">`, ...
    const body = [
      'One [text][ref](/contact.html) and [text][](/contact.html).',
      'Two [y](/contact.html?op[a][b]=1) ![i](/assets/img/logo.png?s[a][c]=1) [t](/contact.html "title [a][d]").',
      'Three <a href="/contact.html?a[b][e]=1">h</a> and <https://example.com/?a[b][f]=1>.',
      'Still text: [x][g] [y][h] (/contact.html) [z][].',
      '',
      'No tag: a<b [w][k] [v](/nope.html) <br>',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.reference', 'g'],
      ['link.reference', 'h'],
      ['link.reference', 'z'],
      ['link.reference', 'k'],
      ['link.url', '/nope.html'],
    ]);
  });


  test('brackets in Liquid are Liquid: `{{ site.data["sample"][1] }}` is no reference (jekyll-polyglot\'s site)', async () => {
    // The oracle renders the Liquid first: `one<br />` where the page has `{{ site.data["sample"][1] }}<br/>`;
    // `[x][2]` after it, in the text, stays `[x][2]`.
    const body = '{{ site.data["sample"][1] }}<br/>\n{{ site.data["sample"][2] }} and [x][2] {% assign y = site.data.list[0][1] %}[w][v]\n';
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.reference', '2'],
      ['link.reference', 'v'],
    ]);
  });
  test("relative links resolve against a layout's <base href>, as browsers do (theforeman.org: <base href=\"{{ site.baseurl }}/\"> in its header)", async () => {
    const files = blog({
      '_config.yml': `url: https://blog.example.com\nbaseurl: /blog\npermalink: /:year/:month/:title.html\n${POST_LAYOUT}`,
      '_layouts/post.html': '<html><head>{% include head.html %}</head><body>{{ content }}</body></html>',
      '_includes/head.html': '<meta charset="utf-8">\n    <base href="{{ site.baseurl }}/">\n',
    });
    const body = '[a](contact.html) ![b](assets/img/logo.png) [c](nope.html) [d](/blog/about/#team)\n';
    const findings = await check(body, files);
    assert.deepStrictEqual(codes(findings), [['link.url', 'nope.html']]);
    assert.match(findings[0]!.message, /No page at \/nope\.html \(resolved from the <base href> \/ of its layout\)/);
    // Without a layout that writes one, or with one only some builds write, the page's own URL is the base.
    const conditional = blog({ '_config.yml': `permalink: /:year/:month/:title.html\n${POST_LAYOUT}`, '_layouts/post.html': "{% if jekyll.environment == 'email' %}<base href=\"/\">{% endif %}{{ content }}" });
    assert.deepStrictEqual(codes(await check('[a](contact.html)', conditional)), [['link.url', 'contact.html']]);
  });

  test('a Markdown link written inside a Liquid tag is no link: the tag prints nothing (cockpit-project.github.io\'s blog/tags.html)', async () => {
    // The oracle prints nothing of `{% assign li = ... | append: "](" | append: post.url | append: ")" %}` nor of
    // `{% assign x = "[a](/nope1/)" %}`; the link after them is checked.
    const body = '{% assign li = "* " | append: " [" | append: page.title | append: "](" | append: site.baseurl | append: page.url | append: ")" %}\n\nText {% assign x = "[a](/nope1/)" %} [b](/nope2/)\n\n{{ li }}\n';
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/nope2/']]);
  });
  test('an HTML tag written inside a Liquid tag is no link either (kubevirt.io: pages/blogs/date.md)', async () => {
    // The oracle: `{% assign s = "<a href='" | append: id | append: "'>" %}{{ s }}May</a>` writes `<a href="#2018-05">`.
    const body = '{% assign s = "<a href=\'" | append: id | append: "\'>" %} {% assign t = "<img src=\'/nope1.png\'>" %}\n\n{{ s }}May</a> <a href="/nope2/">x</a>\n';
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/nope2/']]);
  });


  test('`[a][^b]` is text then the footnote marker `[^b]`, no reference (benbalter.com)', async () => {
    // The oracle: `information[.]<sup id="fnref:26" role="doc-noteref"><a href="#fn:26" ...>1</a></sup>`.
    const body = 'Of that information[.][^26] and [x][missing]. See [note](#fn:26).\n\n[^26]: 44 U.S.C.A. 3601.\n';
    assert.deepStrictEqual(codes(await check(body)), [['link.reference', 'missing']]);
  });

  test('Markdown in `<code>`, `<kbd>`, `<samp>` and `<var>` is text: no link nor reference there (cocoadev.github.io)', async () => {
    // The oracle: `<code>i = array[a][b];</code> <kbd>[k](/nope1.html)</kbd> <samp>[s][t]</samp>`, all defined;
    // `markdown="span"` parses it, tags inside stay tags, an unclosed one runs to its paragraph's end.
    const body = [
      'A <code>i = array[a][b];</code> <kbd>[k](/nope1.html)</kbd> <SAMP>[s][t]</SAMP> <var>v[g][h]</var>',
      '<code markdown="span">[m](/nope2.html)</code> <code><a href="/nope3.html">a</a></code> <span>[x][y]</span>.',
      '',
      'Unclosed <code>[c][d] runs to the paragraph end',
      '',
      '[after][z] `<code>` [w][v]',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/nope2.html'],
      ['link.url', '/nope3.html'],
      ['link.reference', 'y'],
      ['link.reference', 'z'],
      ['link.reference', 'v'],
    ]);
  });

  test('a line right after indented code goes on with it (kramdown\'s lazy line, cocoadev): no link there; HTML, Liquid or a blank line ends the code', async () => {
    // The oracle: `<code>code line lazy [a](/x) # heading still</code>`, and `<div>` after the code is HTML.
    const body = 'Text.\n\n    code line\nlazy [a](/nope1.html)\n# heading [b](/nope2.html)\n\n[c](/nope3.html)\n\n    code\n<div><a href="/nope4.html">d</a></div>\n';
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/nope3.html'],
      ['link.url', '/nope4.html'],
    ]);
  });

  test('kramdown math (`$$...$$`) is text: no link nor reference there (sylhare.github.io\'s `$$dp[i][k-1]$$`)', async () => {
    // The oracle: `\(dp[i][k-1]\)`, `\([x](/nope1.html)\)`, `\(&lt;a href="/nope2.html"&gt;...\)`; an escaped
    // `\$`, a `$$` whose paragraph has no other, and a `$$` within a link's text leave the links links; block math
    // may hold a blank line.
    const body = [
      'Range $$dp[i][k-1]$$ and $$[x](/nope1.html)$$ and $$<a href="/nope2.html">a</a>$$ then [y][z].',
      '',
      'Escaped \\$$[e](/nope3.html)$$ here.',
      '',
      'Opens $$ here',
      '',
      '[p](/nope5.html) after a blank line $$.',
      '',
      '[see $$a_1$$](/nope6.html) and $$',
      '[q](/nope7.html)',
      '$$ across lines.',
      '',
      '$$',
      '[r](/nope8.html) [s][t]',
      '',
      '<a href="/nope9.html">b</a>',
      '$$',
      '',
      '[after][v]',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.reference', 'z'],
      ['link.url', '/nope3.html'],
      ['link.url', '/nope5.html'],
      ['link.url', '/nope6.html'],
      ['link.reference', 'v'],
    ]);
  });

  test('an HTML block opened in a capture ends with it: the page after it is read on its own (prebid.github.io)', async () => {
    // The oracle: the capture's `<ul>` (closed by `</ol>`) is printed in the include; the fence after the capture is
    // code (`&lt;a href="/nope2.html"&gt;`) and `[after]` a link. Without the capture the `<ul>` runs to the end.
    const capture = [
      '{% capture note %}',
      'Intro [a](/nope1.html).',
      '{::nomarkdown}',
      '<ul>',
      '<li>One</li>',
      '</ol>',
      '{:/}',
      '{% endcapture %}',
      '{% include note.html content=note %}',
      '',
      '```html',
      '<a href="/nope2.html">b</a>',
      '```',
      '',
      '[after](/nope3.html)',
    ].join('\n');
    const files = blog({ '_includes/note.html': '<div markdown="span">{{ include.content }}</div>' });
    assert.deepStrictEqual(codes(await check(capture, files)), [
      ['link.url', '/nope1.html'],
      ['link.url', '/nope3.html'],
    ]);
    const bare = capture.replace('{% capture note %}\n', '').replace('{% endcapture %}\n', '');
    assert.deepStrictEqual(codes(await check(bare, files)), [
      ['link.url', '/nope1.html'],
      ['link.url', '/nope2.html'],
    ]);
  });

  test('a line break in a Markdown link\'s URL is dropped, as a browser drops it (prebid.github.io: `#targeting-class-properties-and-` then `methods`)', async () => {
    // The oracle keeps the break in the `href` (`<a href="/2015/03/foo.html#getting-\nstarted">`); WHATWG URL parsing
    // removes tabs and line breaks, so the link goes to `#getting-started`. Liquid, which runs first, reads its line
    // breaks as white space.
    const body = [
      'See [a](/2015/03/foo.html#getting-',
      'started), [c](/2015/03/f',
      'oo.html), [d](/nope-',
      'x.html), [g]({% post_url',
      '2015-03-10-foo %}#getting-',
      'started) and [h]({% post_url',
      '2015-03-10-foo %}#no-',
      'such).',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/nope-\nx.html'],
      ['link.fragment', '{% post_url\n2015-03-10-foo %}#no-\nsuch'],
    ]);
  });

  test('a table cell\'s edge cuts a link: a line with `|` at a block start is a row (cocoadev.github.io)', async () => {
    // The oracle: `<td>[b](/p2</td><td>x) at a block start</td>`; after a paragraph's line, in a header, in a code
    // span or in Liquid a `|` cuts nothing.
    const body = [
      'Para line',
      '[a](/p1|x) after a paragraph line',
      '',
      '[b](/p2|x) at a block start',
      '',
      '`|` [c](/p3) code span pipe',
      '',
      '[e]({{ "/p5" | relative_url }}) Liquid pipe',
      '',
      '# [g](/p7|x) header',
      '',
      'x | y',
      '[h](/p8|x) next table line',
      '',
      '[i][j] | [k][m]',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/p1|x'],
      ['link.url', '/p3'],
      ['link.url', '{{ "/p5" | relative_url }}'],
      ['link.url', '/p7|x'],
      ['link.reference', 'j'],
      ['link.reference', 'm'],
    ]);
  });

  test('a list item\'s first line with a `|` is a table row too: its cells cut links', async () => {
    // The oracle (GFM): `<li><table>...<td>[a](/p1</td><td>x) first line of an item</td>`, also after a paragraph's
    // line (a list ends a paragraph) and as a list's second item; a header in an item, a setext header and the item's
    // paragraph going on are no rows (`<a href="/p4|x">`).
    const body = [
      '- [a](/p1|x) first line of an item',
      '',
      'Para line',
      '- [b](/p2|x) a list ends a paragraph',
      '',
      '1. one',
      '2. [c](/p3|x) second item',
      '',
      '- # [d](/p4|x) header in an item',
      '',
      '- [e](/p5|x) setext header in an item',
      '  ---',
      '',
      '- one',
      '  [f](/p6|x) the item\'s paragraph goes on',
      '',
      '- [g](/p7|x) a row, then',
      '  text: no table',
      '',
      '[h](/p8|x) a row, then',
      'text: no table',
      '',
      '- [i](/p9|x) a row, then the next item',
      '- next',
    ].join('\n');
    // A table must end where a block may (kramdown's `before_block_boundary?`): a blank line, the text's end, in an
    // item the next item; the oracle makes `<li><a href="/p7|x">g</a> a row, then text: no table</li>`.
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/p4|x'],
      ['link.url', '/p5|x'],
      ['link.url', '/p6|x'],
      ['link.url', '/p7|x'],
      ['link.url', '/p8|x'],
    ]);
    // With `input: kramdown` a list does not end a paragraph: the oracle writes `<p>Para line - <a href="/p2|x">`. A
    // list's second item is a row there too.
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nkramdown:\n  input: kramdown\n' });
    assert.deepStrictEqual(codes(await check(body, files)), [
      ['link.url', '/p2|x'],
      ['link.url', '/p4|x'],
      ['link.url', '/p5|x'],
      ['link.url', '/p6|x'],
      ['link.url', '/p7|x'],
      ['link.url', '/p8|x'],
    ]);
  });

  test('a table row in a block quote or a nested list item cuts links too', async () => {
    // The oracle (GFM): `<blockquote><table>...<td>[e](/p5</td><td>x) in a quote</td>`, also for `> | a | [f](/p6|x) |`,
    // a quote's line after its `>` blank line, a quote in an item (`- > [h](/p8|x)`), and an item nested four spaces in
    // right after its parent's line; a quote's line going on its paragraph is no row (`<a href="/p7|x">`).
    const body = [
      '> [e](/p5|x) in a quote',
      '',
      '> | a | [f](/p6|x) |',
      '',
      '> para',
      '> [g](/p7|x) quote second line',
      '',
      '- > [h](/p8|x) quote in item',
      '',
      '> q',
      '>',
      '> [i](/p9|x) after the quote\'s blank line',
      '',
      '- a',
      '    - [d](/p4|x) nested four',
      '',
      '> [j](/p10|x) a row, then',
      '> text: no table',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/p7|x'],
      ['link.url', '/p10|x'],
    ]);
  });

  test('with `input: kramdown` a list\'s later items are rows too: their cells cut links', async () => {
    // The oracle (kramdown 2.4, `input: kramdown`): `<li>one</li><li><table>...<td>[a](/p1</td>` for a list's second
    // item, also its third, one after a lazy line, another bullet, a nested list, an empty item; a list that a paragraph
    // goes on (`Para` then `- x`), an ordered marker in a bullet list, a list ended by Liquid's blank line and text, or a
    // rule, make text (`<a href="/p7|x">`).
    const body = [
      '- one',
      '- [a](/p1|x) second item',
      '',
      '- one',
      '- two',
      '- [b](/p2|x) third item',
      '',
      '1. one',
      '2. [c](/p3|x) second ordered',
      '',
      '- one',
      'lazy',
      '- [e](/p5|x) after a lazy line',
      '',
      '* one',
      '- [h](/p8|x) another bullet, same list',
      '',
      '- one',
      '  - nested',
      '- [i](/p9|x) after a nested list',
      '',
      '- ',
      '- [l](/p12|x) after an empty item',
      '',
      'Para',
      '- not a list',
      '- [g](/p7|x) second marker after a paragraph',
      '',
      '- one',
      '1. [j](/p10|x) an ordered marker goes on the item\'s text',
      '',
      '- one',
      '{% if false %}',
      '{% endif %}',
      'text',
      '- [k](/p11|x) after Liquid that prints a blank line',
      '',
      '* * *',
      'text',
      '- [n](/p14|x) after a rule',
      '',
      '- one',
      '- [m](/p13|x) row then',
      '  text',
    ].join('\n');
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nkramdown:\n  input: kramdown\n' });
    assert.deepStrictEqual(codes(await check(body, files)), [
      ['link.url', '/p7|x'],
      ['link.url', '/p10|x'],
      ['link.url', '/p11|x'],
      ['link.url', '/p14|x'],
      ['link.url', '/p13|x'],
    ]);
  });

  test('GFM: a block quote starts after any line outside a quote, so its first line may be a row', async () => {
    // The oracle (GFM): `<p>Para line</p><blockquote><table>...<td>[a](/p1</td>`, also after an item's line, a
    // definition's, an HTML line, a header, a link definition, nested or indented quotes and in an item; a quote's line
    // going on its paragraph, a lazy one's included, is no row (`<a href="/p7|x">`). With `input: kramdown` a quote
    // does not end a paragraph: `<p>Para line &gt; <a href="/p1|x">`.
    const body = [
      'Para line',
      '> [a](/p1|x) quote after a paragraph',
      '',
      '- item',
      '> [b](/p2|x) quote after an item\'s line',
      '',
      'Term',
      ': def',
      '> [c](/p3|x) after a definition',
      '',
      '<span>x</span>',
      '> [e](/p5|x) after an HTML line',
      '',
      '# Head',
      '> [k](/p11|x) after a header',
      '',
      'Para',
      '> > [l](/p12|x) nested quote',
      '',
      'Para',
      '   > [n](/p14|x) indented three',
      '',
      '- item',
      '  > [q](/p17|x) quote in an item after its line',
      '',
      '> q',
      'lazy',
      '> [g](/p7|x) quote after a lazy line',
      '',
      'Para',
      '> [r](/p18|x) row then',
      '> text',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/p7|x'],
      ['link.url', '/p18|x'],
    ]);
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nkramdown:\n  input: kramdown\n' });
    // (After a header a block starts in both: `# Head` is left out here, kramdown's own input is not followed there.)
    const withoutHeader = body.replace('# Head\n> [k](/p11|x) after a header\n\n', '');
    assert.deepStrictEqual(codes(await check(withoutHeader, files)).map(([, url]) => url), [
      '/p1|x', '/p2|x', '/p3|x', '/p5|x', '/p12|x', '/p14|x', '/p17|x', '/p7|x', '/p18|x',
    ]);
  });

  test('kramdown: parse_block_html: true reads Markdown in HTML blocks as markdown="1" would: their links are links', async () => {
    // The oracle with the setting: `<div><p><a href="/nope1">a</a> ...`, `<p><a href="/nope4">`, `<div><p><a
    // href="/nope7">` in a `<section>`, `<span><a href="/nope9">`; a `<table>`, `<ul>`, `<pre>` or `markdown="0"` keep
    // theirs as text. Without it, every one is text.
    const body = [
      '<div>',
      '[a](/nope1) **b**',
      '',
      '[c](/nope2)',
      '</div>',
      '',
      '<table>',
      '<tr><td>[d](/nope3)</td></tr>',
      '</table>',
      '',
      '<p>[f](/nope4)</p>',
      '',
      '<div markdown="0">',
      '[j](/nope5)',
      '</div>',
      '',
      '<ul>',
      '<li>[k](/nope6)</li>',
      '</ul>',
      '',
      '<section>',
      '<div>[l](/nope7)',
      '</div>',
      '</section>',
      '',
      '<div>',
      '<pre>[h](/nope8)</pre>',
      '<span>[i](/nope9)</span>',
      '</div>',
    ].join('\n');
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nkramdown:\n  parse_block_html: true\n' });
    assert.deepStrictEqual(codes(await check(body, files)), ['/nope1', '/nope2', '/nope4', '/nope7', '/nope9'].map((url) => ['link.url', url]));
    assert.deepStrictEqual(codes(await check(body)), []);
    // An HTML page never meets kramdown: its indented tags in a `<div>` stay tags (the oracle: software-carpentry.org's
    // lessons.html keeps `<a href=".../lessons/dashboard/">`), though in Markdown they would be an indented code block.
    const html = '<div class="row">\n  <div class="c">\n    <p>\n      See <a href="/nope10/">dash</a>.\n    </p>\n  </div>\n</div>\n';
    assert.deepStrictEqual(codes(await check(html, files, 'lessons.html')), [['link.url', '/nope10/']]);
    assert.deepStrictEqual(codes(await check(html, files, 'lessons.md')), []);
  });

  test('a definition\'s URL runs to its line\'s end but for a quoted title; with a quote after a space and no title it is text', async () => {
    // The oracle: `<a href="/assets/img/my logo.png" title="Logo">`, `<a href="/nope2 with space.html">`,
    // `<a href="/about.html (paren title)">`, `<a href="about.html" title="t">`, `<a href="/nope6.html" title="next
    // line">`; `[c][r3]` and `[g][r7]` as text, their lines a paragraph `<p>[r3]: /nope3.html “t” more`. A line with
    // a `|` where a block starts is a table row, when the table ends there: `<td>[r8]: /search?q=a</td><td>b</td>`,
    // `[h][r8]` as text, and so is each line with a `|` after it (`<td>[r12]: /nope12</td>`); after a definition's
    // line it is one, `<a href="/x|y">`.
    const body = [
      '[a][r1] [b][r2] [c][r3] [d][r4] [e][r5] [f][r6] [g][r7] [h][r8] [i][r9] [j][r10] [k][r11] [l][r12]',
      '',
      '[r1]: /assets/img/my logo.png "Logo"',
      '[r2]: /nope2 with space.html',
      '',
      '[r3]: /nope3.html "t" more',
      '[r7]: /nope7.html',
      '',
      '[r4]: /contact.html (paren title)',
      '[r5]: <../../contact.html> "t"',
      '[r6]: /nope6.html',
      '  \'next line\'',
      '',
      '[r8]: /search?q=a|b',
      '[r12]: /nope12|x',
      '',
      '[r10]: {{ "/nope10" | relative_url }}',
      '[r9]: /x|y',
      '[r11]: /s?q=c|d',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body, blog({ 'assets/img/my logo.png': 'png' }))), [
      ['link.reference', 'r3'],
      ['link.reference', 'r7'],
      ['link.reference', 'r8'],
      ['link.reference', 'r12'],
      ['link.url', '/nope2 with space.html'],
      ['link.url', '/contact.html (paren title)'],
      ['link.url', '/nope6.html'],
      ['link.url', '{{ "/nope10" | relative_url }}'],
      ['link.url', '/x|y'],
      ['link.url', '/s?q=c|d'],
    ]);
  });

  test('a definition right after a paragraph\'s line is text: the paragraph goes on (the oracle, both inputs)', async () => {
    // The oracle: `<p>para\n[r1]: /p1</p>`, also after a list item's or a quote's text, emphasis, a code span, a link
    // or a number (`[a][r1]` as text); after a header, a fence, an HTML block, a rule, a footnote's line or a quoted
    // header it is a definition (`<a href="/p2">`). An indented line before it is not judged (missed, not wrong).
    // kramdown's input: the same (`[f][r6]` as text, since ``` fences nothing there).
    const body = [
      '[a][r1] [b][r2] [c][r3] [d][r4] [e][r5] [f][r6] [g][r7] [h][r8] [i][r9] [j][r10] [k][r11] [l][r12] [m][r13]',
      '',
      'para',
      '[r1]: /nope1',
      '',
      '# Header',
      '[r2]: /nope2',
      '',
      '- item',
      '[r3]: /nope3',
      '',
      '> quote',
      '[r4]: /nope4',
      '',
      '*emph* text',
      '[r5]: /nope5',
      '',
      '```',
      'code',
      '```',
      '[r6]: /nope6',
      '',
      '<div>x</div>',
      '[r7]: /nope7',
      '',
      '***',
      '[r8]: /nope8',
      '',
      '> # quoted header',
      '[r9]: /nope9',
      '',
      '[Link](/contact.html) starts the line',
      '[r10]: /nope10',
      '',
      '`code` span',
      '[r11]: /nope11',
      '',
      '2020 was',
      '[r12]: /nope12',
      '',
      '[^1]: a footnote',
      '[r13]: /nope13',
      '',
      'See[^1].',
    ].join('\n');
    const expected = [
      ['link.reference', 'r1'],
      ['link.reference', 'r3'],
      ['link.reference', 'r4'],
      ['link.reference', 'r5'],
      ['link.reference', 'r10'],
      ['link.reference', 'r11'],
      ['link.reference', 'r12'],
      ['link.url', '/nope2'],
      ['link.url', '/nope6'],
      ['link.url', '/nope7'],
      ['link.url', '/nope8'],
      ['link.url', '/nope9'],
      ['link.url', '/nope13'],
    ];
    assert.deepStrictEqual(codes(await check(body)), expected);
    // kramdown's own input has no backtick fences: the fence's lines are a paragraph, and so is the definition.
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nkramdown:\n  input: kramdown\n' });
    const kramdownExpected = [...expected.slice(0, 4), ['link.reference', 'r6'], ...expected.slice(4).filter(([, url]) => url !== '/nope6')];
    assert.deepStrictEqual(codes(await check(body, files)), kramdownExpected);
  });

  test('indented code goes on over the lines right after it, indented or not, up to a blank line, HTML or an attribute list', async () => {
    // The oracle: `<pre><code>code1 - item [a](/a1)\n\ncode2 # head ...` (a list item, a header, a quote, a span's
    // line, a fence are the code's), `<p><a href="/nope3">`; `<div>` and `{: .cls}` end the code.
    const body = [
      'intro',
      '',
      '    code1',
      '- item [a](/nope1)',
      '',
      '    code2',
      '# head',
      '<span>s</span> [b](/nope2)',
      '',
      'after [c](/nope3) [d](#head)',
      '',
      '- item',
      '',
      '        code in an item',
      '    lazy [e](/nope4)',
      '',
      '    code3',
      '<div>x</div>',
      '',
      '    code4',
      '{: .cls}',
      '[f](/nope5)',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.url', '/nope3'],
      ['link.fragment', '#head'],
      ['link.url', '/nope5'],
    ]);
  });

  test('fragments: same page and other documents, with header ids by the GFM rule and a fix', async () => {
    const findings = await check('[a](#intro) [b](/2015/03/foo.html#getting-startd) [c]({% post_url 2015-03-10-foo %}#whats-new) [d](/about/#team) [e](#comments)\n\n## Introduction\n');
    assert.deepStrictEqual(codes(findings), [
      ['link.fragment', '#intro'],
      ['link.fragment', '/2015/03/foo.html#getting-startd'],
    ]);
    assert.match(findings[1]!.message, /No id #getting-startd in _posts\/2015-03-10-foo\.md; did you mean #getting-started\?/);
    assert.strictEqual(findings[1]!.fix, '/2015/03/foo.html#getting-started');
  });

  test('fragments: ids a layout or an include writes, quoted or not, are there (csswizardry.com; the oracle keeps them)', async () => {
    const files = blog({
      '_layouts/post.html': '<article>{{ content }}</article>{% include news.html %}',
      '_includes/news.html': '<div id=mc_embed_signup class=c-newsletter><div name=\'signup-form\'></div></div>',
      '_includes/clients.html': '<section class=band id=section:clients>',
    });
    assert.deepStrictEqual(codes(await check('[a](#mc_embed_signup) [b](#signup-form) [c](/about/#section:clients) [d](#missing)', files)), [['link.fragment', '#missing']]);
  });

  test('fragments: an HTML page is no Markdown, so an indented tag after a blank line is HTML, not code (m6web: tags.html; the oracle keeps it)', async () => {
    const files = blog({
      'tags.html': '---\ntitle: Tags\n---\n<ul>\n</ul>\n\n\t<h2 id="plain">x</h2>\n\n    <p id="four">y</p>\n\n# Not a heading\n',
    });
    assert.deepStrictEqual(codes(await check('[a](/tags.html#plain) [b](/tags.html#four) [c](/tags.html#not-a-heading)', files)), [['link.fragment', '/tags.html#not-a-heading']]);
  });

  test('an HTML page is no Markdown: `[a](b)` there is text, not a link; its <a href> is checked', async () => {
    const files = blog({ 'page.html': '---\ntitle: P\n---\n<p>[a](/nope-md.html)</p>\n\n    <a href="/nope-html.html">x</a>\n' });
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    const text = files['page.html']!;
    const found = computeDiagnostics(site, new TextDocumentSnapshot('page.html', 1, text)).filter((d) => d.code === 'link.url').map((d) => String(d.message));
    assert.deepStrictEqual(found, ['No page at /nope-html.html.']);
  });

  test("fragments: a layout's ids are on the pages it frames, through its own layouts (yarnpkg: install's id=\"{{os}}\")", async () => {
    const files = blog({
      '_config.yml': 'permalink: /:year/:month/:title.html\ndefaults:\n  - scope: { path: "" }\n    values: { layout: post }\n',
      '_layouts/install.html': '<div id="{{ os }}"></div>{{ content }}',
      '_layouts/child.html': '---\nlayout: install\n---\n{{ content }}',
      '_includes/box.html': '<p id="box-{{ include.n }}"></p>',
      'install.md': '---\nlayout: install\n---\n',
      'child.md': '---\nlayout: child\n---\n',
      'odd.md': '---\nlayout: missing\n---\n',
    });
    const body = '[a](#nowhere) [b](/install.html#linux) [c](/child.html#macos) [d](/2015/03/foo.html#comments) [e](/odd.html#any) [g](/2015/03/foo.html#windows)\n';
    assert.deepStrictEqual(codes(await check(body, files)), [
      ['link.fragment', '#nowhere'],
      ['link.fragment', '/2015/03/foo.html#windows'],
    ]);
  });

  test("fragments: an include's ids are on the pages that include it, from their text, their layouts or other includes; a name Liquid makes, or one not on disk, may be any (bitcoinops: contributors.html's id=\"{{include.id}}\")", async () => {
    // The oracle: box.html's `box-1` is on boxed.html (its layout includes outer.html, which includes box.html),
    // free.html's `x` on direct.html, neither on a post; include_relative reads a file beside the page, any file;
    // a name may start with `/` (prebid's `{% include /alerts/alert_warning.html %}`).
    const files = blog({
      '_config.yml': 'permalink: /:year/:month/:title.html\ndefaults:\n  - scope: { path: "" }\n    values: { layout: post }\n',
      '_includes/box.html': '<p id="box-{{ include.n }}"></p>',
      '_includes/outer.html': '{%- include box.html n=1 -%}',
      '_includes/free.html': '<div id="{{ include.id }}"></div>',
      '_layouts/boxed.html': '{% include /outer.html %}{{ content }}',
      '_layouts/rel.html': '{% include_relative part.html %}{{ content }}',
      'boxed.md': '---\nlayout: boxed\n---\n',
      'direct.md': '---\ntitle: Direct\n---\n{% include free.html id="x" %}\n',
      'dynamic.md': '---\ntitle: Dynamic\n---\n{% include {{ page.which }} %}\n',
      'cached.md': '---\ntitle: Cached\n---\n{% include_cached free.html id="y" %}\n',
      'gone.md': '---\ntitle: Gone\n---\n{% include gone.html %}\n',
      'lines.md': '---\ntitle: Lines\n---\n{% liquid\n  include free.html\n%}\n',
      'rel.md': '---\nlayout: rel\n---\n',
    });
    const body = '[a](/boxed.html#box-1) [b](/direct.html#x) [c](/dynamic.html#any) [d](/cached.html#y) [e](/gone.html#any) [e](/lines.html#any) [f](/rel.html#any) [g](/2015/03/foo.html#box-1) [h](/boxed.html#x) [i](#x)\n';
    assert.deepStrictEqual(codes(await check(body, files)), [
      ['link.fragment', '/2015/03/foo.html#box-1'],
      ['link.fragment', '/boxed.html#x'],
      ['link.fragment', '#x'],
    ]);
    assert.deepStrictEqual(codes(await check('{% include free.html id="here" %}\n[a](#here)\n', files)), []);
  });

  test('fragments: a document of a collection without output has no page of its own; its #links name ids of the page showing it (a one-page site)', async () => {
    // The oracle: `_sections` with `output: false`, its documents' content looped into index.md; `[contact](#contact)`
    // in one section goes to the next section's header on index.html.
    const sections = (output: boolean) => blog({ '_config.yml': `permalink: /:year/:month/:title.html\ncollections:\n  sections:\n    output: ${output}\n` });
    const body = 'See [contact](#contact) and [gone](/nope.html).\n';
    assert.deepStrictEqual(codes(await check(body, sections(false), '_sections/about.md')), [['link.url', '/nope.html']]);
    assert.deepStrictEqual(codes(await check(body, sections(true), '_sections/about.md')), [
      ['link.fragment', '#contact'],
      ['link.url', '/nope.html'],
    ]);
  });

  test('fragments follow input: kramdown', async () => {
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nkramdown:\n  input: kramdown\n' });
    assert.deepStrictEqual(codes(await check('[a](/2015/03/foo.html#whats-new) [b](/2015/03/foo.html#getting-started-1)', files)), []);
    assert.deepStrictEqual(codes(await check('[a](#1-intro)\n\n## 1. Intro\n', files)), [['link.fragment', '#1-intro']]);
  });

  test('baseurl: links must carry it; {{ site.baseurl }} and relative_url supply it', async () => {
    const files = blog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n' });
    const findings = await check('[a](/2015/03/foo.html) [b]({{ site.baseurl }}/2015/03/foo.html) [c](/blog/2015/03/foo.html) [d]({{ "/about/" | relative_url }}) [e](/blog/nope.html)', files);
    assert.deepStrictEqual(codes(findings), [
      ['link.baseurl', '/2015/03/foo.html'],
      ['link.url', '/blog/nope.html'],
    ]);
    assert.strictEqual(findings[0]!.fix, '/blog/2015/03/foo.html');
  });

  test('baseurl twice: {{ site.baseurl }} or {{ "" | relative_url }} before {% link %}/{% post_url %}, which write it since Jekyll 4 (minimal-mistakes docs)', async () => {
    const files = blog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n', 'index.html': '---\ntitle: Home\n---\n' });
    const findings = await check('[a]({{ site.baseurl }}{% link about/index.md %}) [b]({{ "" | relative_url }}{% post_url 2015-03-10-foo %}#getting-started) [c]({% link about/index.md %}) [d]({{ "" | relative_url }})', files);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered, f.fix]),
      [
        ['link.url', '{{ site.baseurl }}{% link about/index.md %}', '{% link about/index.md %}'],
        ['link.url', '{{ "" | relative_url }}{% post_url 2015-03-10-foo %}#getting-started', '{% post_url 2015-03-10-foo %}#getting-started'],
      ],
    );
    assert.match(findings[0]!.message, /in this URL twice/);
  });

  test('on GitHub Pages (Jekyll 3.10) {% link %} and {% post_url %} write no baseurl: {{ site.baseurl }} before them is right (azure-sdk)', async () => {
    // Jekyll 3.10's tags return `item.url` (lib/jekyll/tags/link.rb, post_url.rb); 4.0 added `relative_url` (#6727).
    for (const gemfile of ['source "https://rubygems.org"\ngem "github-pages", ">= 231", group: [:jekyll_plugins]\n', 'gem "jekyll", "~> 3.9"\n']) {
      const files = blog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n', 'index.html': '---\ntitle: Home\n---\n', Gemfile: gemfile });
      const findings = await check('[a]({{ site.baseurl }}{% link about/index.md %}) [b]({{ site.baseurl }}{% post_url 2015-03-10-foo %}#getting-started) [c]({% link about/index.md %})', files);
      assert.deepStrictEqual(findings.map((f) => [f.code, f.covered]), [['link.baseurl', '{% link about/index.md %}']], gemfile);
    }
    // Jekyll 4 named in the Gemfile: the tags write the baseurl, as without a Gemfile.
    const files = blog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n', Gemfile: 'gem "jekyll", "~> 4.3"\n' });
    assert.deepStrictEqual(codes(await check('[a]({{ site.baseurl }}{% link about/index.md %}) [c]({% link about/index.md %})', files)), [['link.url', '{{ site.baseurl }}{% link about/index.md %}']]);
  });

  test('a link that is a post_url tag alone: the post is found or the tag is reported, once; in full where the URL needs a look', async () => {
    assert.deepStrictEqual(codes(await check('[a]({% post_url 2015-03-10-foo %}) [b]({%- post_url sub/2017-01-01-nested -%}) <a href="{% post_url 2016-01-01-bar %}">c</a>')), []);
    assert.deepStrictEqual(codes(await check('[a]({% post_url 2015-03-10-fooo %})')), [['link.post-url', '2015-03-10-fooo']]);
    // On GitHub Pages the tag leaves out the baseurl.
    const pages = blog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n', Gemfile: 'gem "github-pages"\n' });
    assert.deepStrictEqual(codes(await check('[a]({% post_url 2015-03-10-foo %})', pages)), [['link.baseurl', '{% post_url 2015-03-10-foo %}']]);
    // A permalink that makes a query of the URL: the browser asks for /p, which is not the post.
    const query = blog({ '_config.yml': 'permalink: /p?:title\n' });
    assert.deepStrictEqual(codes(await check('[a]({% post_url 2015-03-10-foo %})', query)), [['link.url', '{% post_url 2015-03-10-foo %}']]);
  });

  test('suspicious URLs: scheme-less hosts, quotes, double parentheses, localhost', async () => {
    const findings = await check('[a](www.reddit.com/r/jekyll) [b](stackoverflow.com) [c]("https://x.org") [d]((/about/)) [e](http://localhost:4000/x) [f](notes.html)');
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered, f.code === 'link.suspicious' ? f.fix : undefined]),
      [
        ['link.suspicious', 'www.reddit.com/r/jekyll', 'https://www.reddit.com/r/jekyll'],
        ['link.suspicious', 'stackoverflow.com', 'https://stackoverflow.com'],
        ['link.suspicious', '"https://x.org"', 'https://x.org'],
        ['link.suspicious', '(/about/)', '/about/'],
        ['link.suspicious', 'http://localhost:4000/x', undefined],
        ['link.url', 'notes.html', undefined],
      ],
    );
  });

  test('a localhost address the reader sees as the link\'s text is on purpose (jekyll docs: "Browse to http://localhost:4000")', async () => {
    const body = [
      'Browse to [http://localhost:4000](http://localhost:4000), <http://localhost:4000/a>',
      'or <a href="http://127.0.0.1:4000" target="_blank">http://127.0.0.1:4000</a>.',
      'But [my other post](http://localhost:4000/2015/03/foo.html) and <a href="http://localhost:4000/b">here</a> are copied from a preview.',
      'Without its scheme: login at [localhost:8888](http://localhost:8888) or <a href="http://127.0.0.1:8000/">127.0.0.1:8000</a> (umitsarioz.github.io).',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.suspicious', 'http://localhost:4000/2015/03/foo.html'],
      ['link.suspicious', 'http://localhost:4000/b'],
    ]);
  });

  test('a tag marked data-proofer-ignore is not checked: html-proofer, the link checker Jekyll blogs run, skips it too', async () => {
    const body = '<a href="/nope.html" data-proofer-ignore>x</a> <a data-proofer-ignore="true" href="http://localhost/y">y</a> <img data-proofer-ignore src="/gone.png"> <a href="/nope2.html">z</a>';
    assert.deepStrictEqual(codes(await check(body)), [['link.url', '/nope2.html']]);
  });

  test('jekyll-relative-links: a link to a source file from a page goes to its URL; posts only with collections: true', async () => {
    const config = (extra = '') => 'url: https://blog.example.com\npermalink: /:year/:month/:title.html\nplugins: [jekyll-relative-links]\n' + extra;
    const page = '[foo](_posts/2015-03-10-foo.md#getting-started) [bad id](_posts/2015-03-10-foo.md#nope) ![logo](../assets/img/logo.png) [c][c] [gone](gone.md)\n\n[c]: /contact.md\n';
    assert.deepStrictEqual(codes(await check(page.replace('../assets', 'assets'), blog({ '_config.yml': config() }), 'guide.md')), [
      ['link.fragment', '_posts/2015-03-10-foo.md#nope'],
      ['link.url', 'gone.md'],
    ]);
    // From a folder: `../` climbs from the page's own folder, not from its URL.
    assert.deepStrictEqual(codes(await check(page.replace(/_posts\//g, '../_posts/'), blog({ '_config.yml': config() }), 'docs/guide.md')).map(([code]) => code), ['link.fragment', 'link.url']);
    // A post is rewritten only with `collections: true`; without the plugin nothing is.
    const inPost = '[about](../about/index.md)';
    assert.deepStrictEqual(codes(await check(inPost, blog({ '_config.yml': config() }))), [['link.url', '../about/index.md']]);
    assert.deepStrictEqual(codes(await check(inPost, blog({ '_config.yml': config('relative_links:\n  collections: true\n') }))), []);
    assert.deepStrictEqual(codes(await check('[c](contact.md)', blog(), 'guide.md')), [['link.url', 'contact.md']]);
    assert.deepStrictEqual(codes(await check('[c](contact.md)', blog({ '_config.yml': config('relative_links:\n  enabled: false\n') }), 'guide.md')), [['link.url', 'contact.md']]);
  });

  test("plugins the Gemfile's :jekyll_plugins group loads are on, and GitHub Pages' defaults with the github-pages gem (crystal-lang.org)", async () => {
    const page = '[Linux](install/on_linux.md) [gone](gone.md)\n';
    const files = (gemfile: string) => blog({ 'install/on_linux.md': '---\ntitle: Linux\n---\n', Gemfile: gemfile });
    const rewritten = [['link.url', 'gone.md']];
    assert.deepStrictEqual(codes(await check(page, files("source 'https://rubygems.org'\ngroup :jekyll_plugins do\n  gem 'jekyll-relative-links'\nend\n"), 'install.md')), rewritten);
    assert.deepStrictEqual(codes(await check(page, files('gem "jekyll-relative-links", group: :jekyll_plugins\n'), 'install.md')), rewritten);
    assert.deepStrictEqual(codes(await check(page, files('gem "github-pages", group: :jekyll_plugins\n'), 'install.md')), rewritten);
    // Outside the group Jekyll does not load it.
    assert.deepStrictEqual(codes(await check(page, files("gem 'jekyll-relative-links'\n"), 'install.md')), [['link.url', 'install/on_linux.md'], ['link.url', 'gone.md']]);
  });

  test("a `remote_theme` with no Gemfile is GitHub Pages' build, with its default plugins (OpenSearch's style guide site)", async () => {
    // Only GitHub Pages loads jekyll-remote-theme unasked (pages-gem's `configure_plugins`); a plain `jekyll build`
    // ignores `remote_theme` (the oracle: "Layout 'default' requested ... does not exist"), so such a site is built there.
    const page = '[Linux](install/on_linux.md) [gone](gone.md)\n';
    const files = (config: string, gemfile?: string) => {
      const site = blog({ '_config.yml': config, 'install/on_linux.md': '---\ntitle: Linux\n---\n' });
      return gemfile === undefined ? site : { ...site, Gemfile: gemfile };
    };
    const remote = 'remote_theme: just-the-docs/just-the-docs\n';
    assert.deepStrictEqual(codes(await check(page, files(remote), 'install.md')), [['link.url', 'gone.md']]);
    // With a Gemfile, Bundler says what loads, as before; with no theme, nothing says GitHub Pages.
    assert.deepStrictEqual(codes(await check(page, files(remote, 'gem "jekyll"\n'), 'install.md')), [['link.url', 'install/on_linux.md'], ['link.url', 'gone.md']]);
    assert.deepStrictEqual(codes(await check(page, files('title: T\n'), 'install.md')), [['link.url', 'install/on_linux.md'], ['link.url', 'gone.md']]);
  });

  test('a link that differs from a URL only in its ending is offered that URL, not a nearer-looking one (CocoaPods blog)', async () => {
    const files = blog({ '_config.yml': 'permalink: /:title\n', '_posts/2014-05-20-CocoaPods-Trunk.md': '---\ntitle: T\n---\n', '_posts/2021-04-19-CocoaPods-Trunk-RCE.md': '---\ntitle: R\n---\n' });
    const findings = await check('[trunk](/CocoaPods-Trunk/)', files);
    assert.deepStrictEqual(findings.map((f) => [f.code, f.fix]), [['link.url', '/CocoaPods-Trunk']]);
  });

  test('nothing in code, comments or raw blocks is a link; Liquid tags in code still are', async () => {
    const body = '`[a](/nope1.html)`\n\n```\n[b](/nope2.html)\n```\n\n    [c](/nope3.html)\n\n<!-- [d](/nope4.html) -->\n\n{% comment %}[e](/nope5.html){% endcomment %}\n\n{% raw %}[f]({{ x }}){% endraw %}\n\n```\n{% post_url 2015-01-01-gone %}\n```\n';
    assert.deepStrictEqual(codes(await check(body)), [
      ['link.post-url', '2015-01-01-gone'],
      ['liquid.in-code', '{% post_url 2015-01-01-gone %}'],
    ]);
  });

  test('Liquid variables in a URL and plugin pages are never reported', async () => {
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nplugins: [jekyll-paginate-v2, jekyll/tagging, jekyll-sitemap]\npagination:\n  permalink: /posts/:num/\ntag_page_dir: tag\n' });
    assert.deepStrictEqual(await check('[a]({{ page.imgdir }}/x.png) [b]({{ site.repository }}/tree) [c](/posts/2/) [d](/tag/kotlin/) [e](/sitemap.xml)', files), []);
  });

  test('jekyll-archives makes only the archives `enabled` lists, each at its own or the default permalink', async () => {
    // The oracle (Jekyll 4.3.1, jekyll-archives 2.2.1): with `enabled: [categories, tags]` and only `category` in
    // `permalinks`, _site has /category/software-engineering/ and /tag/ruby/ (the default tag permalink stays); without
    // `enabled` it writes no archive at all; `enabled: all` (or true) writes /2020/, /2020/01/, /2020/01/01/ too.
    const site = (archives: string) => blog({ '_config.yml': `permalink: /:year/:month/:title.html\nplugins: [jekyll-archives]\n${archives}` });
    const body = '[a](/category/software-engineering/) [b](/tag/ruby/) [c](/2020/) [d](/2020/01/) [e](/gone/)';
    const customCategory = site('jekyll-archives:\n  enabled: [categories, tags]\n  permalinks:\n    category: /category/:name/\n');
    assert.deepStrictEqual(codes(await check(body, customCategory)), [['link.url', '/2020/'], ['link.url', '/2020/01/'], ['link.url', '/gone/']]);
    assert.deepStrictEqual(codes(await check(body, site(''))).map(([, covered]) => covered), ['/category/software-engineering/', '/tag/ruby/', '/2020/', '/2020/01/', '/gone/']);
    assert.deepStrictEqual(codes(await check(body, site('jekyll-archives:\n  enabled: all\n'))), [['link.url', '/gone/']]);
    assert.deepStrictEqual(codes(await check(body, site('jekyll-archives:\n  enabled: [month]\n'))), [['link.url', '/category/software-engineering/'], ['link.url', '/tag/ruby/'], ['link.url', '/2020/'], ['link.url', '/gone/']]);
  });

  test("jekyll-paginate-v2's autopages make tag, category and collection pages once `autopages` is enabled", async () => {
    // The oracle (Jekyll 4.3.1, jekyll-paginate-v2 3.0.0): `autopages: { enabled: true }` writes /tag/ruby/,
    // /category/software engineering/ and /collection/posts/; a kind's own `permalink` moves it, its `enabled: false`
    // drops it; without `autopages.enabled` none is written (genics.blog links its /category/ and /tag/ pages).
    const site = (autopages: string) => blog({ '_config.yml': `permalink: /:year/:month/:title.html\nplugins: [jekyll-paginate-v2]\npagination:\n  enabled: true\n${autopages}` });
    const body = '[a](/tag/ruby/) [b](/category/software-engineering) [c](/collection/posts/) [d](/t/ruby/)';
    assert.deepStrictEqual(codes(await check(body, site('autopages:\n  enabled: true\n'))), [['link.url', '/t/ruby/']]);
    const moved = site('autopages:\n  enabled: true\n  collections:\n    enabled: false\n  tags:\n    permalink: /t/:tag/\n');
    assert.deepStrictEqual(codes(await check(body, moved)), [['link.url', '/tag/ruby/'], ['link.url', '/collection/posts/']]);
    assert.strictEqual((await check(body, site(''))).length, 4);
  });

  test("jekyll-feed's tag feeds and collection feeds are found at their configured paths", async () => {
    // The oracle (Jekyll 4.3.1, jekyll-feed 0.17.0): `feed: { path: /atom.xml, tags: { path: alt/tags/ },
    // collections: { recipes: { path: /r.xml } } }` writes /atom.xml, /alt/tags/ruby.xml and /r.xml, and no /feed.xml;
    // `tags: true` writes /feed/by_tag/ruby.xml.
    const site = (feed: string) => blog({ '_config.yml': `permalink: /:year/:month/:title.html\nplugins: [jekyll-feed]\ncollections:\n  recipes:\n    output: true\nfeed:\n${feed}` });
    const configured = site('  path: /atom.xml\n  tags:\n    path: "alt/tags/"\n  collections:\n    recipes:\n      path: "/r.xml"\n');
    assert.deepStrictEqual(codes(await check('[a](/atom.xml) [b](/alt/tags/ruby.xml) [c](/r.xml) [d](/feed.xml) [e](/s.xml)', configured)), [['link.url', '/feed.xml'], ['link.url', '/s.xml']]);
    assert.deepStrictEqual(codes(await check('[a](/feed/by_tag/ruby.xml) [b](/by_tag/ruby.xml)', site('  tags: true\n'))), [['link.url', '/by_tag/ruby.xml']]);
  });

  test('rouge and kramdown listed as plugins make no pages: a missing page stays broken', async () => {
    // Jekyll 4.3.1 writes the same files with `plugins: [rouge, kramdown, kramdown-parser-gfm]` as without (mzlogin.github.io lists rouge).
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nplugins: [rouge, kramdown, kramdown-parser-gfm, jekyll-feed]\n' });
    assert.deepStrictEqual(codes(await check('[a](/generated/page/)', files)), [['link.url', '/generated/page/']]);
  });

  test('jekyll-livereload, a `jekyll serve` option, makes no pages: a missing page stays broken', async () => {
    // It injects a reload script while serving (Jekyll 3.7 took it in as `serve --livereload`); `jekyll build` writes
    // the same files (the oracle builds al3x.github.com, whose Gemfile loads it, with the same pages without the gem).
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\n', Gemfile: "group :jekyll_plugins do\n  gem 'jekyll-livereload'\nend\n" });
    assert.deepStrictEqual(codes(await check('[a](/generated/page/)', files)), [['link.url', '/generated/page/']]);
  });

  test('an unknown plugin turns a missing page into "cannot verify"', async () => {
    const files = blog({ '_config.yml': 'permalink: /:year/:month/:title.html\nplugins: [jekyll-made-up-generator]\n' });
    const findings = await check('[a](/generated/page/)', files);
    assert.deepStrictEqual(codes(findings), [['link.unverified', '/generated/page/']]);
  });

  test("a gem or remote theme's assets/ folder is published into the site: a missing file there may be the theme's", async () => {
    // The oracle (Jekyll 4.3.1, minima 2.5.1): _site has /assets/main.css (from the theme's assets/main.scss) and
    // /assets/minima-social-icons.svg, and `{% link assets/main.scss %}` finds the theme's file. A made-up theme gem's
    // images/ and docs/ folders are not published: a link there, or to a page, stays an error.
    const body = '[a](/assets/main.css) [b](/assets/img/x.png) [c]({% link assets/main.scss %}) [d](/assets/eip-1/code) [e](/images/x.png) [f](/gone/) [g](/Assets/x.css)\n';
    const themed = (config: string) => blog({ '_config.yml': `permalink: /:year/:month/:title.html\n${config}\n` });
    const lenient = [['link.unverified', '/assets/main.css'], ['link.unverified', '/assets/img/x.png'], ['link.unverified', 'assets/main.scss'], ['link.url', '/assets/eip-1/code'], ['link.url', '/images/x.png'], ['link.url', '/gone/'], ['link.url', '/Assets/x.css']];
    const minima = await check(body, themed('theme: minima'));
    assert.deepStrictEqual(codes(minima), lenient);
    assert.match(minima[0]!.message, /No file at \/assets\/main\.css\. The theme minima may provide it/);
    assert.deepStrictEqual(codes(await check(body, themed('remote_theme: owner/some-theme@main'))), lenient);
    // The theme's own repository (its Gemfile's `gemspec` loads the gem from here, its layouts are here): its files are all at hand.
    const own = { ...themed('theme: jekyll-theme-chirpy'), Gemfile: 'source "https://rubygems.org"\ngemspec\n' };
    assert.deepStrictEqual(codes(await check(body, own)).map(([code]) => code), ['link.url', 'link.url', 'link.file', 'link.url', 'link.url', 'link.url', 'link.url']);
    assert.deepStrictEqual(codes(await check(body, blog())).map(([code]) => code), ['link.url', 'link.url', 'link.file', 'link.url', 'link.url', 'link.url', 'link.url'], 'no theme');
    const pluginRepository = Object.fromEntries(Object.entries({ ...own, '_config.yml': 'permalink: /:year/:month/:title.html\ntheme: minima\n' }).filter(([path]) => !path.startsWith('_layouts/')));
    assert.deepStrictEqual(codes(await check(body, pluginRepository)), lenient, 'a gemspec without layouts: the theme gem is not this repository');
  });

  test("a GitHub Pages user or organization site: a link into a folder the site has nothing in may be another repository's site", async () => {
    // jupyter.github.io (served at jupyter.org) links to /governance/..., which the jupyter/governance repository's
    // Pages site serves on the same domain. Links into a folder the site has (any case), or relative ones, stay errors.
    const body = '[a](/governance/people.html) [b](/Contact/x) [c](/about/gone) [d](gone/x) [e](https://blog.example.com/kanji/)\n';
    const expected = [['link.unverified', '/governance/people.html'], ['link.url', '/Contact/x'], ['link.url', '/about/gone'], ['link.url', 'gone/x'], ['link.unverified', 'https://blog.example.com/kanji/']];
    assert.deepStrictEqual(codes(await check(body, blog(), POST, withSettings(undefined), 'jupyter.github.io')), expected);
    const byUrl = blog({ '_config.yml': 'url: https://someone.github.io\nbaseurl: ""\npermalink: /:year/:month/:title.html\n' });
    assert.deepStrictEqual(codes(await check(body.replace('https://blog.example.com', 'https://someone.github.io'), byUrl)), expected.map(([code, covered]) => [code, covered!.replace('https://blog.example.com', 'https://someone.github.io')]));
    const unverified = (await check(body, blog(), POST, withSettings(undefined), 'jupyter.github.io'))[0]!;
    assert.match(unverified.message, /another repository/);
    assert.deepStrictEqual(codes(await check(body, blog(), POST, withSettings(undefined), 'csswizardry.github.com')), expected, 'the older <owner>.github.com repository name');
    assert.deepStrictEqual(codes(await check(body, blog(), POST, withSettings(undefined), 'blog')).map(([code]) => code), ['link.url', 'link.url', 'link.url', 'link.url', 'link.url'], 'any other site');
  });

  test('a page kept out of the build by `published: false` may link to others kept out (cfpb.github.io\'s jobs pages)', async () => {
    // Jekyll builds neither without `--unpublished`, both with it: in no build is the link broken. A published page's
    // link to one stays an error, saying why.
    const files = blog({
      '_config.yml': 'permalink: /:year/:month/:title.html\ndefaults:\n  - scope:\n      path: jobs\n    values:\n      published: false\n',
      'jobs/devops/index.md': '---\ntitle: DevOps\npermalink: /jobs/devops/\n---\n',
      'team.md': '---\ntitle: Team\npublished: false\n---\n',
      '_posts/2016-01-01-bar.md': '---\ntitle: Bar\npublished: false\n---\n',
    });
    const body = '[a](/jobs/devops/) [b](/team.html) [c](/2016/01/bar.html) [d](/jobs/gone/)\n';
    assert.deepStrictEqual(codes(await check(body, files, 'jobs/index.md')), [['link.url', '/jobs/gone/']]);
    const fromPublished = await check(body, files);
    assert.deepStrictEqual(codes(fromPublished), [['link.url', '/jobs/devops/'], ['link.url', '/team.html'], ['link.url', '/2016/01/bar.html'], ['link.url', '/jobs/gone/']]);
    assert.match(fromPublished[0]!.message, /jobs\/devops\/index\.md would be there, but is `published: false`/);
    assert.doesNotMatch(fromPublished[2]!.message, /did you mean/, 'the page is there, kept out: no other is suggested');
    assert.doesNotMatch(fromPublished[3]!.message, /published: false/);
  });

  test('redirect_from and collections are in the URL space', async () => {
    const files = blog({
      '_config.yml': 'permalink: /:year/:month/:title.html\ncollections:\n  talks:\n    output: true\n',
      '_posts/2016-01-01-bar.md': '---\nredirect_from: /old-bar/\n---\n',
      '_talks/keynote.md': '---\n---\n',
    });
    assert.deepStrictEqual(await check('[a](/old-bar/) [b](/talks/keynote.html)', files), []);
  });

  test('a fragment on a redirect_from URL: the redirect page drops it (swift.org /download/#snapshots; the oracle writes location="/install/")', async () => {
    const files = blog({
      '_config.yml': 'baseurl: /blog\nplugins:\n  - jekyll-redirect-from\n',
      'install/index.md': '---\ntitle: Install\nredirect_from:\n  - /download/\n  - /get.html\n---\n## Snapshots\n',
      'install/status/index.md': '---\ntitle: Status\nredirect_from: /install/status.html\n---\n## Sec\n',
    });
    const body = '[a](/blog/download/#snapshots) [b]({{ site.baseurl }}/download/#nope) [c](/blog/download/) [d](/blog/get.html#snapshots) [e](/blog/download/#top) [f](/blog/download/#?v=5) [g](/blog/download/#snapshot) [h](/blog/install/status#sec) [i](/blog/install/status#nope) [j](/blog/install/status.html#sec)\n';
    const findings = await check(body, files);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered, f.fix]),
      [
        ['link.redirect', '/blog/download/#snapshots', '/blog/install/#snapshots'],
        ['link.fragment', '{{ site.baseurl }}/download/#nope', undefined],
        ['link.redirect', '/blog/get.html#snapshots', '/blog/install/#snapshots'],
        ['link.fragment', '/blog/download/#snapshot', '/blog/install/#snapshots'],
        // The oracle writes install/status.html (the redirect) and install/status/index.html: the host picks.
        ['link.fragment', '/blog/install/status#nope', undefined],
        ['link.redirect', '/blog/install/status.html#sec', '/blog/install/status/#sec'],
      ],
    );
    assert.match(findings[0]!.message, /\/download\/ redirects to \/install\/, without #snapshots/);
    assert.match(findings[1]!.message, /No id #nope in install\/index\.md, where \/download\/ redirects/);
  });

  test('a fragment into a page with redirect_to: the reader lands on the redirect\'s target, without it', async () => {
    // The oracle (jekyll-redirect-from 0.16.0): `old.html` is only `<script>location="/blog/new/"</script>` and a meta
    // refresh, none of its own headings; a list takes its first URL, Liquid is written as it is, an external URL or one
    // with its own fragment is followed as written. Without the plugin the page is itself: checked as ever.
    const pages = {
      'new/index.md': '---\ntitle: New\n---\n## Bar\n',
      'old.md': '---\ntitle: Old\nredirect_to: /new/\n---\n## Foo\n\n## Bar\n',
      'list.md': '---\ntitle: List\nredirect_to:\n  - new/\n  - /other/\n---\n',
      'ext.md': '---\ntitle: Ext\nredirect_to: https://example.com/x\n---\n',
      'frag.md': '---\ntitle: Frag\nredirect_to: /new/#bar\n---\n',
      'liquid.md': '---\ntitle: Liquid\nredirect_to: "{{ site.baseurl }}/new/"\n---\n',
      'gone.md': '---\ntitle: Gone\nredirect_to: /nowhere/\n---\n',
    };
    const files = blog({ '_config.yml': 'baseurl: /blog\nplugins:\n  - jekyll-redirect-from\n', ...pages });
    const body = '[a](/blog/old.html#foo) [b](/blog/old.html#bar) [c](/blog/list.html#bar) [d](/blog/ext.html#x) [e](/blog/frag.html#x) [f](/blog/liquid.html#x) [g](/blog/gone.html#x) [h](/blog/old.html)\n';
    const findings = await check(body, files);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered, f.fix]),
      [
        ['link.fragment', '/blog/old.html#foo', '/blog/new/#bar'],
        ['link.redirect', '/blog/old.html#bar', '/blog/new/#bar'],
        ['link.redirect', '/blog/list.html#bar', '/blog/new/#bar'],
      ],
    );
    assert.match(findings[0]!.message, /No id #foo in new\/index\.md, where \/old\.html redirects/);
    // No jekyll-redirect-from in the config or the Gemfile: old.md is published as it is; a theme's gem may still load
    // the plugin, so an id the page lacks is not reported either.
    const without = blog({ '_config.yml': 'baseurl: /blog\n', ...pages });
    assert.deepStrictEqual(codes(await check('[a](/blog/old.html#foo) [b](/blog/old.html#nope)\n', without)), []);
  });

  test('Liquid in code blocks and spans is a warning whose fix wraps it in raw', async () => {
    const findings = await check('```yaml\nuser: ${{ secrets.USER }}\n```\n\nInline `{% if x %}` and {% raw %}`{{ fine }}`{% endraw %}.\n');
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered, f.fix]),
      [
        ['liquid.in-code', '{{ secrets.USER }}', '{% raw %}{{ secrets.USER }}{% endraw %}'],
        ['liquid.in-code', '{% if x %}', '{% raw %}{% if x %}{% endraw %}'],
      ],
    );
  });

  test('Liquid in `$$` math is rendered too: the formula loses it', async () => {
    // The oracle: `\(\frac{b}\)`, `\[\sum_ x_i\]`, and `\(\frac{{c}}{d}\)` in raw.
    const body = 'Fraction $$\\frac{{a}}{b}$$ and {% raw %}$$\\frac{{c}}{d}$${% endraw %} and $$\\{x\\}$$.\n\n$$\n\\sum_{{i}} x_i\n$$\n';
    const findings = await check(body);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered, f.fix]),
      [
        ['liquid.in-code', '{{a}}', '{% raw %}{{a}}{% endraw %}'],
        ['liquid.in-code', '{{i}}', '{% raw %}{{i}}{% endraw %}'],
      ],
    );
    assert.match(findings[0]!.message, /in math/);
  });

  test('a `{{` whose first `}` is single fails the build, in math or code (the oracle: "Variable \'{{n}\' was not properly terminated")', async () => {
    const body = 'Choose $${{n}\\choose{k}}$$ and `{{-x}^2}`, not `{{ a }}}`.\n';
    const findings = await check(body);
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.covered]),
      [
        ['liquid.in-code', '{{n}'],
        ['liquid.in-code', '{{-x}'],
        ['liquid.in-code', '{{ a }}'],
      ],
    );
    assert.match(findings[0]!.message, /fails the build/);
    assert.match(findings[1]!.message, /fails the build/);
    assert.doesNotMatch(findings[2]!.message, /fails the build/);
  });

  test('a highlight block on one line is its tags around code: the tags are no Liquid in code (azure-sdk)', async () => {
    // The oracle: `<figure class="highlight"><pre><code class="language-text" data-lang="text"> If-Not-Match: "x" </code></pre></figure>`.
    const findings = await check('Text.\n\n{% highlight text %} If-Not-Match: "x" {% endhighlight %}\n\n{% highlight text %} a {{ b }} {% endhighlight %}\n');
    assert.deepStrictEqual(codes(findings), [['liquid.in-code', '{{ b }}']]);
  });

  test('an include that is all of a code block shows a file\'s source; with other code around it, it is still reported (azure-sdk)', async () => {
    // The oracle puts the included file's text in the code block.
    const body = '```python\n{% include_relative _includes/example_client.py %}\n```\n\n{% highlight html %}\n{% include note.html %}\n{% endhighlight %}\n\n```html\n<div>\n{% include note.html %}\n</div>\n```\n';
    assert.deepStrictEqual(codes(await check(body)), [['liquid.in-code', '{% include note.html %}']]);
  });

  test('a string output in code is meant to be seen, whatever quote it holds (capgemini.github.io: `{{ "\'{{" }}`)', async () => {
    // The oracle writes `id: '{{objectId()}}',` and `x: "{{y` in the code block.
    const body = '```\n  id: {{ "\'{{" }}objectId()}}\',\n  x: {{ \'"{{\' }}y {{ "a" | append: b }} {{ page.nothing }}\n```\n';
    assert.deepStrictEqual(codes(await check(body)), [['liquid.in-code', '{{ page.nothing }}']]);
  });

  test('an include whose first line writes nothing makes no code block of its indented line (Minimal Mistakes\' posts-by-tags page, atan4583.github.io)', async () => {
    // The oracle: after a Liquid-only line, `    {% include archive-single.html %}` renders as HTML when the include
    // starts with `{% if ... %}` (the line is blank), and as a code block when it starts with `<div>`.
    const body = '{% for post in site.posts %}\n  <h3>x</h3>\n  {% for p in site.posts %}\n    {% include archive-single.html %}\n  {% endfor %}\n{% endfor %}\n';
    const opensBlank = blog({ '_includes/archive-single.html': '{% if post.header.teaser %}\n<div class="item">{{ post.title }}</div>\n{% endif %}\n' });
    assert.deepStrictEqual(codes(await check(body, opensBlank)), []);
    const opensWithText = blog({ '_includes/archive-single.html': '<div class="item">{{ post.title }}</div>\n' });
    assert.deepStrictEqual(codes(await check(body, opensWithText)), [['liquid.in-code', '{% include archive-single.html %}']]);
    // In a fence the include's output is code whatever its first line.
    assert.deepStrictEqual(codes(await check('```\n    {% include archive-single.html %}\nx\n```\n', opensBlank)), [['liquid.in-code', '{% include archive-single.html %}']]);
  });

  test('with the site\'s own plugins, a site variable in code may be one they set (bitcoin.org: site.DOWNLOAD_VERSION)', async () => {
    // The oracle, built without --safe as such a site is: `tar xzf bitcoin-27.0-x86_64-linux-gnu.tar.gz` in the code block.
    const body = 'Example:\n\n    tar xzf bitcoin-{{site.DOWNLOAD_VERSION}}.tar.gz {{ page.nothing }}\n';
    assert.deepStrictEqual(codes(await check(body)), [['liquid.in-code', '{{site.DOWNLOAD_VERSION}}'], ['liquid.in-code', '{{ page.nothing }}']]);
    assert.deepStrictEqual(codes(await check(body, blog({ '_plugins/releases.rb': 'module Jekyll; end\n' }))), [['liquid.in-code', '{{ page.nothing }}']]);
  });

  test('a for loop in code over a list the page sets makes the code\'s lines: its tags are meant (LineageOS wiki)', async () => {
    // The oracle: `--extra_apks com.android.adbd.apex=...` for each item of `apexes`; the loop over `site.posts` in the
    // tutorial renders nothing there, so it is still reported, its `endfor` too.
    const body = [
      '{% capture apexes %}a b{% endcapture %}{% assign apexes = apexes | split: " " %}',
      '',
      '```',
      'sign \\',
      '    {%- for apex in apexes %}',
      '    --extra_apks {{ apex }}.apex \\',
      '    {%- endfor %}',
      '    signed.zip',
      '```',
      '',
      '```',
      '{% for post in site.posts %}{{ post.title }}{% endfor %} {% endfor %}',
      '```',
    ].join('\n');
    assert.deepStrictEqual(codes(await check(body)), [
      ['liquid.in-code', '{% for post in site.posts %}'],
      ['liquid.in-code', '{% endfor %}'],
      ['liquid.in-code', '{% endfor %}'],
    ]);
  });

  test('a variable an included file assigns is meant output in code (LineageOS wiki: `current_branch` from snippets/branches.md)', async () => {
    // The oracle: `git push lineage-21.0` in the code block, `{{ current_branch | precision: 1 }}` rendered.
    const files = blog({ '_includes/snippets/branches.md': '{%- assign current_branch = 21.0 %}\n{% capture note %}x{% endcapture %}\n' });
    const body = '{%- include snippets/branches.md %}\n\n```\ngit push lineage-{{ current_branch | precision: 1 }} {{ note }} {{ other }}\n```\n';
    assert.deepStrictEqual(codes(await check(body, files)), [['liquid.in-code', '{{ other }}']]);
    // Without the include on the page, nothing sets it.
    assert.deepStrictEqual(codes(await check('```\n{{ current_branch }}\n```\n', files)), [['liquid.in-code', '{{ current_branch }}']]);
    // An edit that changes what the include assigns re-checks every page; one that does not, only the include.
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    assert.deepStrictEqual(await site.update('_includes/snippets/branches.md', '{%- assign current_branch = 22.0 %}\n{% capture note %}y{% endcapture %}\n'), { scope: 'documents', paths: ['_includes/snippets/branches.md'] });
    assert.deepStrictEqual(await site.update('_includes/snippets/branches.md', '{%- assign branch = 22.0 %}\n'), { scope: 'all' });
  });

  test('render_with_liquid: false turns Liquid checks off', async () => {
    const all = { ...blog(), [POST]: '---\nrender_with_liquid: false\n---\n```\n{{ x }}\n```\n{% post_url 1999-01-01-none %}\n' };
    const site = new SiteIndex(new InMemoryWorkspace(all), withSettings(undefined));
    await site.build();
    assert.deepStrictEqual(computeDiagnostics(site, new TextDocumentSnapshot(POST, 1, all[POST]!)).filter((d) => String(d.code).startsWith('link.')), []);
  });

  test('a rename re-checks exactly the documents that link to the old and new path', async () => {
    const files = blog({
      '_posts/2020-01-01-a.md': '---\n---\n[x]({% post_url 2015-03-10-foo %})\n',
      '_posts/2020-01-02-b.md': '---\n---\n[x](/2015/03/foo.html#getting-started)\n',
      '_posts/2020-01-03-c.md': '---\n---\n[x](/2016/01/bar.html)\n',
    });
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    const deleted = await site.update('_posts/2015-03-10-foo.md', undefined);
    assert.deepStrictEqual(deleted.scope === 'documents' && [...deleted.paths].sort(), ['_posts/2015-03-10-foo.md', '_posts/2020-01-01-a.md', '_posts/2020-01-02-b.md']);
    const created = await site.update('_posts/2015-04-11-foo.md', files['_posts/2015-03-10-foo.md']);
    // a's post_url is broken now; a post with the same title changes its suggestion, so a is re-checked too.
    assert.deepStrictEqual(created.scope === 'documents' && [...created.paths], ['_posts/2015-04-11-foo.md', '_posts/2020-01-01-a.md']);
    // An edit to the body that keeps ids and URL re-checks only itself; a changed header re-checks its linkers.
    await site.update('_posts/2015-03-10-foo.md', files['_posts/2015-03-10-foo.md']);
    const body = await site.update('_posts/2015-03-10-foo.md', files['_posts/2015-03-10-foo.md'] + '\nMore text.\n');
    assert.deepStrictEqual(body.scope === 'documents' && body.paths, ['_posts/2015-03-10-foo.md']);
    const header = await site.update('_posts/2015-03-10-foo.md', '---\n---\n## Renamed\n');
    assert.deepStrictEqual(header.scope === 'documents' && [...header.paths].sort(), ['_posts/2015-03-10-foo.md', '_posts/2020-01-01-a.md', '_posts/2020-01-02-b.md']);
    const image = await site.update('assets/img/new.png', undefined, true);
    assert.deepStrictEqual(image.scope === 'documents' && image.paths, ['assets/img/new.png']);
    assert.ok(site.urls.lookup('/assets/img/new.png'));
  });

  test('on a site of more than 2,000 URLs, a page at the root is compared with the other pages at the root', async () => {
    const body = '[contact](/contcat.html) [post](/2015/03/fooo.html)';
    const images = Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`assets/img/photo-${i}.png`, 'png']));
    const suggested = (findings: { message: string }[]) => findings.map((f) => /did you mean (\S+)\?/.exec(f.message)?.[1]);
    // The same suggestions as on the small site, where every URL is compared.
    assert.deepStrictEqual(suggested(await check(body)), ['/contact', '/2015/03/foo.html']);
    assert.deepStrictEqual(suggested(await check(body, blog(images))), ['/contact', '/2015/03/foo.html']);
  });

  test('a document broken wholesale gets did-you-mean for its first 20 broken links only (each search is costly)', async () => {
    const body = Array.from({ length: 25 }, (_, i) => `[post ${i}](/2015/03/fo${i}.html)`).join('\n');
    const findings = await check(body);
    assert.strictEqual(findings.length, 25);
    assert.strictEqual(findings.filter((f) => /did you mean \/2015\/03\/foo\.html/.test(f.message)).length, 20, JSON.stringify(findings.map((f) => f.message)));
  });

  test('Jekyll does not read its `destination` folder: the site built into docs/ is no part of the source', async () => {
    // Oracle (4.3.1, `destination: docs`, Site#read): docs/old/page.md and docs/old/file.txt are neither pages nor
    // static files (Reader#retrieve_dirs skips the folder equal to site.dest). An underscore folder is read apart.
    const files = blog({
      '_config.yml': 'url: https://blog.example.com\npermalink: /:year/:month/:title.html\ndestination: ./docs/\n',
      'docs/old/page.md': '---\ntitle: Old\n---\n',
      'docs/styles/main.css': 'body {}',
      'docs2/x.txt': 'x',
    });
    const body = '[a](/docs/old/page.html) [b](/docs/styles/main.css) [c](/docs2/x.txt) [d](/styles/main.css)\n';
    assert.deepStrictEqual(codes(await check(body, files)), [
      ['link.url', '/docs/old/page.html'],
      ['link.url', '/docs/styles/main.css'],
      ['link.url', '/styles/main.css'],
    ]);
    const outside = blog({ '_config.yml': 'destination: ../site\n', 'docs/a.txt': 'a' });
    assert.deepStrictEqual(codes(await check('[a](/docs/a.txt)\n', outside)), []);
    // With `source: src`, as the index sees the site, from src/: `destination` is from the folder of _config.yml.
    const sourced = blog({ '_config.yml': 'source: src\ndestination: docs\n', 'docs/a.txt': 'a', 'out/b.txt': 'b' });
    assert.deepStrictEqual(codes(await check('[a](/docs/a.txt)\n', sourced)), [], 'src/docs is no destination');
    sourced['_config.yml'] = 'source: ./src/\ndestination: src/out\n';
    assert.deepStrictEqual(codes(await check('[b](/out/b.txt)\n', sourced)), [['link.url', '/out/b.txt']]);
  });
});
