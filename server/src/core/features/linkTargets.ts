import type { SiteDocument, SiteIndex } from '../site/siteIndex';
import type { BodyLink } from './bodyLinks';

/** Where a link leads: a document or static file of the blog, or why that cannot be said. */
export type LinkTarget =
  | { readonly kind: 'document'; readonly path: string; readonly document: SiteDocument }
  | { readonly kind: 'static'; readonly path: string }
  | { readonly kind: 'unresolved'; readonly reason: string }
  /** The URL may come from something the index cannot see (a plugin, a theme): not an error. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** Resolves a `post_url`, `link` or root-relative URL against the index. */
export function resolveLink(site: SiteIndex, link: Pick<BodyLink, 'kind' | 'target'>): LinkTarget {
  switch (link.kind) {
    case 'post_url': {
      const path = postNames(site).get(link.target.replace(/^\/+/, '')) ?? postsByDateAndSlug(site).get(basename(link.target));
      const document = path === undefined ? undefined : site.document(path);
      return document ? { kind: 'document', path: document.path, document } : { kind: 'unresolved', reason: `No post is named \`${link.target}\`: Jekyll stops the build here.` };
    }
    case 'link': {
      const path = link.target.replace(/^\/+/, '');
      const document = site.document(path);
      if (document) {
        return { kind: 'document', path, document };
      }
      return site.staticFiles.has(path) ? { kind: 'static', path } : { kind: 'unresolved', reason: `No file \`${path}\` in the blog: Jekyll stops the build here.` };
    }
    case 'url':
      return resolveUrl(site, link.target);
  }
}

/** A root-relative URL, through the site's URL map (what Jekyll would write where). */
function resolveUrl(site: SiteIndex, url: string): LinkTarget {
  const baseurl = site.config.baseurl;
  const path = baseurl && (url === baseurl || url.startsWith(baseurl + '/')) ? url.slice(baseurl.length) || '/' : url;
  const target = site.urls.lookup(path);
  if (!target) {
    return { kind: 'unknown', reason: `No file of the blog is published at \`${url}\`; a plugin or the theme may make it.` };
  }
  const document = site.document(target.path);
  return document ? { kind: 'document', path: target.path, document } : { kind: 'static', path: target.path };
}

/** The URL folder a document is published in (`/2020/01/`), against which its relative links resolve. */
export function urlFolderOf(site: SiteIndex, path: string): string {
  const url = site.urls.urlOf(path) ?? '/' + path;
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/**
 * Post names as `{% post_url %}` writes them: the path under `_posts/` without extension
 * (`2020-01-01-first`, `sub/2020-01-01-first`), and for `dir/_posts/` posts `dir/2020-01-01-first`.
 */
export function postNames(site: SiteIndex): ReadonlyMap<string, string> {
  return site.derived('postNames', () => {
    const names = new Map<string, string>();
    for (const document of site.documents.values()) {
      const name = postNameOf(document);
      if (name !== undefined) {
        names.set(name, document.path);
      }
    }
    return names;
  }, []);
}

export function postNameOf(document: SiteDocument): string | undefined {
  if (document.info.kind !== 'post') {
    return undefined;
  }
  const at = document.path.lastIndexOf('_posts/');
  const withoutExt = document.path.slice(0, document.path.length - document.info.ext.length);
  return withoutExt.slice(0, at) + withoutExt.slice(at + '_posts/'.length);
}

/** Jekyll still resolves a name by date and slug alone (with a deprecation warning). */
function postsByDateAndSlug(site: SiteIndex): ReadonlyMap<string, string> {
  return site.derived('postsByDateAndSlug', () => {
    const names = new Map<string, string>();
    for (const [name, path] of postNames(site)) {
      names.set(basename(name), path);
    }
    return names;
  }, []);
}

/** A post's or page's date as written (`date:` or the file name), `YYYY-MM-DD`. */
export function documentDate(document: SiteDocument): string | undefined {
  const value = document.data['date'];
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    return value.slice(0, 10);
  }
  return document.info.kind === 'post' ? normalizeDate(document.info.date) : undefined;
}

export function documentTitle(document: SiteDocument): string | undefined {
  const title = document.data['title'];
  return typeof title === 'string' ? title : typeof title === 'number' ? String(title) : undefined;
}

function normalizeDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

function basename(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

