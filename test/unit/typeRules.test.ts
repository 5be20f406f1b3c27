import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-new.md';
const post = (lines: string) => `---\nlayout: post\nauthor: jane.doe\n${lines}\n---\nBody\n`;
const check = (lines: string) => findingsOf(exampleBlog({ [POST]: post(lines) }), POST);

suite('value type rules (YAML 1.1 readings)', () => {
  test('a nil tag (`null`, `~`) is reported; quoting fixes `null`', async () => {
    assert.deepStrictEqual(await check('title: T\ntags: [kotlin, null]'), [['frontmatter.not-text', 'null']]);
    assert.strictEqual(await afterQuickFix(exampleBlog({ [POST]: post('title: T\ntags: [kotlin, null]') }), POST, 'frontmatter.not-text'), post('title: T\ntags: [kotlin, "null"]'));
    assert.deepStrictEqual(await check('title: T\ntags: [kotlin, ~]'), [['frontmatter.not-text', '~']]);
    // Psych's booleans are yes/true/on and no/false/off in any case; `y` and `n` stay text (the oracle prints "Y").
    assert.deepStrictEqual(await check('title: Y\ntags: [y, n]'), []);
    // A dot without a digit is text to Jekyll (the oracle prints ".", "-.", "+.", "._"; `1.` is 1.0).
    assert.deepStrictEqual(await check('title: .\ndescription: -.\nexcerpt: ._'), []);
    assert.deepStrictEqual((await check('title: T\ntags: [yEs, OFF]')).map(([c]) => c), ['frontmatter.not-text', 'frontmatter.not-text']);
    assert.deepStrictEqual(await check('title: T\ntags: [kotlin, "null"]'), []);
  });

  test('booleans where text is meant: `title: yes`, `tags: [on, off]`', async () => {
    assert.deepStrictEqual(await check('title: yes'), [['frontmatter.not-text', 'yes']]);
    assert.strictEqual(await afterQuickFix(exampleBlog({ [POST]: post('title: Yes') }), POST, 'frontmatter.not-text'), post('title: "Yes"'));
    assert.deepStrictEqual(await check('title: T\ntags:\n  - on\n  - kotlin'), [['frontmatter.not-text', 'on']]);
    assert.deepStrictEqual(await check("title: 'yes'\ntags: [yesterday, one]"), [], 'quoted, or only starting like a boolean');
  });

  test('numbers only when Jekyll would show something other than what was written', async () => {
    assert.deepStrictEqual(await check('title: 1984\ntags: [2019, 3.0, java8]'), [], 'shown as written');
    assert.deepStrictEqual(await check('title: T\ntags: [1.10, 010]'), [
      ['frontmatter.not-text', '1.10'],
      ['frontmatter.not-text', '010'],
    ]);
  });

  test('tags that are not a list or a string are ignored by Jekyll', async () => {
    assert.deepStrictEqual(await check('title: T\ntags: 2019'), [['frontmatter.not-list', '2019']]);
    assert.strictEqual(await afterQuickFix(exampleBlog({ [POST]: post('title: T\ntags: 2019') }), POST, 'frontmatter.not-list'), post('title: T\ntags: "2019"'));
    assert.deepStrictEqual(await check('title: T\ntags: big data'), [], 'a space-separated string is two tags');
  });

  test('an empty title', async () => {
    assert.deepStrictEqual(await check('title:'), [['frontmatter.empty-title', 'title:']]);
    assert.deepStrictEqual(await check('title: ""'), [['frontmatter.empty-title', 'title: ""']]);
    assert.deepStrictEqual(await check('title: " "'), [['frontmatter.empty-title', 'title: " "']]);
    // A page's is the layout's business: minimal-mistakes' splash home pages set `title: " "` (00-Evan.github.io).
    for (const title of ['title:', 'title: " "']) {
      assert.deepStrictEqual(await findingsOf(exampleBlog({ 'index.md': `---\nlayout: default\npermalink: /\n${title}\n---\n` }), 'index.md'), [], title);
    }
    // So is a collection document's: `_samples/intro.md` with `title: ""` in a collection with no pages (crystal-lang.org).
    const sample = '_samples/intro.md';
    assert.deepStrictEqual(await findingsOf(exampleBlog({ '_config.yml': 'collections:\n  samples:\n    output: false\n', [sample]: '---\ntitle: ""\nshort_name: Intro\n---\n' }), sample), []);
  });

  test('a comma in a space-separated tag string, fixed to a list', async () => {
    const files = exampleBlog({ [POST]: post('title: T\ntags: java, big data,kotlin') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['tag.comma', 'java, big data,kotlin']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'tag.comma'), post('title: T\ntags: [java, big data, kotlin]'));
    assert.deepStrictEqual(await check('title: T\ntags: [java, "a, b"]'), [], 'a comma inside a list item is what the author wrote');
  });

  test('an empty list item, removed by its fix', async () => {
    const files = exampleBlog({ [POST]: post('title: T\ntags:\n  - java\n  -\n  - kotlin') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['frontmatter.empty-item', '-']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'frontmatter.empty-item'), post('title: T\ntags:\n  - java\n  - kotlin'));
  });

  test('`layout: null` and an empty `description:` are deliberate, not misread', async () => {
    const files = exampleBlog({ 'about.md': '---\ntitle: About\nlayout: null\ndescription: ~\nauthor:\n---\n' });
    assert.deepStrictEqual(await findingsOf(files, 'about.md'), []);
  });

  test('fixes keep CRLF line endings, a BOM and comments byte for byte', async () => {
    const text = '\ufeff---\r\nlayout: post # the usual\r\ntitle: yes\r\nauthor: jane.doe\r\n---\r\nBody\r\n';
    const fixed = await afterQuickFix(exampleBlog({ [POST]: text }), POST, 'frontmatter.not-text');
    assert.strictEqual(fixed, text.replace('title: yes', 'title: "yes"'));
  });
});
