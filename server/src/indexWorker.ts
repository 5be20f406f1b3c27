/**
 * The index's reading thread (see workerFileAnalyser.ts): reads files of the blog from disk and analyses them
 * (front matter, links, headings) as the index would, sending the records back in batches, in order, so the
 * server's thread only takes them in. It reads with the server's own safeguards (FileSystemWorkspace: no link
 * followed, nothing outside the root, the size limit) and runs nothing from the blog.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readConfig } from './core/site/config';
import { DocumentScanner } from './core/site/documentScan';
import { analysedRecord, type AnalysedPath } from './core/site/fileAnalyser';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import type { FromIndexWorker, ToIndexWorker } from './workerFileAnalyser';

/** Files per message: large enough that sending costs little, small enough that the server takes them in short turns. */
const BATCH = 32;

const port = parentPort!;
const workspace = new FileSystemWorkspace((workerData as { root: string }).root);

port.on('message', ({ paths, configText }: ToIndexWorker) => {
  const config = readConfig(configText).config;
  const scanner = new DocumentScanner();
  let batch: AnalysedPath[] = [];
  for (const path of paths) {
    batch.push({ path, analysed: analysedRecord(path, workspace.readTextSync(path), config, scanner) });
    if (batch.length === BATCH) {
      send(batch);
      batch = [];
    }
  }
  send(batch);
  port.postMessage({ done: true } satisfies FromIndexWorker);
});

function send(batch: AnalysedPath[]): void {
  try {
    port.postMessage({ batch } satisfies FromIndexWorker);
  } catch {
    // A value that cannot be cloned (none known): the server reads those files itself.
    port.postMessage({ batch: batch.map((item) => ({ path: item.path, analysed: cloneable(item) ? item.analysed : undefined })) } satisfies FromIndexWorker);
  }
}

function cloneable(item: AnalysedPath): boolean {
  try {
    structuredClone(item);
    return true;
  } catch {
    return false;
  }
}
