/**
 * The read-ahead thread (see readAhead.ts): reads the planned files in order with the server's own safeguards (no
 * link followed, nothing outside the root, the size limit), writes their bytes into the shared ring and sends
 * where they are, a few files at a time, never more than the ring ahead of the reader. It runs nothing from the
 * blog and decodes nothing.
 */
import { workerData } from 'node:worker_threads';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import { CURSOR, SENT, WAITING, WAKE_AT, type ReadAheadEntry, type ReadAheadWorkerData } from './readAhead';

/** At most this many files ahead of the reader: what they say was read moments before. */
const AHEAD_FILES = 256;
/** Entries are sent this many at a time: one message per file would cost the reader more than the read. */
const BATCH_FILES = 16;
/** A reader that has not moved for this long has stopped reading (a cancelled build): the thread ends. */
const IDLE_MS = 30_000;

const { root, paths, control, ring, port } = workerData as ReadAheadWorkerData;
const files = new FileSystemWorkspace(root);
const shared = new Int32Array(control);
const bytes = new Uint8Array(ring);
/** The ring's bytes each entry not yet passed by the reader holds (its own, and any left unused before it), in order. */
const held: { readonly index: number; readonly bytes: number }[] = [];
let heldBytes = 0;
/** Where the next file's bytes go. */
let writeAt = 0;
let batch: ReadAheadEntry[] = [];

for (let index = 0; index < paths.length; index++) {
  const reader = release();
  // Behind the reader: it read those itself.
  index = Math.max(index, reader);
  if (index >= paths.length) {
    break;
  }
  if (index - reader >= AHEAD_FILES) {
    if (!waitFor(reader, index)) {
      break;
    }
    index--;
    continue;
  }
  const read = files.readBytesSync(paths[index]!);
  if (read.kind !== 'bytes') {
    batch.push({ index, kind: read.kind, offset: 0, length: 0, size: read.kind === 'too-large' ? read.size : undefined, stamp: read.kind === 'too-large' ? read.stamp : undefined });
  } else {
    const length = read.bytes.length;
    // A file's bytes are never split: one that does not fit before the ring's end starts at its beginning.
    const skipped = writeAt + length > bytes.length ? bytes.length - writeAt : 0;
    if (heldBytes + skipped + length > bytes.length) {
      // The ring is full: this file is read again once the reader has freed enough of it.
      if (!waitFor(reader, index)) {
        break;
      }
      index--;
      continue;
    }
    const offset = skipped > 0 ? 0 : writeAt;
    bytes.set(read.bytes, offset);
    writeAt = offset + length;
    held.push({ index, bytes: skipped + length });
    heldBytes += skipped + length;
    batch.push({ index, kind: 'bytes', offset, length, stamp: read.stamp });
  }
  if (batch.length >= BATCH_FILES) {
    send();
  }
}
send();
port.close();

function send(): void {
  if (batch.length > 0) {
    port.postMessage(batch);
    batch = [];
    if (Atomics.exchange(shared, SENT, 1) === 0) {
      Atomics.notify(shared, SENT);
    }
  }
}

/** Frees the ring's bytes of the files the reader has passed; returns where the reader is. */
function release(): number {
  const reader = Atomics.load(shared, CURSOR);
  let passed = 0;
  while (passed < held.length && held[passed]!.index < reader) {
    heldBytes -= held[passed]!.bytes;
    passed++;
  }
  held.splice(0, passed);
  return reader;
}

/**
 * Sends what is written, then waits until the reader has taken a quarter of what is ahead (not each file: every
 * wake is a system call); false when the reader has not moved for a long time.
 */
function waitFor(reader: number, index: number): boolean {
  send();
  const wakeAt = reader + Math.max(1, (index - reader) >> 2);
  Atomics.store(shared, WAKE_AT, wakeAt);
  try {
    for (let now = Atomics.load(shared, CURSOR); now < wakeAt; now = Atomics.load(shared, CURSOR)) {
      // Set again at every wait: the reader clears it when it wakes the thread. A cursor that moved since `now`
      // was read makes the wait return at once.
      Atomics.store(shared, WAITING, 1);
      if (Atomics.wait(shared, CURSOR, now, IDLE_MS) === 'timed-out' && Atomics.load(shared, CURSOR) === now) {
        return false;
      }
    }
    return true;
  } finally {
    Atomics.store(shared, WAITING, 0);
  }
}
