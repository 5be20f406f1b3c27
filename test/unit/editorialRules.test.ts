import * as assert from 'node:assert';
import { firstParagraph } from '../../server/src/core/rules/editorialRules';
import { withSettings } from '../../server/src/core/settings';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-new.md';
const ON = withSettings({ validate: { editorial: 'warning' } });
const post = (body: string, keys = 'description: Short.\ntags: [jvm]\n') => `---\nlayout: post\ntitle: T\nauthor: jane.doe\n${keys}---\n${body}`;
const editorial = async (files: Record<string, string>, path = POST) => (await findingsOf(files, path, ON)).filter(([code]) => code.startsWith('editorial.'));

suite('editorial rules', () => {
  test('all off by default; `editorial` turns them on, a code alone turns one on', async () => {
    const files = exampleBlog({ [POST]: post('![](/assets/img/logo.png)\n\n#### Deep\n', '') });
    assert.deepStrictEqual((await findingsOf(files, POST)).filter(([code]) => code.startsWith('editorial.')), []);
    assert.deepStrictEqual((await editorial(files)).map(([code]) => code).sort(), ['editorial.description', 'editorial.heading-skip', 'editorial.image-alt', 'editorial.tags']);
    const one = await findingsOf(files, POST, withSettings({ validate: { 'editorial.tags': 'info' } }));
    assert.deepStrictEqual(one.filter(([code]) => code.startsWith('editorial.')), [['editorial.tags', '---']]);
  });

  test('an image without alt text, in Markdown or HTML; alt="" is a deliberate decorative image', async () => {
    const body = '![](/assets/img/logo.png) ![Logo](/assets/img/logo.png)\n\n<img src="/assets/img/logo.png">\n<img alt="" src="/assets/img/logo.png">\n<img src="/assets/img/logo.png" alt="Logo">\n';
    assert.deepStrictEqual(await editorial(exampleBlog({ [POST]: post(body) })), [
      ['editorial.image-alt', '![](/assets/img/logo.png)'],
      ['editorial.image-alt', '<img src="/assets/img/logo.png">'],
    ]);
  });

  test('a heading that skips a level, with a fix to the next level; the title is the h1', async () => {
    const body = '## Two\n\n#### Four\n\n## Two again\n\n### Three\n';
    const files = exampleBlog({ [POST]: post(body) });
    assert.deepStrictEqual(await editorial(files), [['editorial.heading-skip', '#### Four']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'editorial.heading-skip', ON), post(body.replace('#### Four', '### Four')));
    assert.deepStrictEqual(await editorial(exampleBlog({ [POST]: post('### Three first\n') })), [['editorial.heading-skip', '### Three first']]);
    assert.deepStrictEqual(await editorial(exampleBlog({ [POST]: post('```\n#### not a heading\n```\n# One\n## Two\n') })), []);
  });

  test('a missing description, with a fix from the first paragraph; `excerpt` or a default is enough', async () => {
    const body = '![Logo](/assets/img/logo.png)\n\n## Intro\n\nWe rewrote **search** in [Kotlin](https://kotlinlang.org): here is how.\n\nMore.\n';
    const files = exampleBlog({ [POST]: post(body, 'tags: [jvm]\n') });
    assert.deepStrictEqual(await editorial(files), [['editorial.description', '---']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'editorial.description', ON), post(body, 'tags: [jvm]\ndescription: "We rewrote search in Kotlin: here is how."\n'));
    assert.deepStrictEqual(await editorial(exampleBlog({ [POST]: post(body, 'excerpt: Search, rewritten.\ntags: [jvm]\n') })), []);
    const withDefault = exampleBlog({ [POST]: post(body, 'tags: [jvm]\n'), '_config.yml': 'defaults:\n  - scope: {path: ""}\n    values: {description: "A blog"}\n' });
    assert.deepStrictEqual(await editorial(withDefault), []);
  });

  test('a description or title longer than search engines show', async () => {
    const long = 'word '.repeat(40).trim();
    assert.deepStrictEqual(await editorial(exampleBlog({ [POST]: post('Text.\n', `description: ${long}\ntags: [jvm]\n`) })), [['editorial.description-length', long]]);
    const title = 'A title that goes on and on well past what a search result page shows';
    const files = exampleBlog({ [POST]: post('Text.\n').replace('title: T', `title: ${title}`) });
    assert.deepStrictEqual(await editorial(files), [['editorial.title-length', title]]);
  });

  test('a post or draft without tags (or a default for them); pages need none, nor a description', async () => {
    assert.deepStrictEqual(await editorial(exampleBlog({ [POST]: post('Text.\n', 'description: D.\n') })), [['editorial.tags', '---']]);
    assert.deepStrictEqual(await editorial(exampleBlog({ '_drafts/idea.md': post('Text.\n', 'description: D.\ntags: []\n') }), '_drafts/idea.md'), [['editorial.tags', '---']]);
    assert.deepStrictEqual(await editorial(exampleBlog({ 'about.md': '---\ntitle: About\n---\nAbout us, a team of people who write.\n' }), 'about.md'), []);
  });

  test('the first paragraph is plain text cut at a word', () => {
    assert.strictEqual(firstParagraph(`\n${'Lorem ipsum dolor sit amet, '.repeat(10)}\n`)!.length <= 160, true);
    assert.match(firstParagraph(`${'Lorem ipsum dolor sit amet, '.repeat(10)}`)!, /amet…$|ipsum…$|dolor…$|sit…$|Lorem…$/);
    assert.strictEqual(firstParagraph('# Title\n\n{% include x.html %}\n'), undefined);
  });
});
