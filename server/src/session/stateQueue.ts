import type { IPacing } from '../core/cancellation';

/** Work that runs in slices when no change is waiting: the diagnostics publisher's re-checks. */
export interface IBackgroundWork {
  hasWork(): boolean;
  /** Does one short piece of the work, until the queue says its slice is used up (`due`). */
  runSlice(): Promise<void> | void;
}

/** Milliseconds a slice of background work, or of a long change (a rebuild), holds the thread before a pause. */
export const SLICE_MS = 2;
/** At most this many turns in one pause, however many messages keep arriving: the work must go on too. */
const MAX_TURNS = 64;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The one serialized queue every change to the blog goes through (file and folder events, configuration, data
 * files, open buffers): a change starts only when the one before it has finished, so no two ever interleave and
 * each sees the blog as every earlier change left it. Between changes, background work runs in short slices.
 *
 * Interactive work goes first: after each slice, and every few milliseconds inside a long change that paces
 * itself with the queue (a rebuild reading the whole blog), the queue pauses until every request and
 * notification that has arrived is handled. Reads that must see a whole state (`read`) run at such a pause or
 * between changes, never in the middle of one.
 */
export class StateQueue implements IPacing {
  readonly #changes: (() => Promise<void>)[] = [];
  readonly #background: IBackgroundWork[] = [];
  readonly #reads: (() => void)[] = [];
  #running = false;
  /** A change is running and is not at one of its pauses: its state may be half applied. */
  #midChange = false;
  #sliceStarted = performance.now();
  #idle: (() => void)[] = [];

  constructor(
    readonly onError: (error: unknown) => void,
    /** Counts the connection's activity (messages read, messages handled): a pause lasts until it stops growing. */
    readonly activity: () => number = () => 0,
  ) {}

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

  /** Runs `read` now if no change is half applied, else at the running change's next pause or when it ends. */
  read(read: () => void): void {
    this.#reads.push(read);
    if (!this.#midChange) {
      this.#runReads();
    }
  }

  /** Registers background work; `wake` tells the queue it has some. */
  addBackground(work: IBackgroundWork): void {
    this.#background.push(work);
  }

  /** Whether a change is waiting to run. */
  get changesWaiting(): boolean {
    return this.#changes.length > 0;
  }

  /** Whether the current slice of work has used its time: the work should `pause`. */
  due(): boolean {
    return performance.now() - this.#sliceStarted >= SLICE_MS;
  }

  /**
   * Lets interactive work in: waiting reads run, then turns of the event loop until two in a row pass in which the
   * connection neither read nor handled a message (it handles one a turn, so a burst of edits and requests is all
   * answered, and a message read in the pause's last turns does not wait for the next pause).
   * Work that calls it must leave its state whole at that point.
   */
  async pause(): Promise<void> {
    const midChange = this.#midChange;
    this.#midChange = false;
    try {
      this.#runReads();
      // The connection reads a message in one turn and dispatches it in the next (each an immediate of its own), so
      // a turn with nothing new may still leave one to dispatch: the pause ends after two such turns in a row.
      for (let turns = 0, quiet = 0; turns < MAX_TURNS && quiet < 2; turns++) {
        if (!midChange && this.#changes.length > 0) {
          // An edit that came in goes before the messages that came after it: they are handled once it is applied.
          break;
        }
        const seen = this.activity();
        await turn();
        this.#runReads();
        quiet = this.activity() === seen ? quiet + 1 : 0;
      }
    } finally {
      this.#midChange = midChange;
      this.#sliceStarted = performance.now();
    }
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

  #runReads(): void {
    for (let read = this.#reads.shift(); read; read = this.#reads.shift()) {
      try {
        read();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  async #run(): Promise<void> {
    try {
      for (;;) {
        const change = this.#changes.shift();
        if (change) {
          this.#midChange = true;
          this.#sliceStarted = performance.now();
          try {
            await change();
          } finally {
            this.#midChange = false;
          }
          this.#runReads();
          // Requests that came while it ran (an edit's completion), or behind a long one (edits during a build), go
          // next, and see it applied.
          await this.pause();
          continue;
        }
        const work = this.#background.find((w) => w.hasWork());
        if (!work) {
          break;
        }
        this.#sliceStarted = performance.now();
        try {
          await work.runSlice();
        } catch (error) {
          this.onError(error);
        }
        await this.pause();
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
