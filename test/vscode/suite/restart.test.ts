import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { blogUri, blogwright, codes, diagnosticsWhere, nextEvent } from './helpers';

suite('a language server that dies', () => {
  test('is restarted, says so once, and diagnostics come back', async () => {
    const api = await blogwright();
    const uri = blogUri('_posts/2020-04-01-untitled.md');
    await diagnosticsWhere(uri, (d) => codes(d).includes('frontmatter.required'));
    // By method name: the suite's copy of the protocol types is not the one bundled into the extension.
    const serverProcess = () => api.client.sendRequest<{ pid: number }>('blogwright/serverProcess', {});
    const { pid } = await serverProcess();
    const restartsBefore = api.restarts.restarted;

    const stopped = nextEvent(api.client.onDidChangeState, (e) => e.newState !== State.Running);
    process.kill(pid, 'SIGKILL');
    await stopped;
    await nextEvent(api.client.onDidChangeState, (e) => e.newState === State.Running);
    assert.strictEqual(api.restarts.restarted, restartsBefore + 1, 'one restart, reported once');

    const { pid: newPid } = await serverProcess();
    assert.notStrictEqual(newPid, pid, 'a new server process');

    // The new server checks the blog again and answers edits.
    await diagnosticsWhere(uri, (d) => codes(d).includes('frontmatter.required'));
    const editor = await vscode.window.showTextDocument(uri);
    const fixed = diagnosticsWhere(uri, (d) => !codes(d).includes('frontmatter.required'));
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'title: Back again\n'));
    await fixed;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
