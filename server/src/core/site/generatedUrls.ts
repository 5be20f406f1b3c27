/**
 * URLs that plugins make and no source file shows: feeds, sitemaps, pagination, tag and archive pages.
 * A link into them is never reported as broken. A plugin not known here may make any URL, so links the
 * map cannot find are then only "cannot verify".
 */
import { asRecord, type SiteConfig } from './config';

/** Plugins known to make no pages, or only the pages modelled below. */
const KNOWN_PLUGINS = new Set([
  'jekyll-feed', 'jekyll-sitemap', 'jekyll-seo-tag', 'jekyll-redirect-from', 'jekyll-paginate', 'jekyll-paginate-v2',
  'jekyll/tagging', 'jekyll-tagging', 'jekyll-archives', 'jekyll-postcss', 'jekyll-postcss-v2', 'jekyll-gist',
  'jekyll-mentions', 'jemoji', 'jekyll-avatar', 'jekyll-github-metadata', 'jekyll-remote-theme', 'jekyll-include-cache',
  'jekyll-relative-links', 'jekyll-optional-front-matter', 'jekyll-titles-from-headings', 'jekyll-default-layout',
  'jekyll-readme-index', 'jekyll-coffeescript', 'jekyll-sass-converter', 'jekyll-commonmark-ghpages', 'jekyll-twitter-plugin',
  'jekyll-last-modified-at', 'jekyll-toc', 'jekyll-spaceship', 'jekyll-minifier', 'jekyll-compose', 'jekyll-admin',
  'jekyll-assets', 'jekyll-email-protect', 'jekyll-target-blank', 'jekyll-katex', 'jekyll-algolia',
  // A `jekyll serve` option (Jekyll 3.7's `--livereload` since): `jekyll build` writes the same files.
  'jekyll-livereload',
  // Libraries some blogs list as plugins (mzlogin.github.io and its forks: rouge); Jekyll 4.3.1 builds the same files without them.
  'rouge', 'kramdown', 'kramdown-parser-gfm',
]);

export interface GeneratedUrls {
  /** True when a plugin made this URL path (decoded, without baseurl). */
  matches(path: string): boolean;
  /** Configured plugins that may make pages we cannot see. */
  readonly unknownPlugins: readonly string[];
}

export function generatedUrls(config: SiteConfig): GeneratedUrls {
  const raw = config.raw;
  const patterns: RegExp[] = [];
  const has = (name: string) => config.plugins.includes(name);
  if (has('jekyll-feed')) {
    patterns.push(...feedPatterns(asRecord(raw['feed'])));
  }
  if (has('jekyll-sitemap')) {
    patterns.push(exact('/sitemap.xml'), exact('/robots.txt'));
  }
  if (has('jekyll-redirect-from')) {
    patterns.push(exact('/redirects.json'));
  }
  if (has('jekyll-paginate') || typeof raw['paginate_path'] === 'string') {
    const path = typeof raw['paginate_path'] === 'string' ? raw['paginate_path'] : '/page:num/';
    patterns.push(templatePattern(path, false));
  }
  if (has('jekyll-paginate-v2')) {
    const pagination = asRecord(raw['pagination']);
    const permalink = typeof pagination['permalink'] === 'string' ? pagination['permalink'] : '/page/:num/';
    // Relative to each paginated page's URL, so it may appear under any folder.
    patterns.push(templatePattern(permalink, true));
    for (const template of autopageTemplates(asRecord(raw['autopages']))) {
      patterns.push(templatePattern(template, false));
    }
  }
  if (has('jekyll/tagging') || has('jekyll-tagging')) {
    const dir = typeof raw['tag_page_dir'] === 'string' ? raw['tag_page_dir'] : 'tag';
    patterns.push(new RegExp('^/' + escapeRegExp(dir.replace(/^\/|\/$/g, '')) + '/'));
  }
  if (has('jekyll-archives')) {
    for (const template of archiveTemplates(asRecord(raw['jekyll-archives']))) {
      patterns.push(templatePattern(template, false));
    }
  }
  const unknownPlugins = config.plugins.filter((p) => !KNOWN_PLUGINS.has(p));
  return { matches: (path) => patterns.some((p) => p.test(path)), unknownPlugins };
}

