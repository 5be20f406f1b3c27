import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import * as http from 'node:http';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';

/** Where scripts/install-vscode-server.sh puts VS Code's server (code-server's bundled VS Code). */
export function localVsCodeDir(): string {
  return path.join(process.env['BLOGWRIGHT_VSCODE_DIR'] ?? path.join(homedir(), '.cache', 'blogwright-vscode'), 'node_modules', 'code-server', 'lib', 'vscode');
}

/** The local VS Code server's folder, or undefined when scripts/setup.sh (run by `npm test`) has not installed it. */
export function installedLocalVsCode(): string | undefined {
  const dir = localVsCodeDir();
  return existsSync(path.join(dir, 'out', 'server-main.js')) ? dir : undefined;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  readonly port: number;
  readonly process: ChildProcess;
  stop(): void;
}

/** Starts VS Code's server on loopback and resolves once it listens. */
export async function startVsCodeServer(vscodeDir: string, env: NodeJS.ProcessEnv, vsix?: string): Promise<RunningServer> {
  const port = await freePort();
  const data = mkdtempSync(path.join(tmpdir(), 'blogwright-vscode-'));
  const dirs = ['--user-data-dir', path.join(data, 'user'), '--server-data-dir', path.join(data, 'server'), '--extensions-dir', path.join(data, 'extensions')];
  if (vsix) {
    // Installed as a user would install it, so a packaging mistake fails the suite.
    const install = spawnSync(process.execPath, [path.join(vscodeDir, 'out', 'server-main.js'), '--install-extension', vsix, '--accept-server-license-terms', ...dirs], { encoding: 'utf8' });
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
      throw new Error(`could not install ${vsix}: ${install.stdout}${install.stderr}`);
    }
    console.log(`[vscode] installed ${path.basename(vsix)}`);
  }
  const child = spawn(
    process.execPath,
    [
      path.join(vscodeDir, 'out', 'server-main.js'),
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--disable-workspace-trust',
      ...dirs,
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (process.env['BLOGWRIGHT_VSCODE_VERBOSE']) {
        process.stdout.write(`[vscode-server] ${text}`);
      }
      if (/Extension host agent listening|Server bound to|Web UI available/i.test(text)) {
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      if (process.env['BLOGWRIGHT_VSCODE_VERBOSE']) {
        process.stderr.write(`[vscode-server] ${chunk.toString()}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`the VS Code server exited with ${code} before it listened`)));
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    // The extension host's console: our suite's progress lines and errors.
    for (const line of text.split('\n')) {
      if (/✔|✖|\[blogwright\]|Error/.test(line)) {
        console.log(`  ${line.trim()}`);
      }
    }
  });
  return { port, process: child, stop };
}

/** Listens for the suite's one POST of results. */
export async function resultsReceiver(): Promise<{ url: string; result: Promise<unknown>; close(): void }> {
  let deliver: (value: unknown) => void = () => undefined;
  const result = new Promise<unknown>((resolve) => (deliver = resolve));
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.end('ok');
      try {
        deliver(JSON.parse(body));
      } catch {
        deliver({ passed: 0, failed: 1, failures: ['unreadable results'] });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/results`, result, close: () => server.close() };
}
