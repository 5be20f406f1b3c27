import * as nodePath from 'node:path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from '../core/cancellation';
import { pathsToCheck } from '../core/fileDiagnostics';
import { withSettings, type BlogwrightSettings } from '../core/settings';
import { loadSettings, settingsFromSection, SETTINGS_FILE, type SettingsProblem } from '../core/settingsLoader';
import type { KeptAnalyses } from '../core/site/documentAnalysis';
import type { IFileAnalyser } from '../core/site/fileAnalyser';
import { readConfigTexts } from '../core/site/config';
import { GEMFILE } from '../core/site/gemfile';
import { SiteIndex } from '../core/site/siteIndex';
import type { BlogwrightDiagnostic } from '../core/diagnostics';
import type { FileStamp, IWorkspace, ReadResult } from '../core/workspace';
import { BlogUris, LspWorkspace, type IBlogFiles } from '../lspWorkspace';
import type { SourceProblem } from '../core/site/siteDiscovery';
import { dependantsOf, factsOf, type FindingsOf } from './dependants';
import { changedSince, diagnosticsOf, storeKey, type IndexStore, type StoreKey } from './indexStore';
import { StoreSaver } from './storeSaver';
import { growingFreely } from '../heap';
import { StateQueue } from './stateQueue';

export interface SessionSettings {
  readonly core: BlogwrightSettings;
  /** What is wrong in `.blogwright.yml`, published as its diagnostics. */
  readonly problems: readonly SettingsProblem[];
  /** Milliseconds to wait after a keystroke before re-checking. */
  readonly debounce: number;
}

/** Told what each change did, so that the diagnostics it may have changed are published again. */
export interface ISessionListener {
  /** The whole blog is being read again. */
  rebuilding(): void;
  /** A new index of the whole blog: everything is checked again, the build's analyses first used. */
  rebuilt(started: number, kept: KeptAnalyses): void;
  /** Files that changed, with the documents that link to them, first; then those whose messages may quote them. */
  changed(first: Iterable<string>, then: Iterable<string>): void;
  /**
   * An open document changed while the blog is still being read (its change is applied once the reading is done):
   * `partial` is the index of what has been read so far, whole at this point.
   */
  changedWhileReading(path: string, partial: SiteIndex): void;
  /** The index comes from the store: these are the diagnostics each document showed when it was stored. */
  restoring(diagnostics: ReadonlyMap<string, readonly BlogwrightDiagnostic[]>): void;
  /** The stored diagnostics are shown, but for the documents to check again: those first, then the others. */
  restored(started: number, first: Iterable<string>, then: Iterable<string>): void;
  /** Which documents show messages of an area, for `dependantsOf`. */
  readonly findingsOf: FindingsOf;
  /** What a document shows now, for the store. */
  diagnosticsOf(path: string): readonly BlogwrightDiagnostic[] | undefined;
  /** Whether re-checks are pending: the store is written only when none is. */
  hasWork(): boolean;
}

export interface SessionOptions {
  readonly root: string;
  readonly files: IBlogFiles;
  readonly documents: TextDocuments<TextDocument>;
  /** The editor's `blogwright` section; undefined when the editor has no configuration to pull. */
  readonly editorSettings: () => Promise<unknown>;
  /** In a workspace the user has not trusted, nothing goes over the network. */
  readonly workspaceTrusted: boolean;
  readonly warn: (message: string) => void;
  readonly onError: (error: unknown) => void;
  /** Called with the settings each time they are read. */
  readonly onSettings?: (settings: SessionSettings) => void;
  /** Reads and analyses the files of a rebuild on another thread; `readByIndex` says which the index reads itself. */
  readonly analyser?: (readByIndex: (path: string) => boolean) => IFileAnalyser;
  /** Folders under the root that are not this blog's (the sites nested in it): their URIs have no path here. */
  readonly skipFolder?: (folder: string) => boolean;
  /** Counts the connection's activity, messages read and handled: the queue's pauses last until it stops growing. */
  readonly activity?: () => number;
  /** Where the index is persisted between starts (see indexStore.ts); none: every start reads the whole blog. */
  readonly store?: IndexStore;
  /** The language of the messages, which the stored diagnostics are in. */
  readonly locale?: string;
  /** A site read from its `source:` (the root): the folder of its `_config.yml`, the Gemfile and `.blogwright.yml`. */
  readonly configFolder?: string | undefined;
  /** Why the folder `source:` names is not read: only the configuration folder's files are then. */
  readonly sourceProblem?: SourceProblem | undefined;
}

