import * as assert from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from '../util/lspClient';
import { exampleBlog, writeBlog } from '../util/blogs';

/**
 * The persisted index (issue 21), through the real server over stdio: a start from the store shows exactly what a
 * start without it shows, after any change made while no server ran, and a store that does not match is ignored.
 */

const SETTINGS = { diagnostics: { debounce: 0 } };
const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);

/** A blog with findings of every kind a change elsewhere can alter: fragments, post_url, URLs, tags, keys, authors. */
function findingsBlog(): Record<string, string> {
  return exampleBlog({
    '_posts/2020-04-01-links.md':
      '---\nlayout: post\ntitle: Links\nauthor: jane.doe\ntags: [jvm]\n---\n\n' +
      '[first]({% post_url 2020-01-01-first %}#hello) [third]({% post_url 2020-03-01-third %}) [missing](/nope.html) [about](/about.html)\n\n' +
      '[second](/2020/02/second.html) [second again](/2020/02/second.html#text)\n',
    '_posts/2020-05-01-typo.md': '---\nlayout: post\ntitel: Typo\nauthor: nobody\ntags: [Kotlin]\n---\n\n## Text\n\n[second](/2020/02/second.html#gone)\n',
    '_posts/2020-06-01-broken.md': '---\nlayout: post\ntitle: [broken\n---\n\nBody.\n',
  });
}

/** Writes the blog with its files dated an hour back: a file changed just before it is read is read again next time. */
function writeOldBlog(files: Record<string, string>): string {
  const root = writeBlog(files);
  for (const name of Object.keys(files)) {
    utimesSync(path.join(root, name), AN_HOUR_AGO, AN_HOUR_AGO);
  }
  return root;
}

interface Started {
  readonly diagnostics: Map<string, string>;
  readonly logs: readonly string[];
  readonly reads: readonly string[];
}

/**
 * Starts the server on `root` with its store in `cache`, waits for every diagnostic and for the store to be
 * written, and stops it: what it showed (files with findings only, as JSON), what it logged and which files of
 * the blog it read.
 */
async function start(root: string, cache: string): Promise<Started> {
  const readsFile = path.join(mkdtempSync(path.join(tmpdir(), 'blogwright-reads-')), 'reads.json');
  const client = await LspTestClient.start(root, SETTINGS, ['-r', path.join(__dirname, '../util/readCounter.js')], {
    env: { XDG_CACHE_HOME: cache, BLOGWRIGHT_COUNT_READS_UNDER: root, BLOGWRIGHT_COUNT_READS_FILE: readsFile },
  });
  try {
    await client.indexed();
    await client.settled({ store: true });
    const diagnostics = new Map<string, string>();
    for (const [uri, shown] of client.diagnostics) {
      if (shown.length > 0) {
        diagnostics.set(path.relative(root, new URL(uri).pathname), JSON.stringify(shown.map(({ range, severity, code, message, data }) => ({ range, severity, code, message, data }))));
      }
    }
    return { diagnostics, logs: [...client.logs], get reads() { return JSON.parse(readFileSync(readsFile, 'utf8')) as string[]; } };
  } finally {
    await client.stop();
  }
}

/** A start without a store, the reference every start from the store must equal. */
function cold(root: string): Promise<Started> {
  return start(root, mkdtempSync(path.join(tmpdir(), 'blogwright-cold-cache-')));
}

function storeFile(cache: string): string {
  const folder = path.join(cache, 'blogwright');
  const files = readdirSync(folder).filter((name) => name.endsWith('.index'));
  assert.strictEqual(files.length, 1, `one store in ${folder}: ${files.join(', ')}`);
  return path.join(folder, files[0]!);
}

function assertSame(actual: Started, expected: Started): void {
  assert.deepStrictEqual(Object.fromEntries([...actual.diagnostics].sort()), Object.fromEntries([...expected.diagnostics].sort()));
}

