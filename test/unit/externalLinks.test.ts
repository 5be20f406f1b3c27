import * as assert from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExternalLinkChecker } from '../../server/src/externalLinks';

/** A web server on 127.0.0.1 only: `/ok`, `/missing` (404), `/head-refused` (405 to HEAD), `/slow` (never answers in time). */
async function startServer(): Promise<{ server: Server; base: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.url === '/slow') {
      setTimeout(() => response.end('late'), 2_000).unref();
      return;
    }
    if (request.url === '/head-refused' && request.method === 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const ok = request.url === '/ok' || request.url === '/head-refused' || request.url?.startsWith('/many/');
    response.writeHead(ok ? 200 : 404).end(ok ? 'fine' : 'no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

suite('external links', () => {
  let server: Server;
  let base: string;
  let requests: string[];

  setup(async () => {
    ({ server, base, requests } = await startServer());
  });

  teardown(() => {
    server.closeAllConnections();
    server.close();
  });

  test('working, missing, HEAD-refusing and silent servers', async () => {
    const checker = new ExternalLinkChecker({ cacheFile: undefined, concurrency: 4, timeoutMs: 300, maxAgeMs: 60_000 });
    const fresh = await checker.check([`${base}/ok`, `${base}/missing`, `${base}/head-refused#part`, `${base}/slow`]);
    assert.strictEqual(fresh.length, 4);
    const summary = (url: string) => {
      const status = checker.status(url);
      return status && [status.ok, status.message];
    };
    assert.deepStrictEqual(summary(`${base}/ok`), [true, 'answers 200']);
    assert.strictEqual(checker.status(`${base}/missing`)?.ok, false);
    assert.match(checker.status(`${base}/missing`)!.message, /^answers 404/);
    assert.strictEqual(checker.status(`${base}/head-refused`)?.ok, true, 'a 405 to HEAD is asked again with GET');
    assert.deepStrictEqual(summary(`${base}/slow`), [false, 'does not answer within 300 ms']);
  });

  test('at most `concurrency` requests at once, each URL once', async () => {
    const checker = new ExternalLinkChecker({ cacheFile: undefined, concurrency: 2, timeoutMs: 2_000, maxAgeMs: 60_000 });
    const urls = Array.from({ length: 10 }, (_, i) => `${base}/many/${i}`);
    await Promise.all([checker.check(urls), checker.check(urls)]);
    assert.strictEqual(checker.peakConcurrency, 2);
    assert.strictEqual(requests.filter((r) => r.startsWith('HEAD /many/')).length, 10);
    assert.deepStrictEqual(await checker.check(urls), [], 'fresh results are not fetched again');
  });

  test('results are cached on disk and expire', async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'blogwright-cache-')), 'external-links.json');
    let now = 1_000_000;
    const first = new ExternalLinkChecker({ cacheFile, concurrency: 2, timeoutMs: 2_000, maxAgeMs: 60_000 }, () => now);
    await first.check([`${base}/ok`]);
    first.dispose();
    assert.ok(JSON.parse(readFileSync(cacheFile, 'utf8'))[`${base}/ok`]);
    const second = new ExternalLinkChecker({ cacheFile, concurrency: 2, timeoutMs: 2_000, maxAgeMs: 60_000 }, () => now);
    assert.strictEqual(second.status(`${base}/ok`)?.ok, true, 'read back from the cache file');
    assert.deepStrictEqual(await second.check([`${base}/ok`]), []);
    now += 60_001;
    assert.strictEqual(second.status(`${base}/ok`), undefined, 'expired');
    assert.deepStrictEqual(await second.check([`${base}/ok`]), [`${base}/ok`]);
    assert.strictEqual(requests.filter((r) => r === 'HEAD /ok').length, 2);
  });
});
