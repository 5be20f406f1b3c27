/**
 * `npm run fuzz`: seeded, deterministic fuzzing of the core and the CLI. Reports crashes, exceptions, hangs
 * (a case over 1 s of CPU, or a worker that stops answering) and broken invariants, and exits 1 if there is any.
 *
 *   node out/test/fuzz/run.js [--from I] [--cases N] [--seed S] [--workers W] [--cli-blogs B] [--cli-files F] [--replay I]
 *
 * Cases `--from` to `--from + --cases` (a long run can be split). `--replay I` runs case I alone in this process
 * and prints its file, text and findings. SIGINT or SIGTERM stops the run and reports what was done.
 */
import '../util/scratchRoot';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runCliBlog } from './cliBatch';
import { fuzzLongLines, SLOW_MS } from './longLines';
import { describeCase, FuzzSite, runCase, type Finding } from './coreCase';
import { caseSeed } from './random';
import type { CaseReport, FuzzChunk } from './worker';

const CHUNK = 250;
/** A worker silent this long is stuck in a loop: it is ended, and its current case reported as a hang. */
const STUCK_MS = 60_000;

interface Options {
  /** 1: hangs are reported but do not fail the run (the quick subset in `npm test`, on machines of any speed). */
  allowHangs: number;
  from: number;
  cases: number;
  seed: number;
  workers: number;
  cliBlogs: number;
  cliFiles: number;
  replay: number | undefined;
  /** Random mixtures of openers for the long-line mode, after the patterns themselves; 0 leaves the mode out. */
  longLines: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { allowHangs: 0, from: 0, cases: 100_000, seed: 1, workers: Math.max(1, availableParallelism()), cliBlogs: 40, cliFiles: 60, replay: undefined, longLines: 0 };
  const names: Record<string, keyof Options> = { '--allow-hangs': 'allowHangs', '--from': 'from', '--cases': 'cases', '--seed': 'seed', '--workers': 'workers', '--cli-blogs': 'cliBlogs', '--cli-files': 'cliFiles', '--replay': 'replay', '--long-lines': 'longLines' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]!];
    const value = Number(argv[i + 1]);
    if (!name || !Number.isInteger(value) || value < 0) {
      throw new Error(`Unknown or bad option ${argv[i]} ${argv[i + 1] ?? ''}`);
    }
    options[name] = value;
  }
  return options;
}

interface Failure extends Finding {
  readonly where: string;
}

async function fuzzCore(options: Options, failures: Failure[], progress: { cases: number; cpuMs: number[] }): Promise<{ cases: number; cpuMs: number[] }> {
  const cpuMs = progress.cpuMs;
  const chunks: FuzzChunk[] = [];
  const end = options.from + options.cases;
  for (let from = options.from; from < end; from += CHUNK) {
    chunks.push({ seed: options.seed, from, to: Math.min(end, from + CHUNK) });
  }
  let done = 0;
  let lastPrinted = Date.now();
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(path.join(__dirname, 'worker.js'));
      let current: FuzzChunk | undefined;
      let next = 0;
      let lastHeard = Date.now();
      const give = () => {
        current = chunks.shift();
        if (!current) {
          clearInterval(watchdog);
          void worker.terminate().then(() => resolve());
          return;
        }
        next = current.from;
        lastHeard = Date.now();
        worker.postMessage(current);
      };
      const watchdog = setInterval(() => {
        if (current && Date.now() - lastHeard > STUCK_MS) {
          clearInterval(watchdog);
          failures.push({ kind: 'hang', operation: 'whole case', message: `no answer for ${STUCK_MS / 1000} s`, where: `case ${next} (seed ${caseSeed(options.seed, next)})` });
          // The rest of the chunk goes back in the queue; a fresh worker takes over.
          if (next + 1 < current.to) {
            chunks.unshift({ seed: current.seed, from: next + 1, to: current.to });
          }
          done++;
          void worker.terminate().then(() => runWorker().then(resolve));
        }
      }, 1000);
      worker.on('message', (message: CaseReport | { done: FuzzChunk }) => {
        lastHeard = Date.now();
        if ('done' in message) {
          give();
          return;
        }
        next = message.index + 1;
        done++;
        progress.cases = done;
        cpuMs.push(message.cpuMs);
        for (const finding of message.findings) {
          failures.push({ ...finding, where: `case ${message.index} (seed ${caseSeed(options.seed, message.index)})` });
        }
        if (Date.now() - lastPrinted > 10_000) {
          lastPrinted = Date.now();
          process.stdout.write(`  core: ${done}/${options.cases} cases, ${failures.length} findings\n`);
        }
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        failures.push({ kind: 'crash', operation: 'worker', message: error.stack ?? error.message, where: `case ${next}` });
        if (current && next + 1 < current.to) {
          chunks.unshift({ seed: current.seed, from: next + 1, to: current.to });
        }
        void runWorker().then(resolve);
      });
      give();
    });
  await Promise.all(Array.from({ length: options.workers }, runWorker));
  return { cases: done, cpuMs };
}

