import type { SiteDocumentKind } from './siteDocument';

/**
 * Whether Jekyll splits a `tags:`/`categories:` string into words for this kind of document: for posts, drafts and
 * collection documents, never for a page, whose `tags: a, b` stays one string for its layout to read (the oracle:
 * `page.tags` is "a, b" on a page, `["a,", "b"]` on a post).
 */
export function splitsTagString(kind: SiteDocumentKind | undefined): boolean {
  return kind !== 'page';
}

/**
 * Tags and categories as Jekyll reads them: a list, or a string split at white space (a comma stays in the tag);
 * a page's string is no tags at all (`splitsTagString`).
 */
export function tagsOf(data: Readonly<Record<string, unknown>>, key: 'tags' | 'categories' = 'tags', kind?: SiteDocumentKind): string[] {
  const value = key === 'categories' && data['categories'] === undefined ? data['category'] : data[key];
  if (typeof value === 'string') {
    if (!splitsTagString(kind)) {
      return [];
    }
    return value.split(/\s+/).filter(Boolean);
  }
  if (Array.isArray(value)) {
    return value.filter((v) => v !== null && v !== undefined).map(String);
  }
  return [];
}

/** The front matter keys `tagsOf` reads, for caches that must be dropped when they change. */
export function tagKeys(key: 'tags' | 'categories'): readonly string[] {
  return key === 'tags' ? ['tags'] : ['categories', 'category'];
}
