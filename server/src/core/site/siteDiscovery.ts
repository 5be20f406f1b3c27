import type { IWorkspace } from '../workspace';
import { readConfig } from './config';
import { GEMFILE } from './gemfile';

/**
 * A Jekyll site found in a workspace: a configuration folder (`_config.yml`, the Gemfile, `.blogwright.yml`) and a
 * source folder, the one Jekyll reads posts, pages, layouts, includes, data and collections from. They are the same
 * folder unless `_config.yml` says `source:`.
 */
export interface SiteRoot {
  /** The site's (configuration) folder relative to the workspace root, with `/`; `''` for the root itself. */
  readonly path: string;
  /** Its configuration file (`_config.yml`), or undefined for a top folder with `_posts` and no configuration. */
  readonly configFile: string | undefined;
  /** The folder `source:` names, workspace-relative, when it is another folder that can be read. */
  readonly source?: string;
  /** Why the folder `source:` names is not read: nothing of the site is then, but `_config.yml` says why. */
  readonly sourceProblem?: SourceProblem;
}

/**
 * A `source:` that names no folder (a build step makes it), a folder outside the workspace, a symbolic link, or that
 * is not text at all (Jekyll stops on it).
 */
export interface SourceProblem {
  readonly kind: 'missing' | 'outside' | 'link' | 'not-text';
  /** `source:` as written; for `not-text`, what YAML made of it (`a number`, `a list`). */
  readonly setting: string;
}

/** Files read from a site's configuration folder whatever its source: Jekyll's configuration, the Gemfile, `.blogwright.yml`. */
export const CONFIGURATION_FOLDER_FILES: ReadonlySet<string> = new Set(['_config.yml', '_config.yaml', '_config.toml', GEMFILE, '.blogwright.yml']);

/**
 * Folders that never hold a site's sources: version control, dependencies, build output and caches.
 * Discovery never lists them, and nothing inside them is a site (a gem's template in `vendor/bundle` is not).
 */
export const NEVER_CONTENT_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules', 'vendor', '_site', '.jekyll-cache', '.sass-cache', '.bundle', '.vscode-test']);

/** The files Jekyll takes as the configuration, in its order of preference (`Configuration#config_files`). */
export const CONFIG_FILES: readonly string[] = ['_config.yml', '_config.yaml', '_config.toml'];
/** Folders only a Jekyll site has at its top. */
export const JEKYLL_FOLDERS: ReadonlySet<string> = new Set(['_posts', '_drafts', '_layouts', '_includes', '_data', '_sass', '_plugins']);
/** A home page, as a site without any of those folders (a theme supplies the layouts) still has. */
export const INDEX_PAGE = /^index\.(?:html?|md|markdown|mkdown|mkdn|mkd)$/;

/** The folder (workspace-relative) a site's documents are read from, or undefined when its `source:` is refused. */
export function sourceFolder(site: SiteRoot): string | undefined {
  return site.sourceProblem ? undefined : (site.source ?? site.path);
}

/** The workspace-relative path of a site's file: `_config.yml` from its configuration folder, the rest from its source. */
export function siteFilePath(site: SiteRoot, path: string): string {
  const folder = CONFIGURATION_FOLDER_FILES.has(path) ? site.path : (sourceFolder(site) ?? site.path);
  return folder === '' ? path : `${folder}/${path}`;
}

/**
 * The folder `source:` names, relative to the workspace, as Jekyll expands it from the configuration's folder;
 * undefined when it leaves the workspace (absolute, `~`, a drive, `..` past the top).
 */
export function sourceSettingFolder(configFolder: string, setting: string): string | undefined {
  if (/^(?:[/\\~]|[A-Za-z]:)/.test(setting)) {
    return undefined;
  }
  const parts = configFolder === '' ? [] : configFolder.split('/');
  for (const part of setting.split(/[/\\]/)) {
    if (part === '..') {
      if (parts.length === 0) {
        return undefined;
      }
      parts.pop();
    } else if (part !== '' && part !== '.') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/**
 * `source:` of a configuration's text, when it sets one (a quick look first: most do not); `{ notText }` when it is
 * not text. The oracle: Jekyll 4.3.1 stops on a number, a list, a mapping or a boolean ("no implicit conversion of
 * Integer into String", no `_site`), and takes an empty `source:` or `~` as the folder itself.
 */
export function sourceSetting(text: string): string | { readonly notText: string } | undefined {
  if (!/^source[ \t]*:/m.test(text)) {
    return undefined;
  }
  const value = readConfig(text).config.raw['source'];
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return { notText: typeof value === 'number' ? 'a number' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value) };
  }
  return value.trim() !== '' ? value.trim() : undefined;
}

