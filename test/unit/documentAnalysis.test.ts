import * as assert from 'node:assert';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { withSettings } from '../../server/src/core/settings';
import { parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { scanLinks } from '../../server/src/core/links/scanLinks';
import { DocumentScanner } from '../../server/src/core/site/documentScan';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { indexBlog } from '../util/checkBlog';

const POST = '_posts/2020-05-01-linking.md';

/** Every link form, broken and working, with front matter problems too: what a first check reads from the index. */
const TEXT = [
  '---',
  'title: Linking',
  'tags: [kotlin, Kotlin]',
  'layout: nope',
  '---',
  '[inline](/2015/03/foo.html) ![image](/img/missing.png) [broken](/nowhere/) [frag](/2015/03/foo.html#nope)',
  '[post]({% post_url 2015-03-10-foo %}) [gone]({% post_url 2015-03-11-gone %}) [link]({% link about.md %})',
  '[ref][r] [Missing ref][] <https://example.org> <a href="/2015/03/foo.html#getting-started">a</a>',
  '<img src="/img/a.png" srcset="/img/b.png 2x, /img/c.png 640w"> [self](#own) [not self](#none)',
  '`{{ site.title }}` in code',
  '',
  '## Own',
  '',
  '[r]: <  /2015/03/foo.html  >',
  '[r2]: /about.html',
].join('\n');

const BLOG = {
  '_config.yml': 'permalink: /:year/:month/:title.html\n',
  '_posts/2015-03-10-foo.md': '---\ntitle: Foo\ntags: [kotlin]\n---\n## Getting Started\n',
  'about.md': '---\ntitle: About\n---\n',
  [POST]: TEXT,
};

suite('document analysis (build to first check)', () => {
  test('a first check, from what the build kept, reports exactly what a fresh parse reports', async () => {
    const site = new SiteIndex(new InMemoryWorkspace(BLOG), withSettings(undefined));
    const kept = await site.build();
    const document = new TextDocumentSnapshot(POST, 1, TEXT);
    const first = computeDiagnostics(site, document, { kept });
    assert.strictEqual(kept.take(POST, TEXT, site.document(POST)), undefined, 'the first check took it');
    const fresh = computeDiagnostics(site, document);
    assert.deepStrictEqual(first, fresh);
    assert.ok(first.some((d) => d.code === 'link.post-url'), JSON.stringify(first.map((d) => d.code)));
    assert.ok(first.some((d) => d.code === 'layout.unknown'));
  });

  test('it is kept for the indexed text only, and not used after an update', async () => {
    const site = new SiteIndex(new InMemoryWorkspace(BLOG), withSettings(undefined));
    assert.strictEqual((await site.build()).take(POST, TEXT + ' ', site.document(POST)), undefined, 'another text parses afresh');
    const kept = await site.build();
    await site.update(POST, TEXT);
    assert.strictEqual(kept.take(POST, TEXT, site.document(POST)), undefined, 'the document changed since the build');
    const third = await site.build();
    const scan = third.take(POST, TEXT, site.document(POST));
    assert.ok(scan);
    // What the check gets back is the scan itself: links, headings, ids, definitions, Liquid in code.
    assert.deepStrictEqual(scan, site.scan(POST, TEXT));
    assert.deepStrictEqual(scan.links, scanLinks(TEXT, parseFrontMatter(TEXT).bodyStart, new DocumentScanner().options(site.config, POST, {})));
  });

  test('a tag in code keeps its mark through the kept form', async () => {
    const text = '---\ntitle: T\n---\n`{% post_url 2015-03-10-foo %}` and {% post_url 2015-03-10-foo %}\n';
    const site = new SiteIndex(new InMemoryWorkspace({ ...BLOG, [POST]: text }), withSettings(undefined));
    const scan = (await site.build()).take(POST, text, site.document(POST));
    assert.deepStrictEqual(scan?.links?.links.map((l) => [l.form, l.inCode === true]), [['post_url', true], ['post_url', false]]);
  });

  test('an excluded file is not checked, and the run drops its analysis', async () => {
    const site = new SiteIndex(new InMemoryWorkspace(BLOG), withSettings({ exclude: ['_posts/2020-*'] }));
    const kept = await site.build();
    const before = kept.size;
    assert.deepStrictEqual(computeDiagnostics(site, new TextDocumentSnapshot(POST, 1, TEXT), { kept }), []);
    assert.strictEqual(kept.size, before - 1);
  });

  test('a link target is always the text between its offsets (the index keeps only the offsets)', async () => {
    const site = await indexBlog(BLOG);
    const scanned = site.scan(POST, TEXT).links!;
    assert.ok(scanned.links.length >= 15, String(scanned.links.length));
    for (const link of scanned.links) {
      assert.strictEqual(link.target, TEXT.slice(link.start, link.end), JSON.stringify(link));
      assert.ok(link.label === undefined || link.label === link.target);
    }
  });
});
