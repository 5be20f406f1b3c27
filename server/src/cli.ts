#!/usr/bin/env node
// `blogwright check`: the language server's checks over the file system, for CI. The code is in ./cli/.
import { limitHeapGrowth } from './heap';
import { runCli } from './cli/main';
import { optimizeOnlyHotCode } from './tiering';

// A check's peak memory is mostly garbage between collections: 100 % growth kept 10,000 posts under 420 MB.
limitHeapGrowth(100);
optimizeOnlyHotCode();

// runCli never rejects: it reports every error itself and returns the exit status.
void runCli(process.argv.slice(2)).then((status) => {
  // exitCode, not exit(): a large report still flushes to a pipe before the process ends.
  process.exitCode = status;
});
