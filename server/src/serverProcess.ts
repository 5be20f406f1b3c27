import { availableParallelism } from 'node:os';

/**
 * Node flags the editor starts the language server with. Only what must be given at launch is here; the heap's
 * growth factor is set by the server itself (heap.ts), so any editor running `node dist/server.js` gets it.
 *
 * `--max-semi-space-size=4`: V8's young generation grows to 3 x 16 MB while a large blog is read, and that memory
 * stays resident afterwards; at 4 MB the server indexing 10,000 posts stays about 30 MB smaller (248 -> 218 MB in
 * process), for the same indexing time.
 *
 * `--v8-pool-size`: V8's helper threads (collection, compilation) are four whatever the machine. On two cores they
 * took 1.9 s of CPU in a 10,000-post cold start, against 3.5 s for the server's own thread, and each young
 * collection waited for helpers the cores could not run. One helper per core the server's thread leaves:
 * there, the cold start went 3.61 -> 3.39 s and the completion p95 while starting 10-11.5 -> 9.2-9.7 ms.
 */
export function serverNodeFlags(cores = availableParallelism()): string[] {
  return ['--max-semi-space-size=4', `--v8-pool-size=${Math.min(4, Math.max(1, cores - 1))}`];
}
