// `npm run bench`: the performance figures of issue 9, measured on the built server, CLI and extension,
// written into BENCHMARKS.md between the bench markers (the analysis around them is kept).
//   --quick          fewer repetitions, for a first look
//   --posts 1000,... generated blog sizes (default 1000,10000)
//   --no-corpus      skip the real allegro.tech blog
//   --no-write       print, but leave BENCHMARKS.md alone
//   --busy-only      only the requests timed while the server starts, printed (for work on them)
import '../util/scratchRoot';
import { execFileSync, spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusBlog, generatedBlog, type BenchBlog } from './benchBlogs';
import { benchCli, benchFloor, type ProcessFigures } from './cliBench';
import { benchNoSite, type NoSiteFigures } from './noSiteBench';
import { benchColdStarts, benchDuringStart, benchServer, mb, type DuringStartFigures, type ServerBenchOptions, type ServerFigures } from './serverBench';
import { summarize, type Summary } from './stats';
import { benchWarmStart, type WarmStartFigures } from './warmStartBench';

const REPO = path.resolve(__dirname, '../../..');
const REPORT = path.join(REPO, 'BENCHMARKS.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

interface BlogResult {
  readonly blog: BenchBlog;
  readonly server: ServerFigures;
  /** Starts from the persisted index, on the large blogs. */
  readonly warm: WarmStartFigures | undefined;
  /** Cold starts with the index worker on (`BLOGWRIGHT_INDEX_WORKER=1`, off by default), on the large blogs. */
  readonly worker: WorkerFigures | undefined;
  readonly cli: ProcessFigures;
  readonly floor: ProcessFigures;
}

interface WorkerFigures {
  readonly cold: Awaited<ReturnType<typeof benchColdStarts>>;
  readonly duringStart: DuringStartFigures;
}

/** The same cold start and requests during it with the index worker on, for the choice of its default. */
async function benchWorker(blog: BenchBlog, options: ServerBenchOptions, log: (line: string) => void): Promise<WorkerFigures> {
  const env = { BLOGWRIGHT_INDEX_WORKER: '1' };
  log(`${blog.name}: server with the index worker`);
  const cold = await benchColdStarts(blog, { startups: options.startups, env }, log);
  return { cold, duringStart: await benchDuringStart(blog, { ...options, env }, log) };
}

async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const postsArg = argv[argv.indexOf('--posts') + 1];
  const sizes = argv.includes('--posts') && postsArg ? postsArg.split(',').map(Number) : [1000, 10000];
  const log = (line: string) => process.stderr.write(line + '\n');
  const loadAtStart = os.loadavg()[0]!;

  const blogs: BenchBlog[] = [];
  for (const posts of sizes) {
    log(`generating ${posts} posts (cached between runs)...`);
    blogs.push(generatedBlog(posts));
  }
  const corpus = argv.includes('--no-corpus') ? undefined : corpusBlog();
  if (corpus) {
    blogs.push(corpus);
  }

  if (argv.includes('--busy-only')) {
    for (const blog of blogs) {
      log(`${blog.name}: requests while the server starts`);
      const lines: string[] = [];
      busyRows(await benchDuringStart(blog, { busyStarts: quick ? 1 : 3 } as ServerBenchOptions, log), (...cells) => lines.push(`| ${cells.join(' | ')} |`));
      process.stdout.write(`${blog.name}\n${lines.join('\n')}\n`);
    }
    return;
  }
  const results: BlogResult[] = [];
  for (const blog of blogs) {
    const large = blog.posts >= 10_000;
    const options: ServerBenchOptions = {
      busyStarts: quick ? 1 : 3,
      startups: quick ? 2 : 5,
      edits: quick ? 60 : 300,
      completions: quick ? 40 : 200,
      previews: quick ? 10 : 50,
      dependantRounds: quick ? 6 : 40,
      growthEdits: large ? (quick ? 1000 : 10_000) : 0,
    };
    log(`${blog.name}: server`);
    const server = await benchServer(blog, options, log);
    const warm = large ? await benchWarmStart(blog, quick ? 2 : 5, log) : undefined;
    const worker = large ? await benchWorker(blog, options, log) : undefined;
    log(`${blog.name}: CLI and floor`);
    const runs = quick ? 2 : 5;
    const cli = await benchCli(blog.root, runs);
    const floor = await benchFloor(blog.root, runs);
    log(`  CLI ${Math.round(cli.time.median)} ms (peak ${mb(cli.peakRss.median)} MB), floor ${Math.round(floor.time.median)} ms`);
    results.push({ blog, server, warm, worker, cli, floor });
  }
  log('a workspace of 20,000 files with no Jekyll site: server');
  const noSite = await benchNoSite(20_000, quick ? 3 : 10, log);
  log('extension activation');
  const activation = await benchActivation(quick ? 3 : 10);
  log(`  load ${activation.load.median.toFixed(1)} ms, activate ${activation.activate.median.toFixed(1)} ms`);

  const report = render(results, noSite, activation, quick, [loadAtStart, os.loadavg()[0]!]);
  if (argv.includes('--no-write')) {
    process.stdout.write(report + '\n');
    return;
  }
  const previous = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = previous.indexOf(START);
  const end = previous.indexOf(END);
  const next = start >= 0 && end > start ? previous.slice(0, start + START.length) + '\n' + report + '\n' + previous.slice(end) : previous + `\n${START}\n${report}\n${END}\n`;
  writeFileSync(REPORT, next);
  log(`wrote ${path.relative(process.cwd(), REPORT) || REPORT}`);
}

