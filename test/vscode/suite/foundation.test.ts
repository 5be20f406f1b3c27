import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri, blogwright, codes, diagnosticsWhere, nextEvent } from './helpers';

suite('Blogwright in VS Code', () => {
  suiteSetup(async () => {
    await blogwright();
  });

  test('a post without title shows a diagnostic on its front matter', async () => {
    const uri = blogUri('_posts/2020-04-01-untitled.md');
    const diagnostics = await diagnosticsWhere(uri, (d) => codes(d).includes('frontmatter.required'));
    const missing = diagnostics.find((d) => codes([d])[0] === 'frontmatter.required')!;
    assert.strictEqual(missing.range.start.line, 0);
    assert.match(missing.message, /`title`/);
  });

  test('a YAML syntax error is shown on its line', async () => {
    const uri = blogUri('_posts/2020-04-02-broken.md');
    const diagnostics = await diagnosticsWhere(uri, (d) => codes(d).includes('frontmatter.yaml'));
    assert.strictEqual(diagnostics[0]!.range.start.line, 2);
  });

  test('completion after `author: ` lists the authors with their names', async () => {
    const uri = blogUri('_posts/2020-01-01-first.md');
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('author:'));
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, 'author: '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 'author: '.length));
    const authors = list.items.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item.detail]);
    assert.deepStrictEqual(authors.slice(0, 2), [
      ['jane.doe', 'Jane Doe'],
      ['john.smith', 'John Smith'],
    ]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the preview opens beside the post and re-renders after an edit', async () => {
    const api = await blogwright();
    const uri = blogUri('_posts/2020-03-01-third.md');
    const editor = await vscode.window.showTextDocument(uri);
    const firstRender = nextEvent(api.preview.onDidRender, (e) => e.uri === uri.toString());
    await vscode.commands.executeCommand('blogwright.openPreviewToSide');
    await firstRender;
    assert.ok(api.preview.panel, 'the preview panel is open');
    assert.strictEqual(api.preview.panel.title, 'Preview Third');

    const rerender = nextEvent(api.preview.onDidRender, (e) => e.uri === uri.toString() && e.version > 1);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), '\nA new paragraph.\n'));
    const { version } = await rerender;
    assert.strictEqual(version, editor.document.version);
    api.preview.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