export interface DiscoveryOptions {
  /** More folders (workspace-relative) to leave out, such as VS Code's `files.exclude`. */
  readonly skipFolder?: (path: string) => boolean;
}

/**
 * The Jekyll sites in a workspace, outermost first. A site is a folder with a Jekyll configuration file and a
 * Jekyll-shaped top (a `_posts`, `_layouts`, `_includes`, `_data`, ... folder or an index page); the workspace's
 * own top folder is also one when it has `_posts` or `_drafts` without a configuration, as `jekyll build` takes it.
 * Only file names are listed: no file is read. What hidden folders and `NEVER_CONTENT_FOLDERS` hold is ignored; a
 * workspace on disk should not even list them (`FileSystemWorkspace`'s `skipFolder: isNeverContent`).
 */
export async function findSites(workspace: IWorkspace, options: DiscoveryOptions = {}): Promise<SiteRoot[]> {
  const all = await workspace.listFiles();
  const files = all.filter((path) => !inNeverContentFolder(path) && !inSkippedFolder(path, options));
  // `source:` is read from each configuration (the only files discovery reads); its folder is listed on its own, as
  // it may be hidden (`.tmp/src`) and is never followed through a symbolic link.
  const sources = new Map<string, SourceReading>();
  for (const [folder, name] of configFiles(files)) {
    const read = name === '_config.toml' ? undefined : await workspace.readText(folder === '' ? name : `${folder}/${name}`);
    const setting = read?.kind === 'text' ? sourceSetting(read.text) : undefined;
    if (setting === undefined) {
      continue;
    }
    if (typeof setting !== 'string') {
      sources.set(folder, { problem: { kind: 'not-text', setting: setting.notText } });
      continue;
    }
    const source = sourceSettingFolder(folder, setting);
    if (source === undefined) {
      sources.set(folder, { problem: { kind: 'outside', setting } });
    } else if (source !== folder) {
      const listed = workspace.listFolder ? await workspace.listFolder(source) : listedUnder(all, source);
      sources.set(folder, typeof listed === 'string' ? { problem: { kind: listed, setting } } : { source, files: listed });
    }
  }
  return sitesInListing(files, sources);
}

/** A configuration's `source:`: the folder and its files (workspace-relative), or why it is not read. */
export type SourceReading = { readonly source: string; readonly files: readonly string[] } | { readonly problem: SourceProblem };

function listedUnder(files: readonly string[], folder: string): string[] | 'missing' {
  const under = files.filter((path) => path.startsWith(folder + '/'));
  return under.length === 0 ? 'missing' : under;
}

function configFiles(files: readonly string[]): Map<string, string> {
  const configs = new Map<string, string>();
  for (const path of files) {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const folder = slash < 0 ? '' : path.slice(0, slash);
    if (CONFIG_FILES.includes(name)) {
      const known = configs.get(folder);
      if (known === undefined || CONFIG_FILES.indexOf(name) < CONFIG_FILES.indexOf(known)) {
        configs.set(folder, name);
      }
    }
  }
  return configs;
}

/**
 * `findSites` over a listing already at hand, with the configurations' `source:` folders (by configuration folder).
 * A configuration naming a source is a site when that source has a Jekyll-shaped top, or when its source is not
 * read (missing, outside, a link: the site then says why); the source folder's own `_config.yml` is no site, as
 * Jekyll does not read it.
 */
