/**
 * What a link's target means on the built site: Liquid that builds URLs (`{{ site.baseurl }}`,
 * `relative_url`, `absolute_url`, `{% post_url %}`, `{% link %}`) is expanded as Jekyll would; any other
 * Liquid makes the URL unknowable. Relative URLs resolve against the page's output URL, as a browser does.
 */
import type { SiteConfig } from '../site/config';
import { decodeComponent, decodePath } from '../url';
import { LINK_TAG_SOURCE } from './linkTags';

export type SuspiciousReason = 'scheme-less' | 'quoted' | 'parenthesized' | 'localhost';

export type ResolvedUrl =
  /** Nothing to check: `mailto:`, `javascript:`, an empty target, Liquid we cannot evaluate. */
  | { readonly kind: 'skip' }
  | { readonly kind: 'external'; readonly url: string }
  /** `#id` on the same page. */
  | { readonly kind: 'fragment'; readonly fragment: string }
  /**
   * A URL path on this site, decoded and without `baseurl`, query or fragment. `missingBaseurl` when the
   * site has a `baseurl` that the link leaves out (it works on `jekyll serve` only by luck).
   */
  | { readonly kind: 'internal'; readonly path: string; readonly fragment: string | undefined; readonly missingBaseurl: boolean; readonly relative: boolean }
  | { readonly kind: 'suspicious'; readonly reason: SuspiciousReason; readonly replacement: string | undefined };

/** Output of the URL-building Liquid tags, looked up by the caller; undefined when unknown. */
export interface LiquidUrls {
  postUrl(name: string): string | undefined;
  linkUrl(path: string): string | undefined;
}

const LIQUID = new RegExp(String.raw`\{\{-?\s*([\s\S]*?)\s*-?\}\}|` + LINK_TAG_SOURCE, 'g');

/** Expands the Liquid Jekyll uses to build URLs; undefined when other Liquid makes the URL unknowable. */
export function expandLiquid(target: string, config: SiteConfig, tags: LiquidUrls): string | undefined {
  if (!target.includes('{')) {
    return target;
  }
  let unknown = false;
  const expanded = target.replace(LIQUID, (match, output: string | undefined, tag: string | undefined, argument: string | undefined) => {
    if (tag) {
      const url = argument!.includes('{{') ? undefined : tag === 'post_url' ? tags.postUrl(argument!) : tags.linkUrl(argument!);
      unknown ||= url === undefined;
      return url ?? match;
    }
    const value = evaluateOutput(output!, config);
    unknown ||= value === undefined;
    return value ?? match;
  });
  return unknown || /\{\{|\{%/.test(expanded) ? undefined : expanded;
}

/** `site.baseurl`, `site.url`, and a quoted string through `relative_url` / `absolute_url`. */
export function evaluateOutput(expression: string, config: SiteConfig): string | undefined {
  const [head, ...filters] = expression.split('|').map((p) => p.trim());
  let value: string | undefined;
  if (head === 'site.baseurl') {
    value = config.baseurl;
  } else if (head === 'site.url') {
    value = config.url ?? '';
  } else {
    const literal = /^(["'])(.*)\1$/.exec(head ?? '');
    value = literal?.[2];
  }
  if (value === undefined) {
    return undefined;
  }
  for (const filter of filters) {
    if (filter === 'relative_url') {
      value = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : config.baseurl + ensureLeadingSlash(value);
    } else if (filter === 'absolute_url') {
      value = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : (config.url ?? '') + config.baseurl + ensureLeadingSlash(value);
    } else if (/^(?:prepend|append):\s*(["'])(.*)\1$/.test(filter)) {
      const [, , text] = /^(?:prepend|append):\s*(["'])(.*)\1$/.exec(filter)!;
      value = filter.startsWith('prepend') ? text + value : value + text;
    } else {
      return undefined;
    }
  }
  return value;
}

function ensureLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : '/' + path;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** A host written without a scheme: `www.reddit.com/r/x`, `stackoverflow.com`, `github.com/org/repo`. */
const SCHEME_LESS_HOST = /^(?:www\d?\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|pl|de|uk|co|info|edu|gov|me|app|ai|tech|blog|eu|us|ly|gl|gg|tv|xyz|cloud|sh|so|fm|news))(?=[/:?#]|$)/i;
const LOCALHOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\])$/i;

/**
 * Classifies a link target (Liquid already expanded). `pageUrl` is the linking page's output URL,
 * undefined for files Jekyll does not publish (drafts): their relative links cannot be resolved.
 */
export function resolveUrl(written: string, pageUrl: string | undefined, config: SiteConfig): ResolvedUrl {
  const target = written.trim();
  if (/^(["'“”‘’]).*\1$|^["“'‘].*["”'’]$/.test(target) && target.length >= 2) {
    return { kind: 'suspicious', reason: 'quoted', replacement: target.slice(1, -1).trim() };
  }
  if (target.startsWith('(') && target.endsWith(')')) {
    return { kind: 'suspicious', reason: 'parenthesized', replacement: target.slice(1, -1).trim() };
  }
  if (target === '' || target === '#') {
    return { kind: 'skip' };
  }
  if (target.startsWith('#')) {
    return { kind: 'fragment', fragment: decodeComponent(target.slice(1)) };
  }
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme !== undefined || target.startsWith('//')) {
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      return { kind: 'skip' };
    }
    let url: URL;
    try {
      url = new URL(target.startsWith('//') ? 'https:' + target : target);
    } catch {
      return { kind: 'skip' };
    }
    if (LOCALHOST.test(url.hostname)) {
      return { kind: 'suspicious', reason: 'localhost', replacement: undefined };
    }
    const site = siteOrigin(config);
    if (site && sameHost(url.hostname, site.hostname)) {
      return internal(url.pathname, url.hash, config, false);
    }
    return { kind: 'external', url: target };
  }
  if (target.startsWith('/')) {
    return internal(target.replace(/[?#].*$/, ''), hashOf(target), config, false);
  }
  const host = SCHEME_LESS_HOST.exec(target);
  if (host && !/\.(?:html?|md|markdown|png|jpe?g|gif|svg|webp|pdf|xml|json|txt|css|js)(?:[?#]|$)/i.test(host[0])) {
    return { kind: 'suspicious', reason: 'scheme-less', replacement: 'https://' + target };
  }
  if (pageUrl === undefined) {
    return { kind: 'skip' };
  }
  let url: URL;
  try {
    url = new URL(target, 'http://site.invalid' + config.baseurl + pageUrl);
  } catch {
    return { kind: 'skip' };
  }
  return internal(url.pathname, url.hash, config, true);
}

function internal(pathname: string, hash: string, config: SiteConfig, relative: boolean): ResolvedUrl {
  let path = decodePath(pathname);
  const fragment = hash.length > 1 ? decodeComponent(hash.slice(1)) : undefined;
  let missingBaseurl = false;
  if (config.baseurl) {
    if (path === config.baseurl || path.startsWith(config.baseurl + '/')) {
      path = path.slice(config.baseurl.length) || '/';
    } else {
      missingBaseurl = true;
    }
  }
  return { kind: 'internal', path, fragment, missingBaseurl, relative };
}

function hashOf(target: string): string {
  const at = target.indexOf('#');
  return at < 0 ? '' : target.slice(at);
}

function siteOrigin(config: SiteConfig): URL | undefined {
  if (!config.url) {
    return undefined;
  }
  try {
    return new URL(config.url);
  } catch {
    return undefined;
  }
}

function sameHost(a: string, b: string): boolean {
  const strip = (host: string) => host.toLowerCase().replace(/^www\./, '');
  return strip(a) === strip(b);
}
