/**
 * Loaded first by every test and tool entry point (mocha's `require`, the runners' first import): the temporary
 * folders a run makes, and those of the servers, CLIs and editors it starts, go under one folder that is removed when
 * the run exits, so runs leave nothing behind in the system's temporary folder. `BLOGWRIGHT_KEEP_SCRATCH=1` keeps it
 * for a post-mortem.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The system's temporary folder, for what is meant to outlive a run (the bench's generated blogs). */
export const SYSTEM_TMPDIR = tmpdir();

const root = mkdtempSync(path.join(SYSTEM_TMPDIR, 'blogwright-run-'));
// Traversable as /tmp is: a test runs the CLI as `nobody` from a copy it makes world-readable; each folder made
// inside with mkdtemp stays private.
chmodSync(root, 0o755);
// os.tmpdir() reads TMPDIR on every call, and child processes inherit it.
process.env['TMPDIR'] = root;
// Servers started by tests keep their persisted index here, not in the user's cache.
process.env['XDG_CACHE_HOME'] = path.join(root, 'cache');

process.on('exit', () => {
  if (process.env['BLOGWRIGHT_KEEP_SCRATCH'] === '1') {
    process.stderr.write(`Kept the run's temporary files in ${root}\n`);
    return;
  }
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
