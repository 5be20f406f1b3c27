/**
 * Reading files ahead on a second thread. A whole-blog build and the check after it read thousands of files in an
 * order known beforehand; each read is five system calls (open, fstat, readlink, read, close) that cost the
 * server's thread about a sixth of a cold start. A worker thread (readAheadWorker.ts) makes those calls, with the
 * same safeguards, a little ahead of the reader, and leaves the bytes in a ring of shared memory: the server's
 * thread only decodes them. The ring is allocated once: buffers handed over one by one made the server's heap
 * collect far more often (every one counts as outside memory), which cost more than the reads.
 *
 * Nothing waits for the thread: a file it has not handed over yet is read by the server's thread itself, which
 * then skips the thread ahead to where the reader is. It is never more than the ring ahead, so what it hands over
 * was read moments before; a change on disk meanwhile ends the read-ahead (`stop`), so a file read again after
 * its watcher event is always read anew.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FileStamp } from './core/workspace';

/** A file as read from disk, before decoding: its bytes, or why there are none. */
export type FileBytes = { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly stamp?: FileStamp } | { readonly kind: 'missing' } | { readonly kind: 'too-large'; readonly size: number; readonly stamp?: FileStamp };

/** A file the thread read: `kind` and `stamp` as in `FileBytes`; its bytes at `offset` in the ring. */
export interface ReadAheadEntry {
  readonly index: number;
  readonly kind: FileBytes['kind'];
  readonly offset: number;
  readonly length: number;
  readonly size?: number;
  readonly stamp?: FileStamp;
}

export interface ReadAheadWorkerData {
  readonly root: string;
  readonly paths: readonly string[];
  /**
   * Int32s: [CURSOR] the index of the reader's next file (the ring's bytes of those before it are free again);
   * [WAITING] 1 while the thread waits for the reader to reach [WAKE_AT] (the reader clears it as it wakes the thread); [SENT] 1 once it has sent entries.
   */
  readonly control: SharedArrayBuffer;
  readonly ring: SharedArrayBuffer;
  /** Where the thread sends the entries it wrote, a few at a time. */
  readonly port: MessagePort;
}

export const CURSOR = 0;
export const WAITING = 1;
export const WAKE_AT = 2;
export const SENT = 3;

/**
 * Fewer files than this are read by the server's thread alone: the thread's start and its hand-overs cost more than
 * they save (measured alternately: it lost at 1,000 and 3,000 posts, and gained a tenth at 10,000).
 */
export const MIN_READ_AHEAD_FILES = 4000;

/** Whether `files` planned reads are read ahead: `BLOGWRIGHT_READ_AHEAD=1` reads ahead any number (tests), `=0` none. */
export function readsAhead(files: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const forced = env['BLOGWRIGHT_READ_AHEAD'];
  return forced !== '0' && (forced === '1' || files >= MIN_READ_AHEAD_FILES) && availableParallelism() >= 2;
}
/** The ring: what the thread may have read ahead; larger than the largest file read (MAX_FILE_BYTES). */
const WORKER_HEAP_MB = 64;
const WORKER_YOUNG_MB = 2;
export const RING_BYTES = 4 * 1024 * 1024;

export class ReadAhead {
  /** Where each file is in the plan: its first place, and its second when the plan reads it twice (`willRead`). */
  readonly #positions = new Map<string, number>();
  readonly #again = new Map<string, number>();
  readonly #planned: number;
  /** Where the second pass starts (the plan's length when there is none): `secondPass` moves the reader there. */
  readonly #secondFrom: number;
  readonly #control = new Int32Array(new SharedArrayBuffer(16));
  #ring: SharedArrayBuffer | undefined = new SharedArrayBuffer(RING_BYTES);
  readonly #port: MessagePort;
  readonly #worker: Worker;
  /** Entries handed over, in the order of their index; those from `#head` on are not taken yet. */
  #ready: readonly ReadAheadEntry[] = [];
  #head = 0;
  #cursor = 0;
  #stopped = false;
  /** Resolves once the thread has handed over its first files, has ended or has failed (tests wait for it). */
  readonly handedOver: Promise<void>;

