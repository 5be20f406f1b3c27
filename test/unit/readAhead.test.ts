import * as assert from 'node:assert';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ReadResult } from '../../server/src/core/workspace';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';
import { ReadAhead, type FileBytes } from '../../server/src/readAhead';
import { writeBlog } from '../util/blogs';

suite('files read ahead on a second thread', function () {
  // A thread reading hundreds of files: a loaded machine can take seconds.
  this.timeout(20_000);
  suiteSetup(() => (process.env['BLOGWRIGHT_READ_AHEAD'] = '1'));
  suiteTeardown(() => delete process.env['BLOGWRIGHT_READ_AHEAD']);
  const files: Record<string, string> = {};
  // Fewer files than a blog needs to be read ahead: the suite asks for it (BLOGWRIGHT_READ_AHEAD).
  for (let i = 0; i < 500; i++) {
    files[`_posts/2020-01-${String(i).padStart(4, '0')}-post.md`] = `---\ntitle: Post ${i}\n---\n${'Text é ✓ '.repeat(i * 7)}\n`;
  }
  // Larger than the thread's ring holds at once with its neighbours, and one over the size limit.
  files['_posts/2020-02-01-large.md'] = 'x'.repeat(1_900_000);
  files['_posts/2020-02-02-too-large.md'] = 'x'.repeat(2_200_000);
  files['_posts/2020-02-03-binary.md'] = 'a\u0000b';
  const root = writeBlog(files);
  const outside = mkdtempSync(path.join(tmpdir(), 'blogwright-outside-'));
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, '_posts/2020-03-01-link.md'));
  const paths = [...Object.keys(files).sort(), '_posts/2020-03-01-link.md', '_posts/2099-01-01-never-there.md'];
  const direct = new FileSystemWorkspace(root);
  // Stamps left out: a file written less than two seconds before it is read has none (fileSystemWorkspace.ts).
  const expected = new Map(paths.map((p) => [p, withoutStamp(direct.readTextSync(p))]));

  test('a planned read gives what a direct read gives, safeguards included', async () => {
    const workspace = new FileSystemWorkspace(root);
    workspace.willRead(paths);
    for (const p of paths) {
      assert.deepStrictEqual(withoutStamp(workspace.readTextSync(p)), expected.get(p), p);
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.strictEqual(expected.get('_posts/2020-03-01-link.md')?.kind, 'missing');
    assert.ok(expected.get('_posts/2020-02-02-too-large.md')?.kind === 'skipped');
  });

  test('the thread hands over the files it read, in the reader’s order, and none it was not asked for', async () => {
    const ahead = new ReadAhead(root, paths);
    await ahead.handedOver;
    const handed: string[] = [];
    for (const p of paths) {
      // The bytes are the ring's only during the call: the thread may write over them once the reader moves on.
      const read = ahead.take(p, (bytes: FileBytes) => (bytes.kind === 'bytes' ? Buffer.from(bytes.bytes).toString() : bytes.kind));
      if (read !== undefined) {
        handed.push(p);
        assert.deepStrictEqual(read, bytesOf(p), p);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(handed.length > 0, 'nothing was read ahead');
    assert.strictEqual(ahead.take(paths[0]!, () => 'again'), undefined, 'a path already passed is read directly');
    assert.strictEqual(ahead.take('_posts/not-planned.md', () => 'unplanned'), undefined);
  });

  test('a file read out of order is read directly; the plan goes on after it', async () => {
    const workspace = new FileSystemWorkspace(root);
    workspace.willRead(paths);
    const order = [paths[300]!, paths[10]!, ...paths.slice(301)];
    for (const p of order) {
      assert.deepStrictEqual(withoutStamp(workspace.readTextSync(p)), expected.get(p), p);
    }
  });

  test('a file changed on disk after the plan is read anew once the read-ahead is stopped', async () => {
    const workspace = new FileSystemWorkspace(root);
    workspace.willRead(paths);
    for (const p of paths.slice(0, 10)) {
      workspace.readTextSync(p);
    }
    const changed = paths[20]!;
    writeFileSync(path.join(root, changed), 'changed');
    workspace.stopReadingAhead();
    const read = workspace.readTextSync(changed);
    assert.ok(read.kind === 'text' && read.text === 'changed');
    writeFileSync(path.join(root, changed), files[changed]!);
  });

  test('a plan that reads every file twice serves a second pass in the same order, which needs no thread of its own', async () => {
    // Both passes of 8 files are one batch of the thread's (16): once it has handed over, it has read them all.
    const few = paths.slice(0, 8);
    const ahead = new ReadAhead(root, [...few, ...few]);
    await ahead.handedOver;
    const take = (p: string) => ahead.take(p, (bytes: FileBytes) => (bytes.kind === 'bytes' ? Buffer.from(bytes.bytes).toString() : bytes.kind));
    for (const p of few) {
      take(p);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Out of order, the second pass is refused; in order (with a file the plan does not read), it starts.
    assert.strictEqual(ahead.secondPass([few[5]!, few[1]!]), false);
    assert.strictEqual(ahead.secondPass(['_config.yml', ...few.filter((_, i) => i % 2 === 0)]), true);
    let handed = 0;
    for (const p of few.filter((_, i) => i % 2 === 0)) {
      const read = take(p);
      if (read !== undefined) {
        handed++;
        assert.deepStrictEqual(read, bytesOf(p), p);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(handed > 0, 'nothing was read ahead for the second pass');
  });

  test('a build plans its reads twice; the check after it keeps that plan', async () => {
    const workspace = new FileSystemWorkspace(root);
    workspace.willRead([...paths, ...paths]);
    for (const p of paths) {
      assert.deepStrictEqual(withoutStamp(workspace.readTextSync(p)), expected.get(p), p);
    }
    workspace.willRead(paths);
    for (const p of paths) {
      assert.deepStrictEqual(withoutStamp(workspace.readTextSync(p)), expected.get(p), p);
    }
  });

  test('a thread that cannot start leaves every read to the reader', async () => {
    const ahead = new ReadAhead(root, paths, path.join(root, 'no-such-worker.js'));
    await ahead.handedOver;
    assert.strictEqual(ahead.take(paths[0]!, () => 'read'), undefined);
  });

  function withoutStamp(read: ReadResult): ReadResult {
    return read.kind === 'missing' ? read : read.kind === 'text' ? { kind: 'text', text: read.text } : { kind: 'skipped', reason: read.reason };
  }

  function bytesOf(p: string): string {
    const read = expected.get(p)!;
    if (read.kind === 'text') {
      return read.text;
    }
    // A binary file is read as bytes; decoding finds it binary.
    return read.kind === 'skipped' && p.endsWith('binary.md') ? files[p]! : read.kind === 'skipped' ? 'too-large' : 'missing';
  }
});
