/**
 * URLs as Jekyll 4 generates them. Confirmed in jekyll/jekyll:
 * - `Configuration::STYLE_TO_PERMALINK` (the built-in styles) and `add_default_collections` (posts take
 *   `permalink` from `_config.yml`, unless `collections.posts.permalink` says otherwise);
 * - `Utils.add_permalink_suffix`: pages and other collections follow the style's ending (`/`, `:output_ext`);
 * - `Drops::UrlDrop` (the placeholders: `:title` is the pretty, cased slug of `slug:` or the file name;
 *   `:slug` and `:name` the default slug; `:categories` lowercased, unique, joined by `/`);
 * - `URL#generate_url_from_drop` (`:key_` may mean `:key` + `_`), `URL.escape_path`, `URL#sanitize_url`;
 * - `Page#template` and `#url_placeholders` (`/:path/:basename:output_ext`, `/:path/` for an index);
 * - `Utils.parse_date(...).localtime` (a front matter date is taken in the site's `timezone`).
 */
import { rubyDowncase } from '../rubyDowncase';
import type { SiteConfig } from './config';
import { extensionOf, isMarkdownPath } from './documentKind';
import { wellFormed } from '../wellFormed';

const STYLE_TO_PERMALINK: Readonly<Record<string, string>> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};

/** The posts' URL template for a `permalink:` setting (a style name or a pattern). */
export function styleToTemplate(style: string): string {
  return STYLE_TO_PERMALINK[style] ?? style;
}

/** `Utils.add_permalink_suffix`: give a template the ending the site's permalink style has. */
export function addPermalinkSuffix(template: string, style: string): string {
  if (style === 'pretty') {
    return template + '/';
  }
  if (style === 'date' || style === 'ordinal' || style === 'none') {
    return template + ':output_ext';
  }
  return template + (style.endsWith('/') ? '/' : '') + (style.endsWith(':output_ext') ? ':output_ext' : '');
}

/** The extension Jekyll writes a converted file with. */
export function outputExtension(path: string, config: SiteConfig): string {
  const ext = extensionOf(path).toLowerCase();
  if (isMarkdownPath(path, config)) {
    return '.html';
  }
  if (ext === '.scss' || ext === '.sass') {
    return '.css';
  }
  if (ext === '.coffee') {
    return '.js';
  }
  return extensionOf(path);
}

export type SlugifyMode = 'raw' | 'default' | 'pretty' | 'ascii' | 'latin';

/** `Utils.slugify`. */
export function slugify(text: string, mode: SlugifyMode = 'default', cased = false): string {
  let source = text;
  if (mode === 'latin') {
    source = source.normalize('NFKD').replace(/\p{M}/gu, '');
  }
  const replaceable =
    mode === 'raw'
      ? /\s+/g
      : mode === 'pretty'
        ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu
        : mode === 'ascii'
          ? /[^A-Za-z0-9]+/g
          : /[^\p{M}\p{L}\p{Nd}]+/gu;
  const slug = source.replace(replaceable, '-').replace(/^-|-$/g, '');
  return cased ? slug : rubyDowncase(slug);
}

/** `URL.escape_path`: percent-encode what may not stand in a URL path (RFC 3986 pchar and `/`). */
export function escapePath(path: string): string {
  if (path === '' || /^[a-zA-Z0-9./-]+$/.test(path)) {
    return path;
  }
  let out = '';
  for (const char of path) {
    out += /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/.test(char) ? char : encodeURIComponent(wellFormed(char)).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }
  return out;
}

/** `URL#sanitize_url`: a leading `/`, no `..`, no `./`, no repeated `/`. */
export function sanitizeUrl(url: string): string {
  return ('/' + url).replace(/\.\./g, '/').replace(/\.\//g, '').replace(/\/{2,}/g, '/');
}

/** Replaces `:name` placeholders as `URL#generate_url_from_drop` does; an unknown placeholder stays as it is. */
export function expandTemplate(template: string, placeholders: Placeholders): string {
  return sanitizeUrl(
    template.replace(/:([a-z_]+)/g, (match, name: string) => {
      let value = placeholders(name);
      if (value === undefined && name.endsWith('_')) {
        value = placeholders(name.slice(0, -1));
        return value === undefined ? match : escapePath(value) + '_';
      }
      return value === undefined ? match : escapePath(value);
    }),
  );
}

/** A template's placeholder by name (`year`), or undefined when the name is none. */
export type Placeholders = (name: string) => string | undefined;

/** Calendar fields of a date in a time zone (undefined: UTC). */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * A post's date: front matter `date:` when set (a timestamp is moved into the site's time zone, a bare
 * date stays that day), else the file name's `YYYY-MM-DD`.
 */
