/**
 * Reads and analyses the files of a whole-blog build on a worker thread (indexWorker.ts), so that on a machine
 * with two cores reading, parsing and scanning run beside the server's own work, and the server's thread stays
 * free for requests while a large blog is read. Files held open in the editor are left to the index, which reads
 * their buffers.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CancellationToken } from './core/cancellation';
import type { AnalysedPath, IFileAnalyser } from './core/site/fileAnalyser';

export interface ToIndexWorker {
  readonly paths: readonly string[];
  readonly configText: string | undefined;
}

export type FromIndexWorker = { readonly batch: readonly AnalysedPath[] } | { readonly done: true };

/** The thread's heap: a batch at a time is alive there; no blog comes near this. */
const WORKER_HEAP_MB = 256;
/** As small as the server's own (serverProcess.ts): a larger young generation stays resident after the thread ends. */
const WORKER_YOUNG_MB = 12;

export class WorkerFileAnalyser implements IFileAnalyser {
  constructor(
    private readonly root: string,
    /** Whether the index must read `path` itself (an open editor buffer). */
    private readonly readByIndex: (path: string) => boolean,
    private readonly script = path.join(__dirname, 'indexWorker.js'),
  ) {}

  analyse(paths: readonly string[], configText: string | undefined, onBatch: (batch: readonly AnalysedPath[]) => void, token: CancellationToken): Promise<void> {
    const delegated = paths.filter((p) => !this.readByIndex(p));
    // Paths left to the index are given back (as undefined) in their place among the worker's.
    let next = 0;
    const upTo = (stop: string | undefined): AnalysedPath[] => {
      const own: AnalysedPath[] = [];
      while (next < paths.length && paths[next] !== stop) {
        own.push({ path: paths[next++]!, analysed: undefined });
      }
      return own;
    };
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.script, { workerData: { root: this.root }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB }, stdout: true, stderr: true });
      // Nothing the thread might print may reach the server's stdout, which is the editor's channel.
      worker.stdout.resume();
      worker.stderr.resume();
      let finished = false;
      const finish = (error?: unknown) => {
        if (!finished) {
          finished = true;
          void worker.terminate();
          if (error === undefined) {
            resolve();
          } else {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
      };
      worker.on('message', (message: FromIndexWorker) => {
        if (token.isCancellationRequested) {
          finish();
        } else if ('batch' in message) {
          const batch: AnalysedPath[] = [];
          for (const item of message.batch) {
            batch.push(...upTo(item.path));
            batch.push(item);
            next++;
          }
          onBatch(batch);
        } else {
          onBatch(upTo(undefined));
          finish();
        }
      });
      worker.on('error', finish);
      worker.on('exit', () => finish(new Error('The index thread ended early')));
      worker.postMessage({ paths: delegated, configText } satisfies ToIndexWorker);
    });
  }
}
