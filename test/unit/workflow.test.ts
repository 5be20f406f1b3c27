import * as assert from 'node:assert';
import { overviewChildren } from '../../server/src/core/features/blogOverview';
import { planMove, publishedPath, referrersOf, unpublishedPath } from '../../server/src/core/features/drafts';
import { imageSamplePaths, learnImageConvention, placeImages } from '../../server/src/core/features/imagePlacement';
import { countWords, readingTime } from '../../server/src/core/features/readingTime';
import type { SiteIndex } from '../../server/src/core/site/siteIndex';
import { exampleBlog } from '../util/blogs';
import { indexBlog } from '../util/checkBlog';

const post = (body: string, extra = '') => `---\nlayout: post\ntitle: T\nauthor: jane.doe\n${extra}---\n${body}`;

async function conventionOf(files: Record<string, string>) {
  const site = await indexBlog(files);
  return { site, convention: learnImageConvention(site, imageSamplePaths(site).map((path) => ({ path, text: files[path]! }))) };
}

function apply(text: string, changes: readonly { start: number; end: number; newText: string }[]): string {
  return [...changes].sort((a, b) => b.start - a.start).reduce((t, c) => t.slice(0, c.start) + c.newText + t.slice(c.end), text);
}

suite('images: where pasted and dropped images go', () => {
  test('a folder per post named like the post, learned from the posts, with the URL style they write', async () => {
    const { convention } = await conventionOf(
      exampleBlog({
        '_posts/2020-01-01-first.md': post('![a]({{ site.baseurl }}/assets/img/articles/2020-01-01-first/a.png)\n![b]({{ site.baseurl }}/assets/img/articles/2020-01-01-first/b.png)\n'),
        '_posts/2020-02-01-second.md': post('<img src="/assets/img/articles/2020-02-01-second/c.jpg">\n![d]({{ site.baseurl }}/assets/img/articles/2020-02-01-second/d.png)\n'),
        '_posts/2020-03-01-third.md': post('![shared](/assets/img/articles/x.png)\n'),
      }),
    );
    assert.deepStrictEqual(convention, { folder: 'assets/img/articles/:name', urlStyle: 'baseurl', learned: true });
  });

  test('slug and date folders, relative_url', async () => {
    const { convention } = await conventionOf(
      exampleBlog({
        '_posts/2020-01-01-first.md': post("![a]({{ '/images/posts/first/a.png' | relative_url }})\n"),
        '_posts/2020-02-01-second.md': post('![a]({{ "/images/2020/02/second/a.png" | relative_url }})\n![b]({{ "/images/2020/02/second/b.png" | relative_url }})\n'),
        '_posts/2020-03-01-third.md': post("![a]({{ '/images/posts/third/a.png' | relative_url }})\n"),
      }),
    );
    assert.deepStrictEqual(convention, { folder: 'images/posts/:slug', urlStyle: 'relative_url', learned: true });
  });

  test('a blog without images in posts gets the default folder, and baseurl decides the URL style', async () => {
    assert.deepStrictEqual((await conventionOf(exampleBlog())).convention, { folder: 'assets/images/:name', urlStyle: 'root', learned: false });
    const withBaseurl = exampleBlog({ '_config.yml': 'baseurl: /blog\npermalink: /:year/:month/:title.html\n' });
    assert.strictEqual((await conventionOf(withBaseurl)).convention.urlStyle, 'relative_url');
  });

  test('named from the alt text or the file, never over an existing file or another of the batch', async () => {
    const convention = { folder: 'assets/img/articles/:name', urlStyle: 'root' as const, learned: true };
    const existing = new Set(['assets/img/articles/2020-01-01-first/image.png']);
    const placed = placeImages(convention, '_posts/2020-01-01-first.md', '2024-05-06', [
      { fileName: 'image.png', alt: undefined },
      { fileName: 'image.png', alt: undefined },
      { fileName: 'Screen Shot 2024.PNG', alt: 'The [new] flame graph' },
    ], (p) => existing.has(p));
    assert.deepStrictEqual(
      placed.map((p) => [p.path, p.markdown]),
      [
        ['assets/img/articles/2020-01-01-first/image-1.png', '![image](/assets/img/articles/2020-01-01-first/image-1.png)'],
        ['assets/img/articles/2020-01-01-first/image-2.png', '![image](/assets/img/articles/2020-01-01-first/image-2.png)'],
        ['assets/img/articles/2020-01-01-first/the-new-flame-graph.png', '![The \\[new\\] flame graph](/assets/img/articles/2020-01-01-first/the-new-flame-graph.png)'],
      ],
    );
  });

  test('a draft is named by the date it is written on; a setting overrides the folder; no way out of the blog', async () => {
    const convention = { folder: 'assets/img/articles/:name', urlStyle: 'baseurl' as const, learned: true };
    const [draft] = placeImages(convention, '_drafts/my-draft.md', '2024-05-06', [{ fileName: 'a.gif', alt: undefined }], () => false);
    assert.deepStrictEqual([draft!.path, draft!.url], ['assets/img/articles/2024-05-06-my-draft/a.gif', '{{ site.baseurl }}/assets/img/articles/2024-05-06-my-draft/a.gif']);
    const [custom] = placeImages(convention, '_drafts/my-draft.md', '2024-05-06', [{ fileName: 'a.gif', alt: undefined }], () => false, '../../img/:year/:slug');
    assert.strictEqual(custom!.path, 'img/2024/my-draft/a.gif');
  });
});

