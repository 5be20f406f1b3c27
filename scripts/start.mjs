// `npm start`: opens examples/blog in VS Code with the extension under development loaded.
// Desktop VS Code when `code` is on PATH; otherwise VS Code in the browser, served from a local VS Code server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const blog = path.join(repo, 'examples', 'blog');

const code = spawnSync('code', ['--version'], { stdio: 'ignore' });
if (code.status === 0) {
  spawnSync('code', ['--extensionDevelopmentPath=' + repo, blog], { stdio: 'inherit' });
  process.exit(0);
}

const dir = path.join(process.env.BLOGWRIGHT_VSCODE_DIR ?? path.join(homedir(), '.cache', 'blogwright-vscode'), 'node_modules', 'code-server', 'lib', 'vscode');
// scripts/setup.sh (run by `npm start` before this) installs it when missing.
if (!existsSync(path.join(dir, 'out', 'server-main.js'))) {
  console.error(`No VS Code server in ${dir}: run \`bash scripts/setup.sh start\` (npm start does) and try again.`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8123);
const data = path.join(tmpdir(), 'blogwright-start');
// VS Code's server creates its data folders but not their parent.
mkdirSync(data, { recursive: true });
const server = spawn(process.execPath, [
  path.join(dir, 'out', 'server-main.js'),
  '--host', '127.0.0.1', '--port', String(port),
  '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry',
  '--user-data-dir', path.join(data, 'user'), '--server-data-dir', path.join(data, 'server'), '--extensions-dir', path.join(data, 'extensions'),
], { stdio: ['ignore', 'pipe', 'inherit'] });

let announced = false;
server.stdout.on('data', (chunk) => {
  if (!announced && /Extension host agent listening|Server bound to/.test(chunk.toString())) {
    announced = true;
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repo}`]]);
    console.log('\nVS Code is ready. Open this URL in a browser on this machine:\n');
    console.log(`  http://127.0.0.1:${port}/?folder=${encodeURIComponent(blog)}&payload=${encodeURIComponent(payload)}\n`);
    console.log('Press Ctrl+C to stop.');
  }
});
server.on('exit', (status) => process.exit(status ?? 0));
process.on('SIGINT', () => server.kill('SIGTERM'));
