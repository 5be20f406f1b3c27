import * as assert from 'node:assert';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exampleBlog, writeBlog } from '../util/blogs';
import { CLI_PATH, runCli, type JsonReport } from '../util/cli';
import { generateBlog } from '../util/generateBlog';

const untitled = '_posts/2020-04-01-untitled.md';
const duplicateKey = '_posts/2020-04-03-duplicate.md';
const untitledText = '---\nlayout: post\nauthor: jane.doe\n---\nBody\n';
const duplicateText = '---\nlayout: post\ntitle: A\ntitle: B\nauthor: jane.doe\n---\n';

async function checkJson(args: string[], cwd?: string): Promise<{ status: number | null; report: JsonReport; stderr: string }> {
  const run = await runCli(['check', ...args, '--format', 'json'], cwd ? { cwd } : {});
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

suite('blogwright check: exit status', () => {
  test('0 for a clean blog', async () => {
    const run = await runCli(['check', writeBlog(exampleBlog())]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual((JSON.parse(run.stdout) as JsonReport).diagnostics.length, 0);
  });

  test('1 when there is an error', async () => {
    assert.strictEqual((await runCli(['check', writeBlog(exampleBlog({ [untitled]: untitledText }))])).status, 1);
  });

  test('warnings pass unless there are more than --max-warnings', async () => {
    const root = writeBlog(exampleBlog({ [untitled]: untitledText, '.blogwright.yml': 'validate:\n  frontmatter.required: warning\n' }));
    assert.strictEqual((await runCli(['check', root])).status, 0);
    assert.strictEqual((await runCli(['check', root, '--max-warnings', '1'])).status, 0);
    assert.strictEqual((await runCli(['check', root, '--max-warnings=0'])).status, 1);
  });

  test('2 with a clear message for usage mistakes', async () => {
    const root = writeBlog(exampleBlog());
    const cases: [string[], RegExp][] = [
      [['check', root, '--format', 'xml'], /Unknown format "xml": use stylish, json, sarif, github\./],
      [['check', root, '--max-warnings', 'many'], /--max-warnings takes a whole number of warnings, not "many"\./],
      [['check', root, '--max-warnings'], /--max-warnings needs a value\./],
      [['check', root, '--fix'], /Unknown option "--fix"\./],
      [['lint', root], /Unknown command "lint"/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      assert.strictEqual(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: blogwright check/);
      assert.strictEqual(run.stdout, '');
    }
  });

  test('--help prints the usage and exits 0', async () => {
    const run = await runCli(['check', '--help']);
    assert.strictEqual(run.status, 0);
    assert.match(run.stdout, /--max-warnings N/);
  });
});

function worldReadableCopy(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'blogwright-cli-'));
  chmodSync(folder, 0o755);
  const script = path.join(folder, 'cli.js');
  copyFileSync(CLI_PATH, script);
  chmodSync(script, 0o644);
  return script;
}

suite('blogwright check: the blog folder', () => {
  test('a missing ROOT exits 2 and says so', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'blogwright-')), 'no-such-blog');
    const run = await runCli(['check', missing]);
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stderr, `blogwright: The blog folder "${missing}" does not exist (${missing}).\n`);
    assert.strictEqual(run.stdout, '');
  });

  test('a file given as ROOT exits 2 and shows how to check one post', async () => {
    const root = writeBlog(exampleBlog());
    const run = await runCli(['check', '_posts/2020-01-01-first.md'], { cwd: root });
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /"_posts\/2020-01-01-first\.md" is not a folder\. Give the blog's folder first, then the files to check: blogwright check \. _posts\/2020-01-01-first\.md/);
  });

  test('an unreadable ROOT exits 2 and says so', async () => {
    const root = writeBlog(exampleBlog());
    chmodSync(root, 0o000);
    try {
      // Root reads every folder; the check then runs as `nobody`, who cannot, from a copy of the bundle that
      // nobody can read wherever the repository was cloned.
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, script: worldReadableCopy() } : {};
      const run = await runCli(['check', root], asNobody);
      assert.strictEqual(run.status, 2, run.stderr);
      assert.strictEqual(run.stderr, `blogwright: The blog folder "${root}" cannot be read: EACCES.\n`);
    } finally {
      chmodSync(root, 0o755);
    }
  });

  test('the current folder is the default ROOT', async () => {
    const root = writeBlog(exampleBlog({ [untitled]: untitledText }));
    const { report } = await checkJson([], root);
    assert.strictEqual(report.root, root);
    assert.deepStrictEqual(report.diagnostics.map((d) => d.file), [untitled]);
  });
});

