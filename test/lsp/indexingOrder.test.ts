import * as assert from 'node:assert';
import { rmSync } from 'node:fs';
import { ConfigurationRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { writeBlog } from '../util/blogs';
import { generateBlog } from '../util/generateBlog';
import { LspTestClient } from '../util/lspClient';

const OPENED = '_posts/2099-12-30-opened.md';
/** Read last of all posts: while the blog is being read, a link to it looks broken. */
const TARGET = '_posts/2099-12-31-zzz-target.md';
const files = generateBlog({ posts: 1500 });
const author = /^([\w.-]+):/m.exec(files['_data/authors.yml']!)![1]!;
const OPENED_TEXT = `---\nlayout: post\ntitle: Opened\nauthor: ${author}\n---\nSee [the last one]({% post_url 2099-12-31-zzz-target %}#the-end).\n`;

/** A document opened while the server is still reading the blog. */
suite('a document opened while the blog is indexed', () => {
  let client: LspTestClient;
  let root: string;
  const published: PublishDiagnosticsParams[] = [];

  suiteSetup(async function () {
    this.timeout(60_000);
    root = writeBlog({ ...files, [OPENED]: OPENED_TEXT, [TARGET]: `---\nlayout: post\ntitle: Target\nauthor: ${author}\n---\n## The end\n` });
    client = await LspTestClient.start(root);
    client.onPublish((params) => published.push(params));
    // Opened just after the server has its settings, when it starts reading the blog.
    client.connection.onRequest(ConfigurationRequest.type, (params) => {
      setImmediate(() => void client.open(OPENED, OPENED_TEXT));
      return params.items.map(() => ({}));
    });
    await client.indexed();
  });

  suiteTeardown(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('is checked against the whole blog, never the part read so far', () => {
    // Checked before the blog was read, its link to the last post was reported broken, and an update in the middle
    // of the reading froze the URL map with the posts read so far: every later link looked broken.
    const mine = published.filter((p) => p.uri === client.uri(OPENED));
    assert.ok(mine.length > 0, 'published');
    assert.deepStrictEqual(mine.flatMap((p) => p.diagnostics.map((d) => d.code)), []);
    assert.deepStrictEqual(published.flatMap((p) => p.diagnostics.map((d) => d.code)), []);
  });

  test('is checked first', () => {
    const first = published.findIndex((p) => p.uri.includes('/_posts/'));
    assert.strictEqual(published[first]?.uri, client.uri(OPENED));
  });
});
