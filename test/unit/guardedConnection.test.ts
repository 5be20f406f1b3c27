import * as assert from 'node:assert';
import { PassThrough } from 'node:stream';
import { createConnection, ResponseError } from 'vscode-languageserver/node';
import { createProtocolConnection, HoverRequest, PrepareRenameRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { guardedConnection } from '../../server/src/guardedConnection';

suite('guarded connection: a feature that throws is logged and answered empty', () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = guardedConnection(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const waiters: (() => void)[] = [];
  /** Resolves once a log line that matches has arrived. */
  const logged = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const check = () => {
        const line = logs.find((l) => pattern.test(l));
        if (line) {
          resolve(line);
        } else {
          waiters.push(check);
        }
      };
      check();
    });
  const textDocument = { uri: 'file:///blog/_posts/2020-01-01-a.md' };
  const position = { line: 0, character: 0 };

  suiteSetup(() => {
    server.onHover(() => {
      throw new Error('hover exploded');
    });
    server.onPrepareRename(() => {
      throw new ResponseError(0, 'Only tags can be renamed.');
    });
    server.onRequest('blogwright/test', async () => {
      throw new TypeError('async exploded');
    });
    server.listen();
    client.onNotification('window/logMessage', ({ message }: { message: string }) => {
      logs.push(message);
      waiters.splice(0).forEach((check) => check());
    });
    client.listen();
  });

  suiteTeardown(() => {
    client.dispose();
    server.dispose();
  });

  test('a synchronous failure answers null and logs the request, the document and the stack', async () => {
    assert.strictEqual(await client.sendRequest(HoverRequest.type, { textDocument, position }), null);
    assert.match(await logged(/hover exploded/), /Hover failed on file:\/\/\/blog\/_posts\/2020-01-01-a\.md: Error: hover exploded\n\s+at /);
  });

  test('an asynchronous failure of a custom request answers null and is logged', async () => {
    assert.strictEqual(await client.sendRequest('blogwright/test', { uri: textDocument.uri }), null);
    assert.match(await logged(/async exploded/), /blogwright\/test failed on file:\/\/\/blog\/_posts\/2020-01-01-a\.md: TypeError: async exploded/);
  });

  test('a refusal the handler means (ResponseError) still reaches the editor', async () => {
    await assert.rejects(client.sendRequest(PrepareRenameRequest.type, { textDocument, position }), /Only tags can be renamed/);
  });
});
