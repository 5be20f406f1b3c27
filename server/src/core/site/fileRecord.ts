/**
 * What the site index learns of one file from its text alone, as plain data that survives a structured clone: a
 * worker thread can make it, and the persisted index (session/indexStore.ts) keeps it. Everything blog-wide (URLs,
 * the reverse link index, counts) is derived from records by `SiteIndex`.
 */
import { frontMatterData, parseFrontMatter, type ParsedFrontMatter } from '../frontmatter/parse';
import { hasYamlHeader } from '../frontmatter/split';
import { ANY_INCLUDE, type LinkForm, type ScannedLinks } from '../links/scanLinks';
import type { ReadResult } from '../workspace';
import type { SiteConfig } from './config';
import { documentAnchors } from './documentAnchors';
import { classifyPath, type DocumentKind } from './documentKind';
import { hasScannableBody, type DocumentScanner } from './documentScan';
import { frontMatterTokens } from './frontMatterTokens';
import type { SiteDocument, SiteDocumentShape } from './siteDocument';

/** A link as the reverse link index needs it: what is written, and in which form. */
export interface RecordLink {
  readonly form: LinkForm;
  readonly target: string;
}

/** The links of a Markdown or HTML document: the ids a fragment may point to, and where it links. */
export interface RecordLinks {
  readonly ids: ReadonlySet<string>;
  /** False when some id cannot be known (Liquid in a header, a file not read). */
  readonly idsComplete: boolean;
  /** What its text includes (`includedNames`). */
  readonly includes: readonly string[];
  readonly links: readonly RecordLink[];
}

export type FileRecord =
  /** A page without front matter: Jekyll copies it as it is. */
  | { readonly kind: 'static' }
  /** A document Jekyll renders; `links` is undefined for a body that has none to scan (not Markdown or HTML). */
  | { readonly kind: 'document'; readonly document: SiteDocument; readonly links: RecordLinks | undefined };

/** The links of a file that was not read: none known, and no id can be ruled out. */
const UNREAD: RecordLinks = { ids: new Set(), idsComplete: false, includes: [ANY_INCLUDE], links: [] };

/** A record with what its making parsed and scanned, for a check that follows at once (`KeptAnalyses`). */
export interface AnalysedFile {
  readonly record: FileRecord;
  readonly text: string | undefined;
  readonly parsed: ParsedFrontMatter | undefined;
  readonly scanned: ScannedLinks | undefined;
}

/**
 * The record of a file that may be a document (`SiteIndex` decides that from its path first): undefined when it
 * is gone. `scanner` is the index's, so a check of the same text next costs no second scan.
 */
export function analyseFile(path: string, read: ReadResult, config: SiteConfig, scanner: DocumentScanner): AnalysedFile | undefined {
  const info = classifyPath(path, config);
  const text = read.kind === 'text' ? read.text : undefined;
  // No front matter: Jekyll copies the file as it is (in a collection, at the collection's URL for it).
  const copied = info.kind === 'page-or-static' || (info.kind === 'collection' && (text !== undefined || !hasScannableBody(path, config)));
  if (copied && (text === undefined || !hasYamlHeader(text))) {
    return read.kind === 'missing' ? undefined : { record: { kind: 'static' }, text, parsed: undefined, scanned: undefined };
  }
  if (read.kind === 'missing') {
    return undefined;
  }
  const shape = shapeOf(info);
  const parsed = text === undefined ? undefined : parseFrontMatter(text);
  // A YAML file's `---` is its document marker, seldom closed: the oracle writes such a file unchanged, so a
  // feed, script or data file counts as a page only with its front matter closed.
  if (info.kind === 'page-or-static' && parsed?.block.kind !== 'closed' && !hasScannableBody(path, config)) {
    return { record: { kind: 'static' }, text, parsed: undefined, scanned: undefined };
  }
  const data = parsed ? frontMatterData(parsed) : {};
  const scanned = parsed && text !== undefined && hasScannableBody(path, config) ? scanner.scan(config, path, text, data, parsed).links : undefined;
  const document: SiteDocument = {
    tokens: parsed && text !== undefined ? frontMatterTokens(text, parsed) : [],
    anchors: scanned && text !== undefined ? documentAnchors(text, scanned) : [],
    ...shape,
    path,
    data,
    hasFrontMatter: parsed?.block.kind === 'closed',
    skipped: read.kind === 'skipped' ? read.reason : undefined,
  };
  // A file too large or binary to read still exists: a target of links (a post by its name), ids unknowable.
  const links = scanned ?? (read.kind === 'skipped' ? UNREAD : undefined);
  return { record: { kind: 'document', document, links }, text, parsed, scanned };
}

function shapeOf(info: DocumentKind): SiteDocumentShape {
  return (info.kind === 'page-or-static' ? { kind: 'page', ext: info.ext } : info) as SiteDocumentShape;
}

/** A document as `path` (classified as `info`) makes it now, with what its text said: a stored record's shape is never trusted. */
export function withShape(document: SiteDocument, path: string, info: DocumentKind): SiteDocument {
  const { tokens, anchors, data, hasFrontMatter, skipped } = document;
  return { tokens, anchors, ...shapeOf(info), path, data, hasFrontMatter, skipped };
}
