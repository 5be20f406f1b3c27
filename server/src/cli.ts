#!/usr/bin/env node
// `blogwright check`: the language server's checks over the file system, for CI. The code is in ./cli/.
import { runCli } from './cli/main';

runCli(process.argv.slice(2)).then((status) => {
  // exitCode, not exit(): a large report still flushes to a pipe before the process ends.
  process.exitCode = status;
});
