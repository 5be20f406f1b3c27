/**
 * The extension's entry (dist/extension.js): loads the client (dist/client.js) through a V8 code cache kept in
 * the extension's global storage. Compiling the 450 KB client, most of it vscode-languageclient, was a fifth of
 * activation; with the cache V8 skips it from the second activation on. Any problem with the cache (none yet,
 * another VS Code's V8, a damaged file) falls back to compiling, and the cache is written again afterwards.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import type * as vscode from 'vscode';
import type * as client from './extension';

type Client = typeof client;

let loaded: Client | undefined;

export function activate(context: vscode.ExtensionContext): ReturnType<Client['activate']> {
  loaded = loadClient(path.join(__dirname, 'client.js'), context.globalStorageUri.fsPath);
  return loaded.activate(context);
}

export function deactivate(): ReturnType<Client['deactivate']> {
  return loaded?.deactivate();
}

function loadClient(file: string, storage: string): Client {
  const source = readFileSync(file, 'utf8');
  // V8 checks a cache against the source's length only: the name also carries the file's size and time.
  const stat = statSync(file);
  const cacheFile = path.join(storage, `client-${stat.size}-${Math.round(stat.mtimeMs)}.v8cache`);
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} as Client };
  // `require` as the client's own: VS Code gives `vscode` to the extension whose file asks for it.
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After activation, so the cache holds the functions it compiled, and activation does not wait for the write.
    setImmediate(() => writeCache(storage, cacheFile, script));
  }
  return module.exports;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(storage: string, cacheFile: string, script: Script): void {
  try {
    mkdirSync(storage, { recursive: true });
    for (const old of readdirSync(storage).filter((name) => name.startsWith('client-') && name.endsWith('.v8cache'))) {
      rmSync(path.join(storage, old), { force: true });
    }
    // Written aside, then renamed: another window activating at the same moment reads a whole cache or none.
    const partial = `${cacheFile}.${process.pid}.partial`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // Without a cache the next activation compiles, as the first did.
  }
}
