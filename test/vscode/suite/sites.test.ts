import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri, blogwright, codes, diagnosticsWhere, repositoryUri } from './helpers';

/** The suite opens a product's repository with its blog in `docs/` (testBlog.ts): the blog is a site of its own. */
suite('A repository with its blog in docs/', () => {
  test("the blog's posts are checked against the blog in docs/", async () => {
    await blogwright();
    const diagnostics = await diagnosticsWhere(blogUri('_posts/2020-06-01-typo.md'), (d) => codes(d).includes('author.unknown'));
    assert.match(diagnostics.find((d) => codes([d])[0] === 'author.unknown')!.message, /jane\.doe/);
  });

  test('files outside the blog get no diagnostics and no blog completion', async () => {
    const api = await blogwright();
    const readme = repositoryUri('README.md');
    const fixture = repositoryUri('test/fixtures/_posts/not-a-post.md');
    const editor = await vscode.window.showTextDocument(readme);
    await vscode.workspace.openTextDocument(fixture);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'author: \n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', readme, new vscode.Position(1, 'author: '.length));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(!labels.includes('jane.doe'), `no author of the blog is offered outside it: ${labels.join(', ')}`);
    // Every change so far is applied and published: a diagnostic for these files would be there now.
    // By name: the client bundles its own copy of the protocol library, whose request types are not this one's.
    await api.client.sendRequest('blogwright/settled', {});
    assert.deepStrictEqual(codes(vscode.languages.getDiagnostics(readme)), []);
    assert.deepStrictEqual(codes(vscode.languages.getDiagnostics(fixture)), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
