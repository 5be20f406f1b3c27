import { resolveUrl } from '../links/resolveUrl';
import type { SiteConfig } from '../site/config';

/** Where an image in a post comes from, as the preview sees it. */
export type ImageSource =
  /** A file of the blog, path relative to its root (as Jekyll serves static files: at their path). */
  | { readonly kind: 'workspace'; readonly path: string; readonly exists: boolean }
  /** On another host: the preview does not load it (no network). */
  | { readonly kind: 'remote'; readonly url: string }
  /** A `data:` image, shown as it is. */
  | { readonly kind: 'inline'; readonly url: string }
  /** Made by Liquid the preview cannot evaluate, or not an image URL at all: neither shown nor called broken. */
  | { readonly kind: 'unknown' };

export interface ImageContext {
  readonly config: SiteConfig;
  /** The document's output URL: relative sources resolve against it, as in the browser. */
  readonly pageUrl: string;
  exists(path: string): boolean;
}

/** Maps an image's `src` the way the link checker resolves URLs (`links/resolveUrl.ts`), so both agree on what is missing. */
export function imageSource(src: string, context: ImageContext): ImageSource {
  const trimmed = src.trim();
  // Liquid placeholders (see liquid.ts), raw or percent-encoded by markdown-it.
  if (/\uE000|%EE%80%80/i.test(trimmed)) {
    return { kind: 'unknown' };
  }
  if (/^data:image\//i.test(trimmed)) {
    return { kind: 'inline', url: trimmed };
  }
  const resolved = resolveUrl(trimmed, context.pageUrl, context.config);
  if (resolved.kind === 'external') {
    return { kind: 'remote', url: resolved.url };
  }
  if (resolved.kind !== 'internal') {
    return { kind: 'unknown' };
  }
  const path = resolved.path.replace(/^\/+/, '');
  return { kind: 'workspace', path, exists: path !== '' && context.exists(path) };
}
