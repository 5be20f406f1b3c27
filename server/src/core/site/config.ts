import * as l10n from '@vscode/l10n';
import { isMap } from 'yaml';
import { parseYaml, yamlToData, type YamlError } from '../frontmatter/yaml';
import type { IWorkspace, ReadResult } from '../workspace';
import { GEMFILE, GITHUB_PAGES_PLUGINS, gemfileLoadsOwnGem, gemfilePlugins, gemfileRequiresJekyll4, gemfileUsesJekyll3 } from './gemfile';
import { removedSettings, type RemovedSetting } from './removedSettings';

export interface CollectionConfig {
  readonly name: string;
  readonly output: boolean;
  readonly permalink: string | undefined;
}

export interface FrontMatterDefault {
  /** Path prefix relative to the site root ('' for every file). */
  readonly path: string;
  /** `posts`, `pages`, `drafts` or a collection name; undefined for every type. */
  readonly type: string | undefined;
  readonly values: Readonly<Record<string, unknown>>;
}

/** What Blogwright needs of `_config.yml`, with Jekyll's defaults filled in. */
export interface SiteConfig {
  readonly title: string | undefined;
  readonly url: string | undefined;
  readonly baseurl: string;
  readonly permalink: string;
  readonly timezone: string | undefined;
  readonly markdownExtensions: readonly string[];
  readonly collectionsDir: string;
  readonly collections: ReadonlyMap<string, CollectionConfig>;
  readonly defaults: readonly FrontMatterDefault[];
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  /** `destination` when it is a folder of the site, which Jekyll does not read (see `destinationInSource`). */
  readonly destination: string | undefined;
  /** A gem or remote theme can supply layouts and includes we cannot see. */
  readonly hasTheme: boolean;
  /** `theme` (else `remote_theme`) as written, when there is one. */
  readonly theme: string | undefined;
  /** The Gemfile loads a gem from the site's folder (`gemspec`): with a theme, the site may be the theme's repository. */
  readonly loadsOwnGem: boolean;
  /** `plugins` (and the old `gems`), then those the Gemfile loads (see `gemfile.ts`). */
  readonly plugins: readonly string[];
  /** `{% link %}` and `{% post_url %}` write the baseurl: Jekyll 4, unless the Gemfile builds with Jekyll 3. */
  readonly linkTagsWriteBaseurl: boolean;
  /** Settings of Jekyll's early years that stop a Jekyll 4 build (`markdown: rdiscount`, `relative_permalinks: true`). */
  readonly removedSettings: readonly RemovedSetting[];
  readonly kramdownInput: 'GFM' | 'kramdown';
  readonly kramdownAutoIds: boolean;
  /** kramdown `auto_id_prefix`, put in front of every generated header id. */
  readonly kramdownAutoIdPrefix: string;
  /** kramdown `transliterated_header_ids`. */
  readonly kramdownTransliteratedIds: boolean;
  /** kramdown `parse_block_html`: Markdown in an HTML block is read as with `markdown="1"`. */
  readonly kramdownParseBlockHtml: boolean;
  /** Every setting as read, for plugins' own keys (`pagination`, `feed`, ...). */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** What `{% link %}` and `{% post_url %}` put before the page's URL: the baseurl since Jekyll 4, nothing in Jekyll 3. */
export function linkTagBaseurl(config: SiteConfig): string {
  return config.linkTagsWriteBaseurl ? config.baseurl : '';
}

export interface ConfigReading {
  readonly config: SiteConfig;
  /** YAML problems, offsets in `_config.yml`. */
  readonly problems: readonly YamlError[];
}

const DEFAULT_MARKDOWN_EXT = ['markdown', 'mkdown', 'mkdn', 'mkd', 'md'];
const DEFAULT_EXCLUDE = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

export const DEFAULT_CONFIG: SiteConfig = toConfig({});

/** The site's configuration file as Jekyll picks it: `_config.yml`, else `_config.yaml` (a `_config.toml` is not read: no TOML parser, so defaults). */
export async function readConfigFile(workspace: Pick<IWorkspace, 'readText'>): Promise<ReadResult> {
  const yml = await workspace.readText('_config.yml');
  return yml.kind === 'missing' ? workspace.readText('_config.yaml') : yml;
}

/** What a site's configuration is read from: `_config.yml` (see `readConfigFile`) and the `Gemfile`'s plugins. */
export interface ConfigTexts {
  readonly config: string | undefined;
  readonly gemfile: string | undefined;
}

export async function readConfigTexts(workspace: Pick<IWorkspace, 'readText'>): Promise<ConfigTexts> {
  const config = await readConfigFile(workspace);
  const gemfile = await workspace.readText(GEMFILE);
  return { config: config.kind === 'text' ? config.text : undefined, gemfile: gemfile.kind === 'text' ? gemfile.text : undefined };
}

/** Reads `_config.yml`; a file that does not parse still yields Jekyll's defaults, plus its problems. */
export function readConfig(text: string | undefined, gemfile?: string): ConfigReading {
  // Jekyll's defaults, with the Gemfile's plugins: made only when `_config.yml` gives nothing better.
  const defaults = () => (gemfile === undefined ? DEFAULT_CONFIG : toConfig({}, gemfile));
  if (text === undefined) {
    return { config: defaults(), problems: [] };
  }
  const { doc, errors } = parseYaml(text);
  const syntaxErrors = errors.filter((e) => e.code === 'frontmatter.yaml');
  if (syntaxErrors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    const problems = syntaxErrors.length > 0 ? errors : [{ code: 'frontmatter.yaml' as const, start: 0, end: 1, message: l10n.t('_config.yml must be a mapping of settings; Jekyll uses its defaults.') }];
    return { config: defaults(), problems };
  }
  const data = yamlToData(doc);
  if ('error' in data) {
    return { config: defaults(), problems: [{ code: 'frontmatter.yaml', start: 0, end: 1, message: l10n.t('_config.yml cannot be read: {0}', data.error) }] };
  }
  return { config: toConfig(asRecord(data.value), gemfile), problems: errors };
}

function toConfig(raw: Record<string, unknown>, gemfile?: string): SiteConfig {
  const kramdown = asRecord(raw['kramdown']);
  const input = typeof kramdown['input'] === 'string' && kramdown['input'].toLowerCase() === 'kramdown' ? 'kramdown' : 'GFM';
  const theme = raw['theme'] ?? raw['remote_theme'];
  const githubPages = builtByGitHubPages(raw, gemfile);
  // GitHub Pages builds with Jekyll 3.
  const jekyll3 = githubPages || gemfileUsesJekyll3(gemfile);
  return {
    title: asString(raw['title']),
    url: asString(raw['url'])?.replace(/\/+$/, ''),
    baseurl: normalizeBaseurl(asString(raw['baseurl'])),
    permalink: asString(raw['permalink']) ?? 'date',
    timezone: asString(raw['timezone']),
    markdownExtensions: (asString(raw['markdown_ext']) ?? DEFAULT_MARKDOWN_EXT.join(','))
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    collectionsDir: (asString(raw['collections_dir']) ?? '').replace(/^\/+|\/+$/g, ''),
    collections: readCollections(raw['collections']),
    defaults: readDefaults(raw['defaults']),
    exclude: [...DEFAULT_EXCLUDE, ...asStrings(raw['exclude'])],
    include: asStrings(raw['include']),
    destination: destinationInSource(raw['destination'], raw['source']),
    hasTheme: typeof theme === 'string' && theme.length > 0,
    theme: typeof theme === 'string' && theme.length > 0 ? theme : undefined,
    loadsOwnGem: gemfileLoadsOwnGem(gemfile),
    plugins: [...new Set([...asStrings(raw['plugins']), ...asStrings(raw['gems']), ...gemfilePlugins(gemfile), ...(githubPages ? GITHUB_PAGES_PLUGINS : [])])],
    linkTagsWriteBaseurl: !jekyll3,
    removedSettings: removedSettings(raw, !jekyll3 && gemfileRequiresJekyll4(gemfile)),
    kramdownInput: input,
    kramdownAutoIds: kramdown['auto_ids'] !== false,
    kramdownAutoIdPrefix: asString(kramdown['auto_id_prefix']) ?? '',
    kramdownTransliteratedIds: kramdown['transliterated_header_ids'] === true,
    kramdownParseBlockHtml: kramdown['parse_block_html'] === true,
    raw,
  };
}

/**
 * `destination: docs` (a site built into GitHub Pages' /docs folder): Jekyll reads no page, static file or post in it
 * (Reader#retrieve_dirs skips the folder equal to site.dest). Jekyll resolves it from the folder it runs in, the one
 * of _config.yml, while the index sees the site from its `source:`: the folder is given relative to the source.
 * Undefined when it is outside the source, or an underscore folder: skipped anyway, or read apart (`_data`, a
 * collection), which the skip does not touch.
 */
function destinationInSource(destination: unknown, source: unknown): string | undefined {
  const folder = folderSegments(destination);
  const sourceFolder = source === undefined ? [] : folderSegments(source);
  if (!folder || !sourceFolder || !sourceFolder.every((s, i) => folder[i] === s)) {
    return undefined;
  }
  const inSource = folder.slice(sourceFolder.length);
  return inSource.length === 0 || inSource[0]!.startsWith('_') ? undefined : inSource.join('/');
}

/** A relative folder's segments (`./docs/` -> `docs`); undefined for an absolute path or one that goes up. */
function folderSegments(path: unknown): string[] | undefined {
  if (typeof path !== 'string' || /^[/~]/.test(path)) {
    return undefined;
  }
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  return segments.includes('..') ? undefined : segments;
}

/**
 * Whether the site can only be GitHub Pages' build: a `remote_theme` with no Gemfile. GitHub Pages loads
 * jekyll-remote-theme unasked (pages-gem's `configure_plugins`); a plain `jekyll build` ignores the key (the oracle:
 * "Layout 'default' requested ... does not exist"). With a Gemfile, the Gemfile says (`gemfilePlugins`).
 */
function builtByGitHubPages(raw: Record<string, unknown>, gemfile: string | undefined): boolean {
  const remoteTheme = raw['remote_theme'];
  return gemfile === undefined && typeof remoteTheme === 'string' && remoteTheme.trim() !== '';
}

function readCollections(raw: unknown): Map<string, CollectionConfig> {
  const collections = new Map<string, CollectionConfig>();
  // `posts` is always a collection, with the site's permalink unless configured.
  if (Array.isArray(raw)) {
    for (const name of raw) {
      if (typeof name === 'string') {
        collections.set(name, { name, output: false, permalink: undefined });
      }
    }
  } else {
    for (const [name, value] of Object.entries(asRecord(raw))) {
      const options = asRecord(value);
      collections.set(name, { name, output: options['output'] === true, permalink: asString(options['permalink']) });
    }
  }
  return collections;
}

function readDefaults(raw: unknown): FrontMatterDefault[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.flatMap((item): FrontMatterDefault[] => {
    const entry = asRecord(item);
    const scope = asRecord(entry['scope']);
    const values = asRecord(entry['values']);
    return [{ path: (asString(scope['path']) ?? '').replace(/^\/+|\/+$/g, ''), type: asString(scope['type']), values }];
  });
}

/**
 * `relative_url` writes `/` + baseurl + path with the `.` and `..` segments removed (the oracle: `baseurl: .` makes
 * `/publications/` of `/publications/`), so they are removed here too: `.` is no prefix at all.
 */
function normalizeBaseurl(value: string | undefined): string {
  const segments: string[] = [];
  for (const segment of (value ?? '').replace(/^\/+|\/+$/g, '').split('/')) {
    if (segment === '..') {
      segments.pop();
    } else if (segment !== '.' && !(segment === '' && segments.length === 0)) {
      segments.push(segment);
    }
  }
  return segments.length === 0 ? '' : '/' + segments.join('/');
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : {};
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
