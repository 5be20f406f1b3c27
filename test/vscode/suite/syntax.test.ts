import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { blogUri } from './helpers';

/** A token as `_workbench.captureSyntaxTokens` returns it: its text and its scopes, space-separated. */
interface CapturedToken {
  readonly c: string;
  readonly t: string;
}

/**
 * Opens a blog file and waits until VS Code has created its TextMate tokenizer (grammar and injections loaded):
 * `_workbench.colorizeTextMateTokens` awaits exactly that before it tokenizes, so no polling is needed.
 */
async function openTokenized(relative: string): Promise<vscode.TextEditor> {
  const uri = blogUri(relative);
  const editor = await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('_workbench.colorizeTextMateTokens', uri);
  return editor;
}

/** Types `text` one character at a time at `position`, as a user does (auto-closing applies); returns the line. */
async function typeAt(editor: vscode.TextEditor, position: vscode.Position, text: string): Promise<string> {
  editor.selection = new vscode.Selection(position, position);
  for (const ch of text) {
    await vscode.commands.executeCommand('type', { text: ch });
  }
  return editor.document.lineAt(position.line).text;
}

/**
 * Puts `line` first in the document and returns its number (0). VS Code auto-closes only on lines that are cheap to
 * tokenize (every line above has its end state), which the first line always is, whatever the background
 * tokenizer has done since the last edit.
 */
async function prependLine(editor: vscode.TextEditor, line: string): Promise<number> {
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `${line}\n`));
  return 0;
}

async function revert(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('Liquid and front matter highlighting', () => {
  teardown(revert);

  test('a string inside Liquid in a post is a string token (the grammar is injected into Markdown)', async () => {
    const editor = await openTokenized('_posts/2020-02-01-second.md');
    // Markdown auto-closes `<` except inside string tokens; only our grammar makes `"a  "` a string, and only in `{{ }}`.
    const line = await prependLine(editor, 'Text "a  " and {{ "a  " }}');
    const inText = editor.document.lineAt(line).text.indexOf('a  ') + 2;
    assert.strictEqual(await typeAt(editor, new vscode.Position(line, inText), '<'), 'Text "a <> " and {{ "a  " }}');
    const inLiquid = editor.document.lineAt(line).text.lastIndexOf('a  ') + 2;
    assert.strictEqual(await typeAt(editor, new vscode.Position(line, inLiquid), '<'), 'Text "a <> " and {{ "a < " }}');
  });

  test('a Liquid comment in a layout is a comment token (the grammar is injected into HTML)', async () => {
    const editor = await openTokenized('_layouts/post.html');
    // HTML auto-closes `<!--` except inside comments and strings.
    const line = await prependLine(editor, 'x  {% comment %} a  {% endcomment %}');
    assert.strictEqual(await typeAt(editor, new vscode.Position(line, 2), '<!--'), 'x <!----> {% comment %} a  {% endcomment %}');
    const inComment = editor.document.lineAt(line).text.indexOf('a  ') + 2;
    assert.strictEqual(await typeAt(editor, new vscode.Position(line, inComment), '<!--'), 'x <!----> {% comment %} a <!-- {% endcomment %}');
  });

  test('front matter in an HTML layout is YAML: toggling a comment there uses #', async () => {
    const editor = await openTokenized('_layouts/post.html');
    const document = editor.document;
    assert.strictEqual(document.lineAt(1).text, 'layout: default');
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.strictEqual(document.lineAt(1).text, '# layout: default');
    const body = document.getText().split('\n').indexOf('{{ content }}');
    editor.selection = new vscode.Selection(body, 0, body, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.strictEqual(document.lineAt(body).text, '<!-- {{ content }} -->');
  });

  test('{% and {{ auto-close in Markdown and HTML, and their own pairs still do', async () => {
    for (const file of ['_posts/2020-02-01-second.md', '_layouts/post.html']) {
      const editor = await openTokenized(file);
      const line = await prependLine(editor, '');
      assert.strictEqual(await typeAt(editor, new vscode.Position(line, 0), '{%'), '{% %}', file);
      assert.strictEqual(await typeAt(editor, new vscode.Position(line, 5), ' {{'), '{% %} {{ }}', file);
      assert.strictEqual(await typeAt(editor, new vscode.Position(line, 11), ' ('), '{% %} {{ }} ()', file);
      await revert();
    }
  });

  test('scopes of a post_url link, as the editor tokenizes them (desktop VS Code)', async function () {
    // `_workbench.captureSyntaxTokens` is built into desktop VS Code only; the web workbench of the local VS Code
    // server lacks it, and there the tests above prove the grammar through token types instead.
    if (!(await vscode.commands.getCommands(true)).includes('_workbench.captureSyntaxTokens')) {
      this.skip();
    }
    const uri = blogUri('_posts/2020-05-01-liquid.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('See [the first post]({% post_url 2020-01-01-first %}) and {{ site.title | upcase }}.\n'));
    try {
      const tokens = await vscode.commands.executeCommand<CapturedToken[]>('_workbench.captureSyntaxTokens', uri);
      const scopes = (text: string): string[] => (tokens.find((t) => t.c === text)?.t ?? '').split(' ');
      assert.ok(scopes('post_url').includes('entity.name.tag.liquid'), scopes('post_url').join(' '));
      assert.ok(scopes('2020-01-01-first').includes('string.unquoted.liquid'));
      assert.ok(scopes('{%').includes('punctuation.definition.tag.begin.liquid'));
      assert.ok(scopes('upcase').includes('support.function.filter.liquid'));
      assert.ok(scopes('the first post').includes('string.other.link.title.markdown'));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
