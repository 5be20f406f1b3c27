/**
 * Reading and analysing a blog's files somewhere other than the index's own thread (the server's worker thread,
 * `server/src/indexWorker.ts`): the index takes the records and the analyses exactly as if it had made them.
 */
import type { CancellationToken, IPacing } from '../cancellation';
import type { FileStamp, ReadResult } from '../workspace';
import type { SiteConfig } from './config';
import { keptAnalysis, type DocumentAnalysis } from './documentAnalysis';
import type { DocumentScanner } from './documentScan';
import { linkKeys } from '../links/linkIndex';
import { targetKeys } from '../links/targets';
import { analyseFile, type FileRecord, type RecordLink } from './fileRecord';
import type { SiteDocument } from './siteDocument';
import { publishedUrlOf } from './urlMap';

/** What analysing one file gave: its record, and for a document with text, the analysis its first check takes. */
export interface AnalysedRecord {
  readonly record: FileRecord;
  readonly analysis: DocumentAnalysis | undefined;
  /** What the document's links resolve to (`LinkIndex.set`), resolved there too. */
  readonly keys: readonly string[] | undefined;
  /** The file's size and time when read (see `ReadResult`). */
  readonly stamp: FileStamp | undefined;
}

/** One path of a batch: its record, or undefined when the index must read the file itself (an open buffer). */
export interface AnalysedPath {
  readonly path: string;
  readonly analysed: AnalysedRecord | undefined;
}

export interface IFileAnalyser {
  /**
   * Analyses `paths` (files that may be documents) with the site configuration read from `configText`, giving every
   * path once, in the order given. Work it does on the caller's thread pauses as `pacing` says, between files.
   * Stops early when `token` is cancelled; throws when it cannot go on (the index reads the rest itself).
   */
  analyse(paths: readonly string[], configText: string | undefined, token: CancellationToken, pacing: IPacing): AsyncIterable<AnalysedPath>;
}

/** A file's record, analysis and link keys, as `SiteIndex.build` makes them: `undefined` for a file that is gone. */
export function analysedRecord(path: string, read: ReadResult, config: SiteConfig, scanner: DocumentScanner): AnalysedRecord | undefined {
  const analysed = analyseFile(path, read, config, scanner);
  if (!analysed) {
    return undefined;
  }
  const { record, text, parsed, scanned } = analysed;
  if (record.kind !== 'document') {
    return { record, analysis: undefined, keys: undefined, stamp: stampOf(read) };
  }
  const links = record.links;
  const keys = links && [...linkKeys((_path, targets) => resolveTargets(config, record.document, targets), path, links)];
  const analysis = parsed && text !== undefined ? keptAnalysis(text, parsed, scanned && links && { scanned, ids: links.ids, anchors: record.document.anchors }) : undefined;
  return { record, analysis, keys, stamp: stampOf(read) };
}

function stampOf(read: ReadResult): FileStamp | undefined {
  return read.kind === 'missing' ? undefined : read.stamp;
}

/** The keys of what links from `document` point to: nothing but the config and the document's own URL decides them. */
export function resolveTargets(config: SiteConfig, document: SiteDocument | undefined, targets: readonly RecordLink[]): string[] {
  const url = publishedUrlOf(document, config);
  return targets.flatMap((link) => targetKeys(config, url, link.form, link.target));
}
