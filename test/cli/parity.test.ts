import * as assert from 'node:assert';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { writeBlog } from '../util/blogs';
import { runCli, type JsonReport } from '../util/cli';
import { generateBlog } from '../util/generateBlog';
import { LspTestClient } from '../util/lspClient';

const SEVERITIES = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' } as const;

/** A generated blog (clean) with one of each kind of problem added, and settings in every place they can be. */
function blogWithProblems(): Record<string, string> {
  return {
    ...generateBlog({ posts: 40, seed: 7 }),
    '_posts/2021-01-01-untitled.md': '---\nlayout: post\nauthor: nobody.known\n---\nBody\n',
    '_posts/2021-01-02-broken.md': '---\nlayout: post\ntitle: [unclosed\n---\n',
    '_posts/2021-01-03-duplicate.md': '---\nlayout: post\ntitle: A\ntitle: B\n---\n',
    '_posts/2021-01-04-unclosed.md': '---\nlayout: post\ntitle: Never closed\n',
    '_posts/2021-01-05-no-front-matter.md': 'Just text.\n',
    '_posts/not-a-dated-name.md': '---\nlayout: post\n---\n',
    '_posts/2021-01-06-list.md': '---\n- a\n- b\n---\n',
    '_posts/2021-01-07-binary.md': '---\ntitle: x\n---\n\0\0\0',
    '_drafts/draft.md': '---\nlayout: post\ntags: [a, null]\n---\n',
    '.blogwright.yml': 'validate:\n  frontmatter.not-mapping: warning\n  frontmatter.missing: nope\nrequiredKeys:\n  draft: [title]\n',
    '.vscode/settings.json': '{\n  // as VS Code would hand them to the server\n  "blogwright.validate": { "frontmatter.duplicate-key": "info", },\n}\n',
  };
}

interface Plain {
  file: string;
  range: Diagnostic['range'];
  severity: string;
  code: string;
  message: string;
}

const order = (a: Plain, b: Plain) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1;

suite('the CLI and the language server report the same diagnostics', () => {
  test('for a whole blog, settings files included', async () => {
    const root = writeBlog(blogWithProblems());

    const run = await runCli(['check', root, '--format', 'json']);
    assert.strictEqual(run.status, 1, run.stderr);
    const fromCli: Plain[] = (JSON.parse(run.stdout) as JsonReport).diagnostics.map((d) => ({ ...d }));

    // The server gets `.vscode/settings.json` from VS Code, not from the file: hand it the same section.
    const client = await LspTestClient.start(root, { validate: { 'frontmatter.duplicate-key': 'info' } });
    let fromServer: Plain[];
    try {
      await client.indexed();
      fromServer = [...client.diagnostics].flatMap(([uri, diagnostics]) =>
        diagnostics.map((d) => ({
          file: path.relative(root, fileURLToPath(uri)).split(path.sep).join('/'),
          range: d.range,
          severity: SEVERITIES[d.severity ?? DiagnosticSeverity.Error],
          code: String(d.code),
          message: typeof d.message === 'string' ? d.message : '',
        })),
      );
    } finally {
      await client.stop();
    }

    assert.deepStrictEqual(fromCli.sort(order), fromServer.sort(order));
    // The comparison means something only if both saw many kinds of problem, from every settings source.
    const kinds = new Set(fromCli.map((d) => `${d.code}:${d.severity}`));
    for (const expected of ['frontmatter.required:error', 'frontmatter.yaml:error', 'frontmatter.duplicate-key:information', 'frontmatter.unclosed:error', 'frontmatter.not-mapping:warning', 'settings.invalid:error', 'file.skipped:information']) {
      assert.ok(kinds.has(expected), `${expected} in ${[...kinds].join(', ')}`);
    }
    assert.ok(fromCli.some((d) => d.file === '_drafts/draft.md' && d.code === 'frontmatter.required'), 'the draft needs a title per .blogwright.yml');
  });
});