export function postDate(fileDate: string | undefined, frontMatterDate: unknown, timezone: string | undefined): DateParts | undefined {
  if (frontMatterDate instanceof Date && !Number.isNaN(frontMatterDate.getTime())) {
    const d = frontMatterDate;
    if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0) {
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 };
    }
    return inTimeZone(d, timezone);
  }
  if (typeof frontMatterDate === 'string') {
    const parsed = parseDateString(frontMatterDate, timezone);
    if (parsed) {
      return parsed;
    }
  }
  if (fileDate) {
    const match = /^(\d{2,4})-(\d{1,2})-(\d{1,2})$/.exec(fileDate);
    if (match) {
      return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0 };
    }
  }
  return undefined;
}

/**
 * A date string Ruby's `Time.parse` would read: `2015-03-01`, `2015-03-01 10:00`, with an optional zone, or a
 * day written with an English month name (`February 2, 2021`, `2 Feb 2021`), midnight in the site's zone.
 */
function parseDateString(text: string, timezone: string | undefined): DateParts | undefined {
  const named = namedMonthDate(text);
  if (named) {
    return named;
  }
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ tT](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[-+]\d{2}:?\d{2})?)?\s*$/.exec(text);
  if (!match) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, zone] = match;
  const local = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
  if (!zone) {
    return local;
  }
  const offsetMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - offsetMinutes * 60_000;
  return inTimeZone(new Date(utc), timezone);
}

const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const US_DATE = new RegExp(`^\\s*(?:[a-z]+,?\\s+)?${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\s*$`, 'i');
const EU_DATE = new RegExp(`^\\s*(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\s*$`, 'i');

function namedMonthDate(text: string): DateParts | undefined {
  const us = US_DATE.exec(text);
  const eu = us ? undefined : EU_DATE.exec(text);
  const [monthName, day, year] = us ? [us[1]!, us[2]!, us[3]!] : eu ? [eu[2]!, eu[1]!, eu[3]!] : [];
  if (!monthName) {
    return undefined;
  }
  const month = MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === monthName.toLowerCase()) + 1;
  return { year: Number(year), month, day: Number(day), hour: 0, minute: 0, second: 0 };
}

function inTimeZone(date: Date, timezone: string | undefined): DateParts {
  if (timezone) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(date);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
      return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
    } catch {
      // An unknown zone: Jekyll would fail to start; fall back to UTC.
    }
  }
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date placeholders of `Drops::UrlDrop` (strftime `%Y %m %d %-m %-d %y %H %M %S %b %B %j %G %V %u %a %A`). */
export function datePlaceholders(date: DateParts): Record<string, string> {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const weekday = utc.getUTCDay();
  const yearStart = Date.UTC(date.year, 0, 1);
  const yDay = Math.floor((utc.getTime() - yearStart) / 86_400_000) + 1;
  // ISO 8601 week: the week with the year's first Thursday is week 1.
  const isoWeekday = weekday === 0 ? 7 : weekday;
  const thursday = new Date(utc.getTime() + (4 - isoWeekday) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 / 7) + 1;
  return {
    year: pad(date.year, 4),
    month: pad(date.month),
    day: pad(date.day),
    i_month: String(date.month),
    i_day: String(date.day),
    short_year: pad(date.year % 100),
    hour: pad(date.hour),
    minute: pad(date.minute),
    second: pad(date.second),
    // A month past 12 (`2014-13-01-x.md`, reported by filename.invalid-date) must not throw here.
    short_month: (MONTHS[date.month - 1] ?? '').slice(0, 3),
    long_month: MONTHS[date.month - 1] ?? '',
    y_day: pad(yDay, 3),
    w_year: String(isoYear),
    week: pad(week),
    w_day: String(isoWeekday),
    short_day: (DAYS[weekday] ?? '').slice(0, 3),
    long_day: DAYS[weekday] ?? '',
  };
}

/** What a collection document (a post included) contributes to its URL. */
export interface DocumentUrlInput {
  /** Source path relative to the site root. */
  readonly path: string;
  /** The collection's label (`posts` for posts). */
  readonly collection: string;
  /** The collection's folder inside collections_dir: `_posts`, `_recipes` (Jekyll's `relative_directory`). */
  readonly collectionFolder: string;
  /** Front matter merged with `_config.yml` defaults. */
  readonly data: Readonly<Record<string, unknown>>;
  /** From the file name (`2015-03-01-title.md`): date and slug; else only the base name. */
  readonly fileDate: string | undefined;
  readonly fileSlug: string;
  /** Categories from the folders above `_posts`. */
  readonly pathCategories: readonly string[];
}

/** The URL of a collection document: its own `permalink:` or the collection's template. */
export function documentUrl(input: DocumentUrlInput, template: string, config: SiteConfig): string {
  const own = input.data['permalink'];
  return expandTemplate(typeof own === 'string' && own.length > 0 ? own : template, documentPlaceholders(input, config));
}

const DOCUMENT_PLACEHOLDERS = new Set(['collection', 'path', 'name', 'title', 'slug', 'categories', 'slugified_categories', 'output_ext']);

