/** Tags and categories as Jekyll reads them: a list, or a string split at white space (a comma stays in the tag). */
export function tagsOf(data: Readonly<Record<string, unknown>>, key: 'tags' | 'categories' = 'tags'): string[] {
  const value = key === 'categories' && data['categories'] === undefined ? data['category'] : data[key];
  if (typeof value === 'string') {
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

/** How often each tag (or category) is used across documents, most used first. */
export function countTags(documents: Iterable<{ readonly data: Readonly<Record<string, unknown>> }>, key: 'tags' | 'categories'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const tag of new Set(tagsOf(document.data, key))) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