suite('blogwright check: PATHS', () => {
  let root: string;

  suiteSetup(() => {
    root = writeBlog(
      exampleBlog({
        [untitled]: untitledText,
        [duplicateKey]: duplicateText,
        '_drafts/no-front-matter.md': 'Just text.\n',
        '_drafts/untitled-draft.md': '---\nlayout: post\n---\n',
        '_config.yml': 'title: Test blog\npermalink: /:year/:month/:title.html\nbroken: [\n',
      }),
    );
  });

  test('only the given posts are reported, relative to the current folder', async () => {
    const { status, report } = await checkJson(['.', duplicateKey], root);
    assert.strictEqual(status, 0);
    assert.strictEqual(report.files, 1);
    assert.deepStrictEqual(report.diagnostics.map((d) => [d.file, d.code]), [[duplicateKey, 'frontmatter.duplicate-key']]);
  });

  test('a folder selects every document under it; several paths add up', async () => {
    const { report } = await checkJson([root, path.join(root, '_drafts'), path.join(root, '_config.yml')]);
    assert.strictEqual(report.files, 3);
    assert.deepStrictEqual(report.diagnostics.map((d) => [d.file, d.code]), [
      ['_config.yml', 'config.yaml'],
      ['_drafts/no-front-matter.md', 'frontmatter.missing'],
    ]);
  });

  test('the whole blog is still read: a post is checked against the authors and config of the blog', async () => {
    // `author` is required only because the blog keeps authors in _data/authors.yml, which was not named.
    const { report } = await checkJson(['.', '_drafts/untitled-draft.md', untitled], root);
    assert.deepStrictEqual(report.diagnostics.map((d) => [d.file, d.code]), [[untitled, 'frontmatter.required']]);
  });

  test('a path that does not exist, or lies outside ROOT, exits 2', async () => {
    const missing = await runCli(['check', '.', '_posts/2099-01-01-nope.md'], { cwd: root });
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stderr, 'blogwright: "_posts/2099-01-01-nope.md" does not exist.\n');
    const outside = await runCli(['check', root, tmpdir()]);
    assert.strictEqual(outside.status, 2);
    assert.match(outside.stderr, /is outside the blog folder/);
  });
});

suite('blogwright check: settings', () => {
  const blog = (files: Record<string, string>) => writeBlog(exampleBlog({ [untitled]: untitledText, [duplicateKey]: duplicateText, ...files }));
  const codes = (report: JsonReport) => report.diagnostics.map((d) => `${d.code}:${d.severity}`);

  test('.vscode/settings.json blogwright.* keys apply, with comments and trailing commas', async () => {
    const root = blog({
      '.vscode/settings.json': '{\n  // the team silences this one\n  "blogwright.validate": { "frontmatter.required": "off", },\n  /* and warns louder */ "blogwright.validate.x": 1,\n  "editor.tabSize": 2,\n}\n',
    });
    const { report } = await checkJson([root]);
    assert.deepStrictEqual(codes(report), ['frontmatter.duplicate-key:warning']);
  });

  test('.blogwright.yml wins over .vscode/settings.json, per rule', async () => {
    const root = blog({
      '.vscode/settings.json': JSON.stringify({ 'blogwright.validate': { 'frontmatter.required': 'off', 'frontmatter.duplicate-key': 'error' } }),
      '.blogwright.yml': 'validate:\n  frontmatter.required: hint\n',
    });
    const { status, report } = await checkJson([root]);
    assert.deepStrictEqual(codes(report), ['frontmatter.required:hint', 'frontmatter.duplicate-key:error']);
    assert.strictEqual(status, 1);
  });

  test('.blogwright.yml sets the required keys and the author source (dotted keys too)', async () => {
    const root = blog({ '.blogwright.yml': 'requiredKeys:\n  post: [layout]\nauthors.source: none\n' });
    const { report } = await checkJson([root]);
    assert.deepStrictEqual(codes(report), ['frontmatter.duplicate-key:warning']);
  });

  test('an unusable value in .blogwright.yml is an error on that value; the valid ones still apply', async () => {
    // An unquoted `off` is false in YAML 1.1, and still means off.
    const root = blog({ '.blogwright.yml': 'validate:\n  frontmatter.required: loud\n  frontmatter.duplicate-key: off\n' });
    const { status, report } = await checkJson([root]);
    assert.strictEqual(status, 1);
    assert.deepStrictEqual(report.diagnostics, [
      {
        file: '.blogwright.yml',
        range: { start: { line: 1, character: 24 }, end: { line: 1, character: 28 } },
        severity: 'error',
        code: 'settings.invalid',
        message: '`loud` is not a level: use off, hint, info, warning or error.',
      },
      { file: untitled, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, severity: 'error', code: 'frontmatter.required', message: 'Missing `title`: every post of this blog needs it.' },
    ]);
  });

  test('broken YAML in .blogwright.yml is reported and the file ignored', async () => {
    const root = blog({ '.blogwright.yml': 'validate: [\n' });
    const { report } = await checkJson([root]);
    assert.deepStrictEqual(codes(report), ['settings.invalid:error', 'frontmatter.required:error', 'frontmatter.duplicate-key:warning']);
  });

  test('broken .vscode/settings.json is a warning on stderr, not a failure', async () => {
    const root = blog({ '.vscode/settings.json': '{ "blogwright.validate": ' });
    const run = await runCli(['check', root, '--format', 'json']);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /^blogwright: \.vscode\/settings\.json: .+; its blogwright settings are ignored\.\n$/);
  });

  test('--external and --no-external are accepted (the flag wins over every file)', async () => {
    const root = blog({ '.blogwright.yml': 'links:\n  external:\n    enabled: true\n' });
    for (const flag of ['--external', '--no-external']) {
      const run = await runCli(['check', root, flag, '--format', 'json']);
      assert.strictEqual(run.status, 1, run.stderr);
    }
  });
});


