/**
 * A path glob, relative to the blog root: `**` any folders, `*` any characters in a name, `?` one character.
 * A pattern that names a folder (`_drafts`, `legacy/`) matches everything inside it.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const regexes = patterns.map((pattern) => new RegExp(`^${globSource(pattern.trim().replace(/^\.?\/+/, '').replace(/\/+$/, ''))}(?:/.*)?$`));
  return (path) => regexes.some((regex) => regex.test(path));
}

/** The matcher for a settings list of globs, made once per list (settings objects are replaced, never changed). */
export function settingsGlobMatcher(patterns: readonly string[]): (path: string) => boolean {
  let matcher = settingsMatchers.get(patterns);
  if (!matcher) {
    matcher = patterns.length === 0 ? () => false : globMatcher(patterns);
    settingsMatchers.set(patterns, matcher);
  }
  return matcher;
}

const settingsMatchers = new WeakMap<readonly string[], (path: string) => boolean>();

function globSource(pattern: string): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` is zero or more folders; a trailing `**` is anything.
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return source;
}
