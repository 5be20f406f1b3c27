import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BlogwrightApi } from '../../../client/src/extension';
import { blogUri, blogwright, codes, diagnosticsWhere } from './helpers';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** A pasted image as the clipboard hands it over: a file without a path, named `image.png` by the browser. */
class PastedImage extends vscode.DataTransferItem {
  constructor(readonly bytes: Uint8Array) {
    super('');
  }
  override asFile(): vscode.DataTransferFile {
    return { name: 'image.png', uri: undefined, data: async () => this.bytes };
  }
}

const token = new vscode.CancellationTokenSource().token;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Applies an edit as VS Code applies a chosen paste or drop edit: the snippet at the cursor, then the additional edit. */
async function applyAsVsCode(editor: vscode.TextEditor, edit: { insertText: string | vscode.SnippetString; additionalEdit?: vscode.WorkspaceEdit }): Promise<void> {
  const snippet = typeof edit.insertText === 'string' ? new vscode.SnippetString(edit.insertText) : edit.insertText;
  assert.ok(await editor.insertSnippet(snippet, editor.selection));
  if (edit.additionalEdit) {
    assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit));
  }
}

async function newPost(relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = blogUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

suite('Workflow: images, drafts, the Blog view, the status bar', () => {
  let api: BlogwrightApi;
  suiteSetup(async () => {
    api = await blogwright();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('pasting an image copies it into the folder the blog uses for this post and inserts the Markdown; no diagnostic', async () => {
    // A broken link to delete after the paste: the diagnostics can only become empty by checking a text with the image in it.
    const editor = await newPost('_posts/2020-09-01-pasted.md', '---\nlayout: post\ntitle: Pasted\nauthor: jane.doe\n---\n[gone](/no-such-page.html)\n\n');
    await diagnosticsWhere(editor.document.uri, (d) => codes(d).includes('link.url'));
    const dataTransfer = new vscode.DataTransfer();
    dataTransfer.set('image/png', new PastedImage(PNG));
    const edits = await api.workflow.images.provideDocumentPasteEdits(editor.document, [editor.selection], dataTransfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
    assert.strictEqual(edits?.length, 1);
    await applyAsVsCode(editor, edits[0]!);
    const image = blogUri('assets/img/articles/2020-09-01-pasted/image.png');
    assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(image))], [...PNG]);
    assert.ok(editor.document.getText().endsWith('\n![image](/assets/img/articles/2020-09-01-pasted/image.png)'), editor.document.getText());
    const clean = diagnosticsWhere(editor.document.uri, (d) => d.length === 0);
    await editor.edit((e) => e.delete(editor.document.lineAt(5).rangeIncludingLineBreak));
    await clean;

    // A second paste never overwrites the first image; selected text becomes the alt text and names the file.
    await editor.edit((e) => e.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n\nflame graph'));
    const last = editor.document.lineAt(editor.document.lineCount - 1).range;
    editor.selection = new vscode.Selection(last.start, last.end);
    const [named] = (await api.workflow.images.provideDocumentPasteEdits(editor.document, [editor.selection], dataTransfer, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token))!;
    await applyAsVsCode(editor, named!);
    assert.ok(await exists(blogUri('assets/img/articles/2020-09-01-pasted/flame-graph.png')));
    assert.ok(editor.document.getText().endsWith('\n![flame graph](/assets/img/articles/2020-09-01-pasted/flame-graph.png)'), editor.document.getText());
  });

  test('dropping files from the explorer: one from outside is copied in, one the blog publishes is linked where it is', async () => {
    const editor = await newPost('_posts/2020-09-02-dropped.md', '---\nlayout: post\ntitle: Dropped\nauthor: jane.doe\n---\n');
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'blogwright-drop-')), 'Screen Shot.png');
    writeFileSync(outside, PNG);
    // What the explorer puts on a drag: a `text/uri-list`.
    const dataTransfer = new vscode.DataTransfer();
    dataTransfer.set('text/uri-list', new vscode.DataTransferItem(`${vscode.Uri.file(outside).toString()}\r\n${blogUri('assets/img/logo.png').toString()}`));
    const drop = await api.workflow.images.provideDocumentDropEdits(editor.document, editor.selection.active, dataTransfer, token);
    assert.ok(drop);
    await applyAsVsCode(editor, drop);
    assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(blogUri('assets/img/articles/2020-09-02-dropped/screen-shot.png')))], [...PNG]);
    assert.ok(!(await exists(blogUri('assets/img/articles/2020-09-02-dropped/logo.png'))));
    assert.ok(editor.document.getText().endsWith('![logo](/assets/img/logo.png) ![screen shot](/assets/img/articles/2020-09-02-dropped/screen-shot.png)'), editor.document.getText());
    await diagnosticsWhere(editor.document.uri, (d) => d.length === 0);
  });

  test('publishing a draft moves it under its date, keeps it open, updates `date:` and the links; one undo takes it back', async () => {
    const draft = blogUri('_drafts/ready-to-go.md');
    const post = blogUri('_posts/2024-05-06-ready-to-go.md');
    await vscode.window.showTextDocument(draft);
    const moved = await vscode.commands.executeCommand<vscode.Uri>('blogwright.publishDraft', draft, { date: '2024-05-06' });
    assert.strictEqual(moved?.toString(), post.toString());
    assert.ok(await exists(post));
    assert.ok(!(await exists(draft)));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), post.toString());
    assert.match(editor.document.getText(), /^date: 2024-05-06 09:30:00 \+0100$/m);
    const index = await vscode.workspace.openTextDocument(blogUri('drafts-index.md'));
    assert.match(index.getText(), /\{% link _posts\/2024-05-06-ready-to-go\.md %\}/);

    await vscode.commands.executeCommand('undo');
    assert.ok(await exists(draft), 'the draft is back');
    assert.ok(!(await exists(post)), 'the post is gone');
    assert.match((await vscode.workspace.openTextDocument(draft)).getText(), /^date: 2020-01-01 09:30:00 \+0100$/m);
    assert.match((await vscode.workspace.openTextDocument(blogUri('drafts-index.md'))).getText(), /\{% link _drafts\/ready-to-go\.md %\}/);
  });

  test('the Blog view lists a post created on disk', async () => {
    const provider = api.workflow.blogView;
    const years = await provider.getChildren(undefined);
    assert.deepStrictEqual(years.map((n) => n.id), ['years', 'tags', 'authors', 'drafts', 'problems']);
    const listed = async () => (await provider.getChildren({ id: 'year:2021', label: '2021', kind: 'year' })).map((n) => n.label);
    assert.deepStrictEqual(await listed(), []);
    const shown = new Promise<void>((resolve) => {
      const subscription = provider.onDidChangeTreeData(async () => {
        if ((await listed()).includes('Brand new')) {
          subscription.dispose();
          resolve();
        }
      });
    });
    // Written by another program, as `git pull` would.
    writeFileSync(blogUri('_posts/2021-02-03-brand-new.md').fsPath, '---\nlayout: post\ntitle: Brand new\nauthor: jane.doe\ntags: [fresh]\n---\nHello.\n');
    await shown;
    const item = provider.getTreeItem((await provider.getChildren({ id: 'year:2021', label: '2021', kind: 'year' }))[0]!);
    assert.strictEqual(item.command?.command, 'vscode.open');
    assert.strictEqual(String(item.description), '2021-02-03');
    const yearsNow = await provider.getChildren({ id: 'years', label: 'years', kind: 'years' });
    assert.ok(yearsNow.some((n) => n.label === '2021' && n.count === 1));
  });

  test('the status bar shows the words and reading time of the active post, and its URL, which a click copies', async () => {
    const words = Array.from({ length: 450 }, (_, i) => `word${i}`).join(' ');
    const editor = await newPost('_posts/2020-09-03-long-read.md', `---\nlayout: post\ntitle: Long read\nauthor: jane.doe\n---\n${words}\n`);
    const bar = api.workflow.statusBar;
    const stats = await bar.update();
    assert.strictEqual(vscode.window.activeTextEditor, editor);
    assert.deepStrictEqual([stats?.words, stats?.minutes], [450, 2]);
    assert.strictEqual(bar.words.text, '$(book) 450 words, 2 min read');
    assert.strictEqual(bar.url.text, '$(link) /2020/09/long-read.html');
    assert.strictEqual(await vscode.commands.executeCommand('blogwright.copyPostUrl'), '/2020/09/long-read.html');
    assert.strictEqual(await vscode.env.clipboard.readText(), '/2020/09/long-read.html');
  });
});
