import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { fileDiagnostics, pathsToCheck, type FileSource } from '../core/fileDiagnostics';
import { loadSettings, readVsCodeSettings } from '../core/settingsLoader';
import { SiteIndex } from '../core/site/siteIndex';
import { findSites, isNeverContent, nestedSiteFilter, siteFilePath } from '../core/site/siteDiscovery';
import { TextDocumentSnapshot } from '../core/textDocument';
import { DEFAULT_EXTERNAL_LINK_OPTIONS, ExternalLinkChecker } from '../externalLinks';
import { externalLinksOf } from '../core/rules/externalLinkRule';
import { FileSystemWorkspace, siteWorkspace as workspaceOfSite } from '../fileSystemWorkspace';
import { WorkerFileAnalyser } from '../workerFileAnalyser';
import { availableParallelism, homedir } from 'node:os';
import { CliError } from './args';
import { cachedSiteDiagnostics } from './cachedCheck';
import { environmentLocale } from '../localization';
import type { Progress } from './progress';
import type { CheckReport, FileDiagnostic } from './report';

export interface CheckRequest {
  readonly cwd: string;
  readonly root: string | undefined;
  readonly paths: readonly string[];
  readonly external: boolean | undefined;
  /** The folder of the persisted index (`--cache`); undefined: none. */
  readonly cache?: string | undefined;
}

/**
 * Checks every Jekyll site under the root (or the given files of them), each from its own folder with its own
 * settings, with the same core as the language server. Files outside every site are not checked.
 */
export async function checkBlog(request: CheckRequest, progress: Progress, warn: (message: string) => void): Promise<CheckReport> {
  const root = nodePath.resolve(request.cwd, request.root ?? '.');
  await assertReadableFolder(root, request.root ?? '.');
  const workspace = new FileSystemWorkspace(root, { skipFolder: isNeverContent });
  const sites = await findSites(workspace);
  if (sites.length === 0) {
    throw new CliError(l10n.t('No Jekyll site in "{0}": a site is a folder with _config.yml and _posts, _layouts or an index page.', request.root ?? '.'));
  }
  const wanted = await wantedPaths(workspace, request);

  // The editor's settings of the folder as opened (VS Code reads .vscode/ there), under each site's .blogwright.yml.
  const vscode = await readVsCodeSettings(workspace);
  for (const problem of vscode.problems) {
    warn(`${problem.file}: ${problem.message}`);
  }
  const results: FileDiagnostic[][] = [];
  let internalErrors = 0;
  const logger = {
    error: (message: string) => {
      internalErrors++;
      warn(message);
    },
  };
  progress.indexing();
  for (const siteRoot of sites) {
    // A site with `source:` is read from that folder, its `_config.yml` from its own (siteWorkspace).
    const fileOf = (path: string) => siteFilePath(siteRoot, path);
    const siteWorkspace = workspaceOfSite(root, siteRoot, nestedSiteFilter(sites, siteRoot));
    const loaded = await loadSettings(siteWorkspace, vscode.layer, request.external === undefined ? undefined : { externalLinks: request.external });
    // A whole-site check without external links may use the persisted index: their findings come from the network.
    const cache = request.cache;
    if (cache !== undefined && request.paths.length === 0 && !loaded.settings.externalLinks && !siteRoot.sourceProblem) {
      const diagnostics = await cachedSiteDiagnostics(siteWorkspace, loaded, cache, environmentLocale() ?? '', { logger }, warn);
      for (const path of [...diagnostics.keys()].sort(byPath)) {
        results.push(diagnostics.get(path)!.map((diagnostic) => ({ file: fileOf(path), diagnostic })));
      }
      continue;
    }
    // No file is open in an editor here: a second thread may read any file (workerFileAnalyser.ts).
    const analyser = readsOnTwoThreads(process.env['BLOGWRIGHT_INDEX_WORKER']) ? new WorkerFileAnalyser(siteWorkspace.root, () => false) : undefined;
    const site = new SiteIndex(siteWorkspace, loaded.settings, { dependants: false, analyser, sourceProblem: siteRoot.sourceProblem, folderName: nodePath.basename(siteWorkspace.configRoot) });
    const kept = await site.build();
    const paths = pathsToCheck(site)
      .sort(byPath)
      .filter((path) => wanted(fileOf(path)));
    const external = loaded.settings.externalLinks ? await fetchExternalLinks(site, siteWorkspace, paths) : undefined;
    siteWorkspace.willRead(paths);
    for (const [index, path] of paths.entries()) {
      // Synchronous reads: nothing else waits on this process, and they skip libuv's thread pool.
      const read = siteWorkspace.readTextSync(path);
      if (read.kind !== 'missing') {
        const source: FileSource = read.kind === 'skipped' ? { path, skipped: read.reason } : { document: new TextDocumentSnapshot(path, 0, read.text) };
        results.push(fileDiagnostics(site, source, loaded.problems, { kept, externalLinks: external, logger }).map((diagnostic) => ({ file: fileOf(path), diagnostic })));
      }
      progress.checked(index + 1, paths.length);
    }
    external?.dispose();
  }
  progress.done();

  const diagnostics = results.flat();
  diagnostics.sort(byFileThenPosition);
  return { root, sites: sites.map((site) => site.path), files: results.length, diagnostics, internalErrors };
}

