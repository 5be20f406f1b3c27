import { Drop, type Context, type FilterImplOptions } from 'liquidjs';
import type { SiteIndex } from '../../site/siteIndex';
import { ensureLeadingSlash } from '../../url';
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
    return normalizeUrl(ensureLeadingSlash(site.config.baseurl.replace(/\/$/, '')) + ensureLeadingSlash(url));
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
    // liquidjs's own `where`, `group_by`, `sort` and `map` look a key up as a scope, which misses a drop's lazy keys.
    where: (input: unknown, property: unknown, value: unknown) => {
      const expected = stringOf(value);
      return arrayOf(input).filter((item) => {
        const actual = propertyOf(item, String(property));
        return (Array.isArray(actual) ? actual : [actual]).some((v) => stringOf(v) === expected);
      });
    },
    group_by: (input: unknown, property: unknown) => {
      const groups = new Map<string, unknown[]>();
      for (const item of arrayOf(input)) {
        const key = stringOf(propertyOf(item, String(property)));
        (groups.get(key) ?? groups.set(key, []).get(key)!).push(item);
      }
      return [...groups].map(([name, items]) => ({ name, items, size: items.length }));
    },
    sort: (input: unknown, property?: unknown, nils: unknown = 'first') => {
      const items = [...arrayOf(input)];
      const key = (item: unknown) => (property === undefined || property === null ? item : propertyOf(item, String(property)));
      return items.sort((a, b) => compareValues(key(a), key(b), nils === 'last'));
    },
    map: (input: unknown, property: unknown) => arrayOf(input).flatMap((item) => propertyOf(item, String(property))),
    // Sass inside a template cannot be compiled inline; styles are compiled from their files.
    sassify: (input: unknown) => input,
    scssify: (input: unknown) => input,
  };
}

function arrayOf(input: unknown): unknown[] {
  if (Array.isArray(input)) {
    return input;
  }
  if (input && typeof input === 'object' && !(input instanceof Drop)) {
    return Object.values(input);
  }
  return input === undefined || input === null ? [] : [input];
}

/** `item_property`: a key of a drop, hash or array item; `a.b` reads nested keys (Jekyll 4.1). */
function propertyOf(item: unknown, property: string): unknown {
  let value: unknown = item;
  for (const key of property.split('.')) {
    if (value instanceof Drop) {
      const own = (value as unknown as Record<string, unknown>)[key];
      value = own !== undefined && typeof own !== 'function' ? own : value.liquidMethodMissing(key, undefined as unknown as Context);
    } else if (value && typeof value === 'object' && Object.hasOwn(value, key)) {
      value = (value as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return value;
}

/** Liquid's `to_s` of a value, for comparing: nil is empty, a time prints as Ruby prints it. */
function stringOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Ruby's `<=>` as Jekyll's `sort` uses it: numbers and times by value, others as strings; nils first or last. */
function compareValues(a: unknown, b: unknown, nilsLast: boolean): number {
  const nilA = a === undefined || a === null;
  const nilB = b === undefined || b === null;
  if (nilA || nilB) {
    return nilA && nilB ? 0 : nilA === nilsLast ? 1 : -1;
  }
  if (a instanceof Date && b instanceof Date) {
    return a.getTime() - b.getTime();
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
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
