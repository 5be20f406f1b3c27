import * as assert from 'node:assert';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { globMatcher } from '../../server/src/core/glob';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

async function diagnosticsOf(files: Record<string, string>, path: string, settings = withSettings(undefined)) {
  const workspace = new InMemoryWorkspace(files);
  const site = new SiteIndex(workspace, settings);
  await site.build();
  return computeDiagnostics(site, new TextDocumentSnapshot(path, 1, files[path]!));
}

suite('diagnostics', () => {
  test('a document lists at most 500, then one that counts the rest; messages quote a short excerpt', async () => {
    const path = '_posts/2020-04-02-broken.md';
    const long = 'x'.repeat(1500);
    const body = Array.from({ length: 600 }, (_, i) => `[a](/nope-${i}-${long})`).join(' ');
    const diagnostics = await diagnosticsOf(exampleBlog({ [path]: `---\nlayout: post\ntitle: T\nauthor: jane.doe\n---\n${body}\n` }), path);
    assert.strictEqual(diagnostics.length, 501);
    assert.ok(diagnostics.slice(0, 500).every((d) => d.code === 'link.url' && String(d.message).length < 400), 'each message quotes an excerpt');
    assert.deepStrictEqual([diagnostics[500]!.code, diagnostics[500]!.range.start, diagnostics[500]!.message], ['file.too-many-problems', { line: 0, character: 0 }, '100 more problems in this file are not listed: Blogwright lists the first 500 of a file.']);
  });

  test('a clean blog has none', async () => {
    const files = exampleBlog();
    for (const path of Object.keys(files).filter((p) => p.endsWith('.md'))) {
      assert.deepStrictEqual(await diagnosticsOf(files, path), [], path);
    }
  });

  test('a post without title is reported on the opening line', async () => {
    const path = '_posts/2020-04-01-untitled.md';
    const diagnostics = await diagnosticsOf(exampleBlog({ [path]: '---\nlayout: post\nauthor: jane.doe\n---\nBody\n' }), path);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.end.character]),
      [['frontmatter.required', 0, 3]],
    );
    assert.match(String(diagnostics[0]!.message), /`title`/);
  });

  test('a blog whose posts write no `title` (Jekyll titles them from the file name) is not told each lacks one (jmojmojmo.github.io)', async () => {
    const files = exampleBlog();
    const posts = Object.keys(files).filter((p) => p.startsWith('_posts/'));
    assert.ok(posts.length >= 2);
    for (const post of posts) {
      files[post] = files[post]!.replace(/^title:.*\n/m, '');
    }
    for (const post of posts) {
      assert.deepStrictEqual((await diagnosticsOf(files, post)).filter((d) => d.code === 'frontmatter.required'), [], post);
    }
  });

  test('a required key supplied by _config.yml defaults is not missing', async () => {
    const path = '_posts/2020-04-01-nolayout.md';
    const files = exampleBlog({
      '_config.yml': 'defaults:\n  - scope: { path: "", type: posts }\n    values: { layout: post }\n',
      [path]: '---\ntitle: T\nauthor: jane.doe\n---\n',
    });
    assert.deepStrictEqual(await diagnosticsOf(files, path), []);
  });

  test("a collection document's required key comes from defaults scoped to its collection's label, as Jekyll's scope types are", async () => {
    const path = '_recipes/soup.md';
    const files = exampleBlog({
      '_config.yml': 'collections:\n  recipes:\n    output: true\ndefaults:\n  - scope: { type: recipes }\n    values: { layout: recipe }\n',
      [path]: '---\ntitle: Soup\n---\n',
    });
    const settings = withSettings({ requiredKeys: { collection: ['layout'] } });
    assert.deepStrictEqual(await diagnosticsOf(files, path, settings), []);
    files['_config.yml'] = files['_config.yml']!.replace('type: recipes', 'type: posts');
    assert.deepStrictEqual((await diagnosticsOf(files, path, settings)).map((d) => d.code), ['frontmatter.required']);
  });

  test('jekyll-default-layout (a GitHub Pages default) gives a post without `layout` the `post` layout (haacked.com; the oracle renders it)', async () => {
    const path = '_posts/2020-01-01-hello.md';
    const files = exampleBlog({ [path]: '---\ntitle: Hello\nauthor: jane.doe\n---\nBody\n', '_layouts/post.html': '{{ content }}' });
    assert.deepStrictEqual((await diagnosticsOf(files, path)).map((d) => d.code), ['frontmatter.required']);
    const config = files['_config.yml'] ?? '';
    files['_config.yml'] = config + '\nplugins: [jekyll-default-layout]\n';
    assert.deepStrictEqual(await diagnosticsOf(files, path), []);
    files['_config.yml'] = config;
    files['Gemfile'] = "source 'https://rubygems.org'\ngem 'github-pages', group: :jekyll_plugins\n";
    assert.deepStrictEqual(await diagnosticsOf(files, path), []);
  });

  test('jekyll-default-layout sets layouts of Markdown only, `home` first for the page at `/` (its source; the oracle leaves `plain.html` bare)', async () => {
    const settings = withSettings({ requiredKeys: { page: ['layout'] } });
    const files = exampleBlog({ 'plain.html': '---\ntitle: Plain\n---\nH\n', 'about.md': '---\ntitle: About\n---\nA\n', '_layouts/home.html': '{{ content }}' });
    files['_config.yml'] = (files['_config.yml'] ?? '') + '\nplugins: [jekyll-default-layout]\n';
    delete files['_layouts/default.html'];
    delete files['_layouts/page.html'];
    // `about.md` gets neither `page` nor `default` here, and `home` is only for the page at `/`.
    assert.deepStrictEqual((await diagnosticsOf(files, 'about.md', settings)).map((d) => d.code), ['frontmatter.required']);
    files['_layouts/page.html'] = '{{ content }}';
    assert.deepStrictEqual(await diagnosticsOf(files, 'about.md', settings), []);
    assert.deepStrictEqual((await diagnosticsOf(files, 'plain.html', settings)).map((d) => d.code), ['frontmatter.required']);
  });

  test('jekyll-titles-from-headings with `collections: true` titles a post from a heading that opens it (Hydejack starter kit; the oracle: "Heading One", a post opening with text keeps its slug title)', async () => {
    const path = '_posts/2020-01-01-hello.md';
    const files = exampleBlog({ [path]: '---\nlayout: post\nauthor: jane.doe\n---\n\n# Heading One\n\nBody\n' });
    const config = files['_config.yml'] ?? '';
    files['_config.yml'] = config + '\nplugins: [jekyll-titles-from-headings]\n';
    // Without `collections: true` the plugin titles pages only.
    assert.deepStrictEqual((await diagnosticsOf(files, path)).map((d) => d.code), ['frontmatter.required']);
    files['_config.yml'] += 'titles_from_headings:\n  collections: true\n';
    assert.deepStrictEqual(await diagnosticsOf(files, path), []);
    files[path] = '---\nlayout: post\nauthor: jane.doe\n---\nTitle\n=====\n';
    assert.deepStrictEqual(await diagnosticsOf(files, path), []);
    for (const body of ['Intro\n\n# Heading Two\n', '#### Four\n', '#Tight\n']) {
      files[path] = `---\nlayout: post\nauthor: jane.doe\n---\n${body}`;
      assert.deepStrictEqual((await diagnosticsOf(files, path)).map((d) => d.code), ['frontmatter.required'], body);
    }
    files['_config.yml'] += 'titles_from_headings:\n  enabled: false\n  collections: true\n';
    files[path] = '---\nlayout: post\nauthor: jane.doe\n---\n# Heading\n';
    assert.deepStrictEqual((await diagnosticsOf(files, path)).map((d) => d.code), ['frontmatter.required']);
  });

  test('an author is required only when the blog keeps authors', async () => {
    const path = '_posts/2020-04-01-anonymous.md';
    const files = exampleBlog({ [path]: '---\nlayout: post\ntitle: T\n---\n' });
    assert.deepStrictEqual((await diagnosticsOf(files, path)).map((d) => d.code), ['frontmatter.required']);
    delete files['_data/authors.yml'];
    assert.deepStrictEqual(await diagnosticsOf(files, path), []);
  });

  test('a site-wide author in _config.yml is every post\'s author that names none (minimal-mistakes, Hydejack, jekyll-seo-tag)', async () => {
    const path = '_posts/2020-04-01-anonymous.md';
    for (const author of ['author: Jane Doe\n', 'author:\n  name: Jane Doe\n  avatar: /me.png\n']) {
      const files = exampleBlog({ [path]: '---\nlayout: post\ntitle: T\n---\n' });
      files['_config.yml'] += author;
      assert.deepStrictEqual(await diagnosticsOf(files, path), [], author);
    }
  });

  test('with the Chirpy theme, `social.name` is every post\'s author that names none (umitsarioz.github.io)', async () => {
    // The oracle, with Chirpy's post layout: `<em><a href="https://example.com/jane">Jane Site</a></em>` for a post
    // naming no author. Other themes do not show `social.name` (jekyll-seo-tag reads it for the site's own JSON-LD).
    const path = '_posts/2020-04-01-anonymous.md';
    const social = 'social:\n  name: Jane Site\n  links:\n    - https://example.com/jane\n';
    for (const theme of ['theme: jekyll-theme-chirpy\n', 'remote_theme: cotes2020/jekyll-theme-chirpy@v7.2.4\n']) {
      const files = exampleBlog({ [path]: '---\nlayout: post\ntitle: T\n---\n' });
      files['_config.yml'] += theme + social;
      assert.deepStrictEqual(await diagnosticsOf(files, path), [], theme);
    }
    for (const config of ['theme: minima\n' + social, 'theme: jekyll-theme-chirpy\nsocial:\n  name: ""\n']) {
      const files = exampleBlog({ [path]: '---\nlayout: post\ntitle: T\n---\n' });
      files['_config.yml'] += config;
      assert.deepStrictEqual((await diagnosticsOf(files, path)).map((d) => d.code), ['frontmatter.required'], config);
    }
  });

  test('a missing author is reported where posts name their authors, not on a blog whose posts name none (sylhare.github.io)', async () => {
    const path = '_posts/2020-04-01-anonymous.md';
    const posts = (named: number, total: number) =>
      Object.fromEntries(Array.from({ length: total }, (_, i) => [`_posts/2019-01-${String(i + 1).padStart(2, '0')}-p.md`, `---\nlayout: post\ntitle: P\n${i < named ? 'author: jane.doe\n' : ''}---\n`]));
    // Type-on-Strap ships `_data/authors.yml`; one post of many names an author.
    const personal = exampleBlog({ ...posts(1, 12), [path]: '---\nlayout: post\ntitle: T\n---\n' });
    assert.deepStrictEqual(await diagnosticsOf(personal, path), []);
    // A team blog: most posts name one, so the one that does not is reported.
    const team = exampleBlog({ ...posts(12, 12), [path]: '---\nlayout: post\ntitle: T\n---\n' });
    assert.deepStrictEqual((await diagnosticsOf(team, path)).map((d) => d.code), ['frontmatter.required']);
  });

  test('a YAML error is reported where it is, and hides the missing-key noise', async () => {
    const path = '_posts/2020-04-01-broken.md';
    const text = '---\nlayout: post\ntitle: "Broken\nauthor: jane.doe\n---\n';
    const diagnostics = await diagnosticsOf(exampleBlog({ [path]: text }), path);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['frontmatter.yaml']);
    assert.ok(diagnostics[0]!.range.start.line >= 2 && diagnostics[0]!.range.start.line <= 3);
  });

  test('a post without front matter, and an unclosed block', async () => {
    const none = '_posts/2020-04-01-none.md';
    const open = '_posts/2020-04-02-open.md';
    const files = exampleBlog({ [none]: 'Just text\n', [open]: '---\ntitle: x\n' });
    // Jekyll publishes it all the same (the oracle: `<b>None</b><p>Just <em>text</em></p>` in the post layout
    // `defaults` give, lil-log's redirect posts): worth a word, not an error.
    const [missing, ...others] = await diagnosticsOf(files, none);
    assert.deepStrictEqual([missing?.code, missing?.severity, others.length], ['frontmatter.missing', 3, 0]);
    assert.match(String(missing?.message), /Jekyll still publishes this post, titled from its file name/);
    assert.deepStrictEqual((await diagnosticsOf(files, open)).map((d) => d.code), ['frontmatter.unclosed']);
  });

  test('severity follows settings, and off silences a rule', async () => {
    const path = '_posts/2020-04-01-untitled.md';
    const files = exampleBlog({ [path]: '---\nlayout: post\nauthor: jane.doe\n---\n' });
    const warning = await diagnosticsOf(files, path, withSettings({ validate: { frontmatter: 'warning' } }));
    assert.strictEqual(warning[0]!.severity, 2);
    assert.deepStrictEqual(await diagnosticsOf(files, path, withSettings({ validate: { 'frontmatter.required': 'off' } })), []);
  });
});

