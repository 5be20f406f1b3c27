// Measures, in a fresh process, what activating the extension costs the extension host: loading dist/extension.js
// and running activate() up to its return. The `vscode` module is a do-nothing stand-in (every property is a
// callable object), so this counts Blogwright's own synchronous work and its bundle, not VS Code's.
// Usage: node activation.js [BUNDLE [STORAGE]] (default dist/extension.js; STORAGE is the extension's global
// storage, where the entry keeps its code cache). Prints {"load": ms, "activate": ms}.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

function inert(): unknown {
  const target = function () {
    /* inert */
  };
  return new Proxy(target, {
    get: (_, key) => {
      if (key === 'then') {
        return undefined;
      }
      if (key === Symbol.toPrimitive) {
        return () => '';
      }
      if (key === Symbol.iterator) {
        return function* () {
          /* empty */
        };
      }
      return inert();
    },
    // Assignments (`item.name = ...`, even to a function's read-only `name`) are accepted and forgotten.
    set: () => true,
    apply: () => inert(),
    construct: () => inert() as object,
  });
}

/**
 * The module: a plain object with every name of the API, as VS Code's is (an object literal), so that the bundle's
 * copy of its properties on each import costs what it costs there. Its members are inert.
 */
function inertModule(): unknown {
  const typings = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...typings.matchAll(/^\s*export (?:class|namespace|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!));
  const api: Record<string, unknown> = Object.fromEntries([...names].map((name) => [name, inert()]));
  // vscode-languageclient checks the host's version.
  api['version'] = '1.100.0';
  return Object.freeze(api);
}

const vscode = inertModule();
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = (request, ...rest) => (request === 'vscode' ? vscode : load(request, ...rest));

const extensionPath = path.resolve(__dirname, '../../..');
// The extension host has already loaded these Node modules for itself before any extension activates (VS Code
// 1.100's extensionHostProcess.js imports them statically), so loading them is not the extension's cost.
// Node modules it does not load (crypto, readline) are still counted.
for (const builtin of ['child_process', 'events', 'fs', 'fs/promises', 'http', 'net', 'os', 'stream', 'string_decoder', 'url', 'util', 'zlib']) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(builtin);
}
const started = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(process.argv[2] ?? path.join(extensionPath, 'dist/extension.js')) as { activate(context: unknown): unknown };
const loaded = performance.now();
const storage = process.argv[3] ?? path.join(tmpdir(), 'blogwright-activation-storage');
const known: Record<string, unknown> = { subscriptions: [], extensionPath, asAbsolutePath: (p: string) => path.join(extensionPath, p), globalStorageUri: { fsPath: storage } };
// Any other member of the ExtensionContext (storage URIs, state, secrets) is inert too.
const context = new Proxy(known, { get: (target, key) => (typeof key === 'string' && key in target ? target[key] : inert()) });
extension.activate(context);
const activated = performance.now();
process.stdout.write(JSON.stringify({ load: loaded - started, activate: activated - loaded }) + '\n');
// The entry writes its code cache on the turn after activation; then the process ends (the stand-in client never
// connects, so nothing else is waited for).
setImmediate(() => setImmediate(() => process.exit(0)));
