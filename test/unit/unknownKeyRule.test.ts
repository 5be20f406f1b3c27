import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-new.md';
const post = (lines: string) => `---\nlayout: post\ntitle: T\nauthor: jane.doe\n${lines}\n---\nBody\n`;

suite('unknown key rule', () => {
  test('a slip for one of Jekyll\'s keys, with a fix that renames the key only', async () => {
    for (const [written, meant, value] of [
      ['tittle', 'title', 'x'],
      ['publish', 'published', 'false'],
      ['permalnik', 'permalink', 'x'],
      ['catgories', 'categories', 'x'],
    ]) {
      const files = exampleBlog({ [POST]: post(`${written}: ${value} # keep me`) });
      assert.deepStrictEqual(await findingsOf(files, POST), [['frontmatter.unknown-key', written]], written);
      assert.strictEqual(await afterQuickFix(files, POST, 'frontmatter.unknown-key'), post(`${meant}: ${value} # keep me`), written);
    }
  });

  test("a key whose value is not of the kind Jekyll reads from the key it looks like is a word of its own (julialang.org's publisher)", async () => {
    const files = exampleBlog({ [POST]: post('publisher: National Bureau of Economic Research'), '_posts/2020-06-01-b.md': post('render_with_liqud: yes') });
    assert.deepStrictEqual(await findingsOf(files, POST), []);
    assert.deepStrictEqual(await findingsOf(files, '_posts/2020-06-01-b.md'), [['frontmatter.unknown-key', 'render_with_liqud']], 'true or false: a slip');
  });

  test('a misspelled Jekyll key stays a slip however many posts copy it', async () => {
    const files = exampleBlog({ [POST]: post('publish: true'), '_posts/2020-06-01-b.md': post('publish: true') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['frontmatter.unknown-key', 'publish']]);
  });

  test('a slip for a key the blog uses elsewhere, only when no other document uses it', async () => {
    const files = exampleBlog({
      [POST]: post('subtitel: x'),
      '_posts/2020-06-01-b.md': post('subtitle: y'),
      '_posts/2020-06-02-c.md': post('subtitle: z'),
    });
    assert.deepStrictEqual(await findingsOf(files, POST), [['frontmatter.unknown-key', 'subtitel']]);
    files['_posts/2020-06-03-d.md'] = post('subtitel: again');
    assert.deepStrictEqual(await findingsOf(files, POST), [], 'two documents use it: the blog\'s own key');
  });

  test("a key a layout or include reads is the blog's own, however few documents set it (scala-lang.org's apiDocs)", async () => {
    const index = 'index.md';
    const files = exampleBlog({
      [index]: '---\nlayout: front\ntitle: Home\napiDocs:\n  mainUrl: https://docs.example.org\n---\n',
      '_layouts/front.html': '<a href="{{ page.apiDocs.mainUrl }}">Docs</a>{{ content }}',
      '_posts/2020-06-01-b.md': post('api_docs: y'),
      '_posts/2020-06-02-c.md': post('api_docs: z'),
    });
    assert.deepStrictEqual(await findingsOf(files, index), []);
    files['_layouts/front.html'] = '{{ content }}';
    assert.deepStrictEqual(await findingsOf(files, index), [['frontmatter.unknown-key', 'apiDocs']]);
  });

  test('a key switched off with a leading underscore is meant to do nothing (europeantestingconference `_title`)', async () => {
    const files = exampleBlog({ [POST]: post('_permalink: /old/\n_subtitle: x'), '_posts/2020-06-01-b.md': post('subtitle: y'), '_posts/2020-06-02-c.md': post('subtitle: z') });
    assert.deepStrictEqual(await findingsOf(files, POST), []);
    files[POST] = post('_tittle: x');
    assert.deepStrictEqual(await findingsOf(files, POST), [], 'switched off, whatever it was');
  });

  test('other unknown keys are fine: theme keys, short keys, plurals the blog uses', async () => {
    const files = exampleBlog({
      [POST]: post('twitter: handle\nmath: true\nimages: [a.png]\nhero_image: x.png\npagination:\n  enabled: true'),
      '_posts/2020-06-01-b.md': post('images: [b.png]'),
    });
    assert.deepStrictEqual(await findingsOf(files, POST), []);
  });

  test('a plural of a known key, or one letter changed in a four-letter key, is a word of its own', async () => {
    const files = exampleBlog({ [POST]: post('images: [a.png]\ndata: x\ntgas: [a]') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['frontmatter.unknown-key', 'tgas']], 'a swap of two letters is still a slip');
  });

  test('a known key with a number after it is a series, not a slip (minimal-mistakes: gallery, gallery2, gallery3)', async () => {
    const gallery = '\n  - image_path: a.png';
    const files = exampleBlog({
      [POST]: post(`gallery:${gallery}\ngallery2:${gallery}\nimage_2: b.png\ntitle2: T`),
      '_posts/2020-06-01-b.md': post(`gallery:${gallery}`),
      '_posts/2020-06-02-c.md': post(`gallery:${gallery}`),
    });
    assert.deepStrictEqual(await findingsOf(files, POST), []);
  });

  test('keys supplied by _config.yml defaults are known', async () => {
    const files = exampleBlog({
      '_config.yml': 'defaults:\n  - scope: { path: "" }\n    values: { sidebar: true, comments: true }\n',
      [POST]: post('comments: false\nsidbar: x'),
    });
    assert.deepStrictEqual(await findingsOf(files, POST), [['frontmatter.unknown-key', 'sidbar']]);
  });
});