/**
 * Activation of the bundles that ship, built as `vscode:prepublish` builds them (minified), into a temp folder:
 * the first run in a fresh global storage compiles the client and writes the code cache (as the first activation
 * after an install or update does), the others load it (every later activation).
 */
async function benchActivation(runs: number): Promise<{ first: Summary; load: Summary; activate: Summary; total: Summary }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'blogwright-activation-'));
  const bundle = path.join(folder, 'extension.js');
  const storage = path.join(folder, 'storage');
  await esbuild.build({
    entryPoints: { extension: path.join(REPO, 'client/src/main.ts'), client: path.join(REPO, 'client/src/extension.ts') },
    outdir: folder,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    external: ['vscode'],
    logLevel: 'warning',
  });
  const run = () => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'activation.js'), bundle, storage], { encoding: 'utf8' })) as { load: number; activate: number };
  const first = run();
  const load: number[] = [];
  const activate: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const figures = run();
    load.push(figures.load);
    activate.push(figures.activate);
    total.push(figures.load + figures.activate);
  }
  rmSync(folder, { recursive: true, force: true });
  return { first: summarize([first.load + first.activate]), load: summarize(load), activate: summarize(activate), total: summarize(total) };
}

type Verdict = 'met' | 'MISSED' | '-';

function verdict(value: number | undefined, limit: number): Verdict {
  return value === undefined ? '-' : value < limit ? 'met' : 'MISSED';
}

