import type { DocumentAnchor } from './documentAnchors';
import type { DocumentKind } from './documentKind';
import type { FrontMatterToken } from './frontMatterTokens';

export type SiteDocumentKind = 'post' | 'draft' | 'page' | 'collection' | 'misnamed-post';

/** A document Jekyll renders (or, for a misnamed post, silently skips), summarised for blog-wide features. */
export interface SiteDocument {
  readonly path: string;
  readonly kind: SiteDocumentKind;
  readonly info: DocumentKind;
  /** Front matter as Jekyll reads it; empty without front matter or with broken YAML. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly hasFrontMatter: boolean;
  /** Tags, categories, authors and layout as written, with positions: references and rename read these. */
  readonly tokens: readonly FrontMatterToken[];
  /** Header ids of a Markdown document, for `#fragment` completion and navigation. */
  readonly anchors: readonly DocumentAnchor[];
  /** Set when the file was not read (too large, binary). */
  readonly skipped: string | undefined;
}
