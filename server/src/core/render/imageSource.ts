/** Where an image in a post comes from, as the preview sees it. */
export type ImageSource =
  /** A file of the blog, path relative to its root (as Jekyll serves static files: at their path). */
  | { readonly kind: 'workspace'; readonly path: string; readonly exists: boolean }
  /** On another host: the preview does not load it (no network). */
  | { readonly kind: 'remote'; readonly url: string }
  /** A `data:` image, shown as it is. */
  | { readonly kind: 'inline'; readonly url: string }
  /** Made by Liquid the preview cannot evaluate, or a scheme no image has: neither shown nor called broken. */
  | { readonly kind: 'unknown' };

export interface ImageContext {
  readonly baseurl: string;
  /** The site's `url`, so `https://blog.example.com/assets/x.png` counts as the blog's own file. */
  readonly url: string | undefined;
  /** URL path of the folder the document is served from (`/2020/01/`): relative sources resolve against it. */
  readonly documentFolderUrl: string;
  exists(path: string): boolean;
}

export function imageSource(src: string, context: ImageContext): ImageSource {
  const trimmed = src.trim();
  if (/\uE000|%EE%80%80/i.test(trimmed) || trimmed === '') {
    return { kind: 'unknown' };
  }
  if (/^data:image\//i.test(trimmed)) {
    return { kind: 'inline', url: trimmed };
  }
  let url = trimmed;
  if (context.url && (url === context.url || url.startsWith(context.url + '/'))) {
    url = url.slice(context.url.length) || '/';
  }
  if (url.startsWith('//') || /^https?:/i.test(url)) {
    return { kind: 'remote', url: trimmed };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { kind: 'unknown' };
  }
  let pathname = url.replace(/[?#].*$/s, '');
  if (!pathname.startsWith('/')) {
    pathname = context.documentFolderUrl.replace(/\/?$/, '/') + pathname;
  } else if (context.baseurl && (pathname === context.baseurl || pathname.startsWith(context.baseurl + '/'))) {
    pathname = pathname.slice(context.baseurl.length);
  }
  const path = normalizePath(safeDecode(pathname));
  return { kind: 'workspace', path, exists: path !== '' && context.exists(path) };
}

/** Resolves `.` and `..` inside the blog root; nothing climbs above it. */
function normalizePath(pathname: string): string {
  const parts: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '..') {
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