export function sitesInListing(files: readonly string[], sources: ReadonlyMap<string, SourceReading> = new Map()): SiteRoot[] {
  const configs = configFiles(files);
  const shaped = new Set<string>();
  const topPosts = files.some((path) => path.startsWith('_posts/') || path.startsWith('_drafts/'));
  for (const path of files) {
    const segments = path.split('/');
    const name = segments[segments.length - 1]!;
    const folder = segments.slice(0, -1).join('/');
    if (INDEX_PAGE.test(name)) {
      shaped.add(folder);
    }
    for (let i = 0; i < segments.length - 1; i++) {
      if (JEKYLL_FOLDERS.has(segments[i]!)) {
        shaped.add(segments.slice(0, i).join('/'));
      }
    }
  }
  const readFrom = new Set([...sources.values()].flatMap((reading) => ('source' in reading ? [reading.source] : [])));
  const sites: SiteRoot[] = [];
  for (const [path, configFile] of configs) {
    const reading = sources.get(path);
    if (reading === undefined) {
      if (shaped.has(path) && !readFrom.has(path)) {
        sites.push({ path, configFile });
      }
    } else if ('problem' in reading) {
      sites.push({ path, configFile, sourceProblem: reading.problem });
    } else if (hasJekyllTop(reading.files, reading.source)) {
      sites.push({ path, configFile, source: reading.source });
    }
  }
  if (topPosts && !configs.has('')) {
    sites.push({ path: '', configFile: undefined });
  }
  return sites.sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** True when a listing (workspace-relative) has a Jekyll folder or an index page at the top of `folder`. */
function hasJekyllTop(files: readonly string[], folder: string): boolean {
  const prefix = folder === '' ? '' : folder + '/';
  return files.some((path) => {
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    return path.startsWith(prefix) && (slash < 0 ? INDEX_PAGE.test(rest) : JEKYLL_FOLDERS.has(rest.slice(0, slash)));
  });
}

/**
 * The site a workspace-relative path belongs to: the nearest enclosing one, or undefined outside every site. In a
 * site with `source:`, only its configuration folder's files (`_config.yml`, ...) and its source's are its own.
 */
export function siteOf<T extends SiteRoot>(sites: readonly T[], path: string): T | undefined {
  let found: T | undefined;
  for (const site of sites) {
    if (inFolder(site.path, path) && (!found || site.path.length > found.path.length)) {
      found = site;
    }
  }
  if (found && (found.source !== undefined || found.sourceProblem)) {
    const source = sourceFolder(found);
    const configFile = path.slice(found.path === '' ? 0 : found.path.length + 1);
    return (source !== undefined && inFolder(source, path)) || CONFIGURATION_FOLDER_FILES.has(configFile) ? found : undefined;
  }
  return found;
}

function inFolder(folder: string, path: string): boolean {
  return folder === '' || path === folder || path.startsWith(folder + '/');
}

/** The sites inside `site`'s source, as folders relative to it: their files are theirs, not this site's. */
export function nestedSiteFolders(sites: readonly SiteRoot[], site: SiteRoot): string[] {
  const source = sourceFolder(site);
  if (source === undefined) {
    return [];
  }
  const prefix = source === '' ? '' : source + '/';
  return sites.filter((other) => other !== site && other.path.startsWith(prefix) && other.path !== source).map((other) => other.path.slice(prefix.length));
}

/** For a site's own listing: true for the folders of the sites nested in it. */
export function nestedSiteFilter(sites: readonly SiteRoot[], site: SiteRoot): ((folder: string) => boolean) | undefined {
  const nested = new Set(nestedSiteFolders(sites, site));
  return nested.size === 0 ? undefined : (folder) => nested.has(folder);
}

/** A site's path relative to itself: `_posts/x.md` for `docs/_posts/x.md` in the site at `docs`. */
export function pathInSite(site: SiteRoot, path: string): string {
  return site.path === '' ? path : path.slice(site.path.length + 1);
}

/** True for a folder (workspace-relative) that discovery never looks into. */
export function isNeverContent(folder: string): boolean {
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  return name.startsWith('.') || NEVER_CONTENT_FOLDERS.has(name) || INSTALLED_GEMS.test(folder);
}

function inNeverContentFolder(path: string): boolean {
  const segments = path.split('/');
  return segments.slice(0, -1).some((name) => name.startsWith('.') || NEVER_CONTENT_FOLDERS.has(name)) || INSTALLED_GEMS_IN.test(path);
}

/**
 * Gems Bundler installed, wherever `--path` put them (`<path>/ruby/<Ruby's version>/gems`; grab.github.io's
 * `_vendor/`): a gem's site template there is no site.
 */
const INSTALLED_GEMS = /(?:^|\/)ruby\/\d+\.\d+\.\d+\/gems$/;
const INSTALLED_GEMS_IN = /(?:^|\/)ruby\/\d+\.\d+\.\d+\/gems\//;

function inSkippedFolder(path: string, options: DiscoveryOptions): boolean {
  if (!options.skipFolder) {
    return false;
  }
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    if (options.skipFolder(path.slice(0, slash))) {
      return true;
    }
  }
  return false;
}

function depth(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}
