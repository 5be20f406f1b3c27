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

  test('a link to what the web server serves besides the site: the lightbulb adds its folder to blogwright.links.ignore, and the diagnostic goes', async () => {
    const uri = blogUri('_posts/2020-07-01-downloads.md');
    const reported = diagnosticsWhere(uri, (d) => codes(d).includes('link.url'));
    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\nlayout: post\ntitle: Downloads\nauthor: jane.doe\n---\nGet [the tool](/downloads/tool-1.0.tar.gz).\n'));
    const missing = (await reported).find((d) => codes([d])[0] === 'link.url')!;
    const settings = () => vscode.workspace.getConfiguration('blogwright', uri);
    try {
      await vscode.window.showTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
      const ignore = actions.find((a) => a.title === "Don't check links to /downloads/** (blogwright.links.ignore)");
      assert.ok(ignore?.command, `offered: ${actions.map((a) => a.title).join(', ')}`);
      const cleared = diagnosticsWhere(uri, (d) => !codes(d).includes('link.url'));
      await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
      await cleared;
      assert.deepStrictEqual(settings().get('links.ignore'), ['/downloads/**']);
    } finally {
      await settings().update('links.ignore', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.delete(uri);
    }
  });
});
