import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileSystemWorkspace, MAX_FILE_BYTES } from '../../server/src/fileSystemWorkspace';
import type { ReadResult } from '../../server/src/core/workspace';
import { writeBlog } from '../util/blogs';

suite('file system workspace: nothing outside the blog is read', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'blogwright-confine-'));
  const outside = path.join(parent, 'outside');
  const root = path.join(parent, 'blog');
  writeBlog({ 'secret.md': '---\ntitle: CANARY\n---\n', 'dir/inner.md': '---\ntitle: CANARY\n---\n' }, outside);
  writeBlog({ '_posts/2020-01-01-ok.md': '---\ntitle: Ok\n---\n', 'about.md': 'About' }, root);
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, '_posts/2020-01-02-link.md'));
  symlinkSync(path.join(outside, 'dir'), path.join(root, '_data'));
  symlinkSync(outside, path.join(root, 'assets'));
  const workspace = new FileSystemWorkspace(root);

  test('lists neither symbolic links nor what is behind them', async () => {
    assert.deepStrictEqual(await workspace.listFiles(), ['_posts/2020-01-01-ok.md', 'about.md']);
  });

  test('does not read through a symbolic link, to a file or a folder', async () => {
    for (const p of ['_posts/2020-01-02-link.md', '_data/inner.md', 'assets/secret.md', 'assets/dir/inner.md']) {
      assert.deepStrictEqual(await workspace.readText(p), { kind: 'missing' }, p);
    }
  });

  test('does not read relative paths that climb out, absolute paths or odd names', async () => {
    for (const p of ['../outside/secret.md', '_posts/../../outside/secret.md', path.join(outside, 'secret.md'), '/etc/passwd', 'about.md\0', '']) {
      assert.deepStrictEqual(await workspace.readText(p), { kind: 'missing' }, p);
    }
    assert.strictEqual(workspace.absolutePath('../outside/secret.md'), undefined);
    assert.strictEqual(workspace.relativePath(path.join(outside, 'secret.md')), undefined);
  });

  test('still reads the files that are really inside', async () => {
    assert.deepStrictEqual(withoutStamp(await workspace.readText('about.md')), { kind: 'text', text: 'About' });
  });

  test('a blog opened through a symbolic link is still read', async () => {
    const alias = path.join(parent, 'alias');
    symlinkSync(root, alias);
    assert.deepStrictEqual(withoutStamp(await new FileSystemWorkspace(alias).readText('about.md')), { kind: 'text', text: 'About' });
  });

  test('a pipe named like a post is not waited on', async function () {
    const fifo = path.join(root, '_posts/2020-01-03-pipe.md');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    assert.deepStrictEqual(await workspace.readText('_posts/2020-01-03-pipe.md'), { kind: 'missing' });
  });

  test('too large and binary files are skipped with the reason', async () => {
    const big = mkdtempSync(path.join(tmpdir(), 'blogwright-big-'));
    mkdirSync(path.join(big, '_posts'));
    writeFileSync(path.join(big, '_posts/2020-01-01-big.md'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    writeFileSync(path.join(big, '_posts/2020-01-02-bin.md'), Buffer.from([0x2d, 0, 1, 2]));
    const files = new FileSystemWorkspace(big);
    const tooLarge = await files.readText('_posts/2020-01-01-big.md');
    assert.ok(tooLarge.kind === 'skipped' && /MB limit/.test(tooLarge.reason));
    const binary = await files.readText('_posts/2020-01-02-bin.md');
    assert.ok(binary.kind === 'skipped' && /binary/.test(binary.reason));
  });
});

/** A read without its stamp (size and time), which depends on when the test wrote the file. */
function withoutStamp(read: ReadResult): ReadResult {
  if (read.kind === 'missing') {
    return read;
  }
  const { stamp: _stamp, ...rest } = read;
  return rest;
}
