import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ISassCompiler } from './core/render/themed/styles';

/** Messages between the server and the Sass thread (sassWorker.ts). */
export type ToSassWorker =
  | { readonly type: 'compile'; readonly id: number; readonly source: string; readonly syntax: 'scss' | 'sass'; readonly path: string }
  | { readonly type: 'loaded'; readonly id: number; readonly file: { readonly path: string; readonly text: string } | undefined };
export type FromSassWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'load'; readonly id: number; readonly url: string; readonly from: string }
  | { readonly type: 'done'; readonly id: number; readonly css?: string; readonly error?: string };

/** A compile that takes longer (from the thread being ready) is a stylesheet that loops: its thread is ended. */
const SASS_TIME_LIMIT = 3000;

/**
 * dart-sass (3.4 MB of JavaScript) in a worker thread started on the first Sass entry a preview meets, so a blog
 * without Sass never loads it, and a hostile stylesheet (`@while true`) is stopped by ending the thread: the
 * server itself is never blocked. One compile at a time; the thread stays for the next.
 */
export class WorkerSassCompiler implements ISassCompiler {
  #worker: Worker | undefined;
  /** Resolves when the thread has loaded dart-sass. */
  #ready: Promise<void> | undefined;
  #nextId = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly script = path.join(__dirname, 'sassWorker.js')) {}

  compile(source: string, syntax: 'scss' | 'sass', entry: string, load: (url: string, fromPath: string) => Promise<{ path: string; text: string } | undefined>): Promise<string> {
    const run = this.#queue.then(() => this.#compile(source, syntax, entry, load));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  async #compile(source: string, syntax: 'scss' | 'sass', entry: string, load: (url: string, fromPath: string) => Promise<{ path: string; text: string } | undefined>): Promise<string> {
    if (!this.#worker) {
      const started = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
      started.unref();
      this.#worker = started;
      this.#ready = new Promise((resolve, reject) => {
        started.once('message', () => resolve());
        started.once('error', reject);
      });
    }
    const worker = this.#worker;
    await this.#ready;
    const id = this.#nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.dispose();
        finish();
        reject(new Error(`Sass took longer than ${SASS_TIME_LIMIT / 1000} s`));
      }, SASS_TIME_LIMIT);
      const onMessage = (message: FromSassWorker) => {
        if (message.type === 'ready') {
          return;
        }
        if (message.type === 'load') {
          void load(message.url, message.from).then((file) => worker.postMessage({ type: 'loaded', id: message.id, file } satisfies ToSassWorker));
        } else if (message.id === id) {
          finish();
          if (message.css !== undefined) {
            resolve(message.css);
          } else {
            reject(new Error(message.error ?? 'Sass failed'));
          }
        }
      };
      const onExit = () => {
        finish();
        this.#worker = undefined;
        reject(new Error('The Sass thread ended'));
      };
      const finish = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'compile', id, source, syntax, path: entry } satisfies ToSassWorker);
    });
  }
}
