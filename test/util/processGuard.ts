/**
 * Preloaded with `--require` into a language server or CLI under test (never into the product): records every
 * attempt to reach the network, start a process or open a file under a forbidden folder, in the file named by
 * BLOGWRIGHT_GUARD_LOG, one JSON line each. Network and processes are also blocked, so even a missed assertion
 * cannot let a request leave the machine. The test reads the log afterwards (`guardLog`).
 */
// `import x = require()`: the modules themselves, not a namespace copy, so that patching them reaches every caller.
import childProcess = require('node:child_process');
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import nodePath = require('node:path');
import tls = require('node:tls');

export interface GuardEvent {
  readonly kind: 'network' | 'process' | 'read-outside';
  readonly what: string;
  readonly detail: string;
}

/** The events a guarded process recorded. */
export function guardLog(file: string): GuardEvent[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as GuardEvent) : [];
}

/** The environment that turns the guard on in a child process started with `--require <this file>`. */
export function guardEnvironment(log: string, forbidden: string): Record<string, string> {
  return { BLOGWRIGHT_GUARD_LOG: log, BLOGWRIGHT_GUARD_FORBIDDEN: forbidden };
}

export const GUARD_MODULE = __filename;

const logFile = process.env['BLOGWRIGHT_GUARD_LOG'];
if (logFile) {
  install(logFile, process.env['BLOGWRIGHT_GUARD_FORBIDDEN']);
}

function install(log: string, forbidden: string | undefined): void {
  const append = fs.appendFileSync.bind(fs);
  const realpath = fs.realpathSync.native.bind(fs.realpathSync);
  const record = (kind: GuardEvent['kind'], what: string, detail: unknown) => {
    append(log, JSON.stringify({ kind, what, detail: describe(detail) }) + '\n');
  };
  const patch = <T extends object>(target: T, name: string, kind: GuardEvent['kind'], block: boolean) => {
    const original = (target as Record<string, unknown>)[name];
    if (typeof original !== 'function') {
      return;
    }
    (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      record(kind, name, args[0]);
      if (block) {
        throw new Error(`blocked by the test guard: ${name}`);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };

  for (const name of ['connect']) {
    patch(net.Socket.prototype, name, 'network', true);
  }
  for (const [module, names] of [
    [net, ['connect', 'createConnection']],
    [tls, ['connect']],
    [http, ['request', 'get']],
    [https, ['request', 'get']],
    [dns, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
    [dns.promises, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
    [dgram, ['createSocket']],
    [globalThis, ['fetch']],
  ] as const) {
    for (const name of names) {
      patch(module, name, 'network', true);
    }
  }
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    patch(childProcess, name, 'process', true);
  }

  if (forbidden) {
    const root = realpath(forbidden);
    const isForbidden = (path: unknown): boolean => {
      const text = typeof path === 'string' ? path : path instanceof URL ? path.pathname : Buffer.isBuffer(path) ? path.toString() : undefined;
      if (text === undefined) {
        return false;
      }
      let real = nodePath.resolve(text);
      try {
        real = realpath(real);
      } catch {
        // A path that does not exist is judged by its name.
      }
      return real === root || real.startsWith(root + nodePath.sep);
    };
    const watch = (target: object, name: string) => {
      const original = (target as Record<string, unknown>)[name];
      if (typeof original !== 'function') {
        return;
      }
      (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        if (isForbidden(args[0])) {
          record('read-outside', name, args[0]);
        }
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    };
    for (const name of ['open', 'openSync', 'readFile', 'readFileSync', 'readdir', 'readdirSync', 'opendir', 'opendirSync', 'createReadStream', 'copyFile', 'copyFileSync', 'cp', 'cpSync']) {
      watch(fs, name);
    }
    for (const name of ['open', 'readFile', 'readdir', 'opendir', 'copyFile', 'cp']) {
      watch(fs.promises, name);
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value instanceof URL) {
    return value.href;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
