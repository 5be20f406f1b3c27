import * as assert from 'node:assert';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

const POST = '_posts/2020-04-01-external.md';
const external = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((d) => d.code === 'link.external');

suite('external links over stdio', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];

  suiteSetup(async () => {
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(request.url === '/ok' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The IPv4-mapped IPv6 spelling of 127.0.0.1: the request reaches this server on 127.0.0.1, while the
    // link is not one of the `localhost` spellings that the suspicious-URL check reports instead of fetching.
    base = `http://[::ffff:127.0.0.1]:${(server.address() as AddressInfo).port}`;
  });

  suiteTeardown(() => {
    server.closeAllConnections();
    server.close();
  });

  function blog(): string {
    return writeBlog(exampleBlog({ [POST]: `---\nlayout: post\ntitle: External\nauthor: jane.doe\n---\n[fine](${base}/ok) and [gone](${base}/gone).\n` }));
  }

  test('turned on in a trusted workspace: a broken external link is a warning, cached in the storage folder', async () => {
    const storagePath = mkdtempSync(path.join(tmpdir(), 'blogwright-storage-'));
    const client = await LspTestClient.start(blog(), { links: { external: { enabled: true } } }, [], { initializationOptions: { workspaceTrusted: true, storagePath } });
    let diagnostics: Diagnostic[];
    try {
      diagnostics = external(await client.waitForDiagnostics(POST, (d) => external(d).length > 0));
    } finally {
      await client.stop();
    }
    assert.deepStrictEqual(diagnostics.map((d) => [d.message, d.severity, d.range.start.character]), [[`${base}/gone answers 404 Not Found.`, 2, 23 + base.length]]);
    assert.ok(existsSync(path.join(storagePath, 'external-links.json')), 'results are kept outside the blog');
  });

  test('off by default, and never in an untrusted workspace', async () => {
    requests.length = 0;
    for (const [settings, options] of [
      [{}, { workspaceTrusted: true }],
      [{ links: { external: { enabled: true } } }, { workspaceTrusted: false }],
    ] as const) {
      const client = await LspTestClient.start(blog(), settings, [], { initializationOptions: options });
      await client.indexed();
      assert.deepStrictEqual(external(client.diagnostics.get(client.uri(POST))), []);
      await client.stop();
    }
    assert.deepStrictEqual(requests, [], 'no request reached the network');
  });
});
