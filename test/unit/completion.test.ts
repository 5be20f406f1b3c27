import * as assert from 'node:assert';
import { provideCompletions } from '../../server/src/core/features/completion';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const CURSOR = '$$CURSOR$$';

async function completionsAt(textWithCursor: string, files = exampleBlog()) {
  const offset = textWithCursor.indexOf(CURSOR);
  const text = textWithCursor.replace(CURSOR, '');
  const path = '_posts/2021-01-01-new.md';
  const site = new SiteIndex(new InMemoryWorkspace({ ...files, [path]: text }), withSettings(undefined));
  await site.build();
  const document = new TextDocumentSnapshot(path, 1, text);
  return provideCompletions(site, document, document.positionAt(offset));
}

suite('completion', () => {
  test('authors after `author: `, most active first, with display names', async () => {
    const items = await completionsAt(`---\nauthor: ${CURSOR}\n---\n`);
    assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [['jane.doe', 'Jane Doe'], ['john.smith', 'John Smith']]);
  });

  test('the completion replaces the partly typed id, dots included', async () => {
    const items = await completionsAt(`---\nauthor: jane.d${CURSOR}\n---\n`);
    const edit = items[0]!.textEdit as { range: { start: { character: number }; end: { character: number } } };
    assert.strictEqual(edit.range.start.character, 'author: '.length);
    assert.strictEqual(edit.range.end.character, 'author: jane.d'.length);
  });

  test('flow and block lists do not offer an author already listed', async () => {
    const flow = await completionsAt(`---\nauthors: [jane.doe, ${CURSOR}]\n---\n`);
    assert.deepStrictEqual(flow.map((i) => i.label), ['john.smith']);
    const block = await completionsAt(`---\nauthors:\n  - john.smith\n  - ${CURSOR}\n---\n`);
    assert.deepStrictEqual(block.map((i) => i.label), ['jane.doe']);
  });

  test('nothing outside author values', async () => {
    assert.deepStrictEqual(await completionsAt(`---\ntitle: ${CURSOR}\n---\n`), []);
    assert.deepStrictEqual(await completionsAt(`---\nauthor: x\n---\n${CURSOR}`), []);
  });

  test('without an author source, the names already used', async () => {
    const files = exampleBlog();
    delete files['_data/authors.yml'];
    const items = await completionsAt(`---\nauthor: ${CURSOR}\n---\n`, files);
    assert.deepStrictEqual(items.map((i) => i.label), ['jane.doe', 'john.smith']);
  });
});

suite('post_url completion', () => {
  test("posts in Jekyll's order of site.posts: newest first, and of one day the later name first", async () => {
    const post = '---\ntitle: T\n---\n';
    const items = await completionsAt(`Read {% post_url ${CURSOR} %}`, {
      '_config.yml': '',
      '_posts/2020-01-01-a.md': post,
      '_posts/2020-01-01-b.md': post,
      '_posts/2020-01-02-c.md': post,
      '_posts/2019-12-31-z.md': post,
    });
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['2021-01-01-new', '2020-01-02-c', '2020-01-01-b', '2020-01-01-a', '2019-12-31-z'],
    );
  });
});
