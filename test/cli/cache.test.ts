import * as assert from 'node:assert';
import { mkdtempSync, readdirSync, renameSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exampleBlog, writeBlog } from '../util/blogs';
import { runCli } from '../util/cli';

/** `blogwright check --cache`: the same report as a check without it, after any change made between runs. */
suite('blogwright check --cache', function () {
  this.timeout(60_000);

  const files = exampleBlog({
    '_posts/2020-04-01-links.md': '---\nlayout: post\ntitle: Links\nauthor: jane.doe\n---\n\n[first]({% post_url 2020-01-01-first %}#hello) [third]({% post_url 2020-03-01-third %}) [second](/2020/02/second.html)\n',
    '_posts/2020-05-01-typo.md': '---\nlayout: post\ntitel: Typo\nauthor: nobody\n---\n\n[gone](/nope.html)\n',
  });

  const check = async (root: string, ...flags: string[]) => {
    const run = await runCli(['check', root, '--format', 'json', ...flags]);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return { report: run.stdout, stderr: run.stderr };
  };

  test('reports what a check without the store reports, after files changed, were added, deleted or renamed', async () => {
    const root = writeBlog(files);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of Object.keys(files)) {
      utimesSync(path.join(root, name), anHourAgo, anHourAgo);
    }
    const cache = mkdtempSync(path.join(tmpdir(), 'blogwright-cli-cache-'));
    const first = await check(root, '--cache-location', cache);
    assert.strictEqual(first.report, (await check(root)).report);
    assert.strictEqual(readdirSync(cache).filter((name) => name.endsWith('.index')).length, 1);
    assert.strictEqual((await check(root, '--cache-location', cache)).report, first.report, 'nothing changed');
    writeFileSync(path.join(root, '_posts/2020-01-01-first.md'), '---\nlayout: post\ntitle: First\nauthor: jane.doe\n---\n\n# Hi\n');
    writeFileSync(path.join(root, '_posts/2020-06-01-new.md'), '---\nlayout: post\ntitle: New\nauthor: john.smith\n---\n\n[x]({% post_url 2019-01-01-never %})\n');
    unlinkSync(path.join(root, '_posts/2020-03-01-third.md'));
    renameSync(path.join(root, '_posts/2020-02-01-second.md'), path.join(root, '_posts/2020-02-01-renamed.md'));
    const cached = await check(root, '--cache-location', cache);
    const reference = await check(root);
    assert.strictEqual(cached.report, reference.report);
    assert.match(cached.report, /2019-01-01-never/);
    assert.match(cached.report, /hello/);
    // A damaged store is said once and rebuilt.
    const store = path.join(cache, readdirSync(cache).find((name) => name.endsWith('.index'))!);
    writeFileSync(store, 'garbage');
    const rebuilt = await check(root, '--cache-location', cache);
    assert.strictEqual(rebuilt.report, reference.report);
    assert.match(rebuilt.stderr, /not a Blogwright index/);
    assert.strictEqual((await check(root, '--cache-location', cache)).stderr, '');
  });

  test('--cache keeps the store in $XDG_CACHE_HOME/blogwright', async () => {
    const root = writeBlog(files);
    const home = mkdtempSync(path.join(tmpdir(), 'blogwright-xdg-'));
    const run = await runCli(['check', root, '--format', 'json', '--cache'], { env: { XDG_CACHE_HOME: home } });
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(readdirSync(path.join(home, 'blogwright')).filter((name) => name.endsWith('.index')).length, 1);
  });
});
