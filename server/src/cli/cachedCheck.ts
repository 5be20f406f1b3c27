import * as nodePath from 'node:path';
import type { BlogwrightDiagnostic, CheckInputs } from '../core/diagnostics';
import { fileDiagnostics, pathsToCheck, type FileSource } from '../core/fileDiagnostics';
import type { RuleArea, RuleCode } from '../core/ruleCatalog';
import { areaOf } from '../core/ruleCatalog';
import type { BlogwrightSettings } from '../core/settings';
import type { SettingsProblem } from '../core/settingsLoader';
import { readConfigTexts } from '../core/site/config';
import { SiteIndex } from '../core/site/siteIndex';
import { TextDocumentSnapshot } from '../core/textDocument';
import type { FileStamp, IWorkspace } from '../core/workspace';
import type { FileSystemWorkspace } from '../fileSystemWorkspace';
import { dependantsOf, factsOf } from '../session/dependants';
import { changedSince, CHUNK, diagnosticsOf, entriesToWrite, IndexStore, storeKey, StoreWriter } from '../session/indexStore';

/**
 * `blogwright check --cache`: the whole-site check from the persisted index the language server keeps (see
 * session/indexStore.ts and docs/decisions.md). The index is restored as stored, the files changed since are
 * applied as the server applies them, and only those and the documents they affect are checked again; the others
 * report their stored findings. The store is written again afterwards. Every document's diagnostics, by path.
 */
export async function cachedSiteDiagnostics(
  workspace: FileSystemWorkspace,
  settings: { readonly settings: BlogwrightSettings; readonly problems: readonly SettingsProblem[] },
  folder: string,
  locale: string,
  inputs: CheckInputs,
  log: (message: string) => void,
): Promise<Map<string, BlogwrightDiagnostic[]>> {
  const stamps = new Map<string, FileStamp | undefined>();
  const recording: IWorkspace = {
    listFiles: () => workspace.listFiles(),
    readText: async (path) => {
      const read = workspace.readTextSync(path);
      stamps.set(path, read.kind === 'missing' ? undefined : read.stamp);
      return read;
    },
  };
  const store = new IndexStore(folder, workspace.root, log);
  const key = storeKey(await readConfigTexts(workspace), settings.settings, locale, true);
  const stored = store.load(key);
  const site = new SiteIndex(recording, settings.settings, { folderName: nodePath.basename(workspace.configRoot) });
  let files: Set<string>;
  let recheck: Set<string> | undefined;
  let changed: ReadonlySet<string> | undefined;
  let kept: CheckInputs['kept'];
  const shown = stored ? diagnosticsOf(stored) : new Map<string, readonly BlogwrightDiagnostic[]>();
  if (stored) {
    await site.restore(settings.settings, stored.files, (path) => stored.entries.get(path), stored.authors);
    const listed = await workspace.listFiles();
    changed = changedSince(stored, listed, (path) => workspace.stamp(path), []);
    for (const [path, entry] of stored.entries) {
      if (!changed.has(path) && !stamps.has(path)) {
        stamps.set(path, entry.stamp);
      }
    }
    files = new Set(listed);
    recheck = await applyChanges(site, recording, [...changed], (codeOrArea) => [...shown].filter(([, d]) => d.some(({ code }) => code === codeOrArea || areaOf(code) === codeOrArea)).map(([path]) => path));
  } else {
    kept = await site.build();
    files = new Set(await workspace.listFiles());
  }
  const diagnostics = new Map<string, BlogwrightDiagnostic[]>();
  for (const path of pathsToCheck(site)) {
    const entry = stored?.entries.get(path);
    if (recheck && !recheck.has(path) && site.document(path) && entry) {
      diagnostics.set(path, [...(shown.get(path) ?? [])]);
      continue;
    }
    const read = workspace.readTextSync(path);
    if (read.kind !== 'missing') {
      const source: FileSource = read.kind === 'skipped' ? { path, skipped: read.reason } : { document: new TextDocumentSnapshot(path, 0, read.text) };
      diagnostics.set(path, fileDiagnostics(site, source, settings.problems, { ...inputs, kept }));
    }
  }
  if (changed?.size === 0) {
    // The store says it all already.
    return diagnostics;
  }
  const sorted = [...files].sort();
  const writer = new StoreWriter(sorted, site.authors);
  for (let i = 0; i < sorted.length; i += CHUNK) {
    writer.add(entriesToWrite(site, sorted.slice(i, i + CHUNK), stamps, (path) => diagnostics.get(path)));
  }
  await store.write(key, writer.chunks);
  return diagnostics;
}

/** Applies files changed since the store was written, as the server applies a change; what to check again (undefined: all). */
async function applyChanges(site: SiteIndex, workspace: IWorkspace, paths: readonly string[], findingsOf: (codeOrArea: RuleCode | RuleArea) => Iterable<string>): Promise<Set<string> | undefined> {
  const recheck = new Set<string>();
  for (const path of paths) {
    const before = factsOf(site, path);
    const sources = site.dataFiles.size + site.localPlugins.size;
    const read = await workspace.readText(path);
    const change = await site.update(path, read.kind === 'text' ? read.text : undefined, read.kind !== 'missing');
    if (change.scope === 'all' || sources !== site.dataFiles.size + site.localPlugins.size) {
      return undefined;
    }
    change.paths.forEach((p) => recheck.add(p));
    dependantsOf(site, before, factsOf(site, path), findingsOf).forEach((p) => recheck.add(p));
  }
  return recheck;
}
