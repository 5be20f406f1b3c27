import * as assert from 'node:assert';
import { cliDiagnostics, serverDiagnostics, type PlainDiagnostic } from '../util/agreement';
import { writeBlog } from '../util/blogs';
import { runCli } from '../util/cli';
import { generateBlog } from '../util/generateBlog';
import { LspTestClient } from '../util/lspClient';

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

suite('the CLI and the language server report the same diagnostics', () => {
  test('for a whole blog, settings files included', async () => {
    const root = writeBlog(blogWithProblems());

    const run = await runCli(['check', root, '--format', 'json']);
    assert.strictEqual(run.status, 1, run.stderr);
    const fromCli = await cliDiagnostics(root);

    // The server gets `.vscode/settings.json` from VS Code, not from the file: hand it the same section.
    const client = await LspTestClient.start(root, { validate: { 'frontmatter.duplicate-key': 'info' } });
    let fromServer: PlainDiagnostic[];
    try {
      await client.indexed();
      fromServer = serverDiagnostics(client);
    } finally {
      await client.stop();
    }

    assert.deepStrictEqual(fromCli, fromServer);
    // The comparison means something only if both saw many kinds of problem, from every settings source.
    const kinds = new Set(fromCli.map((d) => `${d.code}:${d.severity}`));
    for (const expected of ['frontmatter.required:error', 'frontmatter.yaml:error', 'frontmatter.duplicate-key:information', 'frontmatter.unclosed:error', 'frontmatter.not-mapping:warning', 'settings.invalid:error', 'file.skipped:information']) {
      assert.ok(kinds.has(expected), `${expected} in ${[...kinds].join(', ')}`);
    }
    assert.ok(fromCli.some((d) => d.file === '_drafts/draft.md' && d.code === 'frontmatter.required'), 'the draft needs a title per .blogwright.yml');
  });
});
