/**
 * jekyll-relative-links (a GitHub Pages default; here when the site lists it): before a Markdown page is rendered,
 * `[text](other.md#id)`, `![alt](img/a.png)` and `[ref]: ../b.md` become links to the URL of the site file they
 * name, found from the page's own folder (from the site's root for `/other.md`), as on GitHub. A link naming no site
 * file is left as written. Collections' documents (posts and drafts too) only with `relative_links: { collections:
 * true }`. (jekyll-relative-links 0.7 `Generator`; its `exclude` setting is not read: links there are taken as
 * rewritten.)
 */
import { asRecord, type SiteConfig } from '../site/config';
import { isMarkdownPath } from '../site/documentKind';
import type { LinkForm } from './scanLinks';
import { findFile, type LinkSite } from './targets';

/** Whether the plugin rewrites links in a document of this kind at this path. */
export function rewritesRelativeLinks(config: SiteConfig, path: string, kind: string): boolean {
  if (!config.plugins.includes('jekyll-relative-links')) {
    return false;
  }
  const options = asRecord(config.raw['relative_links']);
  if (options['enabled'] === false || !isMarkdownPath(path, config)) {
    return false;
  }
  return kind === 'page' || (options['collections'] === true && (kind === 'post' || kind === 'draft' || kind === 'collection'));
}

/**
 * The site path a rewritable link names (`docs/config.md` for `config.md` in `docs/basics.md`), to be looked up
 * among the site's files; undefined for a link the plugin never rewrites: a fragment alone, an absolute URL, Liquid.
 */
export function relativeLinkPath(documentPath: string, form: LinkForm, target: string): string | undefined {
  if (form !== 'inline' && form !== 'image' && form !== 'definition') {
    return undefined;
  }
  const path = target.trim().split('#', 1)[0]!;
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.includes('{')) {
    return undefined;
  }
  const base = path.startsWith('/') ? [] : documentPath.split('/').slice(0, -1);
  const parts = [...base];
  for (const part of unescape(path).split('/')) {
    if (part === '..') {
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/** The site file (page, document or static file) a link in `documentPath` goes to through the plugin, if it names one. */
export function relativeLinkTarget(site: LinkSite, documentPath: string, link: { readonly form: LinkForm; readonly target: string }): string | undefined {
  const path = relativeLinkPath(documentPath, link.form, link.target);
  return path === undefined ? undefined : findFile(site, path);
}

/** Ruby's `CGI.unescape`: `+` is a space, `%xx` a byte. */
function unescape(path: string): string {
  const spaced = path.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
