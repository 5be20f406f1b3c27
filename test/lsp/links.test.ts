import * as assert from 'node:assert';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

const LINKER = '_posts/2020-04-01-linker.md';
const LINKER_TEXT = '---\nlayout: post\ntitle: Linker\nauthor: jane.doe\n---\nSee [first]({% post_url 2020-01-01-first %}) and ![logo](/assets/img/new.png).\n';
const BYSTANDER = '_posts/2020-04-02-bystander.md';
const FIRST = '_posts/2020-01-01-first.md';

const linkCodes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => String(d.code)).filter((c) => c.startsWith('link.'));

suite('links over stdio', () => {
  let client: LspTestClient;
  let root: string;

  suiteSetup(async () => {
    root = writeBlog(exampleBlog({ [LINKER]: LINKER_TEXT, [BYSTANDER]: '---\nlayout: post\ntitle: Bystander\nauthor: jane.doe\n---\nNo links.\n' }));
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  test('leaving a missing target unchecked is offered only to a client that has the command for it', async () => {
    const [missing] = client.diagnostics.get(client.uri(LINKER)) ?? [];
    assert.strictEqual(missing?.code, 'link.url');
    await client.open(LINKER, LINKER_TEXT);
    assert.deepStrictEqual((await client.codeActions(LINKER, [missing])).map((a) => a.title), ['Change to /assets/img/logo.png']);
    await client.close(LINKER);
    const own = await LspTestClient.start(root, { diagnostics: { debounce: 0 } }, undefined, { initializationOptions: { ignoreLinksCommand: true } });
    try {
      await own.indexed();
      await own.open(LINKER, LINKER_TEXT);
      const [edit, action] = await own.codeActions(LINKER, [missing]);
      assert.strictEqual(edit?.title, 'Change to /assets/img/logo.png');
      // `/assets/` holds files of the site: the path alone, not the folder.
      assert.deepStrictEqual(action?.command, { title: action?.title, command: 'blogwright.links.ignore', arguments: ['/assets/img/new.png', own.uri(LINKER)] });
    } finally {
      await own.stop();
    }
  });

  test('a missing image is reported, and creating it re-checks only the document that links to it', async () => {
    assert.deepStrictEqual(linkCodes(client.diagnostics.get(client.uri(LINKER))), ['link.url']);
    const published: string[] = [];
    const stop = client.onPublish((p: PublishDiagnosticsParams) => published.push(p.uri));
    const cleared = client.waitForDiagnostics(LINKER, (d) => linkCodes(d).length === 0);
    writeFileSync(path.join(root, 'assets/img/new.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await client.filesChanged([{ relative: 'assets/img/new.png', type: 1 }]);
    await cleared;
    stop();
    assert.ok(!published.includes(client.uri(BYSTANDER)), 'a document that does not link to the image is not re-checked');
  });

  test("a Gemfile that puts jekyll-relative-links in the :jekyll_plugins group is configuration: the blog is read again with the plugin on", async () => {
    const cleared = client.waitForDiagnostics('guide.md', (d) => linkCodes(d).length === 0);
    const reported = client.waitForDiagnostics('guide.md', (d) => linkCodes(d).length === 1);
    writeFileSync(path.join(root, 'guide.md'), '---\ntitle: Guide\n---\n[about](about.md)\n');
    await client.filesChanged([{ relative: 'guide.md', type: 1 }]);
    await reported;
    writeFileSync(path.join(root, 'Gemfile'), "group :jekyll_plugins do\n  gem 'jekyll-relative-links'\nend\n");
    await client.filesChanged([{ relative: 'Gemfile', type: 1 }]);
    await cleared;
  });

  test('renaming the target of a post_url breaks the link, renaming it back heals it', async () => {
    // The delete and the create come one after the other: wait for the suggestion of the renamed post.
    const broken = client.waitForDiagnostics(LINKER, (d) => d.some((x) => String(x.message).includes('2020-01-02-first')));
    renameSync(path.join(root, FIRST), path.join(root, '_posts/2020-01-02-first.md'));
    await client.filesChanged([
      { relative: FIRST, type: 3 },
      { relative: '_posts/2020-01-02-first.md', type: 1 },
    ]);
    const diagnostics = await broken;
    const finding = diagnostics.find((d) => d.code === 'link.post-url')!;
    assert.strictEqual(String(finding.message), 'No post 2020-01-01-first; did you mean 2020-01-02-first? Jekyll fails the build.');
    assert.deepStrictEqual(finding.range, { start: { line: 5, character: 24 }, end: { line: 5, character: 40 } });
    await client.open(LINKER, LINKER_TEXT);
    const actions = await client.codeActions(LINKER, [finding]);
    assert.deepStrictEqual(actions.map((a) => a.edit?.changes?.[client.uri(LINKER)]?.[0]?.newText), ['2020-01-02-first']);

    const healed = client.waitForDiagnostics(LINKER, (d) => linkCodes(d).length === 0);
    renameSync(path.join(root, '_posts/2020-01-02-first.md'), path.join(root, FIRST));
    await client.filesChanged([
      { relative: '_posts/2020-01-02-first.md', type: 3 },
      { relative: FIRST, type: 1 },
    ]);
    await healed;
  });

  test('deleting a post reports the links to it; an edit in the open document is checked as typed', async () => {
    const broken = client.waitForDiagnostics(LINKER, (d) => linkCodes(d).includes('link.post-url'));
    rmSync(path.join(root, FIRST));
    await client.filesChanged([{ relative: FIRST, type: 3 }]);
    await broken;
    const fixed = client.waitForDiagnostics(LINKER, (d) => linkCodes(d).length === 0);
    await client.change(LINKER, 2, LINKER_TEXT.replace('{% post_url 2020-01-01-first %}', '{% post_url 2020-02-01-second %}'));
    await fixed;
  });
});
