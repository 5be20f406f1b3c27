/**
 * The fuzzer's long-line mode (issue 22): one line of a syntax opener repeated, grown until its check takes more
 * than 100 ms of CPU. A scanner that restarts its search from each opener crosses 100 ms at a few KB; a linear one
 * only past 64 KB. Every pattern of test/util/pathologicalText.ts, then random mixtures of two or three openers.
 */
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { renderPost } from '../../server/src/core/render/renderPost';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { PATHOLOGICAL_PATTERNS, pathologicalDocument, type PathologicalPattern } from '../util/pathologicalText';
import type { Finding } from './coreCase';
import { FuzzSite } from './coreCase';
import { Random } from './random';

/** A check over this is slow. */
export const SLOW_MS = 100;
/** Below this size a check over `SLOW_MS` is a finding: 64 KB of `[a](` once took 18 s. */
const MUST_BE_FAST_UP_TO = 64 * 1024;
/** Growth stops here whatever the time (half the 2 MB file limit). */
const LARGEST = 1024 * 1024;
const PATH = '_posts/2024-02-02-long-line.md';

export interface LongLineReport {
  readonly cases: number;
  /** Per pattern, the size at which a check first took over 100 ms (or the largest size tried). */
  readonly reached: readonly { name: string; size: number; cpuMs: number }[];
  readonly findings: readonly (Finding & { where: string })[];
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export async function fuzzLongLines(mixtures: number, seed: number): Promise<LongLineReport> {
  const fuzz = await FuzzSite.create();
  const random = new Random(seed);
  const units = PATHOLOGICAL_PATTERNS.map((p) => p.unit);
  const patterns: PathologicalPattern[] = [...PATHOLOGICAL_PATTERNS];
  for (let i = 0; i < mixtures; i++) {
    const parts = Array.from({ length: 2 + random.int(2) }, () => random.pick(units));
    patterns.push({ name: `mixture ${i}: ${JSON.stringify(parts.join(''))}`, unit: parts.join('') });
  }
  const findings: (Finding & { where: string })[] = [];
  const reached: { name: string; size: number; cpuMs: number }[] = [];
  let cases = 0;
  for (const pattern of patterns) {
    let last = { size: 0, cpuMs: 0 };
    for (let size = 1024; size <= LARGEST; size *= 2) {
      const text = pathologicalDocument(pattern, size);
      const document = new TextDocumentSnapshot(PATH, 1, text);
      cases++;
      try {
        const started = process.cpuUsage();
        await fuzz.site.update(PATH, text);
        computeDiagnostics(fuzz.site, document, { logger: { error: (message) => findings.push({ kind: 'exception', operation: 'long line', message, where: pattern.name }) } });
        const cpuMs = cpuMsSince(started);
        if (size <= 256 * 1024) {
          renderPost(fuzz.site, document);
        }
        last = { size, cpuMs };
        if (cpuMs > SLOW_MS) {
          if (size <= MUST_BE_FAST_UP_TO) {
            findings.push({ kind: 'hang', operation: 'long line', message: `${cpuMs.toFixed(0)} ms of CPU for ${size / 1024} KB`, where: pattern.name });
          }
          break;
        }
      } catch (error) {
        findings.push({ kind: 'crash', operation: 'long line', message: error instanceof Error ? (error.stack ?? error.message) : String(error), where: pattern.name });
        break;
      }
    }
    reached.push({ name: pattern.name, ...last });
  }
  await fuzz.site.update(PATH, undefined);
  return { cases, reached, findings };
}
