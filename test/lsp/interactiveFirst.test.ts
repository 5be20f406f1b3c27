import * as assert from 'node:assert';
import { rmSync } from 'node:fs';
import { ConfigurationRequest, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { writeBlog } from '../util/blogs';
import { generateBlog } from '../util/generateBlog';
import { LspTestClient } from '../util/lspClient';

const OPENED = '_posts/2099-12-30-opened.md';
/** Read last of all posts (the open document is read first): while the blog is read, a link to it looks broken. */
const TARGET = '_posts/2099-12-31-zzz-target.md';
const files = generateBlog({ posts: 3000, seed: 7 });
const author = /^([\w.-]+):/m.exec(files['_data/authors.yml']!)![1]!;
const opened = (date: string) =>
  `---\nlayout: post\ntitle: Opened\nauthor: ${author}\ndate: ${date}\ntags: []\n---\n` +
  'See [the last one]({% post_url 2099-12-31-zzz-target %}) and [a lost one]({% post_url 2098-01-01-lost %}).\n';

/** An editor at work while a large blog is still being read and checked. */
suite('requests while the whole blog is read and checked', () => {
  let client: LspTestClient;
  let root: string;
  let indexed = false;

  suiteSetup(async function () {
    this.timeout(60_000);
    root = writeBlog({ ...files, [OPENED]: opened('2099-12-30'), [TARGET]: `---\nlayout: post\ntitle: Target\nauthor: ${author}\n---\nThe end.\n` });
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    void client.indexed().then(() => (indexed = true));
    // Opened as the server starts reading the blog (it asks for the settings first), as an editor restores its tabs.
    client.connection.onRequest(ConfigurationRequest.type, (params) => {
      setImmediate(() => void client.open(OPENED, opened('2099-12-30')));
      return params.items.map(() => ({ diagnostics: { debounce: 0 } }));
    });
  });

  suiteTeardown(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('completion answers from what is read so far, and an edit gets the findings that need only the document, never a false one', async function () {
    this.timeout(60_000);
    // Each answer is an event: completion is asked again until the server answers from the part it has read.
    let tags = await client.complete(OPENED, 5, 'tags: ['.length);
    while (tags.length === 0 && !indexed) {
      tags = await client.complete(OPENED, 5, 'tags: ['.length);
    }
    assert.ok(tags.length > 0, 'tags offered');
    assert.strictEqual(indexed, false, 'answered while the blog was still being read and checked');

    const edited = client.waitForPublish(OPENED, 2);
    await client.change(OPENED, 2, opened('2099-13-45'));
    const early = await edited;
    assert.strictEqual(indexed, false, "the edit's diagnostics came before the whole blog was checked");
    // The date is wrong whatever the rest of the blog says; both links wait for the whole blog (the one to the
    // last post would be a false error now, since that post is not read yet).
    assert.deepStrictEqual(codes(early), ['date.invalid']);

    // `indexed` comes after every document's diagnostics are published.
    await client.indexed();
    const whole = client.diagnostics.get(client.uri(OPENED))!;
    assert.deepStrictEqual(codes(whole), ['date.invalid', 'link.post-url']);
    assert.match(String(whole.find((d) => d.code === 'link.post-url')!.message), /2098-01-01-lost/);
  });
});

/** The server finds its sites once initialized; an editor may open documents before that. */
suite('a document opened before the server has found its site', () => {
  test('is the editor\'s buffer, checked with its version', async function () {
    this.timeout(30_000);
    const post = '_posts/2020-01-01-restored.md';
    const root = writeBlog({ '_config.yml': 'title: Restored\n', '_layouts/post.html': '{{ content }}', [post]: opened('2020-01-01') });
    const published: PublishDiagnosticsParams[] = [];
    const client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } }, [], {
      beforeInitialized: async (c) => {
        c.onPublish((params) => published.push(params));
        await c.open(post, opened('2020-13-45'));
      },
    });
    try {
      await client.indexed();
      await client.settled();
      const last = published.filter((p) => p.uri === client.uri(post)).at(-1);
      // Before the fix it was checked as the file on disk (no error) and published with no version.
      assert.strictEqual(last?.version, 1);
      assert.ok(codes(last.diagnostics).includes('date.invalid'));
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}
