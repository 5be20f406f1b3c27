/**
 * `<base href="...">` in a layout or include: the browser resolves every relative URL of the page against it, not
 * against the page's own URL (HTML's document base URL). theforeman.org's header writes `<base href="{{ site.baseurl }}/">`,
 * so `[a](plugins/x)` in `/plugins/` goes to `/plugins/x`.
 */
import type { SiteConfig } from '../site/config';
import { expandLiquid, type LiquidUrls } from './resolveUrl';

/** A base href is written in a layout: no `{% post_url %}` or `{% link %}` there is known. */
const NO_LINK_TAGS: LiquidUrls = { postUrl: () => undefined, linkUrl: () => undefined };

const BASE_TAG = /<base\s[^>]{0,500}?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/** Liquid blocks that may leave a tag out of the page (`{% if jekyll.environment == 'email' %}<base ...>`). */
const BLOCK_TAG = /\{%-?\s*(end)?(if|unless|case|for|capture|comment|raw)\b/g;

/** The href of the first `<base>` tag in a template that every build writes (outside Liquid blocks), as written. */
export function baseHrefIn(text: string): string | undefined {
  if (!/<base\s/i.test(text)) {
    return undefined;
  }
  BASE_TAG.lastIndex = 0;
  const tag = BASE_TAG.exec(text);
  if (!tag) {
    return undefined;
  }
  let depth = 0;
  for (const block of text.slice(0, tag.index).matchAll(BLOCK_TAG)) {
    depth += block[1] === undefined ? 1 : -1;
  }
  return depth > 0 ? undefined : (tag[1] ?? tag[2] ?? tag[3])!;
}

/**
 * The site path (without `baseurl`) a base href names, ending in `/` or a file name as a page URL does: a path from
 * the root (`{{ site.baseurl }}/`, `/docs/`) or the site's own `url`. Undefined for anything else (another host,
 * a relative base, Liquid that cannot be evaluated): links then resolve against the page's URL as before.
 */
export function basePath(href: string, config: SiteConfig): string | undefined {
  let value = href.trim();
  if (value.includes('{{')) {
    const expanded = expandLiquid(value, config, NO_LINK_TAGS);
    if (expanded === undefined) {
      return undefined;
    }
    value = expanded;
  }
  const site = config.url?.replace(/\/+$/, '');
  if (site && value.startsWith(site + '/')) {
    value = value.slice(site.length);
  }
  if (!value.startsWith('/') || value.startsWith('//')) {
    return undefined;
  }
  const path = value.split(/[?#]/, 1)[0]!;
  if (config.baseurl === '') {
    return path;
  }
  return path === config.baseurl ? '/' : path.startsWith(config.baseurl + '/') ? path.slice(config.baseurl.length) : undefined;
}
