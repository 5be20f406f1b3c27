import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri, blogwright, nextEvent } from './helpers';

/** The preview in a real VS Code: links clicked in the webview, scroll sync, lock and restore. */
suite('Preview', () => {
  const links = () => blogUri('_posts/2020-04-03-links.md');

  async function openPreviewOf(uri: vscode.Uri) {
    const api = await blogwright();
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    const rendered = nextEvent(api.preview.onDidRender, (e) => e.uri === uri.toString());
    await vscode.commands.executeCommand('blogwright.openPreviewToSide');
    await rendered;
    return api;
  }

  teardown(async () => {
    const api = await blogwright();
    api.preview.panel?.dispose();
  });

  test('a click on a link to another post opens its source at the linked heading', async () => {
    const api = await openPreviewOf(links());
    const first = blogUri('_posts/2020-01-01-first.md');
    const opened = nextEvent(vscode.window.onDidChangeActiveTextEditor, (e) => e?.document.uri.toString() === first.toString());
    // The webview clicks the rendered link itself: its click handler and the extension's openLink path run as for a person.
    api.preview.clickLink('/2020/01/first.html#hello');
    const editor = (await opened)!;
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '# Hello');
    assert.strictEqual(editor.viewColumn, vscode.ViewColumn.One, 'the source opens beside the preview, not over it');
  });

  test('scrolling the preview scrolls the editor to the same source line', async () => {
    const api = await openPreviewOf(links());
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === links().toString())!;
    const heading = editor.document.getText().split('\n').indexOf('## Far away');
    const scrolled = nextEvent(vscode.window.onDidChangeTextEditorVisibleRanges, (e) => {
      const range = e.visibleRanges[0]!;
      // The heading is in view near the top (VS Code may keep a few lines of context above a revealed line).
      return e.textEditor.document === editor.document && range.start.line <= heading && heading - range.start.line <= 10;
    });
    // A fragment link scrolls the preview to the heading; the preview reports its new top line to the editor.
    api.preview.clickLink('#far-away');
    await scrolled;
  });

  test('a locked preview stays on its post; unlocking follows the active post again', async () => {
    const api = await openPreviewOf(links());
    await vscode.commands.executeCommand('blogwright.preview.lock');
    assert.ok(api.preview.locked);
    assert.match(api.preview.panel!.title, /^\[Locked\] Preview Links$/);
    const second = blogUri('_posts/2020-02-01-second.md');
    await vscode.window.showTextDocument(second, { viewColumn: vscode.ViewColumn.One });
    assert.match(api.preview.panel!.title, /Preview Links$/);
    const followed = nextEvent(api.preview.onDidRender, (e) => e.uri === second.toString());
    await vscode.commands.executeCommand('blogwright.preview.unlock');
    await followed;
    assert.strictEqual(api.preview.panel!.title, 'Preview Second');
  });

  test('every page has a strict CSP and a fresh nonce; the blog\'s stylesheet loads only from the workspace', async () => {
    const api = await openPreviewOf(links());
    const settings = vscode.workspace.getConfiguration('blogwright.preview');
    const page = () => api.preview.panel!.webview.html;
    const nonceOf = (html: string) => /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    const first = page();
    assert.match(first, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src [^;]+ data:; style-src [^;]+; font-src [^;]+; script-src 'nonce-[^']+'; form-action 'none'; base-uri 'none'">/);
    assert.strictEqual((first.match(/<script/g) ?? []).length, 1, 'only our script');
    assert.ok(first.includes(`<script nonce="${nonceOf(first)}"`));
    try {
      let rendered = nextEvent(api.preview.onDidRender);
      await settings.update('stylesheet', 'assets/css/blog.css', vscode.ConfigurationTarget.Workspace);
      await rendered;
      const second = page();
      assert.notStrictEqual(nonceOf(second), nonceOf(first), 'a new nonce for the new page');
      assert.match(second, /<link rel="stylesheet" href="[^"]*\/assets\/css\/blog\.css">/);
      rendered = nextEvent(api.preview.onDidRender);
      await settings.update('stylesheet', '../../etc/outside.css', vscode.ConfigurationTarget.Workspace);
      await rendered;
      assert.doesNotMatch(page(), /outside\.css|blog\.css/, 'nothing outside the workspace is loaded');
    } finally {
      await settings.update('stylesheet', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('as published: the footer from an include and the author card from site.data; an edit of the include shows', async () => {
    const api = await openPreviewOf(blogUri('_posts/2020-08-01-card.md'));
    assert.strictEqual(api.preview.view, 'published');
    assert.match(api.preview.html, /<aside class="author-card">Jane Doe: Jane writes about the JVM\.<\/aside>/);
    assert.match(api.preview.html, /<footer class="site-footer">Footer, first version<\/footer>/);
    assert.match(api.preview.html, /<article><p data-line="5">The body of the card post\.<\/p>/);
    const footer = await vscode.workspace.openTextDocument(blogUri('_includes/card-footer.html'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(footer.uri, footer.lineAt(0).range, '<footer class="site-footer">Footer, second version</footer>');
    const updated = nextEvent(api.preview.onDidRender, () => /Footer, second version/.test(api.preview.html));
    await vscode.workspace.applyEdit(edit);
    await updated;
    await footer.save();
    // The title bar's toggle: the content alone, in the preview's own look.
    const contentAlone = nextEvent(api.preview.onDidRender);
    await vscode.commands.executeCommand('blogwright.preview.showContent');
    await contentAlone;
    assert.match(api.preview.html, /<h1 class="bw-title" data-line="0">Card<\/h1>/);
    assert.doesNotMatch(api.preview.html, /author-card|site-footer/);
    await vscode.commands.executeCommand('blogwright.preview.showPublished');
  });

  test('a panel restored after a reload shows its post again, locked as it was', async () => {
    const api = await blogwright();
    const panel = vscode.window.createWebviewPanel('blogwright.preview', 'Preview', vscode.ViewColumn.Two, {});
    const restored = nextEvent(api.preview.onDidRender, (e) => e.uri === links().toString());
    // What VS Code calls with the state the webview saved (vscode.setState) when the window reloads.
    await api.preview.deserializeWebviewPanel(panel, { resource: links().toString(), line: 40, locked: true });
    await restored;
    assert.strictEqual(api.preview.panel, panel);
    assert.ok(api.preview.locked);
    await vscode.commands.executeCommand('blogwright.preview.unlock');
  });
});
