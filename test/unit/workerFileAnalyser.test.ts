import * as assert from 'node:assert';
import * as path from 'node:path';
import { timePacing } from '../../server/src/core/cancellation';
import type { AnalysedPath } from '../../server/src/core/site/fileAnalyser';
import { IndexReader, WorkerFileAnalyser } from '../../server/src/workerFileAnalyser';
import { writeBlog } from '../util/blogs';
import { generateBlog } from '../util/generateBlog';

suite('a build read on two threads', function () {
  // Two threads reading 500 posts: a loaded machine can take seconds.
  this.timeout(20_000);
  const root = writeBlog({ ...generateBlog({ posts: 500 }), '_posts/2020-01-01-gone.md': '---\ntitle: Gone\n---\n' });
  const paths = [...Object.keys(generateBlog({ posts: 500 })).filter((p) => p.endsWith('.md')).sort(), '_posts/2020-01-01-gone.md', '_posts/2099-01-01-never-there.md'];
  const open = new Set([paths[5]!, paths[200]!]);
  const reader = new IndexReader(root, { config: undefined, gemfile: undefined });
  // What one thread makes of each path, read directly.
  const expected = paths.map((p) => withoutStamp({ path: p, analysed: open.has(p) ? undefined : reader.analyse(p) }));

  async function analyse(analyser: WorkerFileAnalyser): Promise<AnalysedPath[]> {
    const given: AnalysedPath[] = [];
    for await (const item of analyser.analyse(paths, { configTexts: { config: undefined, gemfile: undefined }, token: { isCancellationRequested: false }, pacing: timePacing(1), linkKeys: true })) {
      given.push(withoutStamp(item));
    }
    return given;
  }

  test('every path once, in order, with the record one thread makes; open buffers left to the index', async () => {
    const given = await analyse(new WorkerFileAnalyser(root, (p) => open.has(p)));
    assert.deepStrictEqual(given.map((item) => item.path), paths);
    assert.deepStrictEqual(given, expected);
  });

  test('a worker that cannot start leaves every file to the server thread, with the same records', async () => {
    const given = await analyse(new WorkerFileAnalyser(root, (p) => open.has(p), path.join(root, 'no-such-worker.js')));
    assert.deepStrictEqual(given, expected);
  });

  test('a small blog is left to the index: no thread is started for it', async () => {
    const given = [];
    for await (const item of new WorkerFileAnalyser(root, () => false).analyse(paths.slice(0, 50), { configTexts: { config: undefined, gemfile: undefined }, token: { isCancellationRequested: false }, pacing: timePacing(1), linkKeys: true })) {
      given.push(item);
    }
    assert.deepStrictEqual(given, []);
  });

  test('a cancelled build stops giving records', async () => {
    const token = { isCancellationRequested: false };
    let given = 0;
    for await (const item of new WorkerFileAnalyser(root, () => false).analyse(paths, { configTexts: { config: undefined, gemfile: undefined }, token, pacing: timePacing(1), linkKeys: true })) {
      assert.ok(item.path);
      if (++given === 10) {
        token.isCancellationRequested = true;
      }
    }
    assert.ok(given < paths.length, `${given} of ${paths.length} given after the cancellation`);
  });
});

/** A file written less than 2 s before it is read has no stamp (fileSystemWorkspace.ts): the two reads may differ. */
function withoutStamp(item: AnalysedPath): AnalysedPath {
  return item.analysed ? { ...item, analysed: { ...item.analysed, stamp: undefined } } : item;
}