const CONFIG_FILE = '_config.yml';
/** After a change, the store is written once nothing has changed for this long: never on every keystroke. */
const STORE_DELAY_MS = 5000;
/** After a start, the store is written this soon: the first requests go first. */
const STORE_AFTER_START_MS = 500;

/**
 * One blog open in the editor: its files, the index of them, the settings, and the one queue every change goes
 * through. The index is replaced whole by a rebuild (configuration, settings) and updated a file at a time
 * otherwise; requests read it between changes, so they never see a change half applied.
 */
export class BlogSession {
  readonly uris: BlogUris;
  readonly workspace: LspWorkspace;
  readonly queue: StateQueue;
  #site: SiteIndex | undefined;
  /** The index a rebuild is reading now, swapped in when it is done. */
  #reading: SiteIndex | undefined;
  #settings: SessionSettings = { core: withSettings(undefined), problems: [], debounce: 200 };
  /** Every file of the blog as last seen: a folder event covers those inside it. */
  #files = new Set<string>();
  #listener: ISessionListener | undefined;
  /** A rebuild queued and not started yet: another request for one joins it. */
  #queuedRebuild: Promise<void> | undefined;
  /** The rebuild running now: a newer one cancels it, since its result would be replaced at once. */
  #runningRebuild: { isCancellationRequested: boolean } | undefined;
  #reloadSettings = false;
  readonly #timers = new Map<string, { timer: NodeJS.Timeout; run: () => void }>();
  /** Buffers whose change is queued and not applied yet: a newer change of one joins it (it reads the buffer then). */
  readonly #queuedBuffers = new Set<string>();
  /** Each file's stamp when the index last read it (undefined: read from a buffer, or too recently changed to tell). */
  #stamps = new Map<string, FileStamp | undefined>();
  /** The first start may come from the store; a rebuild after it never does (the settings or configuration changed). */
  #mayRestore = true;
  /** Counts changes to the index: a store write that saw another change begin is started again. */
  #generation = 0;
  readonly #saver: StoreSaver | undefined;

  constructor(readonly options: SessionOptions) {
    this.uris = new BlogUris(options.root, options.skipFolder, { configFolder: options.configFolder, sourceless: options.sourceProblem !== undefined });
    this.workspace = new LspWorkspace(options.files, this.uris, options.documents);
    this.queue = new StateQueue(options.onError, options.activity);
    this.#saver = options.store && options.files.stamp ? new StoreSaver(this, options.store) : undefined;
  }

  /** The index of the whole blog; undefined until the first build is done. */
  get site(): SiteIndex | undefined {
    return this.#site;
  }

  /**
   * What a request that may answer from part of the blog (completion) reads: the whole index, else, while the
   * first build reads the blog, the documents it has read so far.
   */
  get siteSoFar(): SiteIndex | undefined {
    return this.#site ?? this.#partial();
  }