  constructor(root: string, paths: readonly string[], script = path.join(__dirname, 'readAheadWorker.js')) {
    let secondFrom = paths.length;
    paths.forEach((p, index) => {
      if (this.#positions.has(p)) {
        this.#again.set(p, index);
        secondFrom = Math.min(secondFrom, index);
      } else {
        this.#positions.set(p, index);
      }
    });
    this.#planned = paths.length;
    this.#secondFrom = secondFrom;
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#worker = new Worker(script, {
      workerData: { root, paths, control: this.#control.buffer as SharedArrayBuffer, ring: this.#ring!, port: channel.port2 } satisfies ReadAheadWorkerData,
      transferList: [channel.port2],
      // It keeps the paths and a batch of entries: a small heap, and little to leave resident when it ends.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      stdout: true,
      stderr: true,
    });
    // Nothing the thread might print may reach the server's stdout, which is the editor's channel.
    this.#worker.stdout.resume();
    this.#worker.stderr.resume();
    // A thread that fails only means the server's thread reads everything itself.
    this.#worker.on('error', () => this.stop());
    this.#worker.unref();
    const sent = Atomics.waitAsync(this.#control, SENT, 0);
    this.handedOver = Promise.race([sent.async ? sent.value.then(() => undefined) : Promise.resolve(), new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()))]);
  }

  /**
   * `use` of the file's bytes when the thread read them for the reader's next read (they are valid only during the
   * call); undefined otherwise (not in the plan, already passed, not read yet, or stopped): the caller reads the file
   * itself. Either way the reader has moved past it.
   */
  take<T>(file: string, use: (read: FileBytes) => T): T | undefined {
    const index = (this.#cursor >= this.#secondFrom && this.#secondFrom < this.#planned ? this.#again : this.#positions).get(file);
    if (this.#stopped || index === undefined || index < this.#cursor) {
      return undefined;
    }
    let entry = this.#next(index);
    if (entry === undefined && this.#receive()) {
      entry = this.#next(index);
    }
    const result = entry && this.#ring && use(this.#bytesOf(entry, this.#ring));
    this.#moveTo(index + 1);
    if (this.#cursor >= this.#planned) {
      this.stop();
    }
    return result;
  }

  /**
   * Starts the plan's second pass when it reads `paths` it plans in their order (others may lie between): a build plans every
   * file twice, and the check after it then finds its thread already a ring ahead. False when it does not.
   */
  secondPass(paths: readonly string[]): boolean {
    if (this.#stopped || this.#secondFrom >= this.#planned || this.#cursor > this.#secondFrom) {
      return false;
    }
    let at = this.#secondFrom;
    for (const file of paths) {
      // A file the plan does not read (the configuration) is read by the reader itself, as always.
      const index = this.#again.get(file);
      if (index !== undefined && index < at) {
        return false;
      }
      at = index === undefined ? at : index + 1;
    }
    if (at === this.#secondFrom) {
      return false;
    }
    this.#moveTo(this.#secondFrom);
    return true;
  }

  /** The reader is at `cursor`: the thread may free what lies before it, and go on if it waits for that. */
  #moveTo(cursor: number): void {
    this.#cursor = cursor;
    Atomics.store(this.#control, CURSOR, cursor);
    // One wake per wait: the reader clears WAITING as it wakes the thread, so the reads that follow before the
    // thread runs again don't each make the system call.
    const control = this.#control;
    if (Atomics.load(control, WAITING) === 1 && cursor >= Atomics.load(control, WAKE_AT) && Atomics.compareExchange(control, WAITING, 1, 0) === 1) {
      Atomics.notify(control, CURSOR);
    }
  }

  /** No more files from the thread (a file changed on disk, or the plan is done or replaced); it ends. */
  stop(): void {
    if (this.#stopped) {
      return;
    }
    this.#stopped = true;
    this.#ready = [];
    // The ring's memory goes once the thread has ended, though the workspace may keep this object.
    this.#ring = undefined;
    this.#port.close();
    void this.#worker.terminate();
  }

  /** The entry of `index` when handed over; those before it were skipped by the reader (open in the editor, say). */
  #next(index: number): ReadAheadEntry | undefined {
    const ready = this.#ready;
    while (this.#head < ready.length && ready[this.#head]!.index < index) {
      this.#head++;
    }
    return this.#head < ready.length && ready[this.#head]!.index === index ? ready[this.#head++] : undefined;
  }

  /** Takes the entries the thread has sent since; false when none came. */
  #receive(): boolean {
    const entries: ReadAheadEntry[] = this.#ready.slice(this.#head);
    for (let message = receiveMessageOnPort(this.#port); message; message = receiveMessageOnPort(this.#port)) {
      entries.push(...(message.message as ReadAheadEntry[]));
    }
    const received = entries.length > this.#ready.length - this.#head;
    this.#ready = entries;
    this.#head = 0;
    return received;
  }

  #bytesOf(entry: ReadAheadEntry, ring: SharedArrayBuffer): FileBytes {
    const stamp = entry.stamp && { stamp: entry.stamp };
    switch (entry.kind) {
      case 'bytes':
        // A Buffer, not a plain view: its search for a NUL byte (decodeText) is the native one.
        return { kind: 'bytes', bytes: Buffer.from(ring, entry.offset, entry.length), ...stamp };
      case 'too-large':
        return { kind: 'too-large', size: entry.size ?? 0, ...stamp };
      default:
        return { kind: 'missing' };
    }
  }
}
