/**
 * What links point to, as keys for the reverse index, and how `{% post_url %}` and `{% link %}` find
 * their targets (jekyll/jekyll `Tags::PostComparer`, `Tags::Link`).
 */
import type { SiteConfig } from '../site/config';
import { postName, postUrlName, withoutDate } from '../site/postName';
import { resolveUrl } from './resolveUrl';
import { canonicalPath, decodeComponent } from '../url';
import type { LinkForm } from './scanLinks';

/** What `{% post_url %}`/`{% link %}` lookups and the reverse index read of the site: a narrow view of `SiteIndex`. */
export interface LinkSite {
  readonly staticFiles: ReadonlySet<string>;
  readonly urls: { urlOf(path: string): string | undefined; urlsOf(path: string): readonly string[] };
  document(path: string): { readonly kind: string; readonly data: Readonly<Record<string, unknown>> } | undefined;
  readonly links: { postsNamed(name: string): ReadonlySet<string> | undefined };
}

/** Receives a key as a prefix (`url:`, `file:`, `post:`, `title:`) and the rest of `body` from `from`: no key string need be made. */
export type KeySink = (prefix: string, body: string, from?: number) => void;

/**
 * The keys of what a link from a document published at `sourceUrl` points to: `url:/canonical/path`,
 * `file:path/in/site.md`, or for a post_url `post:2015-03-01-title` and `title:title` (a new post with that
 * title changes the suggestion). Nothing but the config and the source's URL decides them; the URL may be given
 * as a function, called only for a relative link (see `resolveUrl`).
 */
export function targetKeys(config: SiteConfig, sourceUrl: string | undefined | (() => string | undefined), form: LinkForm, target: string): string[] {
  const keys: string[] = [];
  emitTargetKeys(config, sourceUrl, form, target, (prefix, body, from = 0) => keys.push(prefix + body.slice(from)));
  return keys;
}

/** `targetKeys`, each key given to `sink` in parts: the reverse index hashes them as they come (a third of its cost was making the strings). */
export function emitTargetKeys(config: SiteConfig, sourceUrl: string | undefined | (() => string | undefined), form: LinkForm, target: string, sink: KeySink): void {
  if (target.includes('{{')) {
    return;
  }
  if (form === 'post_url') {
    const name = postName(target.trim());
    sink('post:', name);
    sink('title:', name, name.length - withoutDate(name).length);
    return;
  }
  if (form === 'link') {
    sink('file:', target.trim().replace(/^\/+/, ''));
    return;
  }
  // A `{% post_url %}` or `{% link %}` in it is a link of its own, with its own keys; the URL it makes is not
  // known here, so the target has none (as `expandLiquid` finds without the tags' lookups).
  if (target.includes('{%')) {
    return;
  }
  const resolved = resolveUrl(target, sourceUrl, config);
  if (resolved.kind === 'internal') {
    sink('url:', canonicalPath(resolved.path));
    if (resolved.relative) {
      // A layout's `<base href>` may send it elsewhere: every target is its target then (`RELATIVE_KEY`).
      sink(RELATIVE_KEY, '');
    }
  }
}

/**
 * The key of every relative link: on a site whose layouts or includes write a `<base href>` (baseHref.ts), where one
 * goes depends on the page's templates, so any target that changes re-checks them all (`documentKeys`).
 */
export const RELATIVE_KEY = 'relative:';

/**
 * Every key by which links can reach a source file: its URLs (redirects too), its post name, its path; with `viaBase`
 * (a template writes a `<base href>`), relative links too.
 */
export function documentKeys(site: LinkSite, path: string, viaBase = false): string[] {
  const keys = site.urls.urlsOf(path).map((url) => 'url:' + canonicalPath(decodeComponent(url)));
  keys.push('file:' + path);
  if (site.document(path)?.kind === 'post' || /(?:^|\/)_posts\//.test(path)) {
    keys.push('post:' + postName(path), 'title:' + withoutDate(postName(path)));
  }
  if (viaBase) {
    keys.push(RELATIVE_KEY);
  }
  return keys;
}

export type PostLookup = { readonly kind: 'found'; readonly path: string } | { readonly kind: 'invalid' } | { readonly kind: 'missing'; readonly name: string };

/**
 * `{% post_url name %}`: `name` is `[folder/]YYYY-MM-DD-title`; it matches `_posts/folder/<date>-<title>.*`
 * or `folder/_posts/<date>-<title>.*`. Jekyll's legacy second pass (same title and date, folder ignored)
 * also finds a post, with a deprecation warning, so it counts as found.
 */
export function findPost(site: LinkSite, written: string): PostLookup {
  const name = written.trim().replace(/^\//, '');
  const match = postUrlName(name);
  if (!match) {
    return { kind: 'invalid' };
  }
  const folder = match.folder ?? '';
  // `<date>-<title>`: the name after its folder, as written.
  const base = folder ? name.slice(folder.length) : name;
  const candidates = site.links.postsNamed(base);
  if (candidates) {
    // Where Jekyll looks: `_posts/<folder><base>.<ext>` or `<folder>_posts[/]<base>.<ext>`.
    const prefixes = [`_posts/${folder}`, `${folder}_posts/`, `${folder}_posts`];
    for (const path of candidates) {
      if (prefixes.some((prefix) => isPostFile(path, prefix, base))) {
        return { kind: 'found', path };
      }
    }
  }
  // The legacy pass compares the date as a date: `2015-3-1-title` finds `2015-03-01-title`.
  const [year, month, day] = match.date.split('-').map(Number) as [number, number, number];
  const padded = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}-${match.title}`;
  // It compares the title with the post's `slug`, so a post whose front matter sets another slug is not found.
  const legacy = [...(candidates ?? []), ...(site.links.postsNamed(padded) ?? [])].find((path) => {
    const slug = site.document(path)?.data['slug'];
    return typeof slug !== 'string' || slug === match.title;
  });
  return legacy ? { kind: 'found', path: legacy } : { kind: 'missing', name: base };
}

/** `path` is `<prefix><base>.<ext>` with one extension: compared as strings, since a RegExp per link cost more than the check. */
function isPostFile(path: string, prefix: string, base: string): boolean {
  if (!path.startsWith(prefix) || !path.startsWith(base, prefix.length)) {
    return false;
  }
  const extension = path.slice(prefix.length + base.length);
  return extension.length > 1 && extension[0] === '.' && !extension.includes('.', 1);
}

/**
 * `{% link path %}`: a page, static file or written collection document by its path from the site root.
 * A leading `/` is accepted (Jekyll matches static files with it).
 */
export function findFile(site: LinkSite, written: string): string | undefined {
  const path = written.trim().replace(/^\/+/, '');
  if (site.staticFiles.has(path) || site.urls.urlOf(path) !== undefined) {
    return path;
  }
  return undefined;
}
