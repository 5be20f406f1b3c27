import { documentHeaderIds } from '../render/documentHeaderIds';
import { MISSING_SCHEME } from '../render/liquid';
import type { SiteIndex } from '../site/siteIndex';
import { resolveLink } from './linkTargets';

/** Where a click on a link in the preview of `fromPath` leads. */
export type PreviewLinkResolution =
  | { readonly kind: 'source'; readonly path: string; readonly fragment: string | undefined }
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * Resolves a link as the built site would: the blog's own URLs (root-relative, relative to the page's URL,
 * or absolute under the site's `url`) lead to their source through the URL map; http(s) and mailto links
 * elsewhere are external; anything else goes nowhere.
 */
export function resolvePreviewLink(site: SiteIndex, fromPath: string, href: string): PreviewLinkResolution {
  const link = href.trim();
  if (link.startsWith(MISSING_SCHEME)) {
    const [tag = '', ...rest] = link.slice(MISSING_SCHEME.length).split('/');
    const target = decodeURIComponent(rest.join('/'));
    const resolved = resolveLink(site, { kind: tag === 'link' ? 'link' : 'post_url', target });
    return { kind: 'none', reason: resolved.kind === 'unresolved' ? resolved.reason : `\`{% ${tag} ${target} %}\` cannot be resolved.` };
  }
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? safeDecode(link.slice(hash + 1)) : undefined;
  let url = (hash >= 0 ? link.slice(0, hash) : link).replace(/\?.*$/s, '');
  const own = site.config.url;
  if (own && (url === own || url.startsWith(own + '/'))) {
    url = url.slice(own.length) || '/';
  } else if (/^(https?:|mailto:)/i.test(link)) {
    return { kind: 'external', url: link };
  } else if (link.startsWith('//')) {
    return { kind: 'external', url: 'https:' + link };
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
    return { kind: 'none', reason: `The preview does not open \`${link.split(':')[0]}:\` links.` };
  }
  if (url === '') {
    return { kind: 'source', path: fromPath, fragment };
  }
  const baseurl = site.config.baseurl;
  if (!url.startsWith('/')) {
    const from = site.urls.urlOf(fromPath) ?? '/' + fromPath;
    url = from.slice(0, from.lastIndexOf('/') + 1) + url;
  } else if (baseurl && (url === baseurl || url.startsWith(baseurl + '/'))) {
    url = url.slice(baseurl.length) || '/';
  }
  const target = site.urls.lookup(normalizeUrl(url));
  return target ? { kind: 'source', path: target.path, fragment } : { kind: 'none', reason: `Nothing in the blog is served at \`${href}\`.` };
}

/** The line of the heading whose id is `fragment`, or 0: where a link with that fragment opens the source. */
export function fragmentLine(site: SiteIndex, text: string, fragment: string | undefined): number {
  if (!fragment) {
    return 0;
  }
  return documentHeaderIds(text, site.config).find((h) => h.id === fragment)?.line ?? 0;
}

/** Resolves `.` and `..` segments, as a browser does before asking the server. */
function normalizeUrl(url: string): string {
  return new URL(url, 'http://blog.invalid').pathname;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
