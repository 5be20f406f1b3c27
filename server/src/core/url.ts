/**
 * URL text as links and the site model compare it. A leaf: it imports nothing, so every layer may use it.
 * Decoding never throws: a malformed escape (`%E0%A4%A`) is kept as written, as browsers keep it.
 */

/** `decodeURIComponent`, or the text as written when an escape is malformed. */
export function decodeComponent(text: string): string {
  if (!text.includes('%')) {
    return text;
  }
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `decodeURI` (reserved characters stay escaped), or the text as written when an escape is malformed. */
export function decodeUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** A URL path with percent escapes decoded, except `%2F`, which would make a `/` that splits a segment. */
export function decodePath(path: string): string {
  return path.includes('%') ? decodeComponent(path.replace(/%2F/gi, '%252F')) : path;
}

/** The form of a URL path that all its equivalent spellings share: `/x/`, `/x/index.html`, `/x.html` -> `/x`. */
export function canonicalPath(path: string): string {
  // Cut by hand, without regular expressions: the reverse link index makes one per link of the blog.
  let end = path.length;
  if (path.endsWith('/index.html') || path.endsWith('/index.htm')) {
    end = path.lastIndexOf('/') + 1;
  } else if (path.endsWith('.html')) {
    end -= 5;
  } else if (path.endsWith('.htm')) {
    end -= 4;
  }
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f /* / */) {
    end--;
  }
  return end === 0 ? '/' : end === path.length ? path : path.slice(0, end);
}

/** Jekyll's `ensure_leading_slash`: an empty path stays empty (`{{ "" | relative_url }}` is the baseurl, no `/` after it). */
export function ensureLeadingSlash(path: string): string {
  return path === '' || path.startsWith('/') ? path : '/' + path;
}

/** A `.` or `..` path segment, also written with `%2e`. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=[/?#]|$)/i;

/**
 * A root-relative URL with its `.` and `..` segments resolved as a browser resolves them (WHATWG URL): `/../x` and
 * `/a/../x` are `/x`. Jekyll writes such a link as it is, so the reader gets the resolved one. The query and fragment,
 * and every other character, stay as written.
 */
export function withoutDotSegments(url: string): string {
  if (!DOT_SEGMENT.test(url)) {
    return url;
  }
  const end = url.search(/[?#]/);
  const path = end < 0 ? url : url.slice(0, end);
  const segments = path.split('/');
  const kept: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!.toLowerCase().replace(/%2e/g, '.');
    if (segment === '..') {
      kept.pop();
    } else if (segment !== '.') {
      kept.push(segments[i]!);
      continue;
    }
    // A path ending in a dot segment names the folder: `/a/b/..` is `/a/`.
    if (i === segments.length - 1) {
      kept.push('');
    }
  }
  return '/' + kept.join('/') + (end < 0 ? '' : url.slice(end));
}