/** A document's placeholders, each worked out when its template names it: a template names three or four of thirty. */
export function documentPlaceholders(input: DocumentUrlInput, config: SiteConfig): Placeholders {
  let dates: Record<string, string> | null | undefined;
  return (name) => {
    if (!DOCUMENT_PLACEHOLDERS.has(name)) {
      if (dates === undefined) {
        const date = postDate(input.fileDate, input.data['date'], config.timezone);
        dates = date ? datePlaceholders(date) : null;
      }
      return dates !== null && Object.hasOwn(dates, name) ? dates[name] : undefined;
    }
    // `populate_title` sets `slug` from the file name unless front matter has one.
    const slug = () => stringOf(input.data['slug']) ?? input.fileSlug.replace(/\.+$/, '');
    switch (name) {
      case 'collection':
        return input.collection;
      case 'path': {
        // Jekyll's `cleaned_relative_path`: the path inside collections_dir, without the first `_posts` (or `_name`).
        const inside = config.collectionsDir && input.path.startsWith(config.collectionsDir + '/') ? input.path.slice(config.collectionsDir.length + 1) : input.path;
        const relative = inside.slice(0, inside.length - extensionOf(inside).length);
        return relative.replace(input.collectionFolder, '').replace(/\.+$/, '');
      }
      case 'name': {
        const baseName = input.path.slice(input.path.lastIndexOf('/') + 1);
        return slugify(baseName.slice(0, baseName.length - extensionOf(baseName).length));
      }
      case 'title':
        return slugify(slug(), 'pretty', true);
      case 'slug':
        return slugify(slug());
      case 'categories':
        return [...new Set(categoriesOf(input.data, input.pathCategories).map((c) => rubyDowncase(c)))].join('/');
      case 'slugified_categories':
        return [...new Set(categoriesOf(input.data, input.pathCategories).map((c) => slugify(c)))].join('/');
      default:
        return outputExtension(input.path, config);
    }
  };
}

/** The folders above `_posts`, then `categories` (a string splits at spaces), then `category`: Jekyll's order. */
export function categoriesOf(data: Readonly<Record<string, unknown>>, pathCategories: readonly string[]): string[] {
  const fromData = (value: unknown, split: boolean): string[] =>
    Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined).map(String) : typeof value === 'string' ? (split ? value.split(/\s+/).filter(Boolean) : [value]) : typeof value === 'number' ? [String(value)] : [];
  const categories = [...pathCategories, ...fromData(data['categories'], true), ...fromData(data['category'], false)];
  return [...new Set(categories)];
}

/** A page's URL (`Page#url`): `about.md` -> `/about.html` (by the permalink style), `x/index.md` -> `/x/`. */
export function pageUrl(path: string, data: Readonly<Record<string, unknown>>, config: SiteConfig): string {
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? '/' + path.slice(0, slash) : '';
  const name = path.slice(slash + 1);
  const ext = extensionOf(name);
  const basename = name.slice(0, name.length - ext.length).replace(/\.+$/, '');
  const outputExt = outputExtension(path, config);
  const html = ['.html', '.xhtml', '.htm'].includes(outputExt);
  const template = !html ? '/:path/:basename:output_ext' : basename === 'index' ? '/:path/' : addPermalinkSuffix('/:path/:basename', config.permalink);
  const own = data['permalink'];
  const placeholders = { path: dir, basename, output_ext: outputExt };
  return expandPageTemplate(typeof own === 'string' && own.length > 0 ? own : template, placeholders);
}

/**
 * `StaticFile#url` for a file of a collection without front matter: the collection's template filled with the
 * file's path, without a trailing `/`, then the file's own extension (`/:path/` makes `_docs/a/b.png` `/a/b.png`).
 */
export function collectionFileUrl(path: string, collectionFolder: string, collection: string, template: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = extensionOf(name);
  const cleaned = path.slice(0, path.length - ext.length).replace(/\.+$/, '').replace(collectionFolder, '');
  const placeholders = { collection, path: cleaned, output_ext: '', name: name.slice(0, name.length - ext.length), title: '' };
  return expandPageTemplate(template, placeholders).replace(/\/$/, '') + ext;
}

/** `URL#generate_url_from_hash`: the page placeholders, in order; unknown ones stay. */
function expandPageTemplate(template: string, placeholders: Readonly<Record<string, string>>): string {
  let result = template;
  for (const [key, value] of Object.entries(placeholders)) {
    if (!result.includes(':')) {
      break;
    }
    result = result.split(':' + key).join(escapePath(value));
  }
  return sanitizeUrl(result);
}

/** Where Jekyll writes a URL (`Document#destination`): `/x/` -> `/x/index.html`, `/x` -> `/x.html`. */
export function destinationOf(url: string, outputExt: string): string {
  if (url.endsWith('/')) {
    return url + 'index.html';
  }
  return url.endsWith(outputExt) ? url : url + outputExt;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
