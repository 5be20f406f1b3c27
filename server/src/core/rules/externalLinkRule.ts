import * as l10n from '@vscode/l10n';
import { expandLiquid, resolveUrl } from '../links/resolveUrl';
import type { ScannedLinks } from '../links/scanLinks';
import type { SiteIndex } from '../site/siteIndex';
import { scanOf } from './linkRules';
import type { Finding, Rule } from './rule';

const NO_TAGS = { postUrl: () => undefined, linkUrl: () => undefined };

/**
 * External links the network called broken. Only with `externalLinks` on (the server turns it off in an
 * untrusted workspace) and only from results already fetched: the rule itself never waits on the network.
 */
export const externalLinkRule: Rule = {
  name: 'external links',
  wholeBlog: true,
  check(context): Finding[] {
    const checker = context.externalLinks;
    const scanned = context.settings.externalLinks && checker ? scanOf(context) : undefined;
    if (!scanned || !checker) {
      return [];
    }
    return externalLinksOf(context.site, context.document.path, scanned).flatMap(({ url, start, end }) => {
      const status = checker.status(url);
      return status && !status.ok ? [{ code: 'link.external', start, end, message: l10n.t('{0} {1}.', url, status.message) }] : [];
    });
  },
};

/** The external http(s) links of a scanned document, with their ranges. */
export function externalLinksOf(site: SiteIndex, path: string, scanned: ScannedLinks): { url: string; start: number; end: number }[] {
  const links: { url: string; start: number; end: number }[] = [];
  for (const link of scanned.links) {
    if (link.form === 'post_url' || link.form === 'link' || link.form === 'reference') {
      continue;
    }
    const expanded = expandLiquid(link.target, site.config, NO_TAGS);
    const resolved = expanded === undefined ? undefined : resolveUrl(expanded, site.urls.urlOf(path), site.config);
    if (resolved?.kind === 'external') {
      links.push({ url: resolved.url.startsWith('//') ? 'https:' + resolved.url : resolved.url, start: link.start, end: link.end });
    }
  }
  return links;
}
