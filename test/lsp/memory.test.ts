import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';

const EDITS = 2000;
/** Old-space limit of the server under test: far below the total of all the distinct texts the edits send. */
const HEAP_LIMIT_MB = 48;
const BODY = 'A paragraph of a long post, with [a link](/about.html) and `code`.\n\n'.repeat(1200);

/** The resident memory of a process, from /proc (Linux) or `ps` elsewhere. */
function residentMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

/**
 * Memory stays flat: thousands of edits, each a distinct text with a new title, permalink, tag and author, through
 * the real server. With its heap capped far below what the texts add up to, a cache that kept more than about
 * 10 KB per edit (texts, parse results) would end the process; the tag counts must hold only the latest version.
 */
suite('memory stays flat over thousands of edits', () => {
  const post = '_posts/2020-06-01-edited.md';
  const textOf = (i: number) => `---\nlayout: post\ntitle: Version ${i}\nauthor: jane.doe\npermalink: /edited/${i}/\ntags: [edit-${i}]\n---\n${BODY}Edit ${i}.\n`;
  let client: LspTestClient;

  suiteSetup(async () => {
    client = await LspTestClient.start(writeBlog(exampleBlog({ [post]: textOf(0) })), { diagnostics: { debounce: 0 } }, [`--max-old-space-size=${HEAP_LIMIT_MB}`]);
    await client.indexed();
  });

  suiteTeardown(async () => {
    if (client.process.exitCode === null && client.process.signalCode === null) {
      await client.stop();
    }
  });

  test(`${EDITS} edits of a ${Math.round(textOf(0).length / 1024)} KB post: the server survives a ${HEAP_LIMIT_MB} MB heap and its memory stays flat`, async function () {
    this.timeout(300_000);
    let exited = false;
    const died = new Promise<never>((_resolve, reject) =>
      client.process.once('exit', () => {
        exited = true;
        reject(new Error('the server died (out of memory?)'));
      }),
    );
    died.catch(() => undefined);
    const pid = client.process.pid!;
    const lastVersion = (target: number) =>
      new Promise<void>((resolve) => {
        const stop = client.onPublish(({ uri, version }) => {
          if (uri === client.uri(post) && version === target) {
            stop();
            resolve();
          }
        });
      });
    await client.open(post, textOf(0));
    // Ten edits at a time, as fast typing sends them: a flood of thousands would measure the message queue instead.
    const edit = async (from: number, to: number) => {
      for (let batch = from; batch <= to; batch += 10) {
        const last = Math.min(batch + 9, to);
        const done = lastVersion(last);
        for (let i = batch; i <= last; i++) {
          await client.change(post, i, textOf(i));
        }
        await Promise.race([done, died]);
      }
    };
    await edit(1, 200);
    const before = residentMb(pid);
    await edit(201, EDITS);
    const after = residentMb(pid);
    assert.ok(!exited, 'the server died');
    const totalMb = (EDITS * textOf(0).length * 2) / 1024 / 1024;
    console.log(`      RSS ${before.toFixed(0)} MB after 200 edits, ${after.toFixed(0)} MB after ${EDITS} (${totalMb.toFixed(0)} MB of distinct text sent)`);
    // RSS moves with the garbage collector's mood; the heap cap above is the sharp test, this only catches the gross.
    assert.ok(after - before < HEAP_LIMIT_MB, `RSS grew by ${(after - before).toFixed(0)} MB`);

    // Only the latest version is known: its URL and tag, none of the earlier ones.
    const probe = '_posts/2020-07-01-probe.md';
    await client.open(probe, '---\ntags: [\n---\n');
    const tags = (await client.complete(probe, 1, 'tags: ['.length)).map((i) => i.label);
    assert.ok(tags.includes(`edit-${EDITS}`), JSON.stringify(tags));
    assert.ok(!tags.some((t) => /^edit-\d+$/.test(t) && t !== `edit-${EDITS}`), `stale tags: ${tags.filter((t) => t.startsWith('edit-')).slice(0, 5).join(', ')}`);
  });
});