suite('drafts: publish and unpublish', () => {
  const files = exampleBlog({
    '_drafts/new-idea.md': post('Draft.\n', 'date: 2023-01-01 10:00:00 +0100\n'),
    'about.md': '---\ntitle: About\n---\nSee {% link _drafts/new-idea.md %} and {% link _posts/2020-02-01-second.md %}.\n',
    '_posts/2020-03-01-third.md': post('See {% post_url 2020-02-01-second %} and [it](/2020/02/second.html).\n'),
  });

  test('publishing moves the draft under its date, sets `date:` keeping the time, and points `{% link %}` at the post', async () => {
    const site = await indexBlog(files);
    const to = publishedPath(site, '_drafts/new-idea.md', '2024-05-06');
    assert.strictEqual(to, '_posts/2024-05-06-new-idea.md');
    const referrers = new Map(referrersOf(site, '_drafts/new-idea.md').map((p) => [p, files[p]!]));
    const move = planMove(site, '_drafts/new-idea.md', to!, files['_drafts/new-idea.md']!, '2024-05-06', referrers);
    assert.strictEqual(apply(files['_drafts/new-idea.md']!, move.changes.filter((c) => c.path === '_drafts/new-idea.md')), post('Draft.\n', 'date: 2024-05-06 10:00:00 +0100\n'));
    assert.strictEqual(apply(files['about.md']!, move.changes.filter((c) => c.path === 'about.md')), files['about.md']!.replace('_drafts/new-idea.md', '_posts/2024-05-06-new-idea.md'));
    assert.deepStrictEqual(move.stranded, []);
    assert.strictEqual(publishedPath(site, '_posts/2020-01-01-first.md', '2024-05-06'), undefined);
    assert.strictEqual(publishedPath(site, '_drafts/new-idea.md', '6.5.2024'), undefined);
  });

  test('unpublishing moves the post to the drafts; `{% link %}` follows, post_url and URLs are stranded', async () => {
    const site = await indexBlog(files);
    const from = '_posts/2020-02-01-second.md';
    assert.strictEqual(unpublishedPath(site, from), '_drafts/second.md');
    assert.strictEqual(unpublishedPath(site, '_drafts/new-idea.md'), undefined);
    const referrers = new Map(referrersOf(site, from).map((p) => [p, files[p]!]));
    const move = planMove(site, from, '_drafts/second.md', files[from]!, undefined, referrers);
    assert.deepStrictEqual(move.changes.map((c) => [c.path, c.newText]), [['about.md', '_drafts/second.md']]);
    assert.deepStrictEqual(move.stranded, ['_posts/2020-03-01-third.md']);
  });
});

