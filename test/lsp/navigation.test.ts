import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, type CompletionItem, type CompletionList, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { exampleBlog, LINKING_LINES, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

const CURSOR = '$$CURSOR$$';

/** A blog whose posts write tags, categories and authors in every form YAML allows. */
function navigationBlog(): Record<string, string> {
  return exampleBlog({
    '_layouts/page.html': '<main>{{ content }}</main>\n',
    // CRLF line endings and a quoted tag: rename must keep both.
    '_posts/2020-06-01-block.md': '---\r\nlayout: post\r\ntitle: Block lists\r\nauthor: jane.doe\r\ntags:\r\n  - "jvm"\r\n  - kafka\r\n---\r\n\r\nText.\r\n',
    '_posts/2020-07-01-words.md': "---\nlayout: post\ntitle: 'Words'\nauthors: [john.smith, 'jane.doe']\ntags: jvm big-data\ncategory: backend\n---\n\nText.\n",
    '_posts/2020-08-01-links.md': [
      '---',
      'layout: post',
      'title: Links',
      'author: john.smith',
      '---',
      '',
      ...LINKING_LINES,
      'More in [hello](/2020/01/first.html#hello) and [elsewhere](/2020/01/nope.html).',
      '',
      '## Own section',
      '',
      'Back [up](#own-section) and [nowhere](#nope).',
      '',
    ].join('\n'),
  });
}

suite('completion, hover and navigation over stdio', () => {
  let client: LspTestClient;
  let root: string;
  let version = 1;

  suiteSetup(async () => {
    root = writeBlog(navigationBlog());
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  /** Opens (or replaces) a document whose text marks the cursor, and returns the cursor's position. */
  async function openAt(relative: string, textWithCursor: string): Promise<{ line: number; character: number }> {
    const offset = textWithCursor.indexOf(CURSOR);
    const text = textWithCursor.replace(CURSOR, '');
    await client.open(relative, text);
    await client.change(relative, ++version, text);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  }

  /** Completes in a file Jekyll ignores (`_scratch/`), so what the tests type never changes the blog's counts. */
  async function completeAt(textWithCursor: string, relative = '_scratch/2021-01-01-draft.md'): Promise<CompletionItem[]> {
    const { line, character } = await openAt(relative, textWithCursor);
    return client.complete(relative, line, character);
  }

  function labels(items: CompletionItem[]): string[] {
    return items.map((i) => i.label);
  }

  function editOf(item: CompletionItem): TextEdit {
    assert.ok(item.textEdit && 'range' in item.textEdit, `${item.label} has a textEdit with a range`);
    return item.textEdit;
  }

  function markdown(hover: Hover | null): string {
    assert.ok(hover, 'a hover');
    return (hover.contents as MarkupContent).value;
  }

  suite('completion', () => {
    test('authors in a flow list and a block list, without those already listed', async () => {
      assert.deepStrictEqual(labels(await completeAt(`---\nauthors: [jane.doe, ${CURSOR}]\n---\n`)), ['john.smith']);
      assert.deepStrictEqual(labels(await completeAt(`---\nauthors:\n  - john.smith\n  - ${CURSOR}\n---\n`)), ['jane.doe']);
    });

    test('tags in a flow list: most used first with counts, the listed ones left out', async () => {
      const items = await completeAt(`---\ntags: [kotlin, ${CURSOR}]\n---\n`);
      assert.deepStrictEqual(labels(items), ['jvm', 'kafka', 'big-data']);
      assert.deepStrictEqual(items.map((i) => i.detail), ['4 documents', '2 documents', '1 document']);
      assert.deepStrictEqual(items.map((i) => i.sortText), [...items.map((i) => i.sortText)].sort());
      // The recent posts come when the editor resolves the item it shows.
      assert.strictEqual(items[0]!.documentation, undefined);
      assert.match(((await client.resolveCompletion(items[0]!)).documentation as MarkupContent).value, /Block lists/);
    });

    test('a tag in a block list replaces the partly typed item', async () => {
      const items = await completeAt(`---\ntags:\n  - kafka\n  - j${CURSOR}\n---\n`);
      assert.ok(!labels(items).includes('kafka'));
      const edit = editOf(items.find((i) => i.label === 'jvm')!);
      assert.deepStrictEqual(edit.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 5 } });
      assert.strictEqual(edit.newText, 'jvm');
    });

    test('a tag in a string of tags completes the word under the cursor', async () => {
      const items = await completeAt(`---\ntags: jvm k${CURSOR}\n---\n`);
      assert.deepStrictEqual(labels(items), ['kafka', 'big-data', 'kotlin']);
      assert.deepStrictEqual(editOf(items[0]!).range, { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } });
    });

    test('an opening quote is kept and filtered on', async () => {
      const items = await completeAt(`---\ntags: ["k${CURSOR}"]\n---\n`);
      const kafka = items.find((i) => i.label === 'kafka')!;
      assert.strictEqual(kafka.filterText, '"kafka');
      assert.strictEqual(editOf(kafka).newText, '"kafka"');
      assert.deepStrictEqual(editOf(kafka).range, { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
    });

    test('categories, from `category:` and `categories:`', async () => {
      assert.deepStrictEqual(labels(await completeAt(`---\ncategories: [${CURSOR}]\n---\n`)), ['backend']);
      assert.deepStrictEqual(labels(await completeAt(`---\ncategory: ${CURSOR}\n---\n`)), ['backend']);
    });

    test('layouts on disk, the most used first', async () => {
      const items = await completeAt(`---\nlayout: ${CURSOR}\n---\n`);
      assert.deepStrictEqual(labels(items), ['post', 'default', 'page']);
      assert.match(items[0]!.detail!, /_layouts\/post\.html/);
    });

    test('front matter keys: the blog\'s and Jekyll\'s, documented, not those already written', async () => {
      const items = await completeAt(`---\ntitle: New\nt${CURSOR}\n---\n`);
      assert.ok(labels(items).includes('tags'));
      assert.ok(labels(items).includes('permalink'));
      assert.ok(!labels(items).includes('title'));
      const tags = items.find((i) => i.label === 'tags')!;
      assert.strictEqual(tags.detail, 'used in 5 documents');
      assert.match((tags.documentation as MarkupContent).value, /split at spaces/);
      assert.deepStrictEqual(editOf(tags), { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, newText: 'tags: ' });
    });

    test('`{% post_url ` offers post names with titles and dates, newest first', async () => {
      const items = await completeAt(`---\ntitle: x\n---\n{% post_url 2020-0${CURSOR} %}\n`);
      assert.deepStrictEqual(labels(items).slice(0, 3), ['2020-08-01-links', '2020-07-01-words', '2020-06-01-block']);
      const first = items.find((i) => i.label === '2020-01-01-first')!;
      assert.strictEqual(first.detail, 'First');
      assert.deepStrictEqual(first.labelDetails, { description: '2020-01-01' });
      assert.deepStrictEqual(editOf(first).range, { start: { line: 3, character: 12 }, end: { line: 3, character: 18 } });
      // The title, date and path come when the editor resolves the item it shows.
      assert.strictEqual(first.documentation, undefined);
      assert.match(((await client.resolveCompletion(first)).documentation as MarkupContent).value, /\*\*First\*\*[^]*`_posts\/2020-01-01-first\.md`/);
    });

    test('a client that takes a default edit range gets the range once, and items without edits', async () => {
      const { line, character } = await openAt('_scratch/2021-01-01-draft.md', `---\ntitle: x\n---\n{% post_url 2020-0${CURSOR} %}\n`);
      const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: client.uri('_scratch/2021-01-01-draft.md') }, position: { line, character } })) as CompletionList;
      assert.deepStrictEqual(list.itemDefaults?.editRange, { start: { line: 3, character: 12 }, end: { line: 3, character: 18 } });
      assert.ok(list.items.length > 3 && list.items.every((i) => i.textEdit === undefined && i.filterText === undefined && i.textEditText === undefined), 'each item is replaced by its label');
    });

    test('`{% link ` offers source paths', async () => {
      const all = await completeAt(`---\ntitle: x\n---\n{% link ${CURSOR}`);
      assert.ok(labels(all).includes('about.md'));
      assert.strictEqual(all.find((i) => i.label === '_posts/2020-01-01-first.md')?.detail, 'First');
      assert.ok(labels(all).includes('assets/img/logo.png'));
      const items = await completeAt(`---\ntitle: x\n---\n{% link ab${CURSOR}`);
      assert.ok(labels(items).includes('about.md'));
      assert.deepStrictEqual(editOf(items[0]!).range, { start: { line: 3, character: 8 }, end: { line: 3, character: 10 } });
    });

    test('image and link paths, one folder at a time', async () => {
      const top = await completeAt(`---\ntitle: x\n---\n![x](/as${CURSOR})\n`);
      const assets = top.find((i) => i.label === 'assets')!;
      assert.strictEqual(editOf(assets).newText, 'assets/');
      assert.deepStrictEqual(editOf(assets).range, { start: { line: 3, character: 6 }, end: { line: 3, character: 8 } });
      const images = await completeAt(`---\ntitle: x\n---\n<img src="/assets/img/${CURSOR}">\n`);
      assert.deepStrictEqual(labels(images), ['logo.png']);
      const relative = await completeAt(`---\ntitle: x\n---\n[x](../assets/${CURSOR})\n`);
      assert.deepStrictEqual(labels(relative), ['img']);
    });

    test('root-relative URLs from the URL map, and relative ones from the document\'s URL', async () => {
      assert.deepStrictEqual(labels(await completeAt(`---\ntitle: x\n---\n[x](/${CURSOR})\n`)), ['2020', 'assets', 'about']);
      const posts = await completeAt(`---\ntitle: x\n---\n[x](/2020/01/${CURSOR})\n`);
      assert.deepStrictEqual(labels(posts), ['first.html']);
      assert.strictEqual(posts[0]!.detail, 'First');
      // A page at /notes/relative: `..` leaves /notes/.
      const relative = await completeAt(`---\ntitle: x\n---\n[x](../2020/01/${CURSOR})\n`, 'notes/relative.md');
      assert.deepStrictEqual(labels(relative), ['first.html']);
    });

    test('`#` fragments: the document\'s own header ids, and the target\'s after a URL or post_url', async () => {
      const own = await completeAt(`---\ntitle: x\n---\n# Getting started\n\n## Why? Because {#why}\n\nSee [x](#${CURSOR})\n`);
      assert.deepStrictEqual(labels(own), ['getting-started', 'why']);
      assert.deepStrictEqual(editOf(own[0]!).range, { start: { line: 7, character: 9 }, end: { line: 7, character: 9 } });
      assert.deepStrictEqual(labels(await completeAt(`---\ntitle: x\n---\n[x](/2020/01/first.html#he${CURSOR})\n`)), ['hello']);
      assert.deepStrictEqual(labels(await completeAt(`---\ntitle: x\n---\n[x]({% post_url 2020-01-01-first %}#${CURSOR})\n`)), ['hello']);
    });

    test('a new file without front matter is offered the blog\'s usual front matter as a snippet', async () => {
      const items = await completeAt(`--${CURSOR}`, '_posts/2021-02-02-empty.md');
      assert.deepStrictEqual(labels(items), ['front matter']);
      const snippet = editOf(items[0]!).newText;
      assert.match(snippet, /^---\nlayout: \$\{\d+:post\}\ntitle: \$\{\d+:Title\}\nauthor: \$\{\d+\|jane\.doe,john\.smith\|\}\ntags: \[\$\{\d+\}\]\n---\n/);
    });
  });

  suite('hover', () => {
    test('an author: name, bio and number of posts', async () => {
      const text = readFileSync(path.join(root, '_posts/2020-01-01-first.md'), 'utf8');
      await client.open('_posts/2020-01-01-first.md', text);
      const value = markdown(await client.hover('_posts/2020-01-01-first.md', 3, 'author: ja'.length));
      assert.match(value, /\*\*Jane Doe\*\*/);
      assert.match(value, /Jane writes about the JVM\./);
      assert.match(value, /4 posts/);
    });

    test('a tag: its count and recent posts, newest first', async () => {
      const value = markdown(await client.hover('_posts/2020-01-01-first.md', 4, 'tags: [j'.length));
      assert.match(value, /tag of 4 documents/);
      assert.ok(value.indexOf('Words') < value.indexOf('Block lists') && value.indexOf('Block lists') < value.indexOf('Second'), value);
    });

    test('post_url and link: the target\'s title and date, or why it does not resolve', async () => {
      const links = '_posts/2020-08-01-links.md';
      await client.open(links, readFileSync(path.join(root, links), 'utf8'));
      assert.match(markdown(await client.hover(links, 6, 'See [the first post]({% post_url 20'.length)), /\*\*First\*\* · 2020-01-01/);
      assert.match(markdown(await client.hover(links, 6, 'See [the first post]({% post_url 2020-01-01-first %}) and [about]({% link ab'.length)), /\*\*About\*\*/);
      assert.match(markdown(await client.hover(links, 8, '![logo](/assets/im'.length)), /Static file `assets\/img\/logo\.png`/);
      assert.match(markdown(await client.hover(links, 8, '![logo](/assets/img/logo.png) and [gone]({% post_url 2099'.length)), /No post is named `2099-01-01-nope`/);
    });

    test('a URL: the target through the URL map, with its section; or that nothing is published there', async () => {
      const links = '_posts/2020-08-01-links.md';
      assert.match(markdown(await client.hover(links, 10, 'More in [hello](/20'.length)), /\*\*First\*\*[^]*Section: Hello/);
      assert.match(markdown(await client.hover(links, 10, 'More in [hello](/2020/01/first.html#hello) and [elsewhere](/20'.length)), /No file of the blog is published at `\/2020\/01\/nope\.html`/);
      assert.strictEqual(markdown(await client.hover(links, 14, 'Back [up](#ow'.length)), 'Section: Own section');
      assert.match(markdown(await client.hover(links, 14, 'Back [up](#own-section) and [nowhere](#no'.length)), /No heading has the id `nope`/);
    });

    test('nothing on plain text', async () => {
      assert.strictEqual(await client.hover('_posts/2020-01-01-first.md', 9, 2), null);
    });
  });

  suite('definition', () => {
    test('an author goes to its entry in the data file', async () => {
      const [location] = await client.definition('_posts/2020-01-01-first.md', 3, 'author: j'.length);
      assert.strictEqual(location?.uri, client.uri('_data/authors.yml'));
      assert.deepStrictEqual(location.range.start, { line: 0, character: 0 });
      const words = '_posts/2020-07-01-words.md';
      await client.open(words, readFileSync(path.join(root, words), 'utf8'));
      const [john] = await client.definition(words, 3, 'authors: [jo'.length);
      assert.deepStrictEqual(john?.range.start, { line: 3, character: 0 });
    });

    test('a layout goes to its file', async () => {
      const [location] = await client.definition('_posts/2020-01-01-first.md', 1, 'layout: p'.length);
      assert.strictEqual(location?.uri, client.uri('_layouts/post.html'));
    });

    test('post_url, link and root-relative URLs go to the target file', async () => {
      const links = '_posts/2020-08-01-links.md';
      assert.strictEqual((await client.definition(links, 6, 'See [the first post]({% post_url 20'.length))[0]?.uri, client.uri('_posts/2020-01-01-first.md'));
      assert.strictEqual((await client.definition(links, 6, 'See [the first post]({% post_url 2020-01-01-first %}) and [about]({% link ab'.length))[0]?.uri, client.uri('about.md'));
      assert.strictEqual((await client.definition(links, 8, '![logo](/assets/im'.length))[0]?.uri, client.uri('assets/img/logo.png'));
      assert.deepStrictEqual(await client.definition(links, 8, '![logo](/assets/img/logo.png) and [gone]({% post_url 2099'.length), []);
      const [heading] = await client.definition(links, 10, 'More in [hello](/20'.length);
      assert.strictEqual(heading?.uri, client.uri('_posts/2020-01-01-first.md'));
      assert.strictEqual(heading.range.start.line, 7, 'the heading of the fragment');
      const [own] = await client.definition(links, 14, 'Back [up](#ow'.length);
      assert.deepStrictEqual([own?.uri, own?.range.start.line], [client.uri(links), 12], 'a fragment of the document itself');
    });
  });

  suite('references and rename', () => {
    test('references of a tag: every post that writes it, in every form', async () => {
      const references = await client.references('_posts/2020-01-01-first.md', 4, 'tags: [j'.length);
      assert.deepStrictEqual(
        references.map((r) => [path.basename(r.uri), r.range.start.line, r.range.start.character, r.range.end.character]),
        [
          ['2020-01-01-first.md', 4, 7, 10],
          ['2020-02-01-second.md', 4, 7, 10],
          ['2020-06-01-block.md', 5, 5, 8],
          ['2020-07-01-words.md', 4, 6, 9],
        ],
      );
    });

    test('references of an author include its data entry when asked', async () => {
      const references = await client.references('_posts/2020-01-01-first.md', 3, 'author: j'.length, true);
      assert.deepStrictEqual(references.map((r) => path.basename(r.uri)), ['authors.yml', '2020-01-01-first.md', '2020-02-01-second.md', '2020-06-01-block.md', '2020-07-01-words.md']);
    });

    test('prepareRename names the tag under the cursor, and nothing on other keys', async () => {
      assert.deepStrictEqual(await client.prepareRename('_posts/2020-01-01-first.md', 4, 'tags: [j'.length), {
        range: { start: { line: 4, character: 7 }, end: { line: 4, character: 10 } },
        placeholder: 'jvm',
      });
      assert.strictEqual(await client.prepareRename('_posts/2020-01-01-first.md', 2, 'title: F'.length), null);
    });

    test('renaming a tag edits only its characters in every post, byte for byte', async () => {
      const edit = await client.rename('_posts/2020-01-01-first.md', 4, 'tags: [j'.length, 'JVM');
      const changes = edit?.changes ?? {};
      assert.deepStrictEqual(Object.keys(changes).map((u) => path.basename(u)).sort(), ['2020-01-01-first.md', '2020-02-01-second.md', '2020-06-01-block.md', '2020-07-01-words.md']);
      const applied = (relative: string) => applyEdits(readFileSync(path.join(root, relative), 'utf8'), changes[client.uri(relative)]!);
      assert.strictEqual(applied('_posts/2020-06-01-block.md'), '---\r\nlayout: post\r\ntitle: Block lists\r\nauthor: jane.doe\r\ntags:\r\n  - "JVM"\r\n  - kafka\r\n---\r\n\r\nText.\r\n');
      assert.strictEqual(applied('_posts/2020-07-01-words.md'), "---\nlayout: post\ntitle: 'Words'\nauthors: [john.smith, 'jane.doe']\ntags: JVM big-data\ncategory: backend\n---\n\nText.\n");
      assert.strictEqual(applied('_posts/2020-01-01-first.md'), '---\nlayout: post\ntitle: First\nauthor: jane.doe\ntags: [JVM, kotlin]\n---\n\n# Hello\n\nBody.\n');
    });

    test('a name that would break a string of tags is refused with a reason', async () => {
      await assert.rejects(client.rename('_posts/2020-01-01-first.md', 4, 'tags: [j'.length, 'the jvm'), /cannot contain a space/);
    });

    test('renaming an author changes its posts and its data entry', async () => {
      const edit = await client.rename('_posts/2020-01-01-first.md', 3, 'author: j'.length, 'jane.kowalska');
      const changes = edit?.changes ?? {};
      assert.deepStrictEqual(applyEdits(readFileSync(path.join(root, '_data/authors.yml'), 'utf8'), changes[client.uri('_data/authors.yml')]!).split('\n')[0], 'jane.kowalska:');
      assert.strictEqual(
        applyEdits(readFileSync(path.join(root, '_posts/2020-07-01-words.md'), 'utf8'), changes[client.uri('_posts/2020-07-01-words.md')]!).split('\n')[3],
        "authors: [john.smith, 'jane.kowalska']",
      );
    });
  });

  test('nothing in a fenced or indented code block or a code span is a link: no document link, hover or definition', async () => {
    // In a folder Jekyll ignores, so the blog's counts stay as the other tests expect.
    const relative = '_scratch/code.md';
    const lines = [
      '---',
      'title: Code',
      '---',
      '',
      '```',
      '[fenced]({% post_url 2020-01-01-first %}) [f](/2020/01/first.html#hello) <a href="/about.html">a</a>',
      '```',
      '',
      '    [indented]({% link about.md %}) [i](/2020/01/first.html) [own](#real)',
      '',
      'Inline `{% post_url 2020-01-01-first %}` and `[span](/about.html)` and `[x](#real)`.',
      '',
      '## Real',
      '',
      'Outside code: [first]({% post_url 2020-01-01-first %}).',
      '',
    ];
    await client.open(relative, lines.join('\n'));
    const links = await client.documentLinks(relative);
    assert.deepStrictEqual(links.map((l) => l.range.start.line), [14], 'only the link outside code');
    // Every character of the lines with code: no hover, no definition.
    for (const line of [5, 8, 10]) {
      for (let character = 0; character < lines[line]!.length; character += 3) {
        assert.strictEqual(await client.hover(relative, line, character), null, `hover at ${line}:${character}`);
        assert.deepStrictEqual(await client.definition(relative, line, character), [], `definition at ${line}:${character}`);
      }
    }
    // The same link outside code is one: the test would pass on a server that offers nothing.
    assert.match(markdown(await client.hover(relative, 14, 'Outside code: [first]({% post_url 20'.length)), /\*\*First\*\*/);
    assert.strictEqual((await client.definition(relative, 14, 'Outside code: [first]({% post_url 20'.length))[0]?.uri, client.uri('_posts/2020-01-01-first.md'));
  });

  test('document links: post_url, link tags and root-relative URLs that resolve', async () => {
    await client.open('_posts/2020-08-01-links.md', readFileSync(path.join(root, '_posts/2020-08-01-links.md'), 'utf8'));
    const links = await client.documentLinks('_posts/2020-08-01-links.md');
    assert.strictEqual(new URL(links[3]!.target!).hash, '#L8', 'the link to a header id opens at its heading');
    assert.strictEqual(new URL(links[4]!.target!).hash, '#L13', 'a fragment of the document itself');
    assert.deepStrictEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, path.relative(root, decodeURIComponent(new URL(l.target!).pathname))]),
      [
        [6, 33, '_posts/2020-01-01-first.md'],
        [6, 74, 'about.md'],
        [8, 8, 'assets/img/logo.png'],
        [10, 16, '_posts/2020-01-01-first.md'],
        [14, 10, '_posts/2020-08-01-links.md'],
      ],
    );
  });

  test('the New Post requests: authors by activity, and the blog\'s usual front matter', async () => {
    const authors = await client.connection.sendRequest('blogwright/listAuthors', {});
    assert.deepStrictEqual(authors, [
      { id: 'jane.doe', name: 'Jane Doe', posts: 4 },
      { id: 'john.smith', name: 'John Smith', posts: 3 },
    ]);
    const post = (await client.connection.sendRequest('blogwright/newPost', { title: 'Zażółć: gęślą jaźń', author: 'john.smith', date: '2024-07-02' })) as { uri: string; text: string };
    assert.strictEqual(post.uri, client.uri('_posts/2024-07-02-zazolc-gesla-jazn.md'));
    assert.strictEqual(post.text, '---\nlayout: post\ntitle: "Zażółć: gęślą jaźń"\nauthor: john.smith\ntags: []\n---\n\n');
  });
});

/** Applies non-overlapping edits to a text, as an editor would. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  const offset = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
