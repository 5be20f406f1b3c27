// Preloaded into a server or CLI process (`node -r out/test/util/readCounter.js`): counts the files under
// BLOGWRIGHT_COUNT_READS_UNDER that the process opens or reads, and writes them as JSON to
// BLOGWRIGHT_COUNT_READS_FILE when it exits. Listing a folder is not a read. Tests and the benchmark use it to
// prove that a workspace with no Jekyll site is never read.
// The module object itself (not an import namespace, whose properties are read-only), so its functions can be wrapped.
import fs = require('node:fs');
import * as path from 'node:path';

const under = process.env['BLOGWRIGHT_COUNT_READS_UNDER'];
const out = process.env['BLOGWRIGHT_COUNT_READS_FILE'];

if (under && out) {
  const root = path.resolve(under);
  const read: string[] = [];
  const note = (file: unknown) => {
    if (typeof file === 'string' || file instanceof URL) {
      const absolute = path.resolve(file instanceof URL ? file.pathname : file);
      if (absolute === root || absolute.startsWith(root + path.sep)) {
        read.push(path.relative(root, absolute));
      }
    }
  };
  const wrap = <K extends string>(target: Record<K, unknown>, name: K) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = function (this: unknown, ...args: unknown[]) {
      note(args[0]);
      return original.apply(this, args);
    } as never;
  };
  const sync = fs as unknown as Record<string, unknown>;
  for (const name of ['openSync', 'open', 'readFileSync', 'readFile', 'createReadStream']) {
    wrap(sync, name);
  }
  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const name of ['open', 'readFile']) {
    wrap(promises, name);
  }
  process.on('exit', () => fs.writeFileSync(out, JSON.stringify(read)));
}
