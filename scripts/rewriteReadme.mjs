// The command-line end of the scripts that generate parts of README.md: write the updated README, or with
// `--check` only say (exit status 1) that it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function rewriteReadme(update, staleMessage) {
  const file = path.resolve(import.meta.dirname, '..', 'README.md');
  const readme = readFileSync(file, 'utf8');
  const updated = update(readme);
  if (!process.argv.includes('--check')) {
    writeFileSync(file, updated);
  } else if (updated !== readme) {
    console.error(staleMessage);
    process.exit(1);
  }
}
