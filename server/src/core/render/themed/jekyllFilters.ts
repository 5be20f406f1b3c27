import type { Context, FilterImplOptions } from 'liquidjs';
import type { SiteIndex } from '../../site/siteIndex';
import { markdownToHtml } from '../renderPost';
import { STATE_KEY, type RenderState } from './renderState';

/**
 * Jekyll's filters that liquidjs does not have (it has `where`, `group_by`, `jsonify`, `xml_escape`, `slugify`,
 * `date_to_string`, `number_of_words`, `array_to_sentence_string` and the rest of `Jekyll::Filters`).
 * Each is linear in its input; `markdownify` refuses input larger than a post can be.
 */

/** Largest text `markdownify` renders, as the preview's own limit for a post. */
const MAX_MARKDOWNIFY = 512 * 1024;

export function jekyllFilters(site: SiteIndex): Record<string, FilterImplOptions> {
  const relativeUrl = (input: unknown): unknown => {
    const url = urlOf(input);
    if (url === undefined || isAbsolute(url)) {
      return url;
    }
    return normalizeUrl(leadingSlash(site.config.baseurl.replace(/\/$/, '')) + leadingSlash(url));
  };
  return {
    relative_url: relativeUrl,
    absolute_url: (input: unknown) => {
      const url = urlOf(input);
      if (url === undefined || isAbsolute(url)) {
        return url;
      }
      const relative = relativeUrl(url) as string;
      return site.config.url ? normalizeUrl(site.config.url + relative) : relative;
    },
    markdownify: function (this: { context: Context }, input: unknown) {
      const text = input === undefined || input === null ? '' : String(input);
      if (text.length > MAX_MARKDOWNIFY) {
        return (this.context.globals[STATE_KEY] as RenderState).placeholder('markdownify: text too long');
      }
      return markdownToHtml(site, '', text, undefined);
    },
    smartify: (input: unknown) => smartQuotes(input === undefined || input === null ? '' : String(input)),
    // Sass inside a template cannot be compiled inline; styles are compiled from their files.
    sassify: (input: unknown) => input,
    scssify: (input: unknown) => input,
  };
}

/** A document (anything with a `url`) stands for its URL, as in Jekyll. */
function urlOf(input: unknown): string | undefined {
  if (input === undefined || input === null) {
    return undefined;
  }
  if (typeof input === 'object' && 'liquidMethodMissing' in input) {
    const url = (input as { liquidMethodMissing(key: string): unknown }).liquidMethodMissing('url');
    return typeof url === 'string' ? url : String(input);
  }
  return String(input);
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

function leadingSlash(text: string): string {
  return text.startsWith('/') ? text : '/' + text;
}

/** Addressable's `normalize` as far as a path goes: characters a URL cannot hold are percent-encoded. */
function normalizeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

/** kramdown's SmartyPants: curly quotes, dashes and ellipses, on text without markup. */
function smartQuotes(text: string): string {
  return text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/(^|[\s([{-])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{-])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}
