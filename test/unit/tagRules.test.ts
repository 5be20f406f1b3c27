import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-new.md';
const post = (tags: string) => `---\nlayout: post\ntitle: New\nauthor: jane.doe\n${tags}\n---\nBody\n`;

/** A blog where `big data`, `kubernetes`, `kotlin` and `rest-api` are used often, `lean` and `tools` a few times. */
function blog(tags: string): Record<string, string> {
  const files = exampleBlog({ [POST]: post(tags) });
  const common = ['big data', 'kubernetes', 'kotlin', 'rest-api', 'microservices', 'tools'];
  for (let i = 0; i < 4; i++) {
    files[`_posts/2021-01-0${i + 1}-post.md`] = post(`tags: [${common.join(', ')}${i < 2 ? ', lean' : ''}]`);
  }
  return files;
}

suite('tag rules', () => {
  test('a variant of a more used tag (case, spaces, hyphens) is reported, with a fix to the common form', async () => {
    for (const [written, common] of [
      ['Kotlin', 'kotlin'],
      ['bigdata', 'big data'],
      ['big-data', 'big data'],
      ['Rest_API', 'rest-api'],
    ] as const) {
      const files = blog(`tags: [${written}, jvm]`);
      assert.deepStrictEqual(await findingsOf(files, POST), [['tag.variant', written]], written);
      assert.strictEqual(await afterQuickFix(files, POST, 'tag.variant'), post(`tags: [${common}, jvm]`), written);
    }
  });

  test('the more used form is not reported; on a tie both are, since Jekyll makes two tag pages either way', async () => {
    assert.deepStrictEqual(await findingsOf(blog('tags: [kotlin, big data]'), POST), []);
    const files = exampleBlog({ [POST]: post('tags: [Kafka]') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['tag.variant', 'Kafka']], '`kafka` and `Kafka` are used once each');
    const other = Object.keys(files).find((path) => path !== POST && /tags:.*\bkafka\b/.test(files[path]!));
    assert.ok(other, 'the example blog has a `kafka` post');
    assert.deepStrictEqual((await findingsOf(files, other)).filter(([code]) => code === 'tag.variant'), [['tag.variant', 'kafka']]);
  });

  test('a likely typo of a frequent tag is reported', async () => {
    const files = blog('tags: [kuberentes]');
    assert.deepStrictEqual(await findingsOf(files, POST), [['tag.typo', 'kuberentes']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'tag.typo'), post('tags: [kubernetes]'));
    assert.deepStrictEqual(await findingsOf(blog('tags: [kotiln]'), POST), [['tag.typo', 'kotiln']]);
  });

  test('short tags, plurals, versions and other words one letter apart are not typos', async () => {
    for (const tag of ['leak', 'tool', 'microservice', 'kotlin2', 'rust-api', 'rest-apis', 'big date']) {
      const findings = await findingsOf(blog(`tags: [${tag}]`), POST);
      assert.deepStrictEqual(findings.filter(([code]) => code === 'tag.typo'), [], tag);
    }
    assert.deepStrictEqual(await findingsOf(blog('tags: [kuberentes, brand-new-topic]'), POST), [['tag.typo', 'kuberentes']], 'a new tag as such is fine');
  });

  test('a tag twice in one list, also written differently, with a fix that removes the second', async () => {
    const files = exampleBlog({ [POST]: post('tags: [jvm, kafka, jvm]') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['tag.duplicate', 'jvm']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'tag.duplicate'), post('tags: [jvm, kafka]'));
    const block = exampleBlog({ [POST]: post('tags:\n  - jvm\n  - JVM\n  - kafka') });
    assert.deepStrictEqual(await findingsOf(block, POST), [['tag.duplicate', 'JVM']]);
    assert.strictEqual(await afterQuickFix(block, POST, 'tag.duplicate'), post('tags:\n  - jvm\n  - kafka'));
    const words = exampleBlog({ [POST]: post('tags: jvm kafka jvm') });
    assert.strictEqual(await afterQuickFix(words, POST, 'tag.duplicate'), post('tags: jvm kafka'));
  });

  test('a space-separated string is read word by word', async () => {
    const files = blog('tags: Kotlin jvm');
    assert.deepStrictEqual(await findingsOf(files, POST), [['tag.variant', 'Kotlin']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'tag.variant'), post('tags: kotlin jvm'));
    // The common form has a space, which a space-separated string cannot hold: reported, but no fix.
    assert.strictEqual(await afterQuickFix(blog('tags: bigdata jvm'), POST, 'tag.variant'), undefined);
  });

  test('categories follow the same rules, under their own codes', async () => {
    const files = exampleBlog({ [POST]: post('categories: [Engineering, news, news]') });
    for (let i = 0; i < 3; i++) {
      files[`_posts/2021-01-0${i + 1}-post.md`] = post('categories: engineering');
    }
    assert.deepStrictEqual(await findingsOf(files, POST), [
      ['category.variant', 'Engineering'],
      ['category.duplicate', 'news'],
    ]);
  });

  test("a page's tag string is not split (Jekyll splits only posts' and collection documents'): no comma, duplicate or variant", async () => {
    // The oracle: `tags: a, b, a,` gives a page `page.tags` "a, b, a," and a post ["a,", "b,", "a,"] (OWASP's index.md).
    const PAGE = 'about/keywords.md';
    const files = blog('tags: [kotlin]');
    files[PAGE] = '---\ntitle: Keywords\ntags: Kotlin, big data, Kotlin, kuberentes\ncategories: news, news\n---\nBody\n';
    assert.deepStrictEqual(await findingsOf(files, PAGE), []);
    files[PAGE] = '---\ntitle: Keywords\ntags: [jvm, jvm]\n---\nBody\n';
    assert.deepStrictEqual(await findingsOf(files, PAGE), [['tag.duplicate', 'jvm']], 'a list is a list on a page too');
    assert.deepStrictEqual(await findingsOf(blog('tags: java, kotlin'), POST), [['tag.comma', 'java, kotlin']], "a post's string is split");
  });

  test('a word the comma rule reports is not also a variant or typo of the tag without its comma (cockpit-project.github.io: 54 twice)', async () => {
    // `tags: kotlin, jvm` makes the tags `kotlin,` and `jvm`: one mistake, one finding, whose fix writes the list.
    assert.deepStrictEqual(await findingsOf(blog('tags: kotlin, jvm'), POST), [['tag.comma', 'kotlin, jvm']]);
    assert.deepStrictEqual(await findingsOf(blog('tags: Kotlin, jvm'), POST), [['tag.comma', 'Kotlin, jvm']]);
    assert.deepStrictEqual(await findingsOf(blog('tags: Kotlin jvm'), POST), [['tag.variant', 'Kotlin']], 'without a comma, still a variant');
    // Nor is a tag written right a typo of the comma form other documents have (opensourcedesign's `_people`: `design`
    // "a typo of `design,`"): their comma findings fix those, and the fix would spread the comma.
    const files = blog('tags: [jvm, javascript]');
    for (let i = 0; i < 4; i++) {
      files[`_posts/2022-01-0${i + 1}-comma.md`] = post('tags: javascript, css');
    }
    assert.deepStrictEqual(await findingsOf(files, POST), []);
  });
});
