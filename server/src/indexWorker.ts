/**
 * The index's reading thread (see workerFileAnalyser.ts): takes the next files nobody has taken, reads them from
 * disk and analyses them (front matter, links, headings) as the index would, and sends the records back, until no
 * file is left. It reads with the server's own safeguards and runs nothing from the blog.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { IndexReader, NOT_SENT, type FromIndexWorker, type IndexWorkerData } from './workerFileAnalyser';

/** Files taken at once: large enough that sending costs little, small enough that the server waits little for one. */
const CHUNK = 16;
/** A nice value: the server's thread runs first whenever both want a core, the build still uses an idle one. */
const LOWER_PRIORITY = 10;

const port = parentPort!;
yieldToTheServer();
const { root, paths, configTexts, linkKeys, next } = workerData as IndexWorkerData;
const reader = new IndexReader(root, configTexts, linkKeys);
const counter = new Int32Array(next);

for (let start = Atomics.add(counter, 0, CHUNK); start < paths.length; start = Atomics.add(counter, 0, CHUNK)) {
  send({ start, records: paths.slice(start, start + CHUNK).map((path) => reader.analyse(path)) });
}

/**
 * The server's own thread answers the editor: this one only uses what that one leaves. Linux takes a thread's id
 * for a priority of its own; elsewhere the thread keeps the process's.
 */
function yieldToTheServer(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) {
      setPriority(thread, LOWER_PRIORITY);
    }
  } catch {
    // No /proc, or not allowed: the same priority.
  }
}

function send(message: FromIndexWorker): void {
  try {
    port.postMessage(message);
  } catch {
    // A value that cannot be cloned (none known): the server analyses those files itself.
    port.postMessage({ start: message.start, records: message.records.map((record) => (cloneable(record) ? record : NOT_SENT)) } satisfies FromIndexWorker);
  }
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
