import * as assert from 'node:assert';
import { cpSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, CompletionRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { cliDiagnostics, waitForAgreement } from '../util/agreement';
import { exampleBlog, writeBlog } from '../util/blogs';
import { generateBlog } from '../util/generateBlog';
import { oversizedPost } from '../util/hostileInputs';
import { LspTestClient } from '../util/lspClient';

/**
 * What the server shows never drifts from the disk (issue 22): after each kind of change, its published
 * diagnostics reach exactly what a fresh `blogwright check` of the same files reports.
 */
suite('one consistent state: the server agrees with a fresh CLI run after every kind of change', () => {
  let client: LspTestClient | undefined;
  let root: string;

  const start = async (files: Record<string, string>) => {
    root = writeBlog(exampleBlog(files));
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
    return client;
  };
  const file = (relative: string) => path.join(root, relative);

  teardown(async () => {
    await client?.stop();
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const oldPosts = {
    '_posts/old/2019-05-01-gone.md': '---\nlayout: post\nauthor: jane.doe\n---\n# Gone\n',
    '_posts/old/2019-05-02-also-gone.md': '---\nlayout: post\ntitle: Also\nauthor: jane.doe\ntags: [JVM]\n---\nText.\n',
    '_posts/2020-04-01-linker.md': '---\nlayout: post\ntitle: Linker\nauthor: jane.doe\n---\nSee [gone](/2019/05/gone.html) and {% post_url old/2019-05-02-also-gone %}.\n',
  };

  test('a deleted folder is one event: every file in it leaves the index', async () => {
    const server = await start(oldPosts);
    rmSync(file('_posts/old'), { recursive: true });
    await server.filesChanged([{ relative: '_posts/old', type: 3 }]);
    await waitForAgreement(server, await cliDiagnostics(root));
  });

  test('a renamed folder is two events: the old one goes, the new one comes with every file in it', async () => {
    const server = await start(oldPosts);
    renameSync(file('_posts/old'), file('_posts/archive'));
    await server.filesChanged([
      { relative: '_posts/old', type: 3 },
      { relative: '_posts/archive', type: 1 },
    ]);
    await waitForAgreement(server, await cliDiagnostics(root));
  });

  test('a large blog read with the index worker: the findings of the CLI, and a deleted post is seen by the posts linking to it', async () => {
    const generated = generateBlog({ posts: 520 });
    const [linked] = Object.keys(generated).filter((p) => p.startsWith('_posts/')).sort();
    const linker = `---\nlayout: post\ntitle: Linker\n---\n\n[a]({% post_url ${linked!.slice(7, -3)} %}) [b]({% post_url 2001-01-01-never %})\n`;
    root = writeBlog({ ...generated, '_posts/2024-01-01-linker.md': linker });
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } }, undefined, { env: { BLOGWRIGHT_INDEX_WORKER: '1' } });
    await client.indexed();
    await waitForAgreement(client, await cliDiagnostics(root));
    unlinkSync(file(linked!));
    await client.filesChanged([{ relative: linked!, type: 3 }]);
    const expected = await cliDiagnostics(root);
    assert.strictEqual(expected.filter((d) => d.file === '_posts/2024-01-01-linker.md' && d.code === 'link.post-url').length, 2);
    await waitForAgreement(client, expected);
  });

  test('a large blog, its files read ahead on a second thread: the findings of the CLI, and a post changed on disk as the server starts is seen', async () => {
    const generated = generateBlog({ posts: 520, seed: 5 });
    const changed = Object.keys(generated).filter((p) => p.startsWith('_posts/')).sort()[400]!;
    root = writeBlog(generated);
    // Fewer posts than a blog needs to be read ahead: asked for.
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } }, undefined, { env: { BLOGWRIGHT_READ_AHEAD: '1' } });
    writeFileSync(file(changed), '---\nlayout: post\ntitle: Changed\n---\n\n[b]({% post_url 2001-01-01-never %})\n');
    await client.filesChanged([{ relative: changed, type: 2 }]);
    await client.indexed();
    const expected = await cliDiagnostics(root);
    assert.ok(expected.some((d) => d.file === changed && d.code === 'link.post-url'));
    await waitForAgreement(client, expected);
  });

  test('two `_config.yml` changes close together: one rebuild after the other, never two at once', async () => {
    // Enough posts that a rebuild yields while it reads them: two at once would interleave.
    const generated = generateBlog({ posts: 300, seed: 3 });
    const server = await start({ ...generated, '_posts/2020-06-01-variant.md': '---\nlayout: post\ntitle: Variant\nauthor: jane.doe\ntags: [JVM, Kotlin]\n---\nSee [first](/2020/01/first.html).\n' });
    // Links break under the new permalink; the tag counts must stay what they are.
    const config = generated['_config.yml']!.replace('/:year/:month/:title.html', '/:year/:title.html');
    writeFileSync(file('_config.yml'), config);
    void server.filesChanged([{ relative: '_config.yml', type: 2 }]);
    writeFileSync(file('_config.yml'), config + 'description: changed again\n');
    await server.filesChanged([{ relative: '_config.yml', type: 2 }]);
    await waitForAgreement(server, await cliDiagnostics(root), 15_000);
  });

  test('deleting posts re-checks every post whose messages quote them: counts and suggestions', async () => {
    const server = await start({
      '_posts/2020-06-01-variant.md': '---\nlayout: post\ntitle: Variant\nauthor: jane.doe\ntags: [JVM]\n---\nText.\n',
      '_posts/2020-06-02-typo.md': '---\nlayout: post\ntitle: Typo\nauthor: jane.doe\n---\nSee {% post_url 2020-02-01-secnd %}.\n',
    });
    // `JVM` is a variant of `jvm`, used twice; the broken post_url suggests `2020-02-01-second`.
    unlinkSync(file('_posts/2020-02-01-second.md'));
    await server.filesChanged([{ relative: '_posts/2020-02-01-second.md', type: 3 }]);
    await waitForAgreement(server, await cliDiagnostics(root));
  });

  test('a document under a URI that is not a file of the blog gets nothing and harms nothing', async () => {
    const server = await start({ '_posts/2020-06-03-linking.md': '---\nlayout: post\ntitle: Linking\nauthor: jane.doe\n---\nSee [first](/2020/01/first.html).\n' });
    const odd = [
      'file://otherhost/share/_posts/2020-01-01-first.md',
      pathToFileURL(file('_posts')).href + '/2020-07-01-a%2Fb.md',
      pathToFileURL(file('_posts')).href + '/2020-07-02-%zz.md',
      'untitled:Untitled-1',
    ];
    for (const uri of odd) {
      await server.openUri(uri, '---\nlayout: post\n---\n[x](/nowhere.html)\n');
    }
    // A whole-blog re-check while they stay open.
    writeFileSync(file('_config.yml'), 'title: Changed\npermalink: /:year/:title.html\n');
    await server.filesChanged([{ relative: '_config.yml', type: 2 }]);
    await waitForAgreement(server, await cliDiagnostics(root));
    for (const uri of odd) {
      const at = { textDocument: { uri }, position: { line: 1, character: 3 } };
      assert.strictEqual(await server.connection.sendRequest('textDocument/hover', at), null, uri);
      assert.deepStrictEqual(await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }), [], uri);
    }
    assert.deepStrictEqual(odd.filter((uri) => server.diagnostics.has(uri)), [], 'nothing published for them');
    assert.deepStrictEqual(server.logs.filter((line) => /fail|error/i.test(line)), []);
  });

  test('an open buffer over the size limit is skipped, not deleted: links to it still resolve', async () => {
    const target = '_posts/2020-02-01-second.md';
    const server = await start({ '_posts/2020-06-03-linking.md': '---\nlayout: post\ntitle: Linking\nauthor: jane.doe\n---\nSee {% post_url 2020-02-01-second %} and [it](/2020/02/second.html).\n' });
    const big = oversizedPost(3);
    await server.open(target, big);
    // What the CLI says of the same blog with the buffer's text on disk.
    const copy = mkdtempSync(path.join(tmpdir(), 'blogwright-'));
    try {
      cpSync(root, copy, { recursive: true });
      writeFileSync(path.join(copy, target), big);
      // The same notice, in the words for a buffer (its size in characters, not bytes).
      const expected = (await cliDiagnostics(copy)).map((d) => (d.code === 'file.skipped' ? { ...d, message: "Not checked: the document has 3.0 million characters, over Blogwright's 2 MB limit." } : d));
      await waitForAgreement(server, expected);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('a cancelled request answers RequestCancelled at once and keeps nothing waiting behind it', async function () {
    this.timeout(30_000);
    const post = '_posts/2020-01-01-first.md';
    // Enough posts that each `post_url` completion costs something.
    const server = await start(generateBlog({ posts: 500, seed: 5 }));
    await server.open(post, '---\nlayout: post\ntitle: First\nauthor: \ntags: [jvm, kotlin]\n---\n\n# Hello {% post_url  %}\n');
    const cancelled = Array.from({ length: 2000 }, () => {
      const source = new CancellationTokenSource();
      const answer = server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: server.uri(post) }, position: { line: 7, character: '# Hello {% post_url '.length } }, source.token);
      source.cancel();
      return answer.then(
        () => 'answered',
        (error: unknown) => (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : String(error)),
      );
    });
    const started = performance.now();
    const hover = await server.hover(post, 4, 8);
    const waited = performance.now() - started;
    const outcomes = await Promise.all(cancelled);
    console.log(`      hover behind 2,000 cancelled completions: ${waited.toFixed(0)} ms; ${outcomes.filter((o) => o === 'answered').length} computed`);
    // A request the server had already started when its cancellation arrived may still be answered.
    assert.deepStrictEqual([...new Set(outcomes)].sort(), outcomes.includes('answered') ? ['answered', 'cancelled'] : ['cancelled']);
    assert.ok(outcomes.filter((o) => o === 'cancelled').length >= 1900, `${outcomes.filter((o) => o === 'answered').length} of 2,000 were computed`);
    assert.ok(hover, 'the hover behind them is answered');
  });
});
