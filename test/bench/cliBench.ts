import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats';

export interface ProcessFigures {
  readonly time: Summary;
  /** CPU time (user + system): what the run costs whatever else the machine does. */
  readonly cpu: Summary;
  readonly peakRss: Summary;
}

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FLOOR = path.join(__dirname, 'floor.js');
const MAX_RSS = path.join(__dirname, 'maxRss.js');

/** `blogwright check ROOT` as CI runs it, timed from spawn to exit. */
export function benchCli(root: string, runs: number): Promise<ProcessFigures> {
  return benchProcess([CLI, 'check', root, '--format', 'json'], runs);
}

/** The read+parse floor (floor.ts) on the same blog. */
export function benchFloor(root: string, runs: number): Promise<ProcessFigures> {
  return benchProcess([FLOOR, root], runs);
}

async function benchProcess(args: readonly string[], runs: number): Promise<ProcessFigures> {
  const times: number[] = [];
  const peaks: number[] = [];
  const cpu: number[] = [];
  const folder = mkdtempSync(path.join(tmpdir(), 'blogwright-rss-'));
  try {
    for (let run = 0; run < runs; run++) {
      const rssFile = path.join(folder, `run-${run}`);
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', MAX_RSS, ...args], {
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, BLOGWRIGHT_MAX_RSS_FILE: rssFile },
        });
        child.once('error', reject);
        // The CLI exits 1 when it finds errors; that is a result, not a failure of the run.
        child.once('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
      });
      times.push(performance.now() - started);
      const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRss: number; cpu: number };
      peaks.push(usage.maxRss);
      cpu.push(usage.cpu);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { time: summarize(times), cpu: summarize(cpu), peakRss: summarize(peaks) };
}