const notUsed = (started: Started) => started.logs.filter((line) => /stored index .* is not used/.test(line));

suite('the persisted index', function () {
  this.timeout(60_000);

  test('a start with nothing changed reads no document and shows what a start without the store shows', async () => {
    const root = writeOldBlog(findingsBlog());
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cache-'));
    const first = await start(root, cache);
    assert.ok(first.diagnostics.size >= 3, [...first.diagnostics.keys()].join(', '));
    assert.ok(first.reads.includes('_posts/2020-01-01-first.md'));
    const warm = await start(root, cache);
    assert.deepStrictEqual(notUsed(warm), []);
    assertSame(warm, first);
    // The configuration and the author data are read; no post or page is.
    assert.deepStrictEqual(warm.reads.filter((file) => /\.(md|html)$/.test(file)), []);
  });

  test('a file changed, added, deleted or renamed while no server ran is seen on the next start', async () => {
    const root = writeOldBlog(findingsBlog());
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cache-'));
    await start(root, cache);
    // Changed: the heading others link to. Added: a post with a broken post_url and a new tag. Deleted: a post
    // linked with post_url. Renamed: a post linked by URL (its URL changes with its name).
    writeFileSync(path.join(root, '_posts/2020-01-01-first.md'), '---\nlayout: post\ntitle: First\nauthor: jane.doe\ntags: [jvm, kotlin]\n---\n\n# Hi\n\nBody.\n');
    writeFileSync(path.join(root, '_posts/2020-07-01-new.md'), '---\nlayout: post\ntitle: New\nauthor: john.smith\ntags: [kotlln]\n---\n\n[gone]({% post_url 2019-01-01-never %})\n');
    unlinkSync(path.join(root, '_posts/2020-03-01-third.md'));
    renameSync(path.join(root, '_posts/2020-02-01-second.md'), path.join(root, '_posts/2020-02-01-renamed.md'));
    const warm = await start(root, cache);
    assert.deepStrictEqual(notUsed(warm), []);
    const reference = await cold(root);
    assertSame(warm, reference);
    const links = warm.diagnostics.get('_posts/2020-04-01-links.md') ?? '';
    assert.match(links, /hello/, 'the changed heading breaks the fragment');
    assert.match(links, /2020-03-01-third/, 'the deleted post breaks the post_url');
    assert.match(links, /second\.html/, 'the renamed post breaks the URL');
    assert.match(warm.diagnostics.get('_posts/2020-07-01-new.md') ?? '', /2019-01-01-never/, 'the added post is checked');
    // What changed and what links there was read again; the rest was not.
    const read = new Set(warm.reads);
    assert.ok(read.has('_posts/2020-07-01-new.md') && read.has('_posts/2020-04-01-links.md'), warm.reads.join(', '));
    assert.ok(!read.has('_posts/2020-06-01-broken.md') && !read.has('about.md'), warm.reads.join(', '));
  });

  test("another site's store unused for 60 days and a crash's temporary file are removed; a recent store is kept", async () => {
    const root = writeOldBlog(findingsBlog());
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cache-'));
    await start(root, cache);
    const own = storeFile(cache);
    const folder = path.dirname(own);
    const old = path.join(folder, `${'a'.repeat(24)}.index`);
    const recent = path.join(folder, `${'b'.repeat(24)}.index`);
    const crashed = path.join(folder, `${'c'.repeat(24)}.index.123-0123abcd.tmp`);
    const unrelated = path.join(folder, 'notes.txt');
    for (const file of [old, recent, crashed, unrelated]) {
      writeFileSync(file, 'x');
    }
    const longAgo = new Date(Date.now() - 61 * 86_400_000);
    for (const file of [old, crashed, unrelated]) {
      utimesSync(file, longAgo, longAgo);
    }
    // A change makes the next start write the store (and prune).
    writeFileSync(path.join(root, '_posts/2020-07-01-new.md'), '---\nlayout: post\ntitle: New\nauthor: jane.doe\n---\n\nBody.\n');
    await start(root, cache);
    assert.deepStrictEqual(readdirSync(folder).sort(), [path.basename(own), path.basename(recent), 'notes.txt'].sort());
  });

  test('author data changed while no server ran is read again, and every document checked against it', async () => {
    const root = writeOldBlog(findingsBlog());
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cache-'));
    await start(root, cache);
    // John Smith's id changes: the third post's author is unknown now.
    writeFileSync(path.join(root, '_data/authors.yml'), 'jane.doe:\n  name: Jane Doe\njohn.smyth:\n  name: John Smith\n');
    const warm = await start(root, cache);
    assert.deepStrictEqual(notUsed(warm), []);
    assert.match(warm.diagnostics.get('_posts/2020-03-01-third.md') ?? '', /john\.smith/);
    assertSame(warm, await cold(root));
  });

  test('a store from another version, another configuration, truncated or garbage is ignored and rebuilt', async () => {
    const root = writeOldBlog(findingsBlog());
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cache-'));
    const reference = await start(root, cache);
    const file = storeFile(cache);
    const whole = readFileSync(file);
    const headerEnd = whole.indexOf(10, whole.indexOf(10) + 1);
    const header = JSON.parse(whole.subarray(whole.indexOf(10) + 1, headerEnd).toString()) as Record<string, unknown>;
    const damaged: [string, Buffer, RegExp][] = [
      ['another version', Buffer.concat([Buffer.from(`blogwright-index\n${JSON.stringify({ ...header, build: 'another' })}`), whole.subarray(headerEnd)]), /another version/],
      ['truncated', whole.subarray(0, Math.floor(whole.length / 2)), /truncated or damaged/],
      ['a flipped byte', Buffer.concat([whole.subarray(0, whole.length - 10), Buffer.from([whole[whole.length - 10]! ^ 0xff]), whole.subarray(whole.length - 9)]), /truncated or damaged/],
      ['garbage', Buffer.from('\u0000\u00ff garbage '.repeat(1000)), /not a Blogwright index/],
      ['empty', Buffer.alloc(0), /not a Blogwright index/],
    ];
    for (const [what, bytes, log] of damaged) {
      writeFileSync(file, bytes);
      const started = await start(root, cache);
      assert.strictEqual(notUsed(started).length, 1, `${what}: ${started.logs.join('\n')}`);
      assert.match(notUsed(started)[0]!, log, what);
      assertSame(started, reference);
      assert.ok(started.reads.includes('_posts/2020-01-01-first.md'), `${what}: the blog is read again`);
      // Rebuilt: the next start uses it.
      assert.deepStrictEqual(notUsed(await start(root, cache)), [], `${what}: rebuilt`);
    }
    // Another configuration: a permalink style moves every post (and breaks the links written for the old one).
    writeFileSync(path.join(root, '_config.yml'), 'title: Test blog\npermalink: /:title/\n');
    const reconfigured = await start(root, cache);
    assert.match(notUsed(reconfigured)[0] ?? '', /configuration or settings changed/);
    assertSame(reconfigured, await cold(root));
  });

  test('two servers on the same blog at once leave a store the next start uses', async () => {
    const root = writeOldBlog(findingsBlog());
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cache-'));
    const [one, two] = await Promise.all([start(root, cache), start(root, cache)]);
    assertSame(one, two);
    const third = await start(root, cache);
    assert.deepStrictEqual(notUsed(third), []);
    assert.deepStrictEqual(third.reads.filter((file) => /\.md$/.test(file)), []);
    assertSame(third, one);
    // No temporary file is left behind.
    assert.deepStrictEqual(readdirSync(path.join(cache, 'blogwright')).filter((name) => !name.endsWith('.index')), []);
    rmSync(cache, { recursive: true, force: true });
  });
});