  #partial(): SiteIndex | undefined {
    return this.#reading?.progress === 'reading' ? this.#reading : undefined;
  }

  get settings(): SessionSettings {
    return this.#settings;
  }

  /** The listener publishes diagnostics; its re-checks go before the store's writing in the queue. */
  listen(listener: ISessionListener): void {
    this.#listener = listener;
    if (this.#saver) {
      this.queue.addBackground(this.#saver);
    }
  }

  get listener(): ISessionListener | undefined {
    return this.#listener;
  }

  get generation(): number {
    return this.#generation;
  }

  /** Every file of the blog, with its stamp when the index read it. */
  get files(): ReadonlySet<string> {
    return this.#files;
  }

  get stamps(): ReadonlyMap<string, FileStamp | undefined> {
    return this.#stamps;
  }

  /** Reads the settings and the whole blog. */
  start(): Promise<void> {
    return this.rebuild(true);
  }

  /** The editor's settings changed. */
  settingsChanged(): Promise<void> {
    return this.rebuild(true);
  }

  /** Files or folders changed on disk (watcher events; a folder event stands for everything in it). */
  filesChanged(paths: readonly string[]): Promise<void> {
    this.workspace.stopReadingAhead();
    if (paths.includes(SETTINGS_FILE)) {
      void this.rebuild(true);
    } else if (paths.includes(CONFIG_FILE) || paths.includes(GEMFILE)) {
      void this.rebuild(false);
    }
    const others = paths.filter((p) => p !== SETTINGS_FILE && p !== CONFIG_FILE && p !== GEMFILE);
    return others.length === 0 ? this.queue.whenIdle() : this.queue.enqueue(async () => this.#apply(await this.#expand(others)));
  }

  /** An open buffer's text changed (or it was opened): applied after the debounce. */
  bufferChanged(path: string): void {
    this.#cancelTimer(path);
    const run = () => {
      this.#timers.delete(path);
      if (!this.#queuedBuffers.has(path)) {
        this.#queuedBuffers.add(path);
        void this.queue.enqueue(() => {
          this.#queuedBuffers.delete(path);
          return this.#apply([path]);
        });
      }
      // Applied only after the build; meanwhile, what the document says of itself is checked against what is read.
      this.queue.read(() => {
        const partial = this.#partial();
        if (partial) {
          this.#listener?.changedWhileReading(path, partial);
        }
      });
    };
    if (this.#settings.debounce <= 0) {
      run();
    } else {
      this.#timers.set(path, { timer: setTimeout(run, this.#settings.debounce), run });
    }
  }

  /** A buffer was closed: the file is what is on disk again. */
  bufferClosed(path: string): void {
    this.#cancelTimer(path);
    void this.queue.enqueue(() => this.#apply([path]));
  }

  /**
   * Resolves once `path`'s pending buffer change (its debounce cut short) and every change queued before it are
   * applied: what a request about the document's place in the blog (its URL) must see, without waiting for re-checks.
   */
  applied(path: string): Promise<void> {
    const pending = this.#timers.get(path);
    if (pending) {
      this.#cancelTimer(path);
      pending.run();
    }
    return this.queue.enqueue(() => undefined);
  }

  /** Resolves once every change received so far (debounced edits too) is applied and its re-checks are done. */
  async settled(store = false): Promise<void> {
    for (const { run } of [...this.#timers.values()]) {
      run();
    }
    this.#timers.clear();
    await this.queue.whenIdle();
    if (store) {
      await this.#saver?.flush();
    }
  }

  /** The site is gone (its configuration was deleted): pending edits are dropped and nothing more is queued. */
  dispose(): void {
    this.#saver?.dispose();
    for (const { timer } of this.#timers.values()) {
      clearTimeout(timer);
    }
    this.#timers.clear();
    this.#listener = undefined;
  }

  #cancelTimer(path: string): void {
    clearTimeout(this.#timers.get(path)?.timer);
    this.#timers.delete(path);
  }

  /** Queues a rebuild; rebuilds never overlap, requests close together share one, and a newer one cancels the running one. */
  rebuild(reloadSettings: boolean): Promise<void> {
    this.#reloadSettings ||= reloadSettings;
    if (this.#queuedRebuild) {
      return this.#queuedRebuild;
    }
    if (this.#runningRebuild) {
      this.#runningRebuild.isCancellationRequested = true;
    }
    this.#queuedRebuild = this.queue.enqueue(async () => {
      this.#queuedRebuild = undefined;
      const token = { isCancellationRequested: false };
      this.#runningRebuild = token;
      try {
        await this.#rebuild(token);
      } finally {
        if (this.#runningRebuild === token) {
          this.#runningRebuild = undefined;
        }
      }
    });
    return this.#queuedRebuild;
  }

  async #rebuild(token: CancellationToken): Promise<void> {
    const started = Date.now();
    this.#generation++;
    this.#listener?.rebuilding();
    if (this.#reloadSettings) {
      this.#reloadSettings = false;
      this.#settings = await this.#loadSettings();
      this.options.onSettings?.(this.#settings);
    }
    // Built aside and swapped in whole: requests meanwhile read the previous index, never a half-read one.
    let listed: string[] = [];
    const stamps = new Map<string, FileStamp | undefined>();
    const recording: IWorkspace = {
      listFiles: async () => (listed = await this.workspace.listFiles()),
      readText: async (path) => stamped(stamps, path, await this.workspace.readText(path)),
      // Each file twice: the check that follows the build reads them again, in the same order (`ReadAhead.secondPass`).
      willRead: (paths) => this.workspace.willRead([...paths, ...paths]),
    };
    // Open buffers are the index's to read; the rest may be read on another thread, which stamps what it reads.
    const analyser = this.options.analyser?.((path) => this.workspace.openDocument(path) !== undefined);
    const folderName = nodePath.basename(this.options.configFolder ?? this.options.root);
    const site = new SiteIndex(recording, this.#settings.core, { ...(analyser && { analyser: stamping(analyser, stamps) }), sourceProblem: this.options.sourceProblem, folderName });
    const mayRestore = this.#mayRestore;
    this.#mayRestore = false;
    const key = this.#saver && (await this.#storeKey());
    if (mayRestore && key && (await this.#restore(site, recording, stamps, key, started, token))) {
      return;
    }
    this.#reading = site;
    let kept: KeptAnalyses;
    try {
      kept = await growingFreely(() => site.build(this.#settings.core, token, { pacing: this.queue, first: this.workspace.openPaths() }));
    } finally {
      if (this.#reading === site) {
        this.#reading = undefined;
      }
    }
    if (token.isCancellationRequested) {
      return;
    }
    this.#site = site;
    this.#files = new Set(listed);
    this.#stamps = stamps;
    this.#saver?.keyed(key);
    this.#listener?.rebuilt(started, kept);
    this.#saver?.schedule(STORE_AFTER_START_MS);
  }

  /**
   * Starts from the stored index when it matches: the index is restored as it was stored, then every file that
   * changed since (added, deleted, another stamp, open in the editor) is applied to it as a change made while the
   * server ran would be, so exactly the documents such a change re-checks are checked; the others show their stored
   * diagnostics. False when there is no usable store.
   */
  async #restore(site: SiteIndex, recording: IWorkspace, stamps: Map<string, FileStamp | undefined>, key: StoreKey, started: number, token: CancellationToken): Promise<boolean> {
    const listener = this.#listener;
    const store = this.options.store;
    if (!store || !listener) {
      return false;
    }
    // Nearly everything it allocates stays: collecting as the heap grows would only mark it again and again.
    const stored = await growingFreely(async () => {
      const contents = store.load(key);
      if (contents) {
        await site.restore(this.#settings.core, contents.files, (path) => contents.entries.get(path), contents.authors);
      }
      return contents;
    });
    if (!stored) {
      return false;
    }
    const listed = await recording.listFiles();
    if (token.isCancellationRequested) {
      return true;
    }
    const changed = changedSince(stored, listed, (path) => this.options.files.stamp?.(path), this.workspace.openPaths());
    for (const [path, entry] of stored.entries) {
      if (!changed.has(path) && !stamps.has(path)) {
        stamps.set(path, entry.stamp);
      }
    }
    this.#site = site;
    this.#files = new Set(stored.files);
    this.#stamps = stamps;
    this.#saver?.keyed(key);
    listener.restoring(diagnosticsOf(stored));
    const { first, then } = await this.#applyTo(site, listener, [...changed]);
    listener.restored(started, first, [CONFIG_FILE, SETTINGS_FILE, ...then]);
    if (changed.size > 0) {
      this.#saver?.schedule(STORE_AFTER_START_MS);
    }
    return true;
  }

  /** What the store must match: this build of Blogwright, and everything that changes how the blog is read or checked. */
  async #storeKey(): Promise<StoreKey | undefined> {
    const settings = this.#settings.core;
    if (settings.externalLinks) {
      // External links' findings come from the network, not from the files: never stored.
      return undefined;
    }
    return storeKey(await readConfigTexts(this.workspace), settings, this.options.locale ?? '', this.options.workspaceTrusted);
  }

  /** The files that paths from watcher events stand for: each file, and every file inside a folder, on disk or known. */
  async #expand(paths: readonly string[]): Promise<string[]> {
    const files = new Set<string>();
    for (const path of paths) {
      const inside = new Set(await this.workspace.listFiles(path));
      for (const known of this.#files) {
        if (known.startsWith(path + '/')) {
          inside.add(known);
        }
      }
      // A folder itself is no file of the blog; a file (or a deleted one nobody knew) is.
      if (inside.size === 0 || this.#files.has(path)) {
        files.add(path);
      }
      inside.forEach((file) => files.add(file));
    }
    return [...files];
  }

  /** Applies files' current text (buffer or disk) to the index and tells the listener what to re-check. */
  async #apply(paths: readonly string[]): Promise<void> {
    const site = this.#site;
    const listener = this.#listener;
    if (!site || !listener) {
      // Not indexed yet: the rebuild under way reads them as they are.
      return;
    }
    const { first, then } = await this.#applyTo(site, listener, paths);
    listener.changed(first, then);
    this.#saver?.schedule(STORE_DELAY_MS);
  }

  /** Applies files' current text to the index; says which documents to check again, first and then. */
  async #applyTo(site: SiteIndex, listener: ISessionListener, paths: readonly string[]): Promise<{ first: Set<string>; then: Iterable<string> }> {
    this.#generation++;
    const first = new Set<string>();
    const then = new Set<string>();
    let all = false;
    for (const path of paths) {
      const before = factsOf(site, path);
      // Data file names and local plugins decide which links can be known at all: rare changes, checked blog-wide.
      const sources = site.dataFiles.size + site.localPlugins.size;
      const read = stamped(this.#stamps, path, await this.workspace.readText(path));
      const change = await site.update(path, read.kind === 'text' ? read.text : undefined, read.kind !== 'missing');
      if (read.kind === 'missing') {
        this.#files.delete(path);
      } else {
        this.#files.add(path);
      }
      if (change.scope === 'all' || sources !== site.dataFiles.size + site.localPlugins.size) {
        all = true;
        continue;
      }
      change.paths.forEach((p) => first.add(p));
      dependantsOf(site, before, factsOf(site, path), listener.findingsOf).forEach((p) => then.add(p));
    }
    return { first, then: all ? pathsToCheck(site) : then };
  }

  /** VS Code's `blogwright` section under the blog's `.blogwright.yml` (see docs/decisions.md). */
  async #loadSettings(): Promise<SessionSettings> {
    const raw = ((await this.options.editorSettings()) ?? {}) as { diagnostics?: { debounce?: unknown } };
    const editor = settingsFromSection(raw, { fromBlog: false });
    for (const problem of editor.problems) {
      this.options.warn(`Blogwright setting blogwright.${problem.path.join('.')}: ${problem.message}`);
    }
    const loaded = await loadSettings(this.options.files, editor.layer);
    const debounce = raw.diagnostics?.debounce;
    const core = this.options.workspaceTrusted ? loaded.settings : { ...loaded.settings, externalLinks: false };
    return { core, problems: loaded.problems, debounce: typeof debounce === 'number' ? debounce : 200 };
  }
}

/** The analyser, recording the stamp of each file it read, as `stamped` does for the files read here. */
function stamping(analyser: IFileAnalyser, stamps: Map<string, FileStamp | undefined>): IFileAnalyser {
  return {
    async *analyse(paths, options) {
      for await (const item of analyser.analyse(paths, options)) {
        if (item.analysed) {
          stamps.set(item.path, item.analysed.stamp);
        }
        yield item;
      }
    },
  };
}

/** Notes the stamp of a file read (none for a buffer's text, a file gone or one changed too recently to tell). */
function stamped(stamps: Map<string, FileStamp | undefined>, path: string, read: ReadResult): ReadResult {
  stamps.set(path, read.kind === 'missing' ? undefined : read.stamp);
  return read;
}