suite('site index', () => {
  test('counts tags across posts, most used first, and follows edits', async () => {
    const site = new SiteIndex(new InMemoryWorkspace(exampleBlog()), withSettings(undefined));
    await site.build();
    assert.deepStrictEqual([...site.tagCounts()], [['jvm', 2], ['kafka', 1], ['kotlin', 1]]);
    await site.update('_posts/2020-03-01-third.md', '---\ntags: big data\n---\n');
    assert.deepStrictEqual([...site.tagCounts()], [['jvm', 2], ['big', 1], ['data', 1], ['kotlin', 1]]);
  });

  test('counts front matter keys, kept current as documents change and go', async () => {
    const site = new SiteIndex(new InMemoryWorkspace(exampleBlog()), withSettings(undefined));
    await site.build();
    assert.strictEqual(site.keyCounts().get('author'), 3);
    await site.update('_posts/2020-03-01-third.md', '---\ntitle: T\npublish: true\n---\n');
    assert.strictEqual(site.keyCounts().get('author'), 2);
    assert.strictEqual(site.keyCounts().get('publish'), 1);
    await site.update('_posts/2020-03-01-third.md', undefined);
    assert.strictEqual(site.keyCounts().get('publish'), undefined);
  });
});

suite('blogwright.exclude', () => {
  test('excluded files get no diagnostics; the rest still do', async () => {
    const files = exampleBlog({
      '_drafts/idea.md': '---\nlayout: psot\n---\n',
      'legacy/old.md': '---\nlayout: psot\n---\n',
      '_posts/2020-04-01-x.md': '---\nlayout: psot\ntitle: X\nauthor: jane.doe\n---\n',
    });
    const settings = withSettings({ exclude: ['_drafts/**', 'legacy'] });
    assert.deepStrictEqual(await diagnosticsOf(files, '_drafts/idea.md', settings), []);
    assert.deepStrictEqual(await diagnosticsOf(files, 'legacy/old.md', settings), []);
    assert.deepStrictEqual((await diagnosticsOf(files, '_posts/2020-04-01-x.md', settings)).map((d) => d.code), ['layout.unknown']);
    assert.deepStrictEqual((await diagnosticsOf(files, 'legacy/old.md')).map((d) => d.code), ['layout.unknown'], 'not excluded by default');
  });

  test('globs: ** spans folders, * stays in a name', () => {
    const matches = globMatcher(['**/README.md', 'notes/*.md']);
    assert.ok(matches('README.md') && matches('a/b/README.md') && matches('notes/x.md'));
    assert.ok(!matches('notes/deep/x.md') && !matches('README.markdown'));
  });
});
