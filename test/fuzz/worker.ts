import { parentPort } from 'node:worker_threads';
import { FuzzSite, runCase, type Finding } from './coreCase';
import { caseSeed } from './random';

/** A worker's share of the run: cases `from` to `to` (exclusive) of the run seeded `seed`. */
export interface FuzzChunk {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

/** Sent after each case, so the runner knows where a stuck worker stopped. */
export interface CaseReport {
  readonly index: number;
  readonly cpuMs: number;
  readonly findings: readonly Finding[];
}

const port = parentPort;
if (port) {
  const ready = FuzzSite.create();
  port.on('message', async (chunk: FuzzChunk) => {
    const fuzz = await ready;
    for (let index = chunk.from; index < chunk.to; index++) {
      const { cpuMs, findings } = await runCase(fuzz, caseSeed(chunk.seed, index));
      port.postMessage({ index, cpuMs, findings } satisfies CaseReport);
    }
    port.postMessage({ done: chunk });
  });
}
