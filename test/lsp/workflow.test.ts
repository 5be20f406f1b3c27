import * as assert from 'node:assert';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RenameFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { overviewRequest, placeImagesRequest, postStatsRequest, publishDraftRequest, siteChangedNotification, unpublishPostRequest } from '../../server/src/protocol';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

const post = (title: string, body: string, extra = '') => `---\nlayout: post\ntitle: ${title}\nauthor: jane.doe\n${extra}---\n${body}`;

suite('the writing workflow over stdio', () => {
  let client: LspTestClient;
  let root: string;

  suiteSetup(async () => {
    root = writeBlog(
      exampleBlog({
        '_config.yml': 'url: https://blog.example.com\nbaseurl: /blog\npermalink: /:year/:month/:title.html\n',
        '_posts/2020-01-01-first.md': post('First', '![a]({{ site.baseurl }}/assets/img/articles/2020-01-01-first/a.png)\n'),
        '_posts/2020-02-01-second.md': post('Second', '![b]({{ site.baseurl }}/assets/img/articles/2020-02-01-second/b.png)\n\nSee {% link _drafts/idea.md %}.\n'),
        '_drafts/idea.md': post('Idea', 'word '.repeat(410), 'date: 2020-03-03 08:00:00 +0100\n'),
      }),
    );
    client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } });
    await client.indexed();
  });

  suiteTeardown(() => client.stop());

  test('images go where the blog puts them, written its way, never over a file on disk', async () => {
    mkdirSync(path.join(root, 'assets/img/articles/2020-02-01-second'), { recursive: true });
    writeFileSync(path.join(root, 'assets/img/articles/2020-02-01-second/image.png'), 'taken');
    const placed = await client.connection.sendRequest(placeImagesRequest, {
      uri: client.uri('_posts/2020-02-01-second.md'),
      date: '2024-05-06',
      images: [{ fileName: 'image.png', alt: undefined }, { fileName: 'Flame Graph.PNG', alt: undefined }],
      folder: undefined,
    });
    assert.deepStrictEqual(
      placed?.map((p) => [p.uri.slice(client.uri('').length).replace(/^\//, ''), p.markdown]),
      [
        ['assets/img/articles/2020-02-01-second/image-1.png', '![image]({{ site.baseurl }}/assets/img/articles/2020-02-01-second/image-1.png)'],
        ['assets/img/articles/2020-02-01-second/flame-graph.png', '![flame graph]({{ site.baseurl }}/assets/img/articles/2020-02-01-second/flame-graph.png)'],
      ],
    );
    assert.strictEqual(await client.connection.sendRequest(placeImagesRequest, { uri: 'untitled:Untitled-1', date: '2024-05-06', images: [], folder: undefined }), null);
  });

  test('publishing a draft is one edit: its date, the move, the links to it; a post cannot be published', async () => {
    const result = await client.connection.sendRequest(publishDraftRequest, { uri: client.uri('_drafts/idea.md'), date: '2024-05-06' });
    assert.ok(!('error' in result), JSON.stringify(result));
    const [own, move, link] = result.edit.documentChanges as [TextDocumentEdit, RenameFile, TextDocumentEdit];
    assert.deepStrictEqual([own.textDocument.uri, own.edits.map((e) => ('newText' in e ? e.newText : e))], [client.uri('_drafts/idea.md'), ['2024-05-06']]);
    assert.deepStrictEqual([move.kind, move.oldUri, move.newUri], ['rename', client.uri('_drafts/idea.md'), client.uri('_posts/2024-05-06-idea.md')]);
    assert.deepStrictEqual([link.textDocument.uri, link.edits.map((e) => ('newText' in e ? e.newText : e))], [client.uri('_posts/2020-02-01-second.md'), ['_posts/2024-05-06-idea.md']]);
    const refused = await client.connection.sendRequest(publishDraftRequest, { uri: client.uri('_posts/2020-01-01-first.md'), date: '2024-05-06' });
    assert.ok('error' in refused);
    const back = await client.connection.sendRequest(unpublishPostRequest, { uri: client.uri('_posts/2020-01-01-first.md') });
    assert.ok(!('error' in back) && back.newUri === client.uri('_drafts/first.md'));
  });

  test('the overview follows files as they appear on disk', async () => {
    const changed = new Promise<void>((resolve) => client.connection.onNotification(siteChangedNotification, () => resolve()));
    writeFileSync(path.join(root, '_posts/2021-02-03-brand-new.md'), post('Brand new', 'Hello.\n', 'tags: [fresh]\n'));
    await client.filesChanged([{ relative: '_posts/2021-02-03-brand-new.md', type: 1 }]);
    await client.settled();
    await changed;
    const years = await client.connection.sendRequest(overviewRequest, { parent: 'years', filter: '' });
    assert.deepStrictEqual(years.map((n) => [n.label, n.count]), [['2021', 1], ['2020', 3]]);
    const fresh = await client.connection.sendRequest(overviewRequest, { parent: 'tag:fresh', filter: '' });
    assert.deepStrictEqual(fresh.map((n) => [n.label, n.uri]), [['Brand new', client.uri('_posts/2021-02-03-brand-new.md')]]);
    assert.deepStrictEqual((await client.connection.sendRequest(overviewRequest, { parent: 'drafts', filter: 'idea' })).map((n) => n.label), ['Idea']);
  });

  test('words, reading time and the URL with baseurl and url', async () => {
    assert.deepStrictEqual(await client.connection.sendRequest(postStatsRequest, { uri: client.uri('_posts/2020-01-01-first.md') }), {
      words: 0,
      minutes: 0,
      wordsPerMinute: 200,
      url: '/blog/2020/01/first.html',
      absoluteUrl: 'https://blog.example.com/blog/2020/01/first.html',
    });
    const draft = await client.connection.sendRequest(postStatsRequest, { uri: client.uri('_drafts/idea.md') });
    assert.deepStrictEqual([draft?.words, draft?.minutes, draft?.url], [410, 2, undefined]);
    assert.ok(existsSync(path.join(root, '_drafts/idea.md')), 'requests never write: the editor applies the edits');
  });
});
