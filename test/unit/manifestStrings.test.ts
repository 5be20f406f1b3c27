import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(ROOT, name), 'utf8'));

/** Every `%key%` of package.json, wherever it is: VS Code replaces them all from package.nls.json. */
function nlsKeys(value: unknown, keys: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) {keys.push(m[1]!);}
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {nlsKeys(v, keys);}
  }
  return keys;
}

suite('Manifest strings (package.nls.json)', () => {
  const manifest = readJson('package.json') as { contributes: { commands: { title: string; category?: string }[] } };
  const nls = readJson('package.nls.json') as Record<string, string>;

  test('every %key% in package.json has an English text, and no text is unused', () => {
    const used = nlsKeys(manifest);
    assert.deepStrictEqual(used.filter((k) => typeof nls[k] !== 'string'), [], 'keys without a text');
    assert.deepStrictEqual(Object.keys(nls).filter((k) => !used.includes(k)), [], 'texts no key uses');
  });

  test('command titles and categories go through package.nls.json', () => {
    for (const cmd of manifest.contributes.commands) {
      assert.match(cmd.title, /^%.+%$/, `${cmd.title} is not localizable`);
      if (cmd.category !== undefined) {assert.match(cmd.category, /^%.+%$/);}
    }
  });
});
