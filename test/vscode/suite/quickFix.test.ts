import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri, blogwright, codes, diagnosticsWhere } from './helpers';

suite('Quick fixes in VS Code', () => {
  suiteSetup(async () => {
    await blogwright();
  });

  test('the lightbulb fixes an unknown author, and the diagnostic goes', async () => {
    const uri = blogUri('_posts/2020-06-01-typo.md');
    const diagnostics = await diagnosticsWhere(uri, (d) => codes(d).includes('author.unknown'));
    const unknown = diagnostics.find((d) => codes([d])[0] === 'author.unknown')!;
    assert.match(unknown.message, /did you mean `jane\.doe`/);
    const editor = await vscode.window.showTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to jane.doe');
    assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    const cleared = diagnosticsWhere(uri, (d) => !codes(d).includes('author.unknown'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await cleared;
    assert.strictEqual(editor.document.getText(), '---\nlayout: post\ntitle: Typo\nauthor: jane.doe\n---\nBody\n');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
