import * as l10n from '@vscode/l10n';
import type { SiteDocument, SiteIndex } from '../site/siteIndex';
import { findFile, findPost } from '../links/targets';
import { resolveUrl } from '../links/resolveUrl';
import { relativeLinkTarget, rewritesRelativeLinks } from '../links/relativeLinks';
import type { NavigationLink, SourceFileOf } from './navigationLinks';

/** Where a link leads: a document or static file of the blog, or why that cannot be said. */
export type LinkTarget =
  | { readonly kind: 'document'; readonly path: string; readonly document: SiteDocument }
  | { readonly kind: 'static'; readonly path: string }
  | { readonly kind: 'unresolved'; readonly reason: string }
  /** The URL may come from something the index cannot see (a plugin, a theme): not an error. */
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Resolves a `post_url`, `link` or root-relative URL against the index, as the link checker does; a bare
 * `#fragment` leads to the document it is written in (`fromPath`).
 */
export function resolveLink(site: SiteIndex, link: Pick<NavigationLink, 'kind' | 'target'>, fromPath?: string): LinkTarget {
  switch (link.kind) {
    case 'fragment': {
      const document = fromPath === undefined ? undefined : site.document(fromPath);
      return document ? { kind: 'document', path: document.path, document } : { kind: 'unknown', reason: l10n.t('This file is not a document of the blog.') };
    }
    case 'post_url': {
      const found = findPost(site, link.target);
      const document = found.kind === 'found' ? site.document(found.path) : undefined;
      if (document) {
        return { kind: 'document', path: document.path, document };
      }
      return { kind: 'unresolved', reason: found.kind === 'invalid' ? l10n.t('`{0}` is not a post name (`YYYY-MM-DD-title`).', link.target) : l10n.t('No post is named `{0}`: Jekyll stops the build here.', link.target) };
    }
    case 'link': {
      const path = findFile(site, link.target);
      const document = path === undefined ? undefined : site.document(path);
      if (document) {
        return { kind: 'document', path: document.path, document };
      }
      return path !== undefined ? { kind: 'static', path } : { kind: 'unresolved', reason: l10n.t('No file `{0}` in the blog: Jekyll stops the build here.', link.target.replace(/^\/+/, '')) };
    }
    case 'url': {
      const resolved = resolveUrl(link.target, undefined, site.config);
      const target = resolved.kind === 'internal' ? site.urls.lookup(resolved.path) : undefined;
      if (!target) {
        return { kind: 'unknown', reason: l10n.t('No file of the blog is published at `{0}`; a plugin or the theme may make it.', link.target) };
      }
      const document = site.document(target.path);
      return document ? { kind: 'document', path: target.path, document } : { kind: 'static', path: target.path };
    }
  }
}

/** How jekyll-relative-links rewrites the links of the document at `path`, when the site has it do so there. */
export function sourceFileLinks(site: SiteIndex, path: string): SourceFileOf | undefined {
  const kind = site.document(path)?.kind;
  return kind !== undefined && rewritesRelativeLinks(site.config, path, kind) ? (link) => relativeLinkTarget(site, path, link) : undefined;
}

/** The URL folder a document is published in (`/2020/01/`), against which its relative links resolve. */
export function urlFolderOf(site: SiteIndex, path: string): string {
  const url = site.urls.urlOf(path) ?? '/' + path;
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/** The name `{% post_url %}` writes for a post: its path under `_posts/` without extension, a `dir/_posts/` folder in front. */
export function postNameOf(document: SiteDocument): string | undefined {
  if (document.kind !== 'post') {
    return undefined;
  }
  const at = document.path.lastIndexOf('_posts/');
  const withoutExt = document.path.slice(0, document.path.length - document.ext.length);
  return withoutExt.slice(0, at) + withoutExt.slice(at + '_posts/'.length);
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
  return document.kind === 'post' ? normalizeDate(document.date) : undefined;
}

export function documentTitle(document: SiteDocument): string | undefined {
  const title = document.data['title'];
  return typeof title === 'string' ? title : typeof title === 'number' ? String(title) : undefined;
}

function normalizeDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