/**
 * `--external`: fetches every external link of the documents to check first (a few at a time, with time-outs,
 * through a cache outside the blog), so the rules then report from results at hand.
 */
async function fetchExternalLinks(site: SiteIndex, workspace: FileSystemWorkspace, paths: readonly string[]): Promise<ExternalLinkChecker> {
  const cacheHome = process.env['XDG_CACHE_HOME'] || nodePath.join(homedir(), '.cache');
  const checker = new ExternalLinkChecker({ ...DEFAULT_EXTERNAL_LINK_OPTIONS, cacheFile: nodePath.join(cacheHome, 'blogwright', 'external-links.json') });
  const urls = new Set<string>();
  for (const path of paths) {
    const siteDocument = site.document(path);
    const read = siteDocument ? workspace.readTextSync(path) : undefined;
    if (siteDocument && read?.kind === 'text') {
      const scanned = site.scan(path, read.text).links;
      for (const { url } of scanned ? externalLinksOf(site, path, scanned) : []) {
        urls.add(url);
      }
    }
  }
  await checker.check(urls);
  return checker;
}

async function assertReadableFolder(root: string, given: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(root);
  } catch {
    throw new CliError(l10n.t('The blog folder "{0}" does not exist ({1}).', given, root));
  }
  if (!stat.isDirectory()) {
    throw new CliError(l10n.t("\"{0}\" is not a folder. Give the blog's folder first, then the files to check: blogwright check . {0}", given));
  }
  try {
    await fs.readdir(root);
  } catch (error) {
    throw new CliError(l10n.t('The blog folder "{0}" cannot be read: {1}.', given, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}

/** Which root-relative paths to report: all, or those under the given paths, each of which must exist inside the root. */
async function wantedPaths(workspace: FileSystemWorkspace, request: CheckRequest): Promise<(path: string) => boolean> {
  const files = new Set<string>();
  const folders: string[] = [];
  for (const given of request.paths) {
    const absolute = nodePath.resolve(request.cwd, given);
    if (absolute === workspace.root) {
      return () => true;
    }
    const relative = workspace.relativePath(absolute);
    if (relative === undefined) {
      throw new CliError(l10n.t('"{0}" is outside the blog folder {1}.', given, workspace.root));
    }
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      throw new CliError(l10n.t('"{0}" does not exist.', given));
    }
    if (stat.isDirectory()) {
      folders.push(relative + '/');
    } else {
      files.add(relative);
    }
  }
  return request.paths.length === 0 ? () => true : (path) => files.has(path) || folders.some((folder) => path.startsWith(folder));
}

/** Configuration files first, then documents in path order, as `ls -R` would show them. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byFileThenPosition(a: FileDiagnostic, b: FileDiagnostic): number {
  if (a.file !== b.file) {
    return byPath(a.file, b.file);
  }
  const x = a.diagnostic.range.start;
  const y = b.diagnostic.range.start;
  return x.line - y.line || x.character - y.character;
}

/**
 * Whether the check reads on a second thread: with `BLOGWRIGHT_INDEX_WORKER=1`, or on four cores or more unless
 * it is `0`. On two cores the thread shares the second core with V8's collector: 10,000 posts took the same wall
 * time (3.72 s against 3.77 s) for 27 % more CPU (6.1 against 4.8 s) and 45 MB more memory (docs/decisions.md).
 */
function readsOnTwoThreads(setting: string | undefined): boolean {
  return setting === '1' || (setting !== '0' && availableParallelism() >= 4);
}
