import * as assert from 'node:assert';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { RULE_CATALOG, RULE_CODES } from '../../server/src/core/ruleCatalog';
import { exampleBlog, writeBlog } from '../util/blogs';
import { runCli, type JsonReport } from '../util/cli';

// SARIF's own schema, shipped in an npm package: the test never touches the network.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const untitled = '_posts/2020-04-01-untitled.md';
const broken = '_posts/2020-04-02-broken.md';
const spaced = 'drafts dir/_posts/2020-04-03-space, comma.md';

suite('blogwright check: output formats', () => {
  let root: string;

  suiteSetup(() => {
    root = writeBlog(
      exampleBlog({
        [untitled]: '---\nlayout: post\nauthor: jane.doe\n---\nBody\n',
        [broken]: '---\nlayout: post\ntitle: [unclosed\nauthor: jane.doe\n---\n',
        // A path with a space and a comma, which annotations and URIs must escape.
        [spaced]: '---\nlayout: post\nauthor: jane.doe\n---\n',
        // Makes the YAML error a warning, so every format shows both levels.
        '.blogwright.yml': 'validate:\n  frontmatter.yaml: warning\n',
      }),
    );
  });

  test('json is the stable version 1 report: root-relative paths, 0-based LSP ranges, severity names', async () => {
    const run = await runCli(['check', root, '--format', 'json']);
    assert.strictEqual(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepStrictEqual(Object.keys(report), ['version', 'root', 'files', 'diagnostics']);
    assert.strictEqual(report.version, 1);
    assert.strictEqual(report.root, path.resolve(root));
    // _config.yml, .blogwright.yml, about.md, three example posts and the three above.
    assert.strictEqual(report.files, 9);
    assert.deepStrictEqual(report.diagnostics, [
      {
        file: '_posts/2020-04-01-untitled.md',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        severity: 'error',
        code: 'frontmatter.required',
        message: 'Missing `title`: every post of this blog needs it.',
      },
      {
        file: '_posts/2020-04-02-broken.md',
        range: { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } },
        severity: 'warning',
        code: 'frontmatter.yaml',
        message: 'YAML syntax error: this `[` is never closed.',
      },
      {
        file: 'drafts dir/_posts/2020-04-03-space, comma.md',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        severity: 'error',
        code: 'frontmatter.required',
        message: 'Missing `title`: every post of this blog needs it.',
      },
    ]);
  });

  test('json is the default when stdout is not a terminal', async () => {
    const run = await runCli(['check', root]);
    assert.strictEqual((JSON.parse(run.stdout) as JsonReport).version, 1);
  });

  test('stylish groups by file, shows 1-based positions and ends with a summary; no colours off a terminal', async () => {
    const run = await runCli(['check', '--format', 'stylish'], { cwd: root });
    assert.strictEqual(run.status, 1);
    assert.ok(!run.stdout.includes('\x1b['), 'no escape codes when stdout is a pipe');
    const lines = run.stdout.trimEnd().split('\n');
    assert.strictEqual(lines[0], '_posts/2020-04-01-untitled.md');
    assert.match(lines[1]!, /^ {2}1:1 {2}error {2}Missing `title`: every post of this blog needs it\. {2}frontmatter\.required$/);
    assert.strictEqual(lines[3], '_posts/2020-04-02-broken.md');
    assert.match(lines[4]!, /^ {2}3:8 {2}warning {2}YAML syntax error/);
    assert.strictEqual(lines[6], 'drafts dir/_posts/2020-04-03-space, comma.md');
    assert.match(lines[7]!, /^ {2}1:1 {2}error {2}Missing `title`/);
    assert.strictEqual(lines.at(-1), '✖ 3 problems (2 errors, 1 warning) in 9 files');
  });

  test('stylish is coloured when FORCE_COLOR asks, and paths are relative to the current folder', async () => {
    const run = await runCli(['check', path.basename(root), '--format', 'stylish'], { cwd: path.dirname(root), env: { FORCE_COLOR: '1' } });
    assert.ok(run.stdout.includes('\x1b[31merror'), run.stdout);
    assert.ok(run.stdout.includes(`${path.basename(root)}/_posts/2020-04-01-untitled.md`));
  });

  test('sarif is valid SARIF 2.1.0 with 1-based regions', async () => {
    const run = await runCli(['check', root, '--format', 'sarif'], { cwd: root });
    assert.strictEqual(run.status, 1);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: object; defaultConfiguration: object }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }[] }[] };
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(sarifSchema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const results = sarif.runs[0]!.results;
    assert.deepStrictEqual(
      results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region]),
      [
        ['frontmatter.required', 'error', '_posts/2020-04-01-untitled.md', { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 }],
        ['frontmatter.yaml', 'warning', '_posts/2020-04-02-broken.md', { startLine: 3, startColumn: 8, endLine: 3, endColumn: 9 }],
        ['frontmatter.required', 'error', 'drafts%20dir/_posts/2020-04-03-space%2C%20comma.md', { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 }],
      ],
    );
    const rules = sarif.runs[0]!.tool.driver.rules;
    for (const result of results) {
      assert.strictEqual(rules[result.ruleIndex]!.id, result.ruleId);
    }
    // Every rule of the catalog, with what it finds and its default level, so code scanning can describe it.
    assert.deepStrictEqual(rules.map((r) => r.id), RULE_CODES);
    assert.deepStrictEqual(rules.find((r) => r.id === 'link.unverified'), {
      id: 'link.unverified',
      shortDescription: { text: RULE_CATALOG['link.unverified'].description.replace(/`/g, ''), markdown: RULE_CATALOG['link.unverified'].description },
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['link'] },
    });
  });

  test('a clean blog is still valid SARIF, with no results', async () => {
    const clean = writeBlog(exampleBlog());
    const run = await runCli(['check', clean, '--format', 'sarif']);
    assert.strictEqual(run.status, 0, run.stderr);
    const ajv = new Ajv04({ strict: false, unicodeRegExp: false });
    assert.ok(ajv.validate(sarifSchema, JSON.parse(run.stdout)), JSON.stringify(ajv.errors));
  });

  test('github writes one workflow annotation per diagnostic, escaping what GitHub needs escaped', async () => {
    const run = await runCli(['check', '--format', 'github'], { cwd: root });
    assert.strictEqual(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepStrictEqual(lines, [
      '::error file=_posts/2020-04-01-untitled.md,line=1,endLine=1,col=1,endColumn=4,title=blogwright frontmatter.required::Missing `title`: every post of this blog needs it.',
      '::warning file=_posts/2020-04-02-broken.md,line=3,endLine=3,col=8,endColumn=9,title=blogwright frontmatter.yaml::YAML syntax error: this `[` is never closed.',
      '::error file=drafts dir/_posts/2020-04-03-space%2C comma.md,line=1,endLine=1,col=1,endColumn=4,title=blogwright frontmatter.required::Missing `title`: every post of this blog needs it.',
      '✖ 3 problems (2 errors, 1 warning) in 9 files',
    ]);
  });
});
