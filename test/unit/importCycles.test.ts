import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SERVER = path.resolve(__dirname, '../../../server/src');

/** Every `.ts` file under `dir`. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports and re-exports of a file, type-only ones included: a layer must not even name a type above it. */
function importsOf(file: string, source: string): string[] {
  const imports: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+'(\.{1,2}\/[^']*)'|^\s*import\s+'(\.{1,2}\/[^']*)'/gm)) {
    const resolved = path.resolve(path.dirname(file), match[1] ?? match[2]!);
    for (const candidate of [resolved + '.ts', path.join(resolved, 'index.ts')]) {
      if (fs.existsSync(candidate)) {
        imports.push(candidate);
        break;
      }
    }
  }
  return imports;
}

/** The cycles a depth-first walk meets, each as the chain of files that closes it. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) {
    if (!state.has(file)) {
      visit(file);
    }
  }
  return cycles;
}

suite('import structure', () => {
  test('the cycle finder finds a cycle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepStrictEqual(importCycles(graph), [['a', 'b', 'c', 'a']]);
    assert.deepStrictEqual(importCycles(new Map([['a', ['b']], ['b', []]])), []);
  });

  test('no import cycle in server/src (type-only imports included)', () => {
    const files = sourceFiles(SERVER);
    assert.ok(files.length > 50, `found only ${files.length} files under ${SERVER}`);
    const graph = new Map(files.map((file) => [file, importsOf(file, fs.readFileSync(file, 'utf8'))]));
    assert.ok([...graph.values()].flat().length > 200, 'the import parser found almost no imports');
    const cycles = importCycles(graph).map((cycle) => cycle.map((file) => path.relative(SERVER, file)).join(' -> '));
    assert.deepStrictEqual(cycles, []);
  });
});
