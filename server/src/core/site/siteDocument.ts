import type { DocumentAnchor } from './documentAnchors';
import type { DocumentKind } from './documentKind';
import type { FrontMatterToken } from './frontMatterTokens';

/** What kind of document, with what its path says (a post's date and slug, a collection's name); one kind per document. */
export type SiteDocumentShape = Extract<DocumentKind, { readonly kind: 'post' | 'misnamed-post' | 'draft' | 'collection' }> | { readonly kind: 'page'; readonly ext: string };

export type SiteDocumentKind = SiteDocumentShape['kind'];

/** A document Jekyll renders (or, for a misnamed post, silently skips), summarised for blog-wide features. */
export type SiteDocument = SiteDocumentShape & {
  readonly path: string;
  /** Front matter as Jekyll reads it; empty without front matter or with broken YAML. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly hasFrontMatter: boolean;
  /** Tags, categories, authors and layout as written, with positions: references and rename read these. */
  readonly tokens: readonly FrontMatterToken[];
  /** Header ids of a Markdown document, for `#fragment` completion and navigation. */
  readonly anchors: readonly DocumentAnchor[];
  /** Set when the file was not read (too large, binary). */
  readonly skipped: string | undefined;
};
