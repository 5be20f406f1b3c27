import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-new.md';
const post = (layout: string) => `---\nlayout: ${layout}\ntitle: T\nauthor: jane.doe\n---\nBody\n`;

suite('layout rules', () => {
  test('a layout with no file in _layouts/ is reported, with a fix to the close one', async () => {
    const files = exampleBlog({ [POST]: post('psot') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['layout.unknown', 'psot']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'layout.unknown'), post('post'));
    assert.strictEqual(await afterQuickFix(exampleBlog({ [POST]: post('Post') }), POST, 'layout.unknown'), post('post'));
    assert.deepStrictEqual(await findingsOf(exampleBlog({ [POST]: post('gallery') }), POST), [['layout.unknown', 'gallery']]);
  });

  test('a missing layout over the one `defaults` give is offered that one (minimal-mistakes: layout: post over single)', async () => {
    const files = exampleBlog({ [POST]: post('post'), '_layouts/single.html': '{{ content }}' });
    delete files['_layouts/post.html'];
    files['_config.yml'] += 'defaults:\n  - scope: { path: "", type: posts }\n    values: { layout: single }\n';
    assert.deepStrictEqual(await findingsOf(files, POST), [['layout.unknown', 'post']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'layout.unknown'), post('single'));
  });

  test('existing layouts, nested ones, `none` in a post and `null` are fine', async () => {
    for (const layout of ['post', 'default', 'blog/wide', 'none', 'null']) {
      const files = exampleBlog({ [POST]: post(layout), '_layouts/blog/wide.html': '{{ content }}' });
      assert.deepStrictEqual(await findingsOf(files, POST), [], layout);
    }
  });

  test('`none` in a page is no layout either, even over a layout `defaults` give (Jekyll 4.3.1 warns of no layout `none`; nithinbekal.com)', async () => {
    const files = exampleBlog({ '_config.yml': 'defaults:\n  - scope: { path: "" }\n    values: { layout: default }\n', 'about.md': '---\nlayout: none\ntitle: About\n---\n', 'other.md': '---\nlayout: nosuch\ntitle: Other\n---\n' });
    assert.deepStrictEqual(await findingsOf(files, 'about.md'), []);
    assert.deepStrictEqual(await findingsOf(files, 'other.md'), [['layout.unknown', 'nosuch']]);
  });

  test('with a theme the layout may come from the gem: nothing is said', async () => {
    for (const config of ['theme: minima\n', 'remote_theme: pages-themes/cayman\n']) {
      const files = exampleBlog({ '_config.yml': config, [POST]: post('home') });
      assert.deepStrictEqual(await findingsOf(files, POST), [], config);
    }
  });
});
