import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from '../core/cancellation';
import { pathsToCheck } from '../core/fileDiagnostics';
import { withSettings, type BlogwrightSettings } from '../core/settings';
import { loadSettings, settingsFromSection, SETTINGS_FILE, type SettingsProblem } from '../core/settingsLoader';
import type { KeptAnalyses } from '../core/site/documentAnalysis';
import { SiteIndex } from '../core/site/siteIndex';
import type { IWorkspace } from '../core/workspace';
import { BlogUris, LspWorkspace, type IBlogFiles } from '../lspWorkspace';
import { dependantsOf, factsOf, type FindingsOf } from './dependants';
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
  /** Which documents show messages of an area, for `dependantsOf`. */
  readonly findingsOf: FindingsOf;
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
  /** Folders under the root that are not this blog's (the sites nested in it): their URIs have no path here. */
  readonly skipFolder?: (folder: string) => boolean;
  /** How many messages the connection has handled: the queue's pauses last until it stops growing. */
  readonly handledMessages?: () => number;
}

const CONFIG_FILE = '_config.yml';

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

  constructor(readonly options: SessionOptions) {
    this.uris = new BlogUris(options.root, options.skipFolder);
    this.workspace = new LspWorkspace(options.files, this.uris, options.documents);
    this.queue = new StateQueue(options.onError, options.handledMessages);
  }

  /** The index of the whole blog; undefined until the first build is done. */
  get site(): SiteIndex | undefined {
    return this.#site;
  }

  /**
   * What a request that may answer from part of the blog (completion, hover) reads: the whole index, else, while
   * the first build reads the blog, the documents it has read so far.
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

  listen(listener: ISessionListener): void {
    this.#listener = listener;
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
    if (paths.includes(SETTINGS_FILE)) {
      void this.rebuild(true);
    } else if (paths.includes(CONFIG_FILE)) {
      void this.rebuild(false);
    }
    const others = paths.filter((p) => p !== SETTINGS_FILE && p !== CONFIG_FILE);
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
  settled(): Promise<void> {
    for (const { run } of [...this.#timers.values()]) {
      run();
    }
    this.#timers.clear();
    return this.queue.whenIdle();
  }

  /** The site is gone (its configuration was deleted): pending edits are dropped and nothing more is queued. */
  dispose(): void {
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
    this.#listener?.rebuilding();
    if (this.#reloadSettings) {
      this.#reloadSettings = false;
      this.#settings = await this.#loadSettings();
      this.options.onSettings?.(this.#settings);
    }
    // Built aside and swapped in whole: requests meanwhile read the previous index, never a half-read one.
    let listed: string[] = [];
    const recording: IWorkspace = {
      listFiles: async () => (listed = await this.workspace.listFiles()),
      readText: (path) => this.workspace.readText(path),
    };
    const site = new SiteIndex(recording, this.#settings.core);
    this.#reading = site;
    let kept: KeptAnalyses;
    try {
      kept = await site.build(this.#settings.core, token, { pacing: this.queue, first: this.workspace.openPaths() });
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
    this.#listener?.rebuilt(started, kept);
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
    const first = new Set<string>();
    const then = new Set<string>();
    let all = false;
    for (const path of paths) {
      const before = factsOf(site, path);
      // Data file names and local plugins decide which links can be known at all: rare changes, checked blog-wide.
      const sources = site.dataFiles.size + site.localPlugins.size;
      const read = await this.workspace.readText(path);
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
    listener.changed(first, all ? pathsToCheck(site) : then);
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
