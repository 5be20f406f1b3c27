/**
 * What a link's target means on the built site: Liquid that builds URLs (`{{ site.baseurl }}`,
 * `relative_url`, `absolute_url`, `{% post_url %}`, `{% link %}`) is expanded as Jekyll would; any other
 * Liquid makes the URL unknowable. Relative URLs resolve against the page's output URL, as a browser does.
 */
import type { SiteConfig } from '../site/config';
import { decodeComponent, decodePath, ensureLeadingSlash, withoutDotSegments } from '../url';
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

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** A host written without a scheme: `www.reddit.com/r/x`, `stackoverflow.com`, `github.com/org/repo`. */
const SCHEME_LESS_HOST = /^(?:www\d?\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|pl|de|uk|co|info|edu|gov|me|app|ai|tech|blog|eu|us|ly|gl|gg|tv|xyz|cloud|sh|so|fm|news))(?=[/:?#]|$)/i;
const LOCALHOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\])$/i;

/**
 * Classifies a link target (Liquid already expanded). `pageUrl` is the linking page's output URL,
 * undefined for files Jekyll does not publish (drafts): their relative links cannot be resolved. It may be given
 * as a function, called only for a relative link (working a page's URL out costs more than most links).
 */
export function resolveUrl(written: string, pageUrl: string | undefined | (() => string | undefined), config: SiteConfig): ResolvedUrl {
  // A browser drops every tab and line break in a URL (WHATWG URL); Jekyll writes them into the `href` as they are.
  const trimmed = written.trim();
  const target = TAB_OR_NEWLINE.test(trimmed) ? trimmed.replace(TABS_AND_NEWLINES, '') : trimmed;
  const first = target.charCodeAt(0);
  // A path from the site root, the most common link: no scheme (that starts with a letter), quotes or parentheses.
  if (first === SLASH && target.charCodeAt(1) !== SLASH) {
    return internalPath(target, config);
  }
  if (QUOTES.has(first) && target.length >= 2 && /^(["'“”‘’]).*\1$|^["“'‘].*["”'’]$/.test(target)) {
    return { kind: 'suspicious', reason: 'quoted', replacement: target.slice(1, -1).trim() };
  }
  if (target.startsWith('(') && target.endsWith(')')) {
    return { kind: 'suspicious', reason: 'parenthesized', replacement: target.slice(1, -1).trim() };
  }
  if (target === '' || target === '#') {
    return { kind: 'skip' };
  }
  if (first === HASH) {
    return { kind: 'fragment', fragment: decodeComponent(target.slice(1)) };
  }
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme !== undefined || target.startsWith('//')) {
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      return { kind: 'skip' };
    }
    // Another site's plain host needs no URL parser (a third of a link's resolving); anything else gets one.
    const plainHost = PLAIN_HOST.exec(target)?.[1];
    if (plainHost !== undefined && !PUNYCODE.test(plainHost) && strippedHost(plainHost) !== siteOrigin(config).host) {
      return { kind: 'external', url: target };
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
    if (site.host !== undefined && strippedHost(url.hostname) === site.host) {
      // A `url` with a path (`https://owner.github.io/indigo`) and no baseurl is where the site's root is served:
      // Jekyll's own `absolute_url` writes `url` + path. Elsewhere on that host is another site.
      const prefix = config.baseurl === '' ? site.path : '';
      const path = url.pathname;
      if (prefix === '' || path === prefix || path.startsWith(prefix + '/')) {
        return internal(path.slice(prefix.length) || '/', url.hash, config, false);
      }
      return { kind: 'external', url: target };
    }
    return { kind: 'external', url: target };
  }
  const host = SCHEME_LESS_HOST.exec(target);
  if (host && !/\.(?:html?|md|markdown|png|jpe?g|gif|svg|webp|pdf|xml|json|txt|css|js)(?:[?#]|$)/i.test(host[0])) {
    return { kind: 'suspicious', reason: 'scheme-less', replacement: 'https://' + target };
  }
  const base = typeof pageUrl === 'function' ? pageUrl() : pageUrl;
  if (base === undefined) {
    return { kind: 'skip' };
  }
  let url: URL;
  try {
    url = new URL(target, 'http://site.invalid' + config.baseurl + base);
  } catch {
    return { kind: 'skip' };
  }
  return internal(url.pathname, url.hash, config, true);
}

/**
 * `http(s)://` and a host the URL parser would only lower-case: letters, digits and hyphens in dotted labels, the last
 * one starting with a letter (a number there makes an IPv4 address), and no port, user or escapes.
 */
const PLAIN_HOST = /^https?:\/\/((?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*)(?=[/?#]|$)/i;
/** Punycode labels, which the parser checks and may refuse. */
const PUNYCODE = /(?:^|\.)xn--/i;
const TAB_OR_NEWLINE = /[\t\n\r]/;
const TABS_AND_NEWLINES = /[\t\n\r]/g;
const SLASH = 0x2f;
const HASH = 0x23;
/** The first characters of a target wrapped in quotes. */
const QUOTES = new Set([...`"'“”‘’`].map((c) => c.charCodeAt(0)));

/** `/path?query#fragment` as written: the path ends at the first `?` or `#`, the fragment starts at the first `#`. */
function internalPath(target: string, config: SiteConfig): ResolvedUrl {
  const hash = target.indexOf('#');
  const query = target.indexOf('?');
  const end = query >= 0 && (hash < 0 || query < hash) ? query : hash;
  // `.` stops at a line break: the pattern cuts at the first `?` or `#` after the last one.
  const path = LINE_BREAK.test(target) ? target.replace(/[?#].*$/, '') : end < 0 ? target : target.slice(0, end);
  return internal(withoutDotSegments(path), hash < 0 ? '' : target.slice(hash), config, false);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const REPEATED_SLASHES = /\/{2,}/g;

function internal(pathname: string, hash: string, config: SiteConfig, relative: boolean): ResolvedUrl {
  // The server reads slashes written twice as one (the oracle: `jekyll serve` answers `/assets//x.png`), after the
  // browser resolved the `..` segments.
  let path = decodePath(pathname.includes('//') ? pathname.replace(REPEATED_SLASHES, '/') : pathname);
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

/** The host of each configuration's `url`, without `www.`, and its path without the last `/`: parsed once, not once per external link. */
const siteOrigins = new WeakMap<SiteConfig, SiteOrigin>();

interface SiteOrigin {
  readonly host: string | undefined;
  readonly path: string;
}

function siteOrigin(config: SiteConfig): SiteOrigin {
  let site = siteOrigins.get(config);
  if (!site) {
    site = config.url ? originOf(config.url) : { host: undefined, path: '' };
    siteOrigins.set(config, site);
  }
  return site;
}

function originOf(url: string): SiteOrigin {
  try {
    const parsed = new URL(url);
    return { host: strippedHost(parsed.hostname), path: parsed.pathname.replace(/\/+$/, '') };
  } catch {
    return { host: undefined, path: '' };
  }
}

function strippedHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}
