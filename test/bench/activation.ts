// Measures, in a fresh process, what activating the extension costs the extension host: loading dist/extension.js
// and running activate() up to its return. The `vscode` module is a do-nothing stand-in (every property is a
// callable object), so this counts Blogwright's own synchronous work and its bundle, not VS Code's.
// Usage: node activation.js [BUNDLE] (default dist/extension.js). Prints {"load": ms, "activate": ms}.
import { readFileSync } from 'node:fs';
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
    apply: () => inert(),
    construct: () => inert() as object,
  });
}

/** The module itself lists the API's names, since the bundle copies a module's own properties on import. */
function inertModule(): unknown {
  const typings = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...typings.matchAll(/^\s*export (?:class|namespace|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!));
  // vscode-languageclient checks the host's version.
  const values: Record<string, unknown> = { version: '1.100.0' };
  return new Proxy(
    {},
    {
      get: (_, key) => (typeof key === 'string' && key in values ? values[key] : key === 'then' || key === '__esModule' ? undefined : inert()),
      ownKeys: () => [...names.add('version')],
      getOwnPropertyDescriptor: (_, key) => ({ configurable: true, enumerable: true, writable: false, value: typeof key === 'string' && key in values ? values[key] : inert() }),
    },
  );
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
const known: Record<string, unknown> = { subscriptions: [], extensionPath, asAbsolutePath: (p: string) => path.join(extensionPath, p) };
// Any other member of the ExtensionContext (storage URIs, state, secrets) is inert too.
const context = new Proxy(known, { get: (target, key) => (typeof key === 'string' && key in target ? target[key] : inert()) });
extension.activate(context);
const activated = performance.now();
process.stdout.write(JSON.stringify({ load: loaded - started, activate: activated - loaded }) + '\n');
// The stand-in client never connects; nothing more to wait for.
process.exit(0);
