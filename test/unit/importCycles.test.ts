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

  function importGraph(): Map<string, string[]> {
    const files = sourceFiles(SERVER);
    assert.ok(files.length > 50, `found only ${files.length} files under ${SERVER}`);
    const graph = new Map(files.map((file) => [path.relative(SERVER, file), importsOf(file, fs.readFileSync(file, 'utf8')).map((to) => path.relative(SERVER, to))]));
    assert.ok([...graph.values()].flat().length > 200, 'the import parser found almost no imports');
    return graph;
  }

  test('no import cycle in server/src (type-only imports included)', () => {
    assert.deepStrictEqual(importCycles(importGraph()).map((cycle) => cycle.join(' -> ')), []);
  });

  test('the layers of docs/decisions.md: url a leaf, the core free of adapters, nothing below SiteIndex imports it or what reads it', () => {
    const graph = importGraph();
    const below = (file: string) => file === 'core/url.ts' || /^core\/(frontmatter|links|site)\//.test(file) && file !== 'core/site/siteIndex.ts';
    const above = (file: string) => file === 'core/site/siteIndex.ts' || /^core\/(rules|features|render\/themed)\/|^core\/(diagnostics|fileDiagnostics)\.ts$|^core\/render\/renderPost\.ts$/.test(file);
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      for (const to of imports) {
        if ((file === 'core/url.ts') || (file.startsWith('core/') && !to.startsWith('core/')) || (below(file) && above(to))) {
          wrong.push(`${file} -> ${to}`);
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
    assert.ok(graph.get('core/site/siteIndex.ts')!.includes('core/links/targets.ts'), 'the composition root uses the link layer');
  });
});