suite('blogwright check: progress', () => {
  let root: string;

  suiteSetup(() => {
    root = writeBlog(generateBlog({ posts: 520 }));
  });

  test('a large blog checked with stderr on a pipe gets no progress line', async () => {
    const run = await runCli(['check', root]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
  });

  test('a large blog, read on two threads, gets the report it gets on one', async () => {
    const generated = generateBlog({ posts: 520 });
    const [linked] = Object.keys(generated).filter((p) => p.startsWith('_posts/')).sort();
    const broken = `---\nlayout: post\nauthor: nobody-known\n---\n\n[a]({% post_url 2001-01-01-never %}) [b](/${linked!.slice(7, 17).replace(/-/g, '/')}/no-such-post/) [c]({% post_url ${linked!.slice(7, -3)} %}#no-such-heading)\n`;
    const blog = writeBlog({ ...generated, '_posts/2024-01-01-broken.md': broken, '_posts/2024-01-02-broken-too.md': broken });
    const [shared, alone] = await Promise.all([runCli(['check', blog, '--format', 'json'], { env: { BLOGWRIGHT_INDEX_WORKER: '1' } }), runCli(['check', blog, '--format', 'json'], { env: { BLOGWRIGHT_INDEX_WORKER: '0' } })]);
    assert.strictEqual(shared.stderr, '');
    assert.ok((JSON.parse(shared.stdout) as { diagnostics: unknown[] }).diagnostics.length > 0, 'the blog has findings to compare');
    assert.strictEqual(shared.stdout, alone.stdout);
  });

  test('on a terminal, a large blog gets a progress line on stderr, cleared at the end', async () => {
    // `script` gives the CLI a pseudo-terminal; the report itself goes to /dev/null.
    const cli = [process.execPath, CLI_PATH, 'check', root, '--format', 'json'].map((a) => `'${a}'`).join(' ');
    const terminal = await new Promise<string>((resolve, reject) => {
      execFile('script', ['-qec', `${cli} > /dev/null`, '/dev/null'], (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    const total = /checked (\d+) of (\d+) files/g;
    const counts = [...terminal.matchAll(total)];
    assert.ok(counts.length > 0, JSON.stringify(terminal));
    const last = counts.at(-1)!;
    assert.strictEqual(last[1], last[2], 'the last line counts every file');
    assert.ok(terminal.endsWith('\r\x1b[K'), 'the line is cleared');
  });
});

suite('blogwright check: --external', () => {
  let server: Server;
  let base: string;

  suiteSetup(async () => {
    // A local server stands in for the web: the test never touches the network.
    server = createServer((request, response) => {
      response.statusCode = request.url === '/ok' ? 200 : 404;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Written as an IPv4-mapped IPv6 address so the link rules do not take it for a
    // localhost link, which they report as suspicious and never fetch.
    base = `http://[::ffff:127.0.0.1]:${(server.address() as AddressInfo).port}`;
  });

  suiteTeardown(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('external links are checked only with --external, never because a file in the blog asks', async () => {
    const post = '_posts/2020-05-01-external.md';
    const root = writeBlog(
      exampleBlog({
        [post]: `---\nlayout: post\ntitle: External\nauthor: jane.doe\n---\n\n[fine](${base}/ok) and [gone](${base}/gone)\n`,
        '.blogwright.yml': 'links:\n  external:\n    enabled: true\n',
      }),
    );
    const env = { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'blogwright-cache-')) };
    const external = (run: { stdout: string }) => (JSON.parse(run.stdout) as JsonReport).diagnostics.filter((d) => d.code === 'link.external');
    assert.deepStrictEqual(external(await runCli(['check', root, '--format', 'json'], { env })), []);
    const found = external(await runCli(['check', root, '--external', '--format', 'json'], { env }));
    assert.deepStrictEqual(found.map((d) => [d.file, d.range.start.line]), [[post, 6]]);
    assert.match(found[0]!.message, /\/gone/);
  });
});
