import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';
import { serverNodeFlags } from '../../server/src/serverProcess';
import { summarize, type Summary } from './stats';
import { SYSTEM_TMPDIR } from '../util/scratchRoot';

export interface NoSiteFigures {
  readonly files: number;
  readonly startup: Summary;
  /** The server's own part: from its discovery's start to saying it is done (`blogwright/indexed`'s milliseconds). */
  readonly discovery: Summary;
  /** Files under the workspace the server opened or read, over all runs: should be none. */
  readonly reads: number;
}

/**
 * A workspace of `files` files with no Jekyll site (a Hugo blog beside a Node project, with a `node_modules`),
 * made once in the temp folder and reused.
 */
export function noSiteWorkspace(files: number): string {
  const cache = process.env['BLOGWRIGHT_BENCH_CACHE'] ?? path.join(SYSTEM_TMPDIR, 'blogwright-bench');
  const root = path.join(cache, `no-site-${files}`);
  if (!existsSync(root)) {
    const partial = `${root}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    const tree: Record<string, string> = { 'config.toml': 'title = "A Hugo blog"\n', 'package.json': '{}\n', 'README.md': '# Not a Jekyll site\n' };
    for (let i = 0; Object.keys(tree).length < files; i++) {
      const kind = i % 4;
      const name =
        kind === 0 ? `content/posts/${i % 50}/post-${i}.md` : kind === 1 ? `static/images/${i % 40}/image-${i}.png` : kind === 2 ? `node_modules/pkg-${i % 300}/lib/file-${i}.js` : `src/module-${i % 60}/part-${i}.ts`;
      tree[name] = kind === 0 ? `---\ntitle: Post ${i}\n---\nBody\n` : '';
    }
    writeBlog(tree, partial);
    renameSync(partial, root);
  }
  return root;
}

/** The server started on a workspace with no site: the time until it says it is done, and what it read. */
export async function benchNoSite(files: number, runs: number, log: (line: string) => void): Promise<NoSiteFigures> {
  const root = noSiteWorkspace(files);
  const times: number[] = [];
  const discovery: number[] = [];
  let reads = 0;
  const scratch = mkdtempSync(path.join(tmpdir(), 'blogwright-reads-'));
  for (let run = 0; run < runs; run++) {
    const readsFile = path.join(scratch, `reads-${run}.json`);
    const started = performance.now();
    const client = await LspTestClient.start(root, { diagnostics: { debounce: 0 } }, [...serverNodeFlags(), '-r', path.join(__dirname, '../util/readCounter.js')], {
      env: { BLOGWRIGHT_COUNT_READS_UNDER: root, BLOGWRIGHT_COUNT_READS_FILE: readsFile },
    });
    const { milliseconds } = await client.indexed();
    times.push(performance.now() - started);
    discovery.push(milliseconds);
    await client.stop();
    const read = JSON.parse(readFileSync(readsFile, 'utf8')) as string[];
    reads += read.length;
    log(`  start to done: ${Math.round(times.at(-1)!)} ms (discovery ${milliseconds} ms), ${read.length} files read${read.length > 0 ? ` (${read.slice(0, 3).join(', ')})` : ''}`);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { files, startup: summarize(times), discovery: summarize(discovery), reads };
}
