import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serverNodeFlags } from '../../server/src/serverProcess';
import { LspTestClient } from '../util/lspClient';
import type { BenchBlog } from './benchBlogs';
import { cpuTimeOf, summarize, type Summary } from './stats';

/** Starts from the persisted index (issue 21): nothing changed, and 100 files changed since it was written. */
export interface WarmStartFigures {
  readonly warm: Summary;
  readonly warmCpu: Summary | undefined;
  readonly changed: Summary;
  readonly changedFiles: number;
  /** Whether the last start with changed files showed exactly what a start without the store shows. */
  readonly right: boolean;
}

const SETTINGS = { diagnostics: { debounce: 0 } };
const CHANGED = 100;
/** Changed files get a time in the past: a file changed in the 2 s before it is read is read again on the next start too. */
const A_MINUTE_AGO = () => new Date(Date.now() - 60_000);

/**
 * On a copy of the blog (the generated blogs are shared between runs): one start writes the store; then starts
 * with nothing changed; then starts after each time 100 more posts got a broken link appended (a finding each),
 * timed from spawn to `blogwright/indexed`. The last one's diagnostics are compared with a start without a store.
 */
export async function benchWarmStart(blog: BenchBlog, runs: number, log: (line: string) => void): Promise<WarmStartFigures> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'blogwright-warm-'));
  const root = path.join(scratch, 'blog');
  cpSync(blog.root, root, { recursive: true, preserveTimestamps: true });
  const cache = path.join(scratch, 'cache');
  const start = async (storeIn: string) => {
    const started = performance.now();
    const client = await LspTestClient.start(root, SETTINGS, serverNodeFlags(), { env: { XDG_CACHE_HOME: storeIn } });
    await client.indexed();
    return { client, ms: performance.now() - started, cpu: cpuTimeOf(client.process.pid!) };
  };
  try {
    const first = await start(cache);
    await first.client.settled({ store: true });
    await first.client.stop();
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { client, ms, cpu } = await start(cache);
      warm.push(ms);
      if (cpu !== undefined) {
        warmCpu.push(cpu);
      }
      log(`  warm start, nothing changed: ${Math.round(ms)} ms (CPU ${cpu ?? '?'} ms)`);
      await client.stop();
    }
    const posts = readdirSync(path.join(root, '_posts'))
      .sort()
      .map((name) => `_posts/${name}`)
      .filter((post) => post !== blog.largePost && post.endsWith('.md'));
    const changed: number[] = [];
    let last: Map<string, string> | undefined;
    for (let run = 0; run < runs; run++) {
      for (const post of posts.slice(run * CHANGED, (run + 1) * CHANGED)) {
        const file = path.join(root, post);
        writeFileSync(file, `${readFileSync(file, 'utf8')}\n[gone](/no-such-page-${run}.html)\n`);
        utimesSync(file, A_MINUTE_AGO(), A_MINUTE_AGO());
      }
      const { client, ms } = await start(cache);
      changed.push(ms);
      log(`  start with ${CHANGED} files changed: ${Math.round(ms)} ms`);
      await client.settled({ store: true });
      last = shown(client, root);
      await client.stop();
    }
    const cold = await start(path.join(scratch, 'no-store'));
    const reference = shown(cold.client, root);
    await cold.client.stop();
    const right = last !== undefined && JSON.stringify([...last].sort()) === JSON.stringify([...reference].sort()) && reference.size >= CHANGED;
    log(`  after ${CHANGED} changed files: ${right ? 'the same' : 'NOT the same'} diagnostics as a start without the store (${reference.size} files with findings)`);
    return { warm: summarize(warm), warmCpu: warmCpu.length > 0 ? summarize(warmCpu) : undefined, changed: summarize(changed), changedFiles: CHANGED, right };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The diagnostics a client was shown, per file with findings. */
function shown(client: LspTestClient, root: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [uri, diagnostics] of client.diagnostics) {
    if (diagnostics.length > 0) {
      result.set(path.relative(root, new URL(uri).pathname), JSON.stringify(diagnostics));
    }
  }
  return result;
}