function ms(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

function render(results: readonly BlogResult[], noSite: NoSiteFigures, activation: Awaited<ReturnType<typeof benchActivation>>, quick: boolean, load: readonly number[]): string {
  const cpus = os.cpus();
  const lines: string[] = [];
  lines.push(`Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on commit \`${commit()}\`${quick ? ' (quick run: fewer repetitions)' : ''}.`);
  lines.push('');
  lines.push(`- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.type()} ${os.release()}`);
  lines.push(`- Node ${process.version}`);
  lines.push(`- Load average (1 min) at start and end: ${load.map((l) => l.toFixed(1)).join(' and ')} on ${cpus.length} cores. Other work on the machine inflates every time below; compare runs at similar load.`);
  lines.push('- Reproduce: `npm run bench` (builds first; generated blogs are cached in the temp folder, `BLOGWRIGHT_BENCH_CACHE` moves them)');
  lines.push('- Times are wall clock as the client sees them (request sent to response or diagnostics received); "runs" is how many samples the median and p95 are taken over.');
  for (const { blog, server, warm, worker, cli, floor } of results) {
    lines.push('');
    lines.push(`### ${blog.name}`);
    lines.push('');
    lines.push(`${blog.posts.toLocaleString('en-US')} posts. Edited post: \`${blog.largePost}\`${blog.linked ? `; dependants: ${blog.linked.linkers.length} posts link to a heading of \`${blog.linked.path}\`` : ''}.`);
    lines.push('');
    lines.push('| figure | target | median | p95 | runs | verdict |');
    lines.push('|---|---|---|---|---|---|');
    const row = (figure: string, target: string, median: string, p95: string, runs: number | string, v: Verdict) => lines.push(`| ${figure} | ${target} | ${median} | ${p95} | ${runs} | ${v} |`);
    row('server start to all-blog diagnostics', '< 3 s', ms(server.startup.median), ms(server.startup.p95), server.startup.runs, verdict(server.startup.p95, 3000));
    if (server.startupCpu) {
      row('server CPU time (user+system) to all-blog diagnostics', '(< 3 s)', ms(server.startupCpu.median), ms(server.startupCpu.p95), server.startupCpu.runs, verdict(server.startupCpu.p95, 3000));
    }
    if (warm) {
      row('warm start (stored index, nothing changed) to all-blog diagnostics', '< 1 s', ms(warm.warm.median), ms(warm.warm.p95), warm.warm.runs, verdict(warm.warm.p95, 1000));
      if (warm.warmCpu) {
        row('server CPU time (user+system) of the warm start', '-', ms(warm.warmCpu.median), ms(warm.warmCpu.p95), warm.warmCpu.runs, '-');
      }
      row(
        `start with ${warm.changedFiles} files changed since the store was written, to all-blog diagnostics (${warm.right ? 'the same as without the store' : 'NOT the same as without the store'})`,
        '< 1.5 s',
        ms(warm.changed.median),
        ms(warm.changed.p95),
        warm.changed.runs,
        warm.right ? verdict(warm.changed.p95, 1500) : 'MISSED',
      );
    }
    row('edit in a 40 KB post to its diagnostics (debounce 0)', 'p95 < 15 ms', ms(server.edit.median), ms(server.edit.p95), server.edit.runs, verdict(server.edit.p95, 15));
    if (typeof server.dependants === 'string') {
      row('edit to the diagnostics of the posts linking to it', 'p95 < 50 ms', server.dependants, '', 0, 'MISSED');
    } else {
      row('edit to the diagnostics of the posts linking to it', 'p95 < 50 ms', ms(server.dependants.median), ms(server.dependants.p95), server.dependants.runs, verdict(server.dependants.p95, 50));
    }
    for (const [kind, figures] of Object.entries(server.completion)) {
      const none = figures.items === 0 ? ' (no items offered)' : ` (${figures.items} items sent)`;
      row(`completion: ${kind}${none}`, 'p95 < 10 ms', ms(figures.median), ms(figures.p95), figures.runs, verdict(figures.p95, 10));
    }
    busyRows(server.duringStart, row);
    if (worker) {
      row('with the index worker (`BLOGWRIGHT_INDEX_WORKER=1`, off by default): server start to all-blog diagnostics', '< 3 s', ms(worker.cold.startup.median), ms(worker.cold.startup.p95), worker.cold.startup.runs, verdict(worker.cold.startup.p95, 3000));
      if (worker.cold.cpu) {
        row('with the index worker: server CPU time to all-blog diagnostics', '-', ms(worker.cold.cpu.median), ms(worker.cold.cpu.p95), worker.cold.cpu.runs, '-');
      }
      busyRows(worker.duringStart, (figure, ...rest) => row(`with the index worker, ${figure}`, ...rest));
    }
    row('server RSS after indexing', '< 250 MB', `${mb(server.rssAfterIndexing.median)} MB`, `${mb(server.rssAfterIndexing.p95)} MB`, server.rssAfterIndexing.runs, verdict(server.rssAfterIndexing.p95, 250 * 1024 * 1024));
    row('server RSS once the start is done, the index stored too (`blogwright/settled`)', '-', `${mb(server.rssStored.median)} MB`, `${mb(server.rssStored.p95)} MB`, server.rssStored.runs, '-');
    if (server.rssGrowth) {
      const g = server.rssGrowth;
      const growth = g.lastFloor - g.firstFloor;
      const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(1)} MB`;
      row(
        `RSS growth over ${g.edits.toLocaleString('en-US')} edits after ${g.warmupEdits.toLocaleString('en-US')} others (floor after collections, first fifth -> last fifth)`,
        '< 10 MB',
        `${mb(g.firstFloor)} -> ${mb(g.lastFloor)} MB (${signed(growth)}); readings ${mb(g.low)}-${mb(g.high)} MB; before the first edit, after the others, at the end: ${mb(g.before)} -> ${mb(g.warm)} -> ${mb(g.after)} MB`,
        '',
        20,
        verdict(growth, 10 * 1024 * 1024),
      );
    }
    const ratio = (value: number) => `${ms(value)} (${(value / floor.time.median).toFixed(2)}x floor)`;
    row('CLI whole-blog check', '<= 1.5x floor', ratio(cli.time.median), ratio(cli.time.p95), cli.time.runs, verdict(cli.time.median / floor.time.median, 1.5 + 1e-9));
    row('CLI CPU time (user+system)', '<= 1.5x floor', `${ms(cli.cpu.median)} (${(cli.cpu.median / floor.cpu.median).toFixed(2)}x floor)`, ms(cli.cpu.p95), cli.cpu.runs, verdict(cli.cpu.median / floor.cpu.median, 1.5 + 1e-9));
    row('CLI peak RSS', '< 500 MB', `${mb(cli.peakRss.median)} MB`, `${mb(cli.peakRss.p95)} MB`, cli.peakRss.runs, verdict(cli.peakRss.p95, 500 * 1024 * 1024));
    row('read+parse floor (test/bench/floor.ts)', '-', `${ms(floor.time.median)} (CPU ${ms(floor.cpu.median)})`, ms(floor.time.p95), floor.time.runs, '-');
    row('preview render of the 40 KB post (request to HTML)', '< 30 ms', ms(server.preview.median), ms(server.preview.p95), server.preview.runs, verdict(server.preview.p95, 30));
    row('preview as published of the 40 KB post (layouts, includes, site.posts)', '< 50 ms', ms(server.themedPreview.median), ms(server.themedPreview.p95), server.themedPreview.runs, verdict(server.themedPreview.p95, 50));
  }
  lines.push('');
  lines.push('### A workspace with no Jekyll site');
  lines.push('');
  lines.push(`${noSite.files.toLocaleString('en-US')} files (a Hugo blog, a Node project with \`node_modules\`, images; test/bench/noSiteBench.ts): the server lists the folders, finds no site, says so and reads nothing. Reads are counted by a preload that wraps Node's file opening and reading (test/util/readCounter.ts); listing a folder is not a read.`);
  lines.push('');
  lines.push('| figure | target | median | p95 | runs | verdict |');
  lines.push('|---|---|---|---|---|---|');
  lines.push(`| server start to done (\`blogwright/indexed\`, 0 documents) | < 300 ms | ${ms(noSite.startup.median)} | ${ms(noSite.startup.p95)} | ${noSite.startup.runs} | ${verdict(noSite.startup.p95, 300)} |`);
  lines.push(`| of which the server's own work (listing, finding no site; \`indexed\`'s milliseconds) | - | ${ms(noSite.discovery.median)} | ${ms(noSite.discovery.p95)} | ${noSite.discovery.runs} | - |`);
  lines.push(`| files read, all runs together | 0 | ${noSite.reads} | | ${noSite.startup.runs} | ${noSite.reads === 0 ? 'met' : 'MISSED'} |`);
  lines.push('');
  lines.push('### Extension activation (client side)');
  lines.push('');
  lines.push('Loading the extension as it ships (minified, as `vscode:prepublish` builds it) and running `activate()` to its return in a fresh Node process with an inert `vscode` stand-in (test/bench/activation.ts): the synchronous work activation puts on the extension host. `activate()` includes loading the client bundle, through the V8 code cache the entry keeps in the global storage (client/src/main.ts); the first activation after an install or update has no cache yet and writes it.');
  lines.push('');
  lines.push('| figure | target | median | p95 | runs | verdict |');
  lines.push('|---|---|---|---|---|---|');
  lines.push(`| first activation (no code cache yet): load + activate | - | ${ms(activation.first.median)} | ${ms(activation.first.p95)} | 1 | - |`);
  lines.push(`| load the entry | - | ${ms(activation.load.median)} | ${ms(activation.load.p95)} | ${activation.load.runs} | - |`);
  lines.push(`| activate() until it returns (client loaded from the cache) | - | ${ms(activation.activate.median)} | ${ms(activation.activate.p95)} | ${activation.activate.runs} | - |`);
  lines.push(`| load + activate | < 50 ms | ${ms(activation.total.median)} | ${ms(activation.total.p95)} | ${activation.total.runs} | ${verdict(activation.total.p95, 50)} |`);
  return lines.join('\n');
}

