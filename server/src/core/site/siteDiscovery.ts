import type { IWorkspace } from '../workspace';

/** A Jekyll site found in a workspace. */
export interface SiteRoot {
  /** The site's folder relative to the workspace root, with `/`; `''` for the root itself. */
  readonly path: string;
  /** Its configuration file (`_config.yml`), or undefined for a top folder with `_posts` and no configuration. */
  readonly configFile: string | undefined;
}

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
  const files = await workspace.listFiles();
  return sitesInListing(files.filter((path) => !inNeverContentFolder(path) && !inSkippedFolder(path, options)));
}

/** `findSites` over a listing already at hand. */
export function sitesInListing(files: readonly string[]): SiteRoot[] {
  const configs = new Map<string, string>();
  const shaped = new Set<string>();
  const topPosts = files.some((path) => path.startsWith('_posts/') || path.startsWith('_drafts/'));
  for (const path of files) {
    const segments = path.split('/');
    const name = segments[segments.length - 1]!;
    const folder = segments.slice(0, -1).join('/');
    if (CONFIG_FILES.includes(name)) {
      const known = configs.get(folder);
      if (known === undefined || CONFIG_FILES.indexOf(name) < CONFIG_FILES.indexOf(known)) {
        configs.set(folder, name);
      }
    } else if (INDEX_PAGE.test(name)) {
      shaped.add(folder);
    }
    for (let i = 0; i < segments.length - 1; i++) {
      if (JEKYLL_FOLDERS.has(segments[i]!)) {
        shaped.add(segments.slice(0, i).join('/'));
      }
    }
  }
  const sites: SiteRoot[] = [...configs].filter(([folder]) => shaped.has(folder)).map(([path, configFile]) => ({ path, configFile }));
  if (topPosts && !configs.has('')) {
    sites.push({ path: '', configFile: undefined });
  }
  return sites.sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The site a workspace-relative path belongs to: the nearest enclosing one, or undefined outside every site. */
export function siteOf<T extends SiteRoot>(sites: readonly T[], path: string): T | undefined {
  let found: T | undefined;
  for (const site of sites) {
    if ((site.path === '' || path === site.path || path.startsWith(site.path + '/')) && (!found || site.path.length > found.path.length)) {
      found = site;
    }
  }
  return found;
}

/** The sites inside `site`, as folders relative to it: their files are theirs, not this site's. */
export function nestedSiteFolders(sites: readonly SiteRoot[], site: SiteRoot): string[] {
  const prefix = site.path === '' ? '' : site.path + '/';
  return sites.filter((other) => other !== site && other.path.startsWith(prefix) && other.path !== site.path).map((other) => other.path.slice(prefix.length));
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
