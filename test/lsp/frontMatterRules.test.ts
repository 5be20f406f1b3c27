import * as assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

const TYPO = '_posts/2020-04-01-typo.md';
const TYPO_TEXT = '---\r\nlayout: post # our usual one\r\ntitle: Typo\r\nauthor: jane.deo\r\ntags: [jvm]\r\n---\r\nBody\r\n';
const GALLERY = '_posts/2020-04-02-gallery.md';

/** Applies LSP text edits to a text, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).join('').length + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => d.code);

suite('front matter rules over stdio', () => {
  let client: LspTestClient;
  let root: string;

  suiteSetup(async () => {
    root = writeBlog(exampleBlog({ [TYPO]: TYPO_TEXT, [GALLERY]: '---\nlayout: gallery\ntitle: Pictures\nauthor: john.smith\n---\n' }));
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  test('a quick fix for an unknown author edits only the id, and the diagnostic goes', async () => {
    const diagnostics = client.diagnostics.get(client.uri(TYPO))!;
    assert.deepStrictEqual(codes(diagnostics), ['author.unknown']);
    await client.open(TYPO, TYPO_TEXT);
    const actions = await client.codeActions(TYPO, diagnostics);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Change to jane.doe', 'quickfix', true]]);
    const edits = actions[0]!.edit!.changes![client.uri(TYPO)]!;
    const fixed = applyEdits(TYPO_TEXT, edits);
    assert.strictEqual(fixed, TYPO_TEXT.replace('jane.deo', 'jane.doe'), 'CRLF and the comment stay as they were');
    const cleared = client.waitForDiagnostics(TYPO, (d) => d.length === 0);
    await client.change(TYPO, 2, fixed);
    assert.deepStrictEqual(await cleared, []);
  });

  test('renaming an author in the data file re-checks every post that names them', async () => {
    assert.deepStrictEqual(codes(client.diagnostics.get(client.uri('_posts/2020-03-01-third.md'))), []);
    const third = client.waitForDiagnostics('_posts/2020-03-01-third.md', (d) => codes(d).includes('author.unknown'));
    writeFileSync(path.join(root, '_data/authors.yml'), 'jane.doe:\n  name: Jane Doe\njohnny.smith:\n  name: John Smith\n');
    await client.filesChanged([{ relative: '_data/authors.yml', type: 2 }]);
    const diagnostics = await third;
    assert.match(String(diagnostics[0]!.message), /did you mean `johnny\.smith`/);
  });

  test('a theme configured in _config.yml silences unknown layouts across the blog', async () => {
    assert.deepStrictEqual(codes(client.diagnostics.get(client.uri(GALLERY))).filter((c) => c !== 'author.unknown'), ['layout.unknown']);
    const silenced = client.waitForDiagnostics(GALLERY, (d) => !codes(d).includes('layout.unknown'));
    writeFileSync(path.join(root, '_config.yml'), 'title: Test blog\ntheme: minima\ntimezone: Europe/Warsaw\n');
    await client.filesChanged([{ relative: '_config.yml', type: 2 }]);
    await silenced;
  });
});
