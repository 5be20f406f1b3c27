import * as l10n from '@vscode/l10n';
import { resolveUrl } from '../links/resolveUrl';
import { decodeComponent } from '../url';
import { MISSING_SCHEME } from '../render/liquid';
import type { SiteIndex } from '../site/siteIndex';
import { resolveLink } from './linkTargets';

/** Where a click on a link in the preview of `fromPath` leads. */
export type PreviewLinkResolution =
  | { readonly kind: 'source'; readonly path: string; readonly fragment: string | undefined }
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * Resolves a clicked link as the link checker resolves URLs (`links/resolveUrl.ts`): the blog's own URLs
 * lead to their source through the URL map; http(s) and mailto links elsewhere are external; anything else
 * goes nowhere.
 */
export function resolvePreviewLink(site: SiteIndex, fromPath: string, href: string): PreviewLinkResolution {
  const link = href.trim();
  if (link.startsWith(MISSING_SCHEME)) {
    const [tag = '', ...rest] = link.slice(MISSING_SCHEME.length).split('/');
    const target = decodeComponent(rest.join('/'));
    const resolved = resolveLink(site, { kind: tag === 'link' ? 'link' : 'post_url', target });
    return { kind: 'none', reason: resolved.kind === 'unresolved' ? resolved.reason : l10n.t('`{% {0} {1} %}` cannot be resolved.', tag, target) };
  }
  if (/^mailto:/i.test(link)) {
    return { kind: 'external', url: link };
  }
  const resolved = resolveUrl(link, site.urls.urlOf(fromPath) ?? '/' + fromPath, site.config);
  switch (resolved.kind) {
    case 'fragment':
      return { kind: 'source', path: fromPath, fragment: resolved.fragment };
    case 'external':
      return { kind: 'external', url: resolved.url.startsWith('//') ? 'https:' + resolved.url : resolved.url };
    case 'internal': {
      const target = site.urls.lookup(resolved.path);
      return target ? { kind: 'source', path: target.path, fragment: resolved.fragment } : { kind: 'none', reason: l10n.t('Nothing in the blog is served at `{0}`.', href) };
    }
    default:
      return { kind: 'none', reason: l10n.t('The preview does not open `{0}`.', href) };
  }
}

/** The line of the heading whose id is `fragment` in the indexed document at `path`, or 0: where a link with that fragment opens the source. */
export function fragmentLine(site: SiteIndex, path: string, fragment: string | undefined): number {
  if (!fragment) {
    return 0;
  }
  return site.document(path)?.anchors.find((a) => a.id === fragment)?.line ?? 0;
}