/**
 * jekyll-feed's feeds: the site's at `path`, a category's or collection's under /feed/, a tag's (with `tags`) under
 * the tags' `path` (default /feed/by_tag/, joined to the tag as written), a collection's at its own `path`.
 */
function feedPatterns(feed: Record<string, unknown>): RegExp[] {
  const patterns = [exact(typeof feed['path'] === 'string' ? rooted(feed['path']) : '/feed.xml'), /^\/feed\/.*\.xml$/];
  const tags = feed['tags'] === true ? {} : feed['tags'];
  if (typeof tags === 'object' && tags !== null && !Array.isArray(tags)) {
    const path = asRecord(tags)['path'];
    patterns.push(new RegExp('^' + escapeRegExp(rooted(typeof path === 'string' ? path : '/feed/by_tag/')) + '.+\\.xml$'));
  }
  for (const collection of Object.values(asRecord(feed['collections']))) {
    const path = asRecord(collection)['path'];
    if (typeof path === 'string') {
      patterns.push(exact(rooted(path)));
    }
  }
  return patterns;
}

function rooted(path: string): string {
  return '/' + path.replace(/^\//, '');
}

/** jekyll-archives' kinds: the name `enabled` lists, the `permalinks` key and its default. */
const ARCHIVES = [
  ['year', 'year', '/:year/'],
  ['month', 'month', '/:year/:month/'],
  ['day', 'day', '/:year/:month/:day/'],
  ['tags', 'tag', '/tag/:name/'],
  ['categories', 'category', '/category/:name/'],
] as const;

/**
 * The permalinks of the archives jekyll-archives writes: only the kinds `enabled` lists (none by default; `all` or
 * true for every kind), each at its configured permalink or else the default, as the plugin merges its settings
 * over its defaults.
 */
function archiveTemplates(settings: Record<string, unknown>): string[] {
  const enabled = settings['enabled'];
  const permalinks = asRecord(settings['permalinks']);
  return ARCHIVES.filter(([kind]) => enabled === true || enabled === 'all' || (Array.isArray(enabled) && enabled.includes(kind)))
    .map(([, key, fallback]) => (typeof permalinks[key] === 'string' ? permalinks[key] : fallback));
}

/** jekyll-paginate-v2's autopage kinds and their default permalinks. */
const AUTOPAGES = [
  ['tags', '/tag/:tag'],
  ['categories', '/category/:cat'],
  ['collections', '/collection/:coll'],
] as const;

/** The permalinks of jekyll-paginate-v2's autopages: none unless `autopages.enabled`, then every kind not disabled. */
function autopageTemplates(settings: Record<string, unknown>): string[] {
  if (settings['enabled'] !== true) {
    return [];
  }
  return AUTOPAGES.map(([kind, fallback]) => [asRecord(settings[kind]), fallback] as const)
    .filter(([kind]) => kind['enabled'] !== false)
    .map(([kind, fallback]) => (typeof kind['permalink'] === 'string' ? kind['permalink'] : fallback));
}

function exact(path: string): RegExp {
  return new RegExp('^' + escapeRegExp(path) + '$');
}

/** What a number placeholder stands for: a page number, or a date's part as jekyll-archives writes it (2020/01/05). */
const NUMBER_PLACEHOLDERS = new Map([[':num', '\\d+'], [':year', '\\d{4}'], [':month', '\\d{2}'], [':day', '\\d{2}']]);

/** `/page:num/`, `/tag/:name/` as a pattern: any other placeholder stands for one or more characters of a segment. */
function templatePattern(template: string, anywhere: boolean): RegExp {
  const body = template
    .replace(/^\/?/, '/')
    .split(/(:[a-z_]+)/)
    .map((part) => (part.startsWith(':') ? (NUMBER_PLACEHOLDERS.get(part) ?? '[^/]+') : escapeRegExp(part)))
    .join('')
    .replace(/\/$/, '');
  return new RegExp((anywhere ? '(?:^|/)' : '^') + body.replace(/^\//, anywhere ? '' : '/') + '(?:/|/index\\.html|\\.html)?$');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