/** The rows of requests timed while the server starts: what an editor opened on the blog waits for meanwhile. */
function busyRows(figures: DuringStartFigures, row: (figure: string, target: string, median: string, p95: string, runs: number | string, v: Verdict) => void): void {
  const { completion, edit, completionsWithItems, indexedAt } = figures;
  const window = `1 s after spawn to indexed at ${indexedAt.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}`;
  if (completion.length === 0 || edit.length === 0) {
    row(`while starting: completion and edit (${window})`, 'p95 < 10 / 15 ms', 'not measured: indexed within 1 s', '', 0, '-');
    return;
  }
  const c = summarize(completion);
  const e = summarize(edit);
  const max = Math.max(...completion, ...edit);
  row(`while starting (${window}): completion, authors/tags/post_url in turn (${completionsWithItems} of ${completion.length} with items; max ${ms(Math.max(...completion))})`, 'p95 < 10 ms', ms(c.median), ms(c.p95), c.runs, verdict(c.p95, 10));
  row(`while starting: edit in a 40 KB post to its diagnostics, that version or a later one (max ${ms(Math.max(...edit))})`, 'p95 < 15 ms', ms(e.median), ms(e.p95), e.runs, verdict(e.p95, 15));
  row('while starting: slowest completion or edit (max)', '< 50 ms', ms(max), '', c.runs + e.runs, verdict(max, 50));
}

function commit(): string {
  const result = spawnSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
