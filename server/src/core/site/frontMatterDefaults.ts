import type { SiteConfig } from './config';
import type { SiteDocumentShape } from './siteDocument';

/**
 * Front matter with `_config.yml` `defaults` under it, as `FrontmatterDefaults#all` merges them: scopes
 * that match the path and type apply, a longer path over a shorter one, a later entry over an earlier.
 * `type` is `posts`, `pages`, `drafts` or a collection's label.
 */
export function withDefaults(config: SiteConfig, path: string, type: string, data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (config.defaults.length === 0) {
    return data;
  }
  const matching = config.defaults
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => (d.type === undefined || d.type === type || (type === 'drafts' && d.type === 'posts')) && (d.path === '' || path === d.path || path.startsWith(d.path + '/')))
    .sort((a, b) => a.d.path.length - b.d.path.length || a.index - b.index);
  if (matching.length === 0) {
    return data;
  }
  const merged: Record<string, unknown> = {};
  for (const { d } of matching) {
    Object.assign(merged, d.values);
  }
  return { ...merged, ...data };
}

/** The `type` a `defaults` scope names for a document: `posts`, `drafts`, a collection's label, else `pages`. */
export function defaultsTypeOf(document: SiteDocumentShape | undefined): string {
  switch (document?.kind) {
    case 'post':
      return 'posts';
    case 'draft':
      return 'drafts';
    case 'collection':
      return document.collection;
    default:
      return 'pages';
  }
}
