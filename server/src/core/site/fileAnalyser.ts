/**
 * Reading and analysing a blog's files somewhere other than the index's own thread (the server's worker thread,
 * `server/src/indexWorker.ts`): the index takes the records and the analyses exactly as if it had made them.
 */
import type { CancellationToken, IPacing } from '../cancellation';
import type { FileStamp, ReadResult } from '../workspace';
import type { ConfigTexts, SiteConfig } from './config';
import { keptAnalysis, type DocumentAnalysis } from './documentAnalysis';
import type { DocumentScanner } from './documentScan';
import { linkKeyHashes } from '../links/linkIndex';
import { relativeLinkPath, rewritesRelativeLinks } from '../links/relativeLinks';
import { emitTargetKeys, type KeySink } from '../links/targets';
import { analyseFile, type FileRecord, type RecordLink } from './fileRecord';
import type { SiteDocument } from './siteDocument';
import { publishedUrlOf } from './urlMap';

/** What analysing one file gave: its record, and for a document with text, the analysis its first check takes. */
export interface AnalysedRecord {
  readonly record: FileRecord;
  readonly analysis: DocumentAnalysis | undefined;
  /** The hashes of what the document's links resolve to (`LinkIndex.set`), resolved there too. */
  readonly keyHashes: Int32Array | undefined;
  /** The file's size and time when read (see `ReadResult`). */
  readonly stamp: FileStamp | undefined;
}

/** One path of a batch: its record, or undefined when the index must read the file itself (an open buffer). */
export interface AnalysedPath {
  readonly path: string;
  readonly analysed: AnalysedRecord | undefined;
}

/** What a build asks of the analyser, besides the paths. */
export interface AnalyseOptions {
  /** The site configuration's texts: each thread reads them again. */
  readonly configTexts: ConfigTexts;
  readonly token: CancellationToken;
  /** How work on the caller's thread pauses, between files. */
  readonly pacing: IPacing;
  /** Whether to resolve each document's link keys: an index without a reverse link index (the CLI) needs none. */
  readonly linkKeys: boolean;
}

export interface IFileAnalyser {
  /**
   * Analyses `paths` (files that may be documents), giving every path once, in the order given. Stops early when
   * the token is cancelled; throws when it cannot go on (the index reads the rest itself).
   */
  analyse(paths: readonly string[], options: AnalyseOptions): AsyncIterable<AnalysedPath>;
}

/** A file's record, analysis and link keys, as `SiteIndex.build` makes them: `undefined` for a file that is gone. */
export function analysedRecord(path: string, read: ReadResult, config: SiteConfig, scanner: DocumentScanner, withKeys = true): AnalysedRecord | undefined {
  const analysed = analyseFile(path, read, config, scanner);
  if (!analysed) {
    return undefined;
  }
  const { record, text, parsed, scanned } = analysed;
  if (record.kind !== 'document') {
    return { record, analysis: undefined, keyHashes: undefined, stamp: stampOf(read) };
  }
  const links = record.links;
  const keyHashes = links && withKeys ? linkKeyHashes((_path, targets, sink) => resolveTargets(config, record.document, targets, sink), path, links) : undefined;
  const analysis = parsed && text !== undefined ? keptAnalysis(text, parsed, scanned && links && { scanned, ids: links.ids, anchors: record.document.anchors }) : undefined;
  // The written targets are in the keys now (or not wanted): not sent to the index, a third of a record's bytes.
  return { record: links ? { ...record, links: { ...links, links: [] } } : record, analysis, keyHashes, stamp: stampOf(read) };
}

function stampOf(read: ReadResult): FileStamp | undefined {
  return read.kind === 'missing' ? undefined : read.stamp;
}

/** The keys of what links from `document` point to, given to `sink`: nothing but the config and the document's own URL decides them. */
export function resolveTargets(config: SiteConfig, document: SiteDocument | undefined, targets: readonly RecordLink[], sink: KeySink): void {
  // Worked out only for a relative link: most documents have none, and it costs more than most links.
  let url: { readonly value: string | undefined } | undefined;
  const pageUrl = () => (url ??= { value: publishedUrlOf(document, config) }).value;
  // With jekyll-relative-links a link may go to a source file instead: it must be checked again when that file comes or goes.
  const rewrites = document !== undefined && rewritesRelativeLinks(config, document.path, document.kind);
  for (const link of targets) {
    emitTargetKeys(config, pageUrl, link.form, link.target, sink);
    const file = rewrites ? relativeLinkPath(document.path, link.form, link.target) : undefined;
    if (file !== undefined) {
      sink('file:', file);
    }
  }
}
