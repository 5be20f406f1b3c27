import * as assert from 'node:assert';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

suite('language server over stdio', () => {
  let client: LspTestClient;
  const untitled = '_posts/2020-04-01-untitled.md';
  const broken = '_posts/2020-04-02-broken.md';

  suiteSetup(async () => {
    const root = writeBlog(
      exampleBlog({
        [untitled]: '---\nlayout: post\nauthor: jane.doe\n---\nBody\n',
        [broken]: '---\nlayout: post\ntitle: [unclosed\nauthor: jane.doe\n---\n',
      }),
    );
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  test('publishes diagnostics for every post once indexed, open or not', () => {
    assert.deepStrictEqual(client.diagnostics.get(client.uri(untitled))?.map((d) => d.code), ['frontmatter.required']);
    assert.deepStrictEqual(client.diagnostics.get(client.uri(broken))?.map((d) => d.code), ['frontmatter.yaml']);
    assert.deepStrictEqual(client.diagnostics.get(client.uri('_posts/2020-01-01-first.md')), undefined, 'a clean closed post: no message');
  });

  test('an edit that adds the title clears the diagnostic', async () => {
    await client.open(untitled, '---\nlayout: post\nauthor: jane.doe\n---\nBody\n');
    const cleared = client.waitForDiagnostics(untitled, (d) => d.length === 0);
    await client.change(untitled, 2, '---\nlayout: post\ntitle: Now titled\nauthor: jane.doe\n---\nBody\n');
    assert.deepStrictEqual(await cleared, []);
  });

  test('completes author ids with display names', async () => {
    const path = '_posts/2020-05-01-new.md';
    await client.open(path, '---\nauthor: \n---\n');
    const items = await client.complete(path, 1, 'author: '.length);
    assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [['jane.doe', 'Jane Doe'], ['john.smith', 'John Smith']]);
  });
});
