import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimizes a function once it has run a budget of bytecode (about 132 KB by default), on compiler threads. A
 * check of a few hundred posts warms hundreds of functions that much, and compiling them costs more than they then
 * save: on 1,000 posts the CLI's compiler threads took 0.5 s of CPU, against 0.55 s on its main thread. A budget
 * half as large again leaves lukewarm code in the baseline tiers; the scanners, hot on any blog, are still
 * optimized early. Measured alternately (docs/decisions.md): CPU -16 to -24 % and time -8 to -14 % on 265 and 1,000
 * posts, time +2 % on 10,000. The server keeps V8's default: its cold start on 10,000 posts lost 6 % with it.
 */
export function optimizeOnlyHotCode(): void {
  setFlagsFromString('--interrupt-budget=200000');
}
