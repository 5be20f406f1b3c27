import * as assert from 'node:assert';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { provideCompletions } from '../../server/src/core/features/completion';
import { frontMatterData, parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { renderPost } from '../../server/src/core/render/renderPost';
import { readConfig } from '../../server/src/core/site/config';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { HOSTILE_YAML } from '../util/hostileInputs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const BUDGET_MS = 1000;

/** CPU milliseconds since `start`: unlike wall time, not inflated when other processes load the machine. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

suite('hostile front matter', function () {
  // The budget below is CPU time; wall time on a loaded machine can be many times more.
  this.timeout(30_000);
  for (const [name, text] of Object.entries(HOSTILE_YAML)) {
    test(`${name}: indexed, checked, completed and rendered in under ${BUDGET_MS} ms of CPU`, async () => {
      const path = '_posts/2024-01-01-hostile.md';
      const started = process.cpuUsage();
      const site = new SiteIndex(new InMemoryWorkspace(exampleBlog({ [path]: text })), withSettings(undefined));
      await site.build();
      const document = new TextDocumentSnapshot(path, 1, text);
      const diagnostics = computeDiagnostics(site, document, { logger: { error: (m) => assert.fail(m) } });
      provideCompletions(site, document, document.positionAt(text.indexOf('\n') + 3));
      renderPost(site, document);
      const elapsed = cpuMsSince(started);
      assert.ok(elapsed < BUDGET_MS, `took ${elapsed.toFixed(0)} ms of CPU`);
      assert.ok(diagnostics.every((d) => d.range.start.line >= 0 && typeof d.message === 'string'));
    });
  }

  test('attacks and broken YAML are reported, not silently accepted', () => {
    for (const name of ['alias bomb', 'deep flow nesting', 'deep unclosed nesting', 'many keys', 'many aliases', 'tabs as indentation', 'unclosed quote', 'unknown alias']) {
      assert.ok(parseFrontMatter(HOSTILE_YAML[name]!).problems.some((p) => p.code === 'frontmatter.yaml'), name);
    }
    assert.deepStrictEqual(parseFrontMatter(HOSTILE_YAML['duplicate keys']!).problems.map((p) => p.code), ['frontmatter.duplicate-key']);
  });

  test('duplicate keys are found at any depth, in linear time', () => {
    const parsed = parseFrontMatter('---\na: 1\nb:\n  c: 1\n  c: 2\nd: [{e: 1, e: 2}]\na: 3\n<<: {x: 1}\n<<: {y: 1}\n---\n');
    assert.deepStrictEqual(parsed.problems.map((p) => p.code), ['frontmatter.duplicate-key', 'frontmatter.duplicate-key', 'frontmatter.duplicate-key']);
    const many = '---\n' + Array.from({ length: 9_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n---\n';
    const started = process.cpuUsage();
    assert.strictEqual(parseFrontMatter(many).entries.size, 9_000);
    assert.ok(cpuMsSince(started) < BUDGET_MS);
  });

  test('no tag turns into code: unknown tags stay strings', () => {
    const data = frontMatterData(parseFrontMatter(HOSTILE_YAML['ruby and js tags']!));
    assert.strictEqual(typeof data['run'], 'string');
    assert.strictEqual(typeof data['sys'], 'object');
    assert.ok(Object.values(data).every((v) => typeof v !== 'function'));
  });

  test('a `__proto__` key is data: no prototype is changed', () => {
    const data = frontMatterData(parseFrontMatter(HOSTILE_YAML['__proto__ key']!));
    assert.strictEqual(Object.getPrototypeOf(data), Object.prototype);
    assert.deepStrictEqual(Object.keys(data), ['__proto__', 'title', 'constructor']);
    assert.strictEqual((data as { polluted?: unknown }).polluted, undefined);
    assert.strictEqual(({} as { polluted?: unknown }).polluted, undefined);
    const config = readConfig('__proto__: {baseurl: /evil}\ncollections: {__proto__: {output: true}}\n').config;
    assert.strictEqual(config.baseurl, '');
    assert.strictEqual(({} as { output?: unknown }).output, undefined);
  });

  test('an alias bomb in one value leaves the other values readable', () => {
    const parsed = parseFrontMatter(HOSTILE_YAML['alias bomb']!);
    assert.strictEqual(parsed.entries.get('title')?.data, 'boom');
  });

  test('an author file with a bad `<<:` merge does not break the index (found by the fuzzer)', async () => {
    const site = new SiteIndex(new InMemoryWorkspace(exampleBlog({ '_data/authors.yml': 'jane.doe:\n  <<: 1\n  name: Jane\njohn.smith:\n  name: John\n' })), withSettings(undefined));
    await site.build();
    assert.strictEqual(site.authors?.authors.get('john.smith')?.name, 'John');
  });

  test('a `_config.yml` that does not parse leaves Jekyll defaults and a problem', () => {
    const reading = readConfig('permalink: /:title\nbaseurl: [unclosed\n');
    assert.strictEqual(reading.config.permalink, 'date');
    assert.ok(reading.problems.length > 0);
  });
});
