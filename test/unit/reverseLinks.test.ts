import * as assert from 'node:assert';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { indexBlog } from '../util/checkBlog';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const BLOG = {
  '_config.yml': 'permalink: /:year/:month/:title.html\n',
  '_posts/2015-03-10-foo.md': '---\ntitle: Foo\n---\n## Start\n',
  '_posts/2020-05-01-relative.md': '---\ntitle: Relative\n---\n[foo](../../2015/03/foo.html#start)\n',
  '_posts/2020-05-02-absolute.md': '---\ntitle: Absolute\n---\n[foo](/2015/03/foo.html) [new]({% post_url 2021-01-01-new %})\n',
  'about.md': '---\ntitle: About\n---\nNo links.\n',
};

/** The index of `blog` built, and one restored from what that one stored (the persisted index). */
async function builtAndRestored(blog: Record<string, string>): Promise<[SiteIndex, SiteIndex]> {
  const built = await indexBlog(blog);
  const restored = new SiteIndex(new InMemoryWorkspace(blog), withSettings(undefined));
  await restored.restore(withSettings(undefined), Object.keys(blog).sort(), (path) => ({ ...built.stored(path), keyHashes: built.links.keyHashesOf(path) }), undefined);
  return [built, restored];
}

/** The reverse index (links/linkIndex.ts): which documents an update re-checks besides the file itself. */
suite('reverse link index', () => {
  test('a target that changes its ids or goes away re-checks the documents linking to it, relative links included', async () => {
    const site = await indexBlog(BLOG);
    const renamed = await site.update('_posts/2015-03-10-foo.md', '---\ntitle: Foo\n---\n## Begin\n');
    assert.deepStrictEqual(new Set(renamed.scope === 'documents' ? renamed.paths : []), new Set(['_posts/2015-03-10-foo.md', '_posts/2020-05-01-relative.md', '_posts/2020-05-02-absolute.md']));
    const deleted = await site.update('_posts/2015-03-10-foo.md', undefined);
    assert.ok(deleted.scope === 'documents' && deleted.paths.includes('_posts/2020-05-01-relative.md'));
  });

  test("with a layout's <base href>, a page linking relatively is checked again when what it links to goes away", async () => {
    // The browser resolves `b/` against the base (`/`), not the page's URL (`/docs/a/`): the link goes to /b/.
    const site = await indexBlog({
      '_config.yml': 'title: Base\n',
      '_layouts/default.html': '<html><head><base href="{{ site.baseurl }}/"></head><body>{{ content }}</body></html>',
      'docs/a/index.md': '---\nlayout: default\n---\n[b](b/)\n',
      'b/index.md': '---\nlayout: default\n---\nB\n',
      'c.md': '---\nlayout: default\n---\nNo links.\n',
    });
    const deleted = await site.update('b/index.md', undefined);
    assert.deepStrictEqual(deleted.scope === 'documents' ? new Set(deleted.paths) : deleted.scope, new Set(['b/index.md', 'docs/a/index.md']));
  });

  test('a post that appears re-checks the posts that linked to it before it existed', async () => {
    const site = await indexBlog(BLOG);
    const created = await site.update('_posts/2021-01-01-new.md', '---\ntitle: New\n---\n');
    assert.deepStrictEqual(created.scope === 'documents' ? created.paths : [], ['_posts/2021-01-01-new.md', '_posts/2020-05-02-absolute.md']);
  });

  test('an index restored with the key hashes another one made (the persisted index) re-checks the same documents', async () => {
    const [built, restored] = await builtAndRestored(BLOG);
    for (const site of [built, restored]) {
      const renamed = await site.update('_posts/2015-03-10-foo.md', '---\ntitle: Foo\n---\n## Begin\n');
      assert.deepStrictEqual(new Set(renamed.scope === 'documents' ? renamed.paths : []), new Set(['_posts/2015-03-10-foo.md', '_posts/2020-05-01-relative.md', '_posts/2020-05-02-absolute.md']));
    }
    assert.deepStrictEqual([...restored.links.sourcesOf(['url:/nowhere.html'])], []);
  });

  test("a target that changes its layout re-checks the documents linking to it (a layout's ids are on the pages it frames); a restored index knows each layout's own", async () => {
    const blog = { ...BLOG, '_layouts/base.html': '<div id="top-{{ x }}"></div>{{ content }}', '_layouts/post.html': '---\nlayout: base\n---\n{{ content }}' };
    const [built, restored] = await builtAndRestored(blog);
    for (const site of [built, restored]) {
      const framed = await site.update('_posts/2015-03-10-foo.md', '---\ntitle: Foo\nlayout: post\n---\n## Start\n');
      assert.deepStrictEqual(new Set(framed.scope === 'documents' ? framed.paths : []), new Set(['_posts/2015-03-10-foo.md', '_posts/2020-05-01-relative.md', '_posts/2020-05-02-absolute.md']));
      assert.deepStrictEqual([...(site.framingLayouts('_posts/2015-03-10-foo.md') ?? [])], ['_layouts/post.html', '_layouts/base.html']);
    }
  });

  test('an include whose ids or includes change re-checks every page; a target that includes others re-checks the documents linking to it; a restored index knows who includes what', async () => {
    const blog = { ...BLOG, '_posts/2015-03-10-foo.md': '---\ntitle: Foo\nlayout: post\n---\n## Start\n', '_layouts/post.html': '{{ content }}', '_includes/box.html': '<p id="box-{{ n }}"></p>', '_includes/outer.html': '{% include box.html %}' };
    const [built, restored] = await builtAndRestored(blog);
    for (const site of [built, restored]) {
      const including = await site.update('_posts/2015-03-10-foo.md', '---\ntitle: Foo\nlayout: post\n---\n## Start\n{% include outer.html %}\n');
      assert.deepStrictEqual(new Set(including.scope === 'documents' ? including.paths : []), new Set(['_posts/2015-03-10-foo.md', '_posts/2020-05-01-relative.md', '_posts/2020-05-02-absolute.md']));
      assert.deepStrictEqual(site.templatesOn('_posts/2015-03-10-foo.md', site.links.summary('_posts/2015-03-10-foo.md')?.includes), new Set(['_layouts/post.html', '_includes/outer.html', '_includes/box.html']));
      assert.deepStrictEqual(await site.update('_includes/box.html', '<p id="box-{{ n }}"></p>'), { scope: 'documents', paths: ['_includes/box.html'] });
      assert.deepStrictEqual(await site.update('_includes/box.html', '<p id="other"></p>'), { scope: 'all' });
      assert.deepStrictEqual(await site.update('_includes/outer.html', '{% include {{ x }} %}'), { scope: 'all' });
      assert.strictEqual(site.templatesOn('_posts/2015-03-10-foo.md', site.links.summary('_posts/2015-03-10-foo.md')?.includes), undefined);
    }
  });

  test("a relative link follows its own document's URL: moved by a permalink, it points elsewhere", async () => {
    const site = await indexBlog(BLOG);
    // Published at /x/y/z/, `../../2015/03/foo.html` is /x/2015/03/foo.html: no longer a link to foo.
    await site.update('_posts/2020-05-01-relative.md', '---\ntitle: Relative\npermalink: /x/y/z/\n---\n[foo](../../2015/03/foo.html#start)\n');
    const renamed = await site.update('_posts/2015-03-10-foo.md', '---\ntitle: Foo\n---\n## Begin\n');
    assert.ok(renamed.scope === 'documents' && !renamed.paths.includes('_posts/2020-05-01-relative.md'), JSON.stringify(renamed));
    assert.ok(renamed.paths.includes('_posts/2020-05-02-absolute.md'));
  });
});
