import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri, blogwright, codes, diagnosticsWhere } from './helpers';

/** The linker and its target are written by test/vscode/testBlog.ts for this suite alone. */
const TARGET = '_posts/2020-07-01-rename-target.md';
const RENAMED = '_posts/2020-07-09-rename-target.md';
const LINKER = '_posts/2020-07-02-links-to-target.md';

suite('Links in VS Code', () => {
  suiteSetup(async () => {
    await blogwright();
  });

  test('renaming the target of a post_url shows a broken link; undoing the rename clears it', async () => {
    const linker = blogUri(LINKER);
    await diagnosticsWhere(linker, (d) => !codes(d).includes('link.post-url'));

    const broken = diagnosticsWhere(linker, (d) => d.some((x) => codes([x])[0] === 'link.post-url' && x.message.includes('2020-07-09-rename-target')));
    await vscode.workspace.fs.rename(blogUri(TARGET), blogUri(RENAMED));
    const diagnostic = (await broken).find((d) => codes([d])[0] === 'link.post-url')!;
    assert.strictEqual(diagnostic.message, 'No post 2020-07-01-rename-target; did you mean 2020-07-09-rename-target? Jekyll fails the build.');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const document = await vscode.workspace.openTextDocument(linker);
    assert.strictEqual(document.getText(diagnostic.range), '2020-07-01-rename-target');

    const healed = diagnosticsWhere(linker, (d) => !codes(d).includes('link.post-url'));
    await vscode.workspace.fs.rename(blogUri(RENAMED), blogUri(TARGET));
    assert.deepStrictEqual(codes(await healed).filter((c) => c.startsWith('link.')), []);
  });
});
