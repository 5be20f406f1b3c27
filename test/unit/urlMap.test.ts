import * as assert from 'node:assert';
import { withSettings } from '../../server/src/core/settings';
import { readConfig } from '../../server/src/core/site/config';
import { datePlaceholders, escapePath, expandTemplate, postDate, sanitizeUrl, slugify } from '../../server/src/core/site/permalink';
import { SiteIndex, type SiteDocument } from '../../server/src/core/site/siteIndex';
import { UrlMap } from '../../server/src/core/site/urlMap';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

async function siteOf(files: Record<string, string>): Promise<SiteIndex> {
  const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
  await site.build();
  return site;
}

const POST = '---\ntitle: T\n---\nBody\n';

async function postUrl(config: string, path = '_posts/2015-03-01-My-Post.md', text = POST): Promise<string | undefined> {
  const site = await siteOf({ '_config.yml': config, [path]: text });
  return site.urls.urlOf(path);
}

suite('permalinks and the URL map', () => {
  test('built-in styles: date (the default), pretty, ordinal, weekdate, none', async () => {
    assert.strictEqual(await postUrl(''), '/2015/03/01/My-Post.html');
    assert.strictEqual(await postUrl('permalink: date\n'), '/2015/03/01/My-Post.html');
    assert.strictEqual(await postUrl('permalink: pretty\n'), '/2015/03/01/My-Post/');
    assert.strictEqual(await postUrl('permalink: ordinal\n'), '/2015/060/My-Post.html');
    assert.strictEqual(await postUrl('permalink: weekdate\n'), '/2015/W09/Sun/My-Post.html');
    assert.strictEqual(await postUrl('permalink: none\n'), '/My-Post.html');
  });

  test('custom patterns with every placeholder', async () => {
    assert.strictEqual(await postUrl('permalink: /:year/:month/:title.html\n'), '/2015/03/My-Post.html');
    assert.strictEqual(await postUrl('permalink: /:short_year/:i_month/:i_day/:slug/\n'), '/15/3/1/my-post/');
    assert.strictEqual(await postUrl('permalink: /:short_month-:long_month/:y_day/:w_year-:week-:w_day-:long_day/:name\n'), '/Mar-March/060/2015-09-7-Sunday/2015-03-01-my-post');
    assert.strictEqual(await postUrl('permalink: /blog/:year_:month/:title:output_ext\n'), '/blog/2015_03/My-Post.html');
    assert.strictEqual(await postUrl('permalink: /:collection/:path/\n'), '/posts/2015-03-01-My-Post/');
  });

  test('date: in front matter wins over the file name, in the site time zone', async () => {
    const text = '---\ntitle: T\ndate: 2015-03-02 23:30:00 +0000\n---\n';
    assert.strictEqual(await postUrl('permalink: /:year/:month/:day/:hour/:title.html\ntimezone: Europe/Warsaw\n', undefined, text), '/2015/03/03/00/My-Post.html');
    assert.strictEqual(await postUrl('permalink: /:year/:month/:day/:title.html\n', undefined, text), '/2015/03/02/My-Post.html');
    assert.strictEqual(await postUrl('', undefined, '---\ndate: 2016-07-04\n---\n'), '/2016/07/04/My-Post.html');
  });

  test('slug: changes :title and :slug; permalink: replaces the pattern and may use placeholders', async () => {
    assert.strictEqual(await postUrl('permalink: /:title/\n', undefined, '---\nslug: Other One\n---\n'), '/Other-One/');
    assert.strictEqual(await postUrl('', undefined, '---\npermalink: /custom/place.html\n---\n'), '/custom/place.html');
    assert.strictEqual(await postUrl('', undefined, '---\npermalink: /archive/:year/:title/\n---\n'), '/archive/2015/My-Post/');
  });

  test('categories from front matter and folders, lowercased', async () => {
    assert.strictEqual(await postUrl('', 'Tech/_posts/2015-03-01-x.md'), '/tech/2015/03/01/x.html');
    assert.strictEqual(await postUrl('', undefined, '---\ncategories: [Java, Kotlin]\n---\n'), '/java/kotlin/2015/03/01/My-Post.html');
    assert.strictEqual(await postUrl('', undefined, '---\ncategories: big data\n---\n'), '/big/data/2015/03/01/My-Post.html');
    assert.strictEqual(await postUrl('', undefined, '---\ncategory: Ruby On Rails\n---\n'), '/ruby%20on%20rails/2015/03/01/My-Post.html');
  });

  test('categories: the folders first, then categories, then category (found by the conformance run)', async () => {
    assert.strictEqual(await postUrl('', 'Tech/_posts/2020-01-02-one.md', '---\ncategories: [b, a]\ncategory: c\n---\n'), '/tech/b/a/c/2020/01/02/one.html');
  });

  test('published: false (also YAML no, also from defaults) publishes nothing; the string "false" does (found by the conformance run)', async () => {
    assert.strictEqual(await postUrl('', undefined, '---\npublished: false\n---\n'), undefined);
    assert.strictEqual(await postUrl('', undefined, '---\npublished: no\n---\n'), undefined);
    assert.strictEqual(await postUrl('', undefined, '---\npublished: "false"\n---\n'), '/2015/03/01/My-Post.html');
    assert.strictEqual(await postUrl('defaults:\n  - scope: { path: _posts }\n    values: { published: false }\n'), undefined);
    const site = await siteOf({ 'page.md': '---\npublished: false\n---\n', '_config.yml': 'collections:\n  things:\n    output: true\n', '_things/t.md': '---\npublished: false\n---\n' });
    assert.strictEqual(site.urls.urlOf('page.md'), undefined);
    assert.strictEqual(site.urls.urlOf('_things/t.md'), undefined);
  });

  test('defaults in _config.yml supply permalink', async () => {
    const config = 'defaults:\n  - scope: { path: "_posts/old" }\n    values: { permalink: "/old/:title/" }\n';
    assert.strictEqual(await postUrl(config, '_posts/old/2015-03-01-a.md'), '/old/a/');
    assert.strictEqual(await postUrl(config, '_posts/2015-03-01-a.md'), '/2015/03/01/a.html');
  });

  test('pages: about.md -> /about.html, x/index.md -> /x/, permalink:, pretty style', async () => {
    const files = {
      'about.md': '---\ntitle: About\n---\n',
      'team/index.md': '---\n---\n',
      'contact.html': '---\npermalink: /reach-us/\n---\n',
      'feed.xml': '---\n---\n',
    };
    const site = await siteOf(files);
    assert.strictEqual(site.urls.urlOf('about.md'), '/about.html');
    assert.strictEqual(site.urls.urlOf('team/index.md'), '/team/');
    assert.strictEqual(site.urls.urlOf('contact.html'), '/reach-us/');
    assert.strictEqual(site.urls.urlOf('feed.xml'), '/feed.xml');
    const pretty = await siteOf({ ...files, '_config.yml': 'permalink: pretty\n' });
    assert.strictEqual(pretty.urls.urlOf('about.md'), '/about/');
    const custom = await siteOf({ ...files, '_config.yml': 'permalink: /:year/:title.html\n' });
    assert.strictEqual(custom.urls.urlOf('about.md'), '/about');
    assert.strictEqual(custom.urls.lookup('/about.html')?.path, 'about.md');
  });

  test('collections: output and permalink decide', async () => {
    const site = await siteOf({
      '_config.yml': 'collections:\n  recipes:\n    output: true\n  notes:\n    output: false\n  people:\n    output: true\n    permalink: /team/:name/\n',
      '_recipes/soup/tomato.md': '---\n---\n',
      '_notes/x.md': '---\n---\n',
      '_people/Jane Doe.md': '---\n---\n',
    });
    assert.strictEqual(site.urls.urlOf('_recipes/soup/tomato.md'), '/recipes/soup/tomato.html');
    assert.strictEqual(site.urls.urlOf('_notes/x.md'), undefined);
    assert.strictEqual(site.urls.urlOf('_people/Jane Doe.md'), '/team/jane-doe/');
  });

  test('collections_dir: `:path` is the path inside it, for posts as for other documents (rosalindskillen.github.io)', async () => {
    // The oracle builds `_site/blog/2017-12-12-eolas/`, `_site/blog/news/2018-01-01-news-one/` and
    // `_site/media/sub/talk/`: Jekyll's `relative_path` starts inside collections_dir, then loses `_posts`.
    const site = await siteOf({
      '_config.yml': 'collections_dir: collections\ncollections:\n  posts:\n    output: true\n    permalink: /blog/:path/\n  media:\n    output: true\n    permalink: /:collection/:path/\n',
      'collections/_posts/2017-12-12-eolas.md': POST,
      'collections/news/_posts/2018-01-01-news-one.md': POST,
      'collections/_media/sub/talk.md': POST,
    });
    assert.strictEqual(site.urls.urlOf('collections/_posts/2017-12-12-eolas.md'), '/blog/2017-12-12-eolas/');
    assert.strictEqual(site.urls.urlOf('collections/news/_posts/2018-01-01-news-one.md'), '/blog/news/2018-01-01-news-one/');
    assert.strictEqual(site.urls.urlOf('collections/_media/sub/talk.md'), '/media/sub/talk/');
  });

  test('collections_dir: Jekyll reads no posts or drafts outside it', async () => {
    // The oracle (collections_dir: collections) builds `collections/_posts/` and `collections/Tech/_posts/` only:
    // `_posts/` and `blog/_posts/` are skipped, as `retrieve_posts` does for a folder outside collections_dir.
    const site = await siteOf({
      '_config.yml': 'collections_dir: collections\n',
      'collections/_posts/2018-01-02-plain.md': POST,
      'collections/Tech/_posts/2018-01-01-cat.md': POST,
      '_posts/2019-01-05-root.md': POST,
      'blog/_posts/2019-01-01-blog-one.md': POST,
      '_drafts/draft.md': POST,
    });
    assert.deepStrictEqual(
      [...site.documents.values()].map((d) => [d.path, d.kind, site.urls.urlOf(d.path)]).sort(),
      [
        ['_posts/2019-01-05-root.md', 'misnamed-post', undefined],
        ['blog/_posts/2019-01-01-blog-one.md', 'misnamed-post', undefined],
        ['collections/Tech/_posts/2018-01-01-cat.md', 'post', '/tech/2018/01/01/cat.html'],
        ['collections/_posts/2018-01-02-plain.md', 'post', '/2018/01/02/plain.html'],
      ],
    );
  });

  test('a `_posts` folder inside a folder Jekyll skips (`_vendor/`, `.x/`), and a dotfile in `_posts`, are no posts (grab.github.io)', async () => {
    // The oracle builds `_site/vendor2/2014/05/21/bleh.html` and `_site/2019/12/27/a.html` only: it never reads
    // `_vendor/` (its bad `date:` stops nothing), nor `.a.md.swp`, nor `_posts/_old/` (EntryFilter's `special?`).
    const site = await siteOf({
      '_config.yml': 'title: t\n',
      '_posts/2019-12-27-a.md': POST,
      '_posts/.2019-12-27-a.md.swp': 'swap',
      '_posts/_old/2019-12-28-old.md': POST,
      '_posts/#2019-12-29-tmp.md': POST,
      '_vendor/gems/x/spec/source/_posts/2014-05-20-blah.html': 'bare\n',
      '.cache/_posts/2014-05-22-c.md': POST,
      '_vendor/gems/x/_drafts/d.md': POST,
      'vendor2/_posts/2014-05-21-bleh.html': 'bare\n',
    });
    assert.deepStrictEqual(
      [...site.documents.values()].map((d) => [d.path, d.kind, site.urls.urlOf(d.path)]).sort(),
      [
        ['_posts/2019-12-27-a.md', 'post', '/2019/12/27/a.html'],
        ['vendor2/_posts/2014-05-21-bleh.html', 'post', '/vendor2/2014/05/21/bleh.html'],
      ],
    );
  });

  test('static files, redirect_from, and lookups in both directions', async () => {
    const site = await siteOf({
      '_posts/2015-03-01-moved.md': '---\nredirect_from:\n  - /old/moved.html\n  - legacy/\n---\n',
      'assets/img/a b.png': 'x',
      'assets/css/main.scss': '---\n---\n',
      'x/index.md': '---\n---\n',
    });
    assert.strictEqual(site.urls.lookup('/2015/03/01/moved.html')?.path, '_posts/2015-03-01-moved.md');
    assert.strictEqual(site.urls.lookup('/old/moved.html')?.kind, 'redirect');
    assert.strictEqual(site.urls.lookup('/legacy/')?.path, '_posts/2015-03-01-moved.md');
    assert.strictEqual(site.urls.lookup('/assets/img/a%20b.png')?.kind, 'static');
    assert.strictEqual(site.urls.lookup('/assets/css/main.css')?.path, 'assets/css/main.scss');
    assert.strictEqual(site.urls.lookup('/x')?.path, 'x/index.md');
    assert.strictEqual(site.urls.lookup('/x/index.html')?.path, 'x/index.md');
    assert.strictEqual(site.urls.lookup('/2015/03/01/moved')?.path, '_posts/2015-03-01-moved.md');
    assert.strictEqual(site.urls.lookup('/nothing.html'), undefined);
  });

  test('the map follows edits: a renamed post moves its URL', async () => {
    const files = { '_posts/2015-03-01-a.md': POST };
    const workspace = new InMemoryWorkspace(files);
    const site = new SiteIndex(workspace, withSettings(undefined));
    await site.build();
    assert.ok(site.urls.lookup('/2015/03/01/a.html'));
    await site.update('_posts/2015-03-01-a.md', undefined);
    await site.update('_posts/2015-03-01-b.md', POST);
    assert.strictEqual(site.urls.lookup('/2015/03/01/a.html'), undefined);
    assert.strictEqual(site.urls.lookup('/2015/03/01/b.html')?.path, '_posts/2015-03-01-b.md');
    await site.update('_posts/2015-03-01-b.md', '---\npermalink: /b/\n---\n');
    assert.strictEqual(site.urls.urlOf('_posts/2015-03-01-b.md'), '/b/');
  });

  test('a URL two sources publish stays while either is left, whichever goes first', async () => {
    const page = '---\npermalink: /same/\n---\n';
    for (const gone of ['a.md', 'b.md']) {
      const workspace = new InMemoryWorkspace({ 'a.md': page, 'b.md': page });
      const site = new SiteIndex(workspace, withSettings(undefined));
      await site.build();
      await site.update(gone, undefined);
      const left = gone === 'a.md' ? 'b.md' : 'a.md';
      assert.strictEqual(site.urls.lookup('/same/')?.path, left, `after ${gone} went`);
      await site.update(left, undefined);
      assert.strictEqual(site.urls.lookup('/same/'), undefined);
    }
    // The one named does not depend on the order the sources came in.
    const site = await siteOf({ 'b.md': page });
    await site.update('a.md', page);
    assert.strictEqual(site.urls.lookup('/same/')?.path, 'a.md');
  });

  test('a map made a slice at a time, as a build reads, is the map made at once, with what changed meanwhile', async () => {
    const files: Record<string, string> = { '_config.yml': 'permalink: /:title/\n' };
    for (let i = 0; i < 100; i++) {
      files[`assets/file-${i}.txt`] = 'x';
      files[`_posts/2015-03-01-post-${String(i).padStart(3, '0')}.md`] = POST;
    }
    files['_posts/2015-03-01-post-100.md'] = '---\npermalink: /same/\n---\n';
    const whole = await siteOf(files);
    // The build's view: the static files are known at once, the documents come as they are read.
    const documents = new Map<string, SiteDocument>();
    const map = new UrlMap({ config: whole.config, document: (path) => documents.get(path), staticFiles: whole.staticFiles, documents });
    const all = [...whole.documents.values()];
    // As the index does: each document added or changed is touched.
    const put = (document: SiteDocument) => {
      documents.set(document.path, document);
      map.touch(document.path);
    };
    all.slice(0, 50).forEach(put);
    // 32 files a call once the deadline is past: the 100 static files, then 28 documents.
    for (let i = 0; i < 4; i++) {
      map.update(performance.now() - 1);
    }
    all.slice(50).forEach(put);
    // Changed and deleted after their visit.
    const moved = all[0]!;
    put({ ...moved, data: { ...moved.data, permalink: '/same/' } });
    documents.delete(all[1]!.path);
    map.touch(all[1]!.path);
    for (let i = 0; i < 4; i++) {
      map.update(performance.now() - 1);
    }
    const changed: Record<string, string> = { ...files, [moved.path]: '---\npermalink: /same/\n---\n' };
    delete changed[all[1]!.path];
    const expected = await siteOf(changed);
    const entries = (m: { entries(): Iterable<[string, unknown]> }) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepStrictEqual(entries(map), entries(expected.urls));
  });

  test('Jekyll helpers: slugify modes, escape_path, sanitize_url, template expansion', () => {
    assert.strictEqual(slugify('The _config.yml file?'), 'the-config-yml-file');
    assert.strictEqual(slugify('The _config.yml file?', 'pretty'), 'the-_config.yml-file');
    assert.strictEqual(slugify('The _config.yml file?', 'pretty', true), 'The-_config.yml-file');
    assert.strictEqual(slugify('Zażółć gęślą', 'ascii'), 'za-g-l');
    assert.strictEqual(slugify('Café au lait', 'latin'), 'cafe-au-lait');
    assert.strictEqual(escapePath('/a b/ć#'), '/a%20b/%C4%87%23');
    assert.strictEqual(sanitizeUrl('a//b/../c/./d'), '/a/b///c/d'.replace(/\/{2,}/g, '/'));
    const placeholders: Record<string, string> = { categories: '', year: '2015', title: 'x' };
    assert.strictEqual(expandTemplate('/:categories/:year/:title.html:other', (name) => placeholders[name]), '/2015/x.html:other');
    assert.deepStrictEqual(postDate('2015-3-1', undefined, undefined), { year: 2015, month: 3, day: 1, hour: 0, minute: 0, second: 0 });
    assert.strictEqual(datePlaceholders({ year: 2021, month: 1, day: 1, hour: 0, minute: 0, second: 0 }).week, '53');
    assert.strictEqual(readConfig('baseurl: /blog/\n').config.baseurl, '/blog');
  });
});
