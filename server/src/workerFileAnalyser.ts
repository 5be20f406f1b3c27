/**
 * Reads and analyses the files of a whole-blog build on both cores: a worker thread (indexWorker.ts) and the server's
 * own thread, which analyses files itself whenever the next record in order is not back from the worker yet. Both
 * take their next files from one shared counter, so they split the work whatever each one's speed, and the index
 * still gets the records in the order of the paths (its documents, and so its findings, come in the same order
 * every time). Files held open in the editor are left to the index, which reads their buffers.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { detached } from './core/detached';
import { readConfig, type ConfigTexts, type SiteConfig } from './core/site/config';
import { DocumentScanner } from './core/site/documentScan';
import { analysedRecord, type AnalyseOptions, type AnalysedPath, type AnalysedRecord, type IFileAnalyser } from './core/site/fileAnalyser';
import { FileSystemWorkspace } from './fileSystemWorkspace';

export interface IndexWorkerData {
  readonly root: string;
  readonly paths: readonly string[];
  readonly configTexts: ConfigTexts;
  readonly linkKeys: boolean;
  /** One Int32: the index in `paths` of the next file nobody has taken (`Atomics.add`). */
  readonly next: SharedArrayBuffer;
}

/** A record the worker could not send (it would not clone): the server's thread analyses that file again. */
export const NOT_SENT = 0;

/** The records of `paths[start]` onwards; undefined for a file that is gone. */
export interface FromIndexWorker {
  readonly start: number;
  readonly records: readonly (AnalysedRecord | undefined | typeof NOT_SENT)[];
}

/** The thread's heap: a batch at a time is alive there; no blog comes near this. */
const WORKER_HEAP_MB = 256;
/** As small as the server's own (serverProcess.ts): a larger young generation stays resident after the thread ends. */
const WORKER_YOUNG_MB = 12;

/**
 * Fewer files than this are all read on the server's thread: starting a thread (a few tens of milliseconds of CPU)
 * would cost more than it saves.
 */
const MIN_SHARED_FILES = 400;

/** Reads a file from disk and analyses it as the index would: what both threads of a build run. */
export class IndexReader {
  readonly #files: FileSystemWorkspace;
  readonly #config: SiteConfig;
  readonly #scanner = new DocumentScanner();

  constructor(
    root: string,
    configTexts: ConfigTexts,
    private readonly linkKeys = true,
  ) {
    // The server's own safeguards: no link followed, nothing outside the root, the size limit.
    this.#files = new FileSystemWorkspace(root);
    this.#config = readConfig(configTexts.config, configTexts.gemfile).config;
  }

  analyse(path: string): AnalysedRecord | undefined {
    return analysedRecord(path, this.#files.readTextSync(path), this.#config, this.#scanner, this.linkKeys);
  }
}

export class WorkerFileAnalyser implements IFileAnalyser {
  constructor(
    private readonly root: string,
    /** Whether the index must read `path` itself (an open editor buffer). */
    private readonly readByIndex: (path: string) => boolean,
    private readonly script = path.join(__dirname, 'indexWorker.js'),
  ) {}

  async *analyse(paths: readonly string[], { configTexts, token, pacing, linkKeys }: AnalyseOptions): AsyncGenerator<AnalysedPath> {
    const shared = paths.filter((p) => !this.readByIndex(p));
    if (shared.length < MIN_SHARED_FILES || availableParallelism() < 2) {
      // Read by the index itself: on one core a second thread only adds the cost of sending records.
      return;
    }
    const next = new Int32Array(new SharedArrayBuffer(4));
    /** Records by the index of their first path in `shared`, from either thread, until taken in order. */
    const ready = new Map<number, FromIndexWorker['records']>();
    let workerGone = false;
    const worker = new Worker(this.script, {
      workerData: { root: this.root, paths: shared, configTexts, linkKeys, next: next.buffer } satisfies IndexWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      stdout: true,
      stderr: true,
    });
    // Nothing the thread might print may reach the server's stdout, which is the editor's channel.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', ({ start, records }: FromIndexWorker) => ready.set(start, records));
    const gone = () => (workerGone = true);
    worker.on('error', gone);
    // It ends by itself (code 0) once every file is taken and its records are sent.
    worker.on('exit', (code) => code !== 0 && gone());
    const reader = new IndexReader(this.root, configTexts, linkKeys);
    let given = 0;
    /** `paths` up to `shared[taken]`, those left to the index first. */
    const upTo = function* (until: string | undefined): Generator<AnalysedPath> {
      while (given < paths.length && paths[given] !== until) {
        yield { path: paths[given++]!, analysed: undefined };
      }
      given++;
    };
    try {
      for (let taken = 0; taken < shared.length; ) {
        if (token.isCancellationRequested) {
          return;
        }
        const records = ready.get(taken);
        if (records) {
          ready.delete(taken);
          for (const record of records) {
            const path = shared[taken++]!;
            yield* upTo(path);
            yield { path, analysed: record === NOT_SENT ? detachedRecord(reader.analyse(path)) : record };
          }
          continue;
        }
        // The next record is not here yet: meanwhile this thread analyses the next file nobody took, else the one
        // awaited (the worker, which yields to this thread, may be waiting for a core: never wait for it here).
        const claimed = workerGone ? shared.length : Atomics.add(next, 0, 1);
        const start = claimed < shared.length ? claimed : taken;
        if (claimed >= shared.length && !workerGone) {
          // Its records, should they come, are late: the ones made here are taken.
          await pacing.pause();
          if (ready.has(taken)) {
            continue;
          }
        }
        ready.set(start, [detachedRecord(reader.analyse(shared[start]!))]);
        if (pacing.due()) {
          await pacing.pause();
        }
      }
      yield* upTo(undefined);
    } finally {
      void worker.terminate();
    }
  }
}

/**
 * A record made on this thread, with no string cut from its file (see `detached`), as one cloned from the worker
 * is: the index keeps the ids.
 */
function detachedRecord(analysed: AnalysedRecord | undefined): AnalysedRecord | undefined {
  if (analysed?.record.kind !== 'document' || !analysed.record.links) {
    return analysed;
  }
  const links = analysed.record.links;
  return { ...analysed, record: { ...analysed.record, links: { ...links, ids: new Set([...links.ids].map(detached)) } } };
}
