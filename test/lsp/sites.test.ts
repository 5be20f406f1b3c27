import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exampleBlog, writeBlog } from '../util/blogs';
import { listAuthorsRequest, listSitesRequest, newPostRequest, overviewRequest, postStatsRequest, renderPreviewRequest } from '../../server/src/protocol';
import { LspTestClient } from '../util/lspClient';

/** Every file of `blog` under `folder/`. */
function under(folder: string, blog: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(blog).map(([name, text]) => [`${folder}/${name}`, text]));
}

const SETTINGS = { diagnostics: { debounce: 0 } };

/** A second site unlike exampleBlog: its own permalinks, authors and tags. */
const SHOP = {
  '_config.yml': 'title: Shop\npermalink: /news/:title/\n',
  '_data/authors.yml': 'bob:\n  name: Bob Seller\n',
  '_layouts/post.html': '{{ content }}\n',
  '_posts/2021-06-01-summer-sale.md': '---\nlayout: post\ntitle: Summer sale\nauthor: bob\ntags: [sale]\n---\n# Prices\n',
  '_posts/2021-07-01-mixed.md': '---\nlayout: post\ntitle: Mixed\nauthor: jane.doe\ntags: [sale]\n---\n[news](/news/summer-sale/) [blog](/2020/01/first.html) {% post_url 2020-01-01-first %}\n',
};

const CURSOR = '$$CURSOR$$';

