import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri, blogwright, codes, diagnosticsWhere, nextEvent } from './helpers';

/** Resolves with the promise's value, or undefined once `ms` passed: a bound on a retry, never a wait for its own sake. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}

function lineOf(document: vscode.TextDocument, prefix: string): number {
  const line = document.getText().split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0, `no line starts with ${prefix}`);
  return line;
}

suite('Blogwright navigation in VS Code', () => {
  suiteSetup(async () => {
    await blogwright();
    // Diagnostics for a post mean the blog is indexed.
    await diagnosticsWhere(blogUri('_posts/2020-04-01-untitled.md'), (d) => codes(d).includes('frontmatter.required'));
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('accepting an author completion writes the id', async () => {
    const uri = blogUri('_posts/2020-03-01-third.md');
    const editor = await vscode.window.showTextDocument(uri);
    const line = lineOf(editor.document, 'author:');
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, 'author: jane'));
    const end = new vscode.Position(line, 'author: jane'.length);
    editor.selection = new vscode.Selection(end, end);
    const accepted = nextEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document === editor.document && e.document.lineAt(line).text === 'author: jane.doe');
    // The suggest widget shows once the server answered; accepting before that does nothing, so try again.
    let done = false;
    for (let attempt = 0; attempt < 20 && !done; attempt++) {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      done = (await within(accepted, 500)) !== undefined;
    }
    assert.ok(done, 'the completion was accepted');
    assert.strictEqual(editor.document.lineAt(line).text, 'author: jane.doe');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('renaming a tag changes it in all three posts, and nothing else', async () => {
    const posts = ['_posts/2020-01-01-first.md', '_posts/2020-02-01-second.md', '_posts/2020-05-01-jvm-again.md'].map(blogUri);
    const before = await Promise.all(posts.map(async (uri) => (await vscode.workspace.openTextDocument(uri)).getText()));
    const document = await vscode.workspace.openTextDocument(posts[0]!);
    const line = lineOf(document, 'tags:');
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('jvm') + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', posts[0], position, 'JVM');
    assert.deepStrictEqual(edit.entries().map(([uri]) => uri.toString()).sort(), posts.map((u) => u.toString()).sort());
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const [i, uri] of posts.entries()) {
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      assert.strictEqual(text, before[i]!.replace(/\bjvm\b/, 'JVM'), uri.path);
    }
    for (const uri of posts) {
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('go to definition on an author opens its entry in the data file', async () => {
    const uri = blogUri('_posts/2020-03-01-third.md');
    const editor = await vscode.window.showTextDocument(uri);
    const line = lineOf(editor.document, 'author:');
    const at = new vscode.Position(line, 'author: jo'.length);
    editor.selection = new vscode.Selection(at, at);
    const opened = nextEvent(vscode.window.onDidChangeActiveTextEditor, (e) => e?.document.uri.path.endsWith('/_data/authors.yml') === true);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const target = (await opened)!;
    assert.strictEqual(target.document.lineAt(target.selection.active.line).text, 'john.smith:');
  });

  test('New Post creates the post with the blog\'s usual front matter and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('blogwright.newPost', { title: 'Hello from VS Code', author: 'john.smith' });
    try {
      assert.match(uri.path, /\/_posts\/\d{4}-\d{2}-\d{2}-hello-from-vs-code\.md$/);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.strictEqual(vscode.window.activeTextEditor.document.getText(), '---\nlayout: post\ntitle: Hello from VS Code\nauthor: john.smith\ntags: []\n---\n\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