suite('the Blog view', () => {
  let site: SiteIndex;
  setup(async () => {
    site = await indexBlog(exampleBlog({ '_drafts/idea.md': '---\ntitle: An idea\ntags: [kafka]\n---\n' }));
  });

  test('groups with counts, then years, tags and authors with counts, then posts newest first', () => {
    const top = overviewChildren(site, undefined, '', new Map([['_posts/2020-03-01-third.md', 2]]));
    assert.deepStrictEqual(top.map((n) => [n.id, n.count]), [['years', 3], ['tags', 3], ['authors', 2], ['drafts', 1], ['problems', 1]]);
    assert.deepStrictEqual(overviewChildren(site, 'years', '', new Map()).map((n) => [n.label, n.count]), [['2020', 3]]);
    assert.deepStrictEqual(overviewChildren(site, 'tags', '', new Map()).map((n) => [n.label, n.count]), [['jvm', 2], ['kafka', 1], ['kotlin', 1]]);
    assert.deepStrictEqual(overviewChildren(site, 'author:jane.doe', '', new Map()).map((n) => [n.label, n.description, n.path]), [
      ['Second', '2020-02-01', '_posts/2020-02-01-second.md'],
      ['First', '2020-01-01', '_posts/2020-01-01-first.md'],
    ]);
    assert.deepStrictEqual(overviewChildren(site, 'drafts', '', new Map()).map((n) => [n.label, n.kind]), [['An idea', 'draft']]);
    assert.deepStrictEqual(overviewChildren(site, 'problems', '', new Map([['_posts/2020-03-01-third.md', 2]])).map((n) => [n.label, n.description]), [['Third', '2']]);
  });

  test('the filter keeps posts whose title, path or tags contain it, and the counts follow', () => {
    assert.deepStrictEqual(overviewChildren(site, undefined, 'KAFKA', new Map()).map((n) => n.count), [1, 1, 1, 1, 0]);
    assert.deepStrictEqual(overviewChildren(site, 'year:2020', 'sec', new Map()).map((n) => n.label), ['Second']);
  });

  test('a 10,000-post blog answers a level in milliseconds', async function () {
    this.timeout(60_000);
    const many: Record<string, string> = exampleBlog();
    for (let i = 0; i < 10_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      many[`_posts/${2000 + (i % 20)}-01-${day}-post-${i}.md`] = `---\ntitle: Post ${i}\nauthor: jane.doe\ntags: [t${i % 50}]\n---\nText.\n`;
    }
    const big = await indexBlog(many);
    overviewChildren(big, undefined, '', new Map());
    const started = performance.now();
    for (const parent of [undefined, 'years', 'tags', 'year:2010', 'tag:t7']) {
      overviewChildren(big, parent, '', new Map());
    }
    overviewChildren(big, 'tags', 'post 12', new Map());
    // Generous for a shared machine; an idle one takes about 20 ms for all six.
    assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`);
  });
});

suite('words and reading time', () => {
  test('counts the words a reader sees: no markup, URLs, images, tags or Liquid', () => {
    assert.strictEqual(countWords('# A title\n\n- one item\n- [a link](https://x.y/z) here\n\n![alt text](/a.png)\n\n<div class="x">in html</div>\n{% include note.html %} {{ page.title }}\n\n| a | b |\n|---|---|\n\n[ref]: https://x.y\n'), 11);
    assert.strictEqual(countWords('```js\nconst a = 1;\n```\n'), 4);
  });

  test('minutes as Minimal Mistakes writes them, at `words_per_minute` from _config.yml', () => {
    const text = `---\ntitle: T\n---\n${'word '.repeat(450)}`;
    assert.deepStrictEqual(readingTime(text, undefined), { words: 450, minutes: 2, wordsPerMinute: 200 });
    assert.deepStrictEqual(readingTime(text, 150), { words: 450, minutes: 3, wordsPerMinute: 150 });
    assert.strictEqual(readingTime('---\n---\nshort', 'x').minutes, 0);
  });
});
