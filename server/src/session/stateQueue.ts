/** Work that runs in slices when no change is waiting: the diagnostics publisher's re-checks. */
export interface IBackgroundWork {
  hasWork(): boolean;
  /** Does one short piece of the work. */
  runSlice(): Promise<void> | void;
}

/**
 * The one serialized queue every change to the blog goes through (file and folder events, configuration, data
 * files, open buffers): a change starts only when the one before it has finished, so no two ever interleave and
 * each sees the blog as every earlier change left it. Between changes, background work runs in short slices,
 * each followed by a turn of the event loop, so requests are answered in between and a new change goes first.
 * Changes are queued in arrival order; background work never runs while a change is waiting or running.
 */
export class StateQueue {
  readonly #changes: (() => Promise<void>)[] = [];
  readonly #background: IBackgroundWork[] = [];
  #running = false;
  #idle: (() => void)[] = [];

  constructor(readonly onError: (error: unknown) => void) {}

  /** Queues a change; resolves when it has been applied (a failure is reported to `onError`, not thrown). */
  enqueue(change: () => Promise<void> | void): Promise<void> {
    return new Promise((resolve) => {
      this.#changes.push(async () => {
        try {
          await change();
        } catch (error) {
          this.onError(error);
        } finally {
          resolve();
        }
      });
      this.wake();
    });
  }

  /** Registers background work; `wake` tells the queue it has some. */
  addBackground(work: IBackgroundWork): void {
    this.#background.push(work);
  }

  /** Whether a change is waiting to run. */
  get changesWaiting(): boolean {
    return this.#changes.length > 0;
  }

  /** Resolves once no change is waiting or running and no background work is left. */
  whenIdle(): Promise<void> {
    if (!this.#running && !this.#hasWork()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  wake(): void {
    if (!this.#running) {
      this.#running = true;
      // Never inside the caller: a change must not start before `enqueue` has returned its promise.
      queueMicrotask(() => void this.#run());
    }
  }

  #hasWork(): boolean {
    return this.#changes.length > 0 || this.#background.some((w) => w.hasWork());
  }

  async #run(): Promise<void> {
    try {
      for (;;) {
        const change = this.#changes.shift();
        if (change) {
          await change();
          continue;
        }
        const work = this.#background.find((w) => w.hasWork());
        if (!work) {
          break;
        }
        try {
          await work.runSlice();
        } catch (error) {
          this.onError(error);
        }
        // A turn of the event loop: requests and notifications that arrived meanwhile get in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#running = false;
    }
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) {
      resolve();
    }
  }
}
