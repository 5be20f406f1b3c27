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
