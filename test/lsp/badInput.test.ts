import * as assert from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { exampleBlog, writeBlog } from '../util/blogs';
import { runCli, type JsonReport } from '../util/cli';
import { HOSTILE_FILES, HOSTILE_YAML, oversizedPost } from '../util/hostileInputs';
import { LspTestClient } from '../util/lspClient';

/** No single file may keep the server from answering for longer than this. */
const BUDGET_MS = 1000;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Every kind of bad input of issue 10 in one blog, through the real server process: each gets a diagnostic (or
 * none), never a crash or a hang, and the server keeps answering.
 */
suite('bad input through the server: a diagnostic, never a crash or a hang', () => {
  let client: LspTestClient;
  let root: string;
  const yamlPosts = Object.keys(HOSTILE_YAML).map((name, i) => [name, `_posts/2024-01-${String(i + 1).padStart(2, '0')}-${slug(name)}.md`] as const);
  const filePosts = Object.keys(HOSTILE_FILES).map((name, i) => [name, `_posts/2024-02-${String(i + 1).padStart(2, '0')}-${slug(name)}.md`] as const);
  const big = '_posts/2024-03-01-ten-megabytes.md';
  const untitled = '_posts/2024-03-02-untitled.md';

  suiteSetup(async () => {
    root = writeBlog(
      exampleBlog({
        // A `_config.yml` that does not parse: reported on itself, and the blog is checked with Jekyll's defaults.
        '_config.yml': 'title: Broken\npermalink: [unclosed\n',
        [untitled]: '---\nlayout: post\nauthor: jane.doe\n---\nBody\n',
        ...Object.fromEntries(yamlPosts.map(([name, file]) => [file, HOSTILE_YAML[name]!])),
        [big]: oversizedPost(10),
      }),
    );
    for (const [name, file] of filePosts) {
      writeFileSync(path.join(root, file), HOSTILE_FILES[name]!);
    }
    // A folder named like a post, empty and with a file inside.
    mkdirSync(path.join(root, '_posts/2024-03-03-folder.md'));
    mkdirSync(path.join(root, '_posts/2024-03-04-folder-with-file.md'));
    writeFileSync(path.join(root, '_posts/2024-03-04-folder-with-file.md/inner.md'), '---\ntitle: Inner\n---\n');
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  const diagnosticsOf = (file: string): Diagnostic[] => {
    const diagnostics = client.diagnostics.get(client.uri(file));
    assert.ok(diagnostics, `no diagnostics were published for ${file}`);
    return diagnostics;
  };
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

  test('a `_config.yml` that does not parse is reported on itself, and the blog is still checked with defaults', () => {
    const config = diagnosticsOf('_config.yml');
    assert.deepStrictEqual([...new Set(codes(config))], ['config.yaml']);
    assert.strictEqual(config[0]!.range.start.line, 1);
    assert.ok(codes(diagnosticsOf(untitled)).includes('frontmatter.required'));
  });

  test('pathological YAML: a front matter diagnostic for each attack and broken block', () => {
    for (const [name, file] of yamlPosts) {
      const found = codes(diagnosticsOf(file));
      if (/bomb|deep (flow|unclosed)|many|tabs|unclosed quote|unknown alias/.test(name)) {
        assert.ok(found.includes('frontmatter.yaml'), `${name}: ${found}`);
      }
      if (name === 'duplicate keys') {
        assert.ok(found.includes('frontmatter.duplicate-key'), `${name}: ${found}`);
      }
    }
  });

  test('a 10 MB post and a binary `.md` are skipped with an information diagnostic saying why', () => {
    const [tooLarge] = diagnosticsOf(big);
    assert.strictEqual(tooLarge?.code, 'file.skipped');
    assert.strictEqual(tooLarge.severity, 3);
    assert.match(String(tooLarge.message), /10\.\d MB, over Blogwright's 2 MB limit/);
    const [binary] = diagnosticsOf(filePosts.find(([name]) => name.startsWith('binary'))![1]);
    assert.strictEqual(binary?.code, 'file.skipped');
    assert.match(String(binary.message), /binary/);
  });

  test('an empty file, invalid UTF-8, BOM, CRLF, mixed line endings, NUL bytes, a 100,000-character line', () => {
    // A post whose front matter is whole, BOM, CRLF or odd bytes and all, may have nothing to report, and nothing published.
    const byName = Object.fromEntries(filePosts.map(([name, file]) => [name, client.diagnostics.get(client.uri(file)) ?? []]));
    assert.deepStrictEqual(codes(byName['empty file']!), ['frontmatter.missing']);
    for (const name of ['BOM', 'CRLF']) {
      assert.ok(!codes(byName[name]!).some((c) => c.startsWith('frontmatter.yaml') || c === 'frontmatter.missing'), `${name}: ${codes(byName[name]!)}`);
    }
    assert.ok(!codes(byName['invalid UTF-8']!).includes('frontmatter.missing'));
    assert.ok(codes(byName['unclosed front matter']!).includes('frontmatter.unclosed'));
    for (const diagnostics of Object.values(byName)) {
      assert.ok(diagnostics.every((d) => d.range.start.line >= 0 && d.range.end.line >= d.range.start.line));
    }
  });

  test('a folder named like a post is not a post and breaks nothing', () => {
    assert.ok(!client.diagnostics.has(client.uri('_posts/2024-03-03-folder.md')));
  });

  test(`each bad file, opened and edited, is answered within ${BUDGET_MS} ms and the server keeps answering`, async () => {
    const opened = [...yamlPosts, ...filePosts.filter(([name]) => !name.startsWith('binary'))];
    for (const [name, file] of opened) {
      const text = name in HOSTILE_YAML ? HOSTILE_YAML[name]! : Buffer.from(HOSTILE_FILES[name]!).toString('utf8');
      const published = client.waitForDiagnostics(file, () => true);
      const started = performance.now();
      await client.open(file, text);
      // A request for another document waits only as long as this one blocks the server.
      await client.complete('_posts/2020-01-01-first.md', 3, 8);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < BUDGET_MS, `${name} blocked the server for ${elapsed.toFixed(0)} ms`);
      await client.hover(file, 1, 2);
      await client.complete(file, 1, 8);
      await client.connection.sendRequest('blogwright/renderPreview', { uri: client.uri(file) });
      await published;
      const edited = client.waitForDiagnostics(file, () => true);
      await client.change(file, 2, text + '\nmore text\n');
      await edited;
    }
    assert.deepStrictEqual(client.logs.filter((l) => /failed on/.test(l)), [], 'no feature threw');
  });

  test('a 10 MB buffer opened in the editor is skipped too, and gets no features', async () => {
    const text = oversizedPost(10);
    const skipped = client.waitForDiagnostics(big, (d) => d[0]?.code === 'file.skipped');
    await client.open(big, text);
    await skipped;
    assert.deepStrictEqual(await client.complete(big, 1, 5), []);
    assert.strictEqual(await client.hover(big, 1, 5), null);
  });

  test('the CLI reports the same skipped files and the broken config, and exits normally', async () => {
    const run = await runCli(['check', root, '--format', 'json']);
    assert.strictEqual(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const skipped = report.diagnostics.filter((d) => d.code === 'file.skipped').map((d) => d.file);
    assert.ok(skipped.includes(big), JSON.stringify(skipped));
    assert.ok(skipped.some((f) => f.includes('binary')));
    assert.ok(report.diagnostics.some((d) => d.file === '_config.yml' && d.code === 'config.yaml'));
    assert.ok(report.diagnostics.some((d) => d.file === untitled && d.code === 'frontmatter.required'));
  });
});
