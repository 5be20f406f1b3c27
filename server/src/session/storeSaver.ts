import type { BlogwrightDiagnostic } from '../core/diagnostics';
import type { SiteIndex } from '../core/site/siteIndex';
import type { FileStamp } from '../core/workspace';
import { CHUNK, entriesToWrite, StoreWriter, type IndexStore, type StoreKey } from './indexStore';
import type { IBackgroundWork, StateQueue } from './stateQueue';

/** What the saver reads of the blog session (`BlogSession`): the index in use and the diagnostics published for it. */
export interface SavedSession {
  readonly site: SiteIndex | undefined;
  readonly listener: { diagnosticsOf(path: string): readonly BlogwrightDiagnostic[] | undefined; hasWork(): boolean } | undefined;
  /** Changes with every change of the index: a write under way for an older one starts again. */
  readonly generation: number;
  readonly files: ReadonlySet<string>;
  readonly stamps: ReadonlyMap<string, FileStamp | undefined>;
  readonly queue: StateQueue;
}

/**
 * Writes the store a while after the index changed, as background work of the session's queue: a chunk of
 * entries per slice, after every re-check is done, so requests and changes go first. A change postpones it, a
 * write under way included: a store holds one moment of the index, with the diagnostics of that moment, and a write
 * restarted at every keystroke would never end and would compete with the edits all along.
 */
export class StoreSaver implements IBackgroundWork {
  #key: StoreKey | undefined;
  #timer: NodeJS.Timeout | undefined;
  #due = false;
  #writing: { generation: number; writer: StoreWriter; paths: string[]; next: number } | undefined;
  #written: Promise<void> = Promise.resolve();

  constructor(
    readonly session: SavedSession,
    readonly store: IndexStore,
  ) {}

  /** What the index now in use must be stored under; none: it is not stored. */
  keyed(key: StoreKey | undefined): void {
    this.#key = key;
    this.#writing = undefined;
  }

  schedule(delay: number): void {
    if (!this.#key) {
      return;
    }
    this.#due = false;
    this.#writing = undefined;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#due = true;
      this.session.queue.wake();
    }, delay);
    this.#timer.unref();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#key = undefined;
    this.#due = false;
    this.#writing = undefined;
  }

  /** Writes now what is scheduled (and waits for it), or waits for the write under way. */
  async flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#due = true;
      this.session.queue.wake();
    }
    await this.session.queue.whenIdle();
    await this.#written;
  }

  hasWork(): boolean {
    return this.#due && this.#key !== undefined && this.session.listener?.hasWork() === false;
  }

  runSlice(): void {
    const site = this.session.site;
    const listener = this.session.listener;
    const key = this.#key;
    if (!site || !listener || !key) {
      this.#due = false;
      return;
    }
    if (this.#writing?.generation !== this.session.generation) {
      // Only the file list in this slice: what to keep of each file is taken a chunk at a time in the next ones.
      const files = [...this.session.files].sort();
      this.#writing = { generation: this.session.generation, writer: new StoreWriter(files, site.authors), paths: files, next: 0 };
      return;
    }
    const writing = this.#writing;
    writing.writer.add(entriesToWrite(site, writing.paths.slice(writing.next, writing.next + CHUNK), this.session.stamps, (path) => listener.diagnosticsOf(path)));
    writing.next += CHUNK;
    if (writing.next >= writing.paths.length) {
      this.#writing = undefined;
      this.#due = false;
      this.#written = this.#written.then(() => this.store.write(key, writing.writer.chunks));
    }
  }
}