async function fuzzCli(options: Options, failures: Failure[], progress: { blogs: number; documents: number; slowestMs: number }): Promise<{ blogs: number; documents: number; slowestMs: number }> {
  let next = 0;
  const runner = async () => {
    while (next < options.cliBlogs) {
      const index = next++;
      const result = await runCliBlog(options.seed, index, options.cliFiles);
      progress.blogs++;
      progress.documents += result.documents;
      progress.slowestMs = Math.max(progress.slowestMs, result.wallMs);
      failures.push(...result.findings.map((f) => ({ ...f, where: `CLI blog ${index}` })));
    }
  };
  await Promise.all(Array.from({ length: options.workers }, runner));
  return progress;
}

async function replay(options: Options, index: number): Promise<void> {
  const fuzz = await FuzzSite.create();
  const seed = caseSeed(options.seed, index);
  const { path: file, text } = describeCase(fuzz, seed);
  console.log(`case ${index} (seed ${seed}): ${file}, ${text.length} characters\n${JSON.stringify(text.slice(0, 4000))}`);
  console.log(JSON.stringify(await runCase(fuzz, seed), null, 2));
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.replay !== undefined) {
    await replay(options, options.replay);
    return 0;
  }
  const started = performance.now();
  const failures: Failure[] = [];
  console.log(`fuzz: ${options.cases} core cases from case ${options.from} and ${options.cliBlogs} CLI blogs of ${options.cliFiles} fuzzed files, seed ${options.seed}, ${options.workers} workers`);
  const progress = { core: { cases: 0, cpuMs: [] as number[] }, cli: { blogs: 0, documents: 0, slowestMs: 0 } };
  const stop = () => {
    console.log('fuzz: stopped before the end; the counts below are what was done');
    process.exit(report(options, progress, failures, started));
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  // The CLI first: it is the shorter part, and a run stopped early has then covered both.
  progress.cli = await fuzzCli(options, failures, progress.cli);
  progress.core = await fuzzCore(options, failures, progress.core);
  if (options.longLines > 0) {
    const longLines = await fuzzLongLines(options.longLines, options.seed);
    failures.push(...longLines.findings.map((f) => ({ ...f, where: `long line ${f.where}` })));
    const slow = longLines.findings.filter((f) => f.kind === 'hang').length;
    const crashes = longLines.findings.filter((f) => f.kind !== 'hang').length;
    const smallest = [...longLines.reached].sort((a, b) => a.size - b.size)[0];
    console.log(
      `fuzz long lines: ${longLines.cases} checks of ${longLines.reached.length} patterns grown from 1 KB until a check took over ${SLOW_MS} ms: ` +
        `${crashes} crashes or exceptions, ${slow} over ${SLOW_MS} ms at 64 KB or less; the first to reach ${SLOW_MS} ms did at ${(smallest?.size ?? 0) / 1024} KB (${smallest?.name})`,
    );
  }
  return report(options, progress, failures, started);
}

function report(options: Options, progress: { core: { cases: number; cpuMs: number[] }; cli: { blogs: number; documents: number; slowestMs: number } }, failures: Failure[], started: number): number {
  const { core, cli } = progress;
  const sorted = [...core.cpuMs].sort((a, b) => a - b);
  const count = (kind: Finding['kind']) => failures.filter((f) => f.kind === kind).length;
  const summary = {
    seed: options.seed,
    fromCase: options.from,
    coreCases: core.cases,
    cliBlogs: cli.blogs,
    cliDocuments: cli.documents,
    documents: core.cases + cli.documents,
    crashes: count('crash'),
    exceptions: count('exception'),
    hangs: count('hang'),
    invariants: count('invariant'),
    cpuMsPerCase: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0, max: sorted[sorted.length - 1] ?? 0 },
    slowestCliBlogMs: Math.round(cli.slowestMs),
    seconds: Math.round((performance.now() - started) / 1000),
  };
  const out = path.resolve(__dirname, '../../fuzz');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'report.json'), JSON.stringify({ ...summary, failures: failures.slice(0, 200) }, null, 2));
  console.log(
    `fuzz: ${summary.documents} documents (${summary.coreCases} core cases, ${summary.cliDocuments} in ${summary.cliBlogs} CLI runs): ` +
      `${summary.crashes} crashes, ${summary.exceptions} exceptions, ${summary.hangs} hangs, ${summary.invariants} broken invariants; ` +
      `CPU per case median ${summary.cpuMsPerCase.median.toFixed(1)} ms, p99 ${summary.cpuMsPerCase.p99.toFixed(1)} ms, max ${summary.cpuMsPerCase.max.toFixed(0)} ms; ${summary.seconds} s`,
  );
  for (const failure of failures.slice(0, 20)) {
    console.log(`  ${failure.kind} in ${failure.operation}, ${failure.where}: ${failure.message.split('\n').slice(0, 4).join('\n    ')}`);
  }
  if (failures.length > 0) {
    console.log(`  details: ${path.join(out, 'report.json')}; replay one case with --replay <case>`);
  }
  return failures.some((f) => f.kind !== 'hang' || !options.allowHangs) ? 1 : 0;
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
