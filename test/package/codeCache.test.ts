import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Activates dist/extension.js in a fresh process with an inert `vscode` (test/bench/activation.ts). */
function activate(storage: string): void {
  execFileSync(process.execPath, [path.join(ROOT, 'out/test/bench/activation.js'), path.join(ROOT, 'dist/extension.js'), storage], { encoding: 'utf8' });
}

suite('code cache of the client (client/src/main.ts)', () => {
  test('the first activation writes it; the next ones load it without writing it again', () => {
    const storage = mkdtempSync(path.join(tmpdir(), 'blogwright-storage-'));
    try {
      activate(storage);
      const caches = readdirSync(storage).filter((name) => name.endsWith('.v8cache'));
      assert.strictEqual(caches.length, 1, readdirSync(storage).join(', '));
      const written = statSync(path.join(storage, caches[0]!)).mtimeMs;
      activate(storage);
      // V8 rejecting the cache would make the entry write it again.
      assert.strictEqual(statSync(path.join(storage, caches[0]!)).mtimeMs, written);
      assert.deepStrictEqual(readdirSync(storage), caches);
    } finally {
      rmSync(storage, { recursive: true, force: true });
    }
  });
});