suite('language server: every Jekyll site of the workspace, each its own', () => {
  suite('two sites in one workspace folder', () => {
    let client: LspTestClient;
    const mixed = 'shop/_posts/2021-07-01-mixed.md';
    const probe = 'shop/_posts/2021-08-01-probe.md';

    suiteSetup(async () => {
      const root = writeBlog({ 'README.md': '---\ntitle: [broken\n---\n[x](/nowhere/)\n', ...under('blog', exampleBlog()), ...under('shop', SHOP) });
      client = await LspTestClient.start(root, SETTINGS);
      await client.indexed();
    });

    suiteTeardown(() => client.stop());

    /** Completions at the cursor of `text`, opened as a new post of the shop. */
    async function completeAt(relative: string, text: string) {
      const offset = text.indexOf(CURSOR);
      const before = text.slice(0, offset);
      const line = before.split('\n').length - 1;
      await client.open(relative, text.replace(CURSOR, ''));
      return (await client.complete(relative, line, offset - before.lastIndexOf('\n') - 1)).map((item) => item.label);
    }

    test("each site's documents are checked against their own site: authors, permalinks, post names", () => {
      assert.deepStrictEqual(client.diagnostics.get(client.uri(mixed))?.map((d) => d.code), ['author.unknown', 'link.url', 'link.post-url']);
      assert.deepStrictEqual(client.diagnostics.get(client.uri('shop/_posts/2021-06-01-summer-sale.md')) ?? [], []);
      assert.deepStrictEqual(client.diagnostics.get(client.uri('blog/_posts/2020-01-01-first.md')) ?? [], []);
    });

    test('a file outside every site gets no diagnostics and no features', async () => {
      assert.strictEqual(client.diagnostics.get(client.uri('README.md')), undefined);
      assert.deepStrictEqual(await completeAt('README.md', `---\nauthor: ${CURSOR}\n---\n`), []);
      assert.strictEqual(client.diagnostics.get(client.uri('README.md'))?.length ?? 0, 0);
    });

    test("completion offers the site's own authors, tags and posts, never the other site's", async () => {
      assert.deepStrictEqual(await completeAt(probe, `---\nauthor: ${CURSOR}\n---\n`), ['bob']);
      assert.deepStrictEqual(await completeAt(probe, `---\ntags: [${CURSOR}]\n---\n`), ['sale']);
      assert.deepStrictEqual(await completeAt(probe, `---\ntitle: x\n---\n{% post_url ${CURSOR} %}\n`), ['2021-08-01-probe', '2021-07-01-mixed', '2021-06-01-summer-sale']);
      assert.deepStrictEqual(await completeAt('blog/_posts/2020-09-01-probe.md', `---\nauthor: ${CURSOR}\n---\n`), ['jane.doe', 'john.smith']);
    });

    test('the status bar and the preview name the site a post belongs to', async () => {
      const summer = 'shop/_posts/2021-06-01-summer-sale.md';
      await client.open(summer, readFileSync(path.join(client.root, summer), 'utf8'));
      const stats = await client.connection.sendRequest(postStatsRequest, { uri: client.uri(summer) });
      assert.deepStrictEqual([stats?.site, stats?.url], ['shop', '/news/summer-sale/']);
      const preview = await client.connection.sendRequest(renderPreviewRequest, { uri: client.uri(summer), resourceRoot: 'https://webview.test/root' });
      assert.strictEqual(preview?.site, 'shop');
      assert.strictEqual((await client.connection.sendRequest(postStatsRequest, { uri: client.uri('blog/_posts/2020-01-01-first.md') }))?.site, 'blog');
    });

    test('New Post and the Blog view name the site: its authors, its folder, its posts', async () => {
      const sites = await client.connection.sendRequest(listSitesRequest, {});
      assert.deepStrictEqual(sites, [{ uri: client.uri('blog'), name: 'blog' }, { uri: client.uri('shop'), name: 'shop' }]);
      const shop = client.uri('shop');
      assert.deepStrictEqual((await client.connection.sendRequest(listAuthorsRequest, { site: shop })).map((a) => a.id), ['bob']);
      const post = await client.connection.sendRequest(newPostRequest, { site: shop, title: 'Winter sale', author: 'bob', date: '2021-12-01' });
      assert.strictEqual(post?.uri, client.uri('shop/_posts/2021-12-01-winter-sale.md'));
      const overview = (parent?: string) => client.connection.sendRequest(overviewRequest, { parent, filter: '' });
      assert.deepStrictEqual((await overview()).map((n) => [n.id, n.label, n.kind]), [[sites[0]!.uri, 'blog', 'site'], [shop, 'shop', 'site']]);
      const groups = await overview(shop);
      assert.deepStrictEqual(groups.map((n) => n.id), ['years', 'tags', 'authors', 'drafts', 'problems'].map((group) => `${shop}#${group}`).filter((id) => groups.some((n) => n.id === id)));
      const years = await overview(`${shop}#years`);
      assert.deepStrictEqual(years.map((n) => n.label), ['2021'], "the shop's years only (the blog's posts are of 2020)");
      const posts = (await overview(years[0]!.id)).map((n) => n.uri ?? '');
      assert.ok(posts.every((uri) => uri.startsWith(`${shop}/_posts/`)), posts.join(' '));
      assert.ok(posts.includes(client.uri('shop/_posts/2021-07-01-mixed.md')) && posts.includes(client.uri('shop/_posts/2021-06-01-summer-sale.md')), posts.join(' '));
      assert.deepStrictEqual(await overview('file:///elsewhere#years'), [], 'a site the workspace does not have');
    });

    test("a link resolves in its own site only: the shop's URL to its post, never the blog's", async () => {
      const text = readFileSync(path.join(client.root, mixed), 'utf8');
      await client.open(mixed, text);
      const line = text.split('\n').findIndex((l) => l.startsWith('[news]'));
      const [news] = await client.definition(mixed, line, '[news](/ne'.length);
      assert.strictEqual(news?.uri, client.uri('shop/_posts/2021-06-01-summer-sale.md'));
      assert.deepStrictEqual(await client.definition(mixed, line, '[news](/news/summer-sale/) [blog](/20'.length), []);
      assert.deepStrictEqual(await client.definition(mixed, line, text.split('\n')[line]!.indexOf('2020-01-01-first') + 3), []);
    });
  });

  test('a site created and removed while the server runs', async () => {
    const root = writeBlog({ 'README.md': '# A repository\n', 'docs/_posts/2020-01-01-first.md': '---\ntitle: First\n---\nNo layout.\n', 'docs/index.md': '---\ntitle: Docs\n---\n' });
    const client = await LspTestClient.start(root, SETTINGS);
    try {
      await client.indexed();
      assert.strictEqual(client.diagnostics.get(client.uri('docs/_posts/2020-01-01-first.md')), undefined, 'no site yet: docs/ has no configuration');

      const found = client.waitForDiagnostics('docs/_posts/2020-01-01-first.md', (d) => d.some((x) => x.code === 'frontmatter.required'));
      writeFileSync(path.join(root, 'docs/_config.yml'), 'title: Docs\n');
      await client.filesChanged([{ relative: 'docs/_config.yml', type: 1 }]);
      await found;

      const cleared = client.waitForDiagnostics('docs/_posts/2020-01-01-first.md', (d) => d.length === 0);
      rmSync(path.join(root, 'docs/_config.yml'));
      await client.filesChanged([{ relative: 'docs/_config.yml', type: 3 }]);
      await cleared;
    } finally {
      await client.stop();
    }
  });

  test('a site moved to another folder is found there and leaves its old folder', async () => {
    const root = writeBlog({ 'README.md': '# A repository\n', ...under('docs', { '_config.yml': 'title: Docs\n', '_posts/2020-01-01-first.md': '---\nauthor: x\n---\nNo title.\n' }) });
    const client = await LspTestClient.start(root, SETTINGS);
    try {
      await client.indexed();
      assert.deepStrictEqual(client.diagnostics.get(client.uri('docs/_posts/2020-01-01-first.md'))?.map((d) => d.code), ['frontmatter.required']);
      const left = client.waitForDiagnostics('docs/_posts/2020-01-01-first.md', (d) => d.length === 0);
      const arrived = client.waitForDiagnostics('website/_posts/2020-01-01-first.md', (d) => d.some((x) => x.code === 'frontmatter.required'));
      renameSync(path.join(root, 'docs'), path.join(root, 'website'));
      await client.filesChanged([
        { relative: 'docs', type: 3 },
        { relative: 'website', type: 1 },
      ]);
      await Promise.all([left, arrived]);
    } finally {
      await client.stop();
    }
  });

  test('a site created inside a site takes its files from the outer one', async () => {
    const root = writeBlog(exampleBlog({ 'docs/index.md': '---\ntitle: Docs\n---\n[first](/2020/01/first.html)\n' }));
    const client = await LspTestClient.start(root, SETTINGS);
    try {
      await client.indexed();
      assert.deepStrictEqual(client.diagnostics.get(client.uri('docs/index.md')) ?? [], [], 'a page of the outer site: its link resolves');
      const own = client.waitForDiagnostics('docs/index.md', (d) => d.some((x) => x.code === 'link.url'));
      writeFileSync(path.join(root, 'docs/_config.yml'), 'title: Docs\n');
      await client.filesChanged([{ relative: 'docs/_config.yml', type: 1 }]);
      await own;
    } finally {
      await client.stop();
    }
  });

  // Jekyll 4.3.1 (oracle): `source:` names the folder the site is read from; `_config.yml` stays the root's.
  test("a site read from _config.yml's `source:`: its files there, its configuration at the root; a missing source says so", async () => {
    const blog = exampleBlog({ '_posts/2020-04-01-untitled.md': '---\nlayout: post\nauthor: jane.doe\n---\n[gone](/gone.html)\n' });
    const root = writeBlog({
      ...under('src', Object.fromEntries(Object.entries(blog).filter(([name]) => name !== '_config.yml'))),
      '_config.yml': 'title: t\nsource: src\n',
      '.blogwright.yml': 'validate:\n  link.url: warning\n',
      'src/_config.yml': 'title: [not read\n',
      '_posts/2020-01-01-beside.md': '---\ntitle: [broken\n---\n',
      'src/images/a.png': 'png',
      'src/_posts/2020-04-03-picture.md': '---\nlayout: post\ntitle: P\nauthor: jane.doe\n---\n![a](/images/a.png)\n',
    });
    const client = await LspTestClient.start(root, SETTINGS);
    try {
      await client.indexed();
      const picture = 'src/_posts/2020-04-03-picture.md';
      await client.open(picture, readFileSync(path.join(root, picture), 'utf8'));
      const preview = await client.connection.sendRequest(renderPreviewRequest, { uri: client.uri(picture), resourceRoot: 'https://webview.test/root' });
      assert.match(preview?.html ?? '', /https:\/\/webview\.test\/root\/src\/images\/a\.png/, 'the preview finds images in the source folder');
      assert.deepStrictEqual(
        client.diagnostics.get(client.uri('src/_posts/2020-04-01-untitled.md'))?.map((d) => [d.code, d.severity]),
        [
          ['frontmatter.required', 1],
          ['link.url', 2],
        ],
      );
      assert.strictEqual(client.diagnostics.get(client.uri('_posts/2020-01-01-beside.md')), undefined, 'beside the source: not the site');
      assert.deepStrictEqual(client.diagnostics.get(client.uri('src/_config.yml')) ?? [], [], 'the source folder\'s _config.yml is not read');
      // The source goes away (a clean step): the site says so on _config.yml.
      const missing = client.waitForDiagnostics('_config.yml', (d) => d.some((x) => x.code === 'config.source-missing'));
      writeFileSync(path.join(root, '_config.yml'), 'title: t\nsource: .tmp/src\n');
      await client.filesChanged([{ relative: '_config.yml', type: 2 }]);
      await missing;
    } finally {
      await client.stop();
    }
  });

  test('a folder with no site: the server answers, says so once, and reads no file', async () => {
    const root = writeBlog({ 'config.toml': 'title = "Hugo"\n', 'content/posts/first.md': '---\ntitle: [broken\n---\n', 'README.md': '# Plain\n' });
    const scratch = mkdtempSync(path.join(tmpdir(), 'blogwright-reads-'));
    const readsFile = path.join(scratch, 'reads.json');
    const client = await LspTestClient.start(root, SETTINGS, ['-r', path.join(__dirname, '../util/readCounter.js')], {
      env: { BLOGWRIGHT_COUNT_READS_UNDER: root, BLOGWRIGHT_COUNT_READS_FILE: readsFile },
    });
    try {
      assert.deepStrictEqual(await client.indexed(), { documents: 0, milliseconds: (await client.indexed()).milliseconds });
      await client.open('content/posts/first.md', '---\ntitle: [broken\nauthor: \n---\n');
      assert.deepStrictEqual(await client.complete('content/posts/first.md', 2, 'author: '.length), []);
      assert.strictEqual(await client.hover('content/posts/first.md', 1, 2), null);
      assert.strictEqual(client.diagnostics.get(client.uri('content/posts/first.md'))?.length ?? 0, 0);
      assert.strictEqual(client.logs.filter((line) => /no Jekyll site/.test(line)).length, 1, client.logs.join('\n'));
    } finally {
      await client.stop();
    }
    assert.deepStrictEqual(JSON.parse(readFileSync(readsFile, 'utf8')), [], 'no file of the workspace was read');
    rmSync(scratch, { recursive: true, force: true });
  });

  test("folders in VS Code's files.exclude are never listed: a site there is not found", async () => {
    const root = writeBlog({ ...under('build', exampleBlog({ '_posts/2020-04-01-untitled.md': '---\nlayout: post\nauthor: jane.doe\n---\n' })), ...under('blog', exampleBlog({ '_posts/2020-04-01-untitled.md': '---\nlayout: post\nauthor: jane.doe\n---\n' })) });
    // The test client answers every configuration section with this object: `files.exclude` reads its `true` entries.
    const client = await LspTestClient.start(root, { ...SETTINGS, '**/build': true });
    try {
      await client.indexed();
      assert.deepStrictEqual(client.diagnostics.get(client.uri('blog/_posts/2020-04-01-untitled.md'))?.map((d) => d.code), ['frontmatter.required']);
      assert.strictEqual(client.diagnostics.get(client.uri('build/_posts/2020-04-01-untitled.md')), undefined);
    } finally {
      await client.stop();
    }
  });

  test('a multi-root workspace: each folder with its own sites', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'blogwright-multi-'));
    writeBlog(exampleBlog({ '_posts/2020-04-01-untitled.md': '---\nlayout: post\nauthor: jane.doe\n---\n' }), path.join(parent, 'blog'));
    writeBlog({ 'README.md': '# theme\n', ...under('site', { ...SHOP }) }, path.join(parent, 'theme'));
    writeBlog({ 'notes.md': '---\ntitle: [broken\n---\n' }, path.join(parent, 'notes'));
    const client = await LspTestClient.start(parent, SETTINGS, [], { folders: ['blog', 'theme', 'notes'].map((f) => path.join(parent, f)) });
    try {
      await client.indexed();
      assert.deepStrictEqual(client.diagnostics.get(client.uri('blog/_posts/2020-04-01-untitled.md'))?.map((d) => d.code), ['frontmatter.required']);
      assert.deepStrictEqual(client.diagnostics.get(client.uri('theme/site/_posts/2021-07-01-mixed.md'))?.map((d) => d.code), ['author.unknown', 'link.url', 'link.post-url']);
      assert.strictEqual(client.diagnostics.get(client.uri('notes/notes.md')), undefined);
      const stats = await client.connection.sendRequest(postStatsRequest, { uri: client.uri('theme/site/_posts/2021-06-01-summer-sale.md') });
      assert.strictEqual(stats?.site, 'theme/site', 'several sites: named by folder, then the path in it');
      await client.open('theme/site/_posts/2021-09-01-probe.md', '---\nauthor: \n---\n');
      assert.deepStrictEqual((await client.complete('theme/site/_posts/2021-09-01-probe.md', 1, 'author: '.length)).map((i) => i.label), ['bob']);
    } finally {
      await client.stop();
    }
  });
});
