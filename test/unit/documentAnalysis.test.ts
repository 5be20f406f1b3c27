import * as assert from 'node:assert';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { withSettings } from '../../server/src/core/settings';
import { parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { scanLinks } from '../../server/src/core/links/scanLinks';
import { scannedLinksOf } from '../../server/src/core/site/documentAnalysis';
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

suite('document analysis (index to first check)', () => {
  test('a first check, from what indexing kept, reports exactly what a fresh parse reports', async () => {
    const site = await indexBlog(BLOG);
    const document = new TextDocumentSnapshot(POST, 1, TEXT);
    const first = computeDiagnostics(site, document);
    assert.strictEqual(site.takeAnalysis(POST, TEXT), undefined, 'the first check took it');
    const fresh = computeDiagnostics(site, document);
    assert.deepStrictEqual(first, fresh);
    assert.ok(first.some((d) => d.code === 'link.post-url'), JSON.stringify(first.map((d) => d.code)));
    assert.ok(first.some((d) => d.code === 'layout.unknown'));
  });

  test('it is kept for the indexed text only, and dropped by an update', async () => {
    const site = await indexBlog(BLOG);
    assert.strictEqual(site.takeAnalysis(POST, TEXT + ' '), undefined, 'another text parses afresh');
    const again = await indexBlog(BLOG);
    await again.update(POST, TEXT);
    assert.strictEqual(again.takeAnalysis(POST, TEXT), undefined);
    const third = await indexBlog(BLOG);
    const kept = third.takeAnalysis(POST, TEXT);
    assert.ok(kept);
    // What the check gets back is the scan itself: links, headings, ids, definitions, Liquid in code.
    assert.deepStrictEqual(scannedLinksOf(kept, TEXT), scanLinks(TEXT, parseFrontMatter(TEXT).bodyStart, third.scanOptions({})));
  });

  test('an excluded file gives up its analysis too, so the index keeps none for it', async () => {
    const site = await indexBlog(BLOG, withSettings({ exclude: ['_posts/2020-*'] }));
    assert.deepStrictEqual(computeDiagnostics(site, new TextDocumentSnapshot(POST, 1, TEXT)), []);
    assert.strictEqual(site.takeAnalysis(POST, TEXT), undefined);
  });

  test('a link target is always the text between its offsets (the index keeps only the offsets)', async () => {
    const site = await indexBlog(BLOG);
    const scanned = scanLinks(TEXT, parseFrontMatter(TEXT).bodyStart, site.scanOptions({}));
    assert.ok(scanned.links.length >= 15, String(scanned.links.length));
    for (const link of scanned.links) {
      assert.strictEqual(link.target, TEXT.slice(link.start, link.end), JSON.stringify(link));
      assert.ok(link.label === undefined || link.label === link.target);
    }
  });
});
