// Runs the grammar tests in test/grammar with vscode-tmgrammar-test. Our grammars come from package.json, as
// VS Code loads them (injectTo included); the grammars they inject into (Markdown, HTML, YAML, ...) come from the
// tm-grammars package, which carries VS Code's own.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const grammars = path.dirname(require.resolve('tm-grammars/grammars/markdown.json'));
const hosts = ['markdown', 'html', 'html-derivative', 'yaml', 'css', 'scss', 'xml', 'javascript', 'jsx', 'java', 'shellscript'];
const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
const args = [cli, ...hosts.flatMap((name) => ['-g', path.join(grammars, `${name}.json`)]), 'test/grammar/*.test.*'];
const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
// Markdown names every fenced-code language's grammar; the ones the fixtures do not use are missing on purpose.
process.stderr.write(run.stderr.split('\n').filter((line) => line && !line.startsWith('grammar not found for')).map((line) => `${line}\n`).join(''));
process.exit(run.status ?? 1);
