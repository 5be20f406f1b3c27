import * as assert from 'node:assert';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  CancellationTokenSource,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LSPErrorCodes,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { settledRequest } from '../../server/src/protocol';
import { startServer } from '../../server/src/server';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const ROOT = '/blog';
const uri = (path: string) => `file://${ROOT}/${path}`;

/** The server in this process, over a pair of pipes, on a blog held in memory: no process, no disk. */
async function inProcessServer(files: Record<string, string>): Promise<{ client: ProtocolConnection; blog: InMemoryWorkspace; diagnostics: Map<string, Diagnostic[]>; dispose: () => Promise<void> }> {
  const blog = new InMemoryWorkspace(files);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, { files: () => blog });
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const diagnostics = new Map<string, Diagnostic[]>();
  client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(params.uri, params.diagnostics);
  });
  client.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ diagnostics: { debounce: 0 } })));
  client.onRequest(RegistrationRequest.type, () => undefined);
  client.listen();
  const indexed = new Promise((resolve) => client.onNotification('blogwright/indexed', resolve));
  await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: `file://${ROOT}`,
    workspaceFolders: [{ uri: `file://${ROOT}`, name: 'blog' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await client.sendNotification(InitializedNotification.type, {});
  await indexed;
  return {
    client,
    blog,
    diagnostics,
    dispose: async () => {
      await client.sendRequest(ShutdownRequest.type);
      client.dispose();
      server.dispose();
    },
  };
}

suite('the server in process, on a blog in memory', () => {
  // A file that shows nothing may have been sent an empty list or nothing at all (a clean closed one is sent nothing).
  const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => String(d.code));

  test('publishes every document of the injected blog, and a folder event removes every file in it', async () => {
    const { client, blog, diagnostics, dispose } = await inProcessServer(
      exampleBlog({
        '_posts/old/2019-05-01-gone.md': '---\nlayout: post\nauthor: jane.doe\n---\n',
        '_posts/2020-04-01-linker.md': '---\nlayout: post\ntitle: Linker\nauthor: jane.doe\n---\n[gone](/2019/05/gone.html)\n',
      }),
    );
    try {
      assert.deepStrictEqual(codes(diagnostics.get(uri('_posts/old/2019-05-01-gone.md'))), ['frontmatter.required']);
      assert.deepStrictEqual(codes(diagnostics.get(uri('_posts/2020-04-01-linker.md'))), []);
      blog.files.delete('_posts/old/2019-05-01-gone.md');
      await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('_posts/old'), type: 3 }] });
      await client.sendRequest(settledRequest, {});
      assert.deepStrictEqual(codes(diagnostics.get(uri('_posts/old/2019-05-01-gone.md'))), []);
      assert.deepStrictEqual(codes(diagnostics.get(uri('_posts/2020-04-01-linker.md'))), ['link.url']);
    } finally {
      await dispose();
    }
  });

  test('a request cancelled before it runs answers RequestCancelled; one under an odd URI answers nothing', async () => {
    const { client, dispose } = await inProcessServer(exampleBlog());
    try {
      const post = uri('_posts/2020-01-01-first.md');
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: post, languageId: 'markdown', version: 1, text: '---\ntags: [jvm]\n---\n' } });
      const source = new CancellationTokenSource();
      const answer = client.sendRequest(HoverRequest.type, { textDocument: { uri: post }, position: { line: 1, character: 8 } }, source.token);
      source.cancel();
      await assert.rejects(answer, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
      assert.ok(await client.sendRequest(HoverRequest.type, { textDocument: { uri: post }, position: { line: 1, character: 8 } }), 'answered when not cancelled');
      for (const odd of ['file://host/blog/_posts/2020-01-01-first.md', `file://${ROOT}/_posts/a%2Fb.md`, 'untitled:Untitled-1']) {
        assert.strictEqual(await client.sendRequest(HoverRequest.type, { textDocument: { uri: odd }, position: { line: 1, character: 8 } }), null, odd);
      }
    } finally {
      await dispose();
    }
  });
});
