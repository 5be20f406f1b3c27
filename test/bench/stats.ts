import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Median and p95 (nearest rank) of repeated measurements. */
export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: rank(0.5), p95: rank(0.95), runs: sorted.length };
}

/** Resident set size of a live process in bytes, from /proc (Linux), else from `ps`. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (kb) {
      return Number(kb) * 1024;
    }
  } catch {
    // not Linux
  }
  const out = execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(out.trim()) * 1024;
}

/**
 * CPU time (user + system) a live process has used, in ms, from /proc (Linux); undefined elsewhere. Unlike wall
 * time it barely moves when other work shares the machine.
 */
export function cpuTimeOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
