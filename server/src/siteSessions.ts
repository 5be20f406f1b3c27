import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILES, CONFIGURATION_FOLDER_FILES, findSites, INDEX_PAGE, isNeverContent, JEKYLL_FOLDERS, sourceFolder, type SiteRoot } from './core/site/siteDiscovery';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import { globMatcher } from './core/glob';
import type { IWorkspace } from './core/workspace';

/** One Jekyll site of the workspace and what the server keeps for it. */
export interface SiteEntry<T> {
  /** The folder the site's files are read from, absolute: its `source:` when it names another, else its own folder. */
  readonly root: string;
  /** The site's own folder, absolute: where `_config.yml`, the Gemfile and `.blogwright.yml` are. */
  readonly configRoot: string;
  /** The workspace folder it was found in. */
  readonly folder: string;
  readonly site: SiteRoot;
  readonly session: T;
}

/** How the server makes, drops and refreshes what it keeps per site. */
export interface SiteSessionFactory<T> {
  /**
   * `skipFolder` (relative to the site, always current) leaves out the sites nested in it and excluded folders.
   * `site` is what discovery found: with `source:`, `root` is that folder and `configRoot` the configuration's.
   */
  create(root: string, skipFolder: (folder: string) => boolean, site: { readonly configRoot: string; readonly found: SiteRoot }): T;
  dispose(session: T): void;
  /** A site appeared in or left this site's folder: its files are not the same any more. */
  nestedChanged(session: T): void;
}

/**
 * The sites of every workspace folder, each with its own session: a document belongs to the nearest enclosing
 * site, and a file outside every site to none. Found by listing file names only; found again when a
 * configuration file, an index page or a folder comes or goes.
 */
export class SiteSessions<T> {
  #entries: SiteEntry<T>[] = [];
  /** For each site root, the folders of the sites nested in it (relative, with `/`). */
  readonly #nested = new Map<string, ReadonlySet<string>>();
  #discovering: Promise<void> = Promise.resolve();
  /** VS Code's `files.exclude`, as globs relative to a workspace folder: never listed, never read. */
  #excluded: (path: string) => boolean = () => false;

  /** `listing(folder, skipFolder)` lists a workspace folder's files (the file system, or memory in tests). */
  constructor(
    readonly folders: readonly string[],
    readonly factory: SiteSessionFactory<T>,
    readonly listing: (folder: string, skipFolder: (path: string) => boolean) => IWorkspace = (folder, skipFolder) => new FileSystemWorkspace(folder, { skipFolder }),
  ) {}

  /** Takes VS Code's `files.exclude` (`{"**\/build": true}`); entries with a `when` condition are left out. */
  set filesExclude(setting: unknown) {
    const patterns = Object.entries(typeof setting === 'object' && setting !== null ? setting : {})
      .filter(([, on]) => on === true)
      .map(([pattern]) => pattern);
    this.#excluded = patterns.length === 0 ? () => false : globMatcher(patterns);
  }

  get entries(): readonly SiteEntry<T>[] {
    return this.#entries;
  }

  /** Lists the folders again and brings the sessions in line; calls never overlap. */
  discover(): Promise<void> {
    this.#discovering = this.#discovering.then(
      () => this.#discover(),
      () => this.#discover(),
    );
    return this.#discovering;
  }

  async #discover(): Promise<void> {
    const found: { root: string; configRoot: string; folder: string; site: SiteRoot }[] = [];
    for (const folder of this.folders) {
      for (const site of await findSites(this.listing(folder, (path) => isNeverContent(path) || this.#excluded(path)))) {
        const configRoot = nodePath.join(folder, site.path);
        const root = nodePath.join(folder, sourceFolder(site) ?? site.path);
        // Nested workspace folders find the same site twice: the first folder has it.
        if (!found.some((f) => f.root === root && f.configRoot === configRoot)) {
          found.push({ root, configRoot, folder, site });
        }
      }
    }
    const before = new Map(this.#entries.map((entry) => [sessionKey(entry.root, entry.configRoot, entry.site), entry]));
    const entries: SiteEntry<T>[] = [];
    for (const { root, configRoot, folder, site } of found) {
      const nested = new Set(found.filter((other) => other.configRoot.startsWith(root + nodePath.sep)).map((other) => nodePath.relative(root, other.configRoot).split(nodePath.sep).join('/')));
      const key = sessionKey(root, configRoot, site);
      const known = before.get(key);
      const nestedBefore = this.#nested.get(root);
      this.#nested.set(root, nested);
      if (known) {
        before.delete(key);
        entries.push(known);
        if (!sameSet(nestedBefore, nested)) {
          this.factory.nestedChanged(known.session);
        }
      } else {
        const source = sourceFolder(site) ?? site.path;
        const prefix = source === '' ? '' : source + '/';
        entries.push({ root, configRoot, folder, site, session: this.factory.create(root, (path) => this.#nested.get(root)?.has(path) === true || this.#excluded(prefix + path), { configRoot, found: site }) });
      }
    }
    this.#entries = entries;
    for (const gone of before.values()) {
      this.#nested.delete(gone.root);
      this.factory.dispose(gone.session);
    }
  }

  /**
   * The site of an absolute path: the nearest enclosing one; `_config.yml` (and the other configuration folder
   * files) of a site read from its `source:` is that site's.
   */
  entryOf(absolute: string): SiteEntry<T> | undefined {
    const configured = this.#entries.find((entry) => entry.configRoot !== entry.root && nodePath.dirname(absolute) === entry.configRoot && CONFIGURATION_FOLDER_FILES.has(nodePath.basename(absolute)));
    if (configured) {
      return configured;
    }
    let best: SiteEntry<T> | undefined;
    for (const entry of this.#entries) {
      if ((absolute === entry.root || absolute.startsWith(entry.root + nodePath.sep)) && (!best || entry.root.length > best.root.length)) {
        best = entry;
      }
    }
    return best?.site.sourceProblem ? undefined : best;
  }

  /**
   * Whether a file created or deleted at this absolute path may change which sites there are: a configuration
   * file, an index page, a Jekyll folder's file outside every site, a folder that held a site (deleted or moved
   * away), or a folder that appeared (one moved in may hold a site).
   */
  mayChangeSites(absolute: string): boolean {
    const name = nodePath.basename(absolute);
    if (CONFIG_FILES.includes(name) || INDEX_PAGE.test(name) || isFolder(absolute)) {
      return true;
    }
    if (this.#entries.some((entry) => entry.root === absolute || entry.root.startsWith(absolute + nodePath.sep))) {
      return true;
    }
    return !this.entryOf(absolute) && absolute.split(nodePath.sep).some((part) => JEKYLL_FOLDERS.has(part));
  }
}

/** A session is kept while its folders and the reason its source is not read stay the same. */
function sessionKey(root: string, configRoot: string, site: SiteRoot): string {
  return `${root}\0${configRoot}\0${site.sourceProblem?.kind ?? ''}`;
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): boolean {
  return a !== undefined && a.size === b.size && [...a].every((item) => b.has(item));
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
