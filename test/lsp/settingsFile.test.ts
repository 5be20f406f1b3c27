import * as assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

suite('language server: .blogwright.yml', () => {
  const untitled = '_posts/2020-04-01-untitled.md';
  let root: string;
  let client: LspTestClient;

  suiteSetup(async () => {
    root = writeBlog(exampleBlog({ [untitled]: '---\nlayout: post\nauthor: jane.doe\n---\nBody\n', '.blogwright.yml': 'validate:\n  frontmatter.required: warning\n' }));
    // VS Code's own setting says error; the blog's file wins.
    client = await LspTestClient.start(root, { validate: { 'frontmatter.required': 'error', frontmatter: 'error' } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  test('its levels win over VS Code settings', () => {
    assert.deepStrictEqual(client.diagnostics.get(client.uri(untitled))?.map((d) => [d.code, d.severity]), [['frontmatter.required', DiagnosticSeverity.Warning]]);
  });

  test('an edit on disk is applied at once, and a bad value is reported on the file', async () => {
    writeFileSync(path.join(root, '.blogwright.yml'), 'validate:\n  frontmatter.required: hint\n  frontmatter: shout\n');
    const hinted = client.waitForDiagnostics(untitled, (d) => d[0]?.severity === DiagnosticSeverity.Hint);
    const invalid = client.waitForDiagnostics('.blogwright.yml', (d) => d.length > 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('.blogwright.yml'), type: FileChangeType.Changed }] });
    assert.deepStrictEqual((await hinted).map((d) => d.code), ['frontmatter.required']);
    const [problem] = await invalid;
    assert.strictEqual(problem?.code, 'settings.invalid');
    assert.deepStrictEqual(problem?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 20 } });
  });
});
