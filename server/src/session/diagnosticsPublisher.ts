import { DiagnosticSeverity, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { BlogwrightDiagnostic } from '../core/diagnostics';
import { fileDiagnostics, pathsToCheck } from '../core/fileDiagnostics';
import { areaOf, type RuleArea, type RuleCode } from '../core/ruleCatalog';
import { externalLinksOf } from '../core/rules/externalLinkRule';
import { SETTINGS_FILE } from '../core/settingsLoader';
import type { KeptAnalyses } from '../core/site/documentAnalysis';
import type { ITextDocument } from '../core/workspace';
import type { ExternalLinkChecker } from '../externalLinks';
import { asCoreDocument, openText } from '../lspWorkspace';
import type { SiteIndex } from '../core/site/siteIndex';
import { indexedNotification, siteChangedNotification } from '../protocol';
import type { BlogSession, ISessionListener } from './blogSession';
import type { IBackgroundWork } from './stateQueue';

/** Documents checked in one slice at most; the queue says when its time is up. */
const SLICE = 50;

/**
 * Publishes every document's diagnostics, pushed. What a change may have altered is queued for a re-check: the
 * changed files and the documents linking to them first, then the rest; a rebuild queues the whole blog, the open
 * documents first. Re-checks run as the state queue's background work, in slices, so an edit or a request never
 * waits for a whole-blog check, and a document is always checked against the blog as the last change left it.
 */
export class DiagnosticsPublisher implements ISessionListener, IBackgroundWork {
  readonly #first = new Set<string>();
  readonly #then = new Set<string>();
  /** What each document shows now (those that show nothing are left out): for `findingsOf` and the store. */
  readonly #shown = new Map<string, readonly BlogwrightDiagnostic[]>();
  /** The rebuild whose whole-blog check is under way: `blogwright/indexed` is sent when it is done. */
  #indexing: { started: number; checked: number } | undefined;
  /** What the last build learned of each text: its whole-blog check takes each once, then it is dropped. */
  #kept: KeptAnalyses | undefined;
  /** Errors and warnings per file as last published, for the Blog view's "problems". */
  readonly problems = new Map<string, number>();
  #siteChangedTimer: NodeJS.Timeout | undefined;
  /** Shown by the editor (VS Code: in the status bar) while the blog is read and checked. */
  #progress: Promise<WorkDoneProgressServerReporter> | undefined;
  /** Set when the user turned external link checks on (and trusts the workspace). */
  externalLinks: ExternalLinkChecker | undefined;

  readonly #logger = { error: (message: string) => this.connection.console.error(message) };

  constructor(
    readonly connection: Connection,
    readonly session: BlogSession,
    readonly canShowProgress: boolean,
    /** Told when a rebuild's whole-blog check is done; by default that is `blogwright/indexed`. */
    readonly onIndexed: (documents: number, milliseconds: number) => void = (documents, milliseconds) => void connection.sendNotification(indexedNotification, { documents, milliseconds }),
  ) {
    session.queue.addBackground(this);
    session.listen(this);
  }

  /** Stops what would publish later (the server shuts down). */
  dispose(): void {
    clearTimeout(this.#siteChangedTimer);
    this.#siteChangedTimer = undefined;
    this.externalLinks?.dispose();
    this.externalLinks = undefined;
  }

  /**
   * Files that are no longer this blog's (a site now nested in it took them): their diagnostics are cleared
   * before the other site publishes its own, and they are not checked here again. `all` clears every file (the
   * site is gone).
   */
  release(all = false): void {
    const foreign = (path: string) => all || this.session.uris.pathOf(this.session.uris.uriOf(path)) === undefined;
    for (const path of [...this.#shown.keys()].filter(foreign)) {
      this.#shown.delete(path);
      this.problems.delete(path);
      void this.connection.sendDiagnostics({ uri: this.session.workspace.uriOf(path), diagnostics: [] });
    }
    for (const set of [this.#first, this.#then]) {
      [...set].filter(foreign).forEach((path) => set.delete(path));
    }
    if (all) {
      this.#indexing = undefined;
    }
  }

  rebuilding(): void {
    if (this.canShowProgress && !this.#progress) {
      this.#progress = this.connection.window.createWorkDoneProgress().then((progress) => {
        progress.begin('Blogwright', undefined, 'indexing the blog');
        return progress;
      });
    }
  }

  rebuilt(started: number, kept: KeptAnalyses): void {
    this.#kept = kept;
    const site = this.session.site!;
    const open = new Set(this.session.workspace.openPaths());
    const paths = pathsToCheck(site);
    this.#first.clear();
    this.#then.clear();
    for (const path of [...paths.filter((p) => open.has(p)), ...paths.filter((p) => !open.has(p)), ...this.#shown.keys()]) {
      this.#then.add(path);
    }
    this.session.workspace.willRead([...this.#then]);
    this.#indexing = { started, checked: 0 };
    void this.#progress?.then((progress) => progress.report(`checking ${site.documents.size} documents`));
    this.session.queue.wake();
  }

  restoring(diagnostics: ReadonlyMap<string, readonly BlogwrightDiagnostic[]>): void {
    this.#kept = undefined;
    for (const [path, shown] of diagnostics) {
      this.#remember(path, shown);
    }
  }

  restored(started: number, first: Iterable<string>, then: Iterable<string>): void {
    this.#first.clear();
    this.#then.clear();
    this.changed(first, then);
    // What is checked again is published when checked; the rest shows what it showed when stored.
    for (const [path, diagnostics] of this.#shown) {
      if (!this.#first.has(path) && !this.#then.has(path)) {
        void this.connection.sendDiagnostics({ uri: this.session.workspace.uriOf(path), diagnostics: [...diagnostics] });
      }
    }
    this.#indexing = { started, checked: 0 };
    void this.#progress?.then((progress) => progress.report(`checking ${this.#first.size + this.#then.size} documents`));
    this.session.queue.wake();
  }

  diagnosticsOf(path: string): readonly BlogwrightDiagnostic[] | undefined {
    return this.#shown.get(path);
  }

  changed(first: Iterable<string>, then: Iterable<string>): void {
    this.#siteChanged();
    for (const path of first) {
      this.#then.delete(path);
      this.#first.add(path);
    }
    for (const path of then) {
      if (!this.#first.has(path)) {
        this.#then.add(path);
      }
    }
    this.session.queue.wake();
  }

  readonly findingsOf = (codeOrArea: RuleCode | RuleArea): string[] => [...this.#shown].filter(([, shown]) => shown.some(({ code }) => code === codeOrArea || areaOf(code) === codeOrArea)).map(([path]) => path);

  hasWork(): boolean {
    return this.#first.size > 0 || this.#then.size > 0;
  }

  async runSlice(): Promise<void> {
    const queue = this.session.queue;
    for (let count = 0; count < SLICE && !queue.changesWaiting && (count === 0 || !queue.due()); count++) {
      const path = take(this.#first) ?? take(this.#then);
      if (path === undefined) {
        break;
      }
      await this.#check(path);
      if (this.#indexing) {
        this.#indexing.checked++;
      }
    }
    if (!this.hasWork() && this.#indexing) {
      // Nothing more to read: a plan the check did not finish (files that proved static) would keep its thread.
      this.session.workspace.stopReadingAhead();
      this.onIndexed(this.#indexing.checked, Date.now() - this.#indexing.started);
      this.#indexing = undefined;
      this.#kept = undefined;
      void this.#progress?.then((progress) => progress.done());
      this.#progress = undefined;
      this.#siteChanged();
    }
  }

  /**
   * Publishes what an open document edited while the blog is read says of itself (its front matter, dates,
   * Liquid in code), checked against the part read so far; what depends on the whole blog (links, tags, authors,
   * known keys) is held back, and published with the rest when the whole-blog check after the build reaches it
   * (open documents first). Nothing is remembered: that check replaces it.
   */
  changedWhileReading(path: string, partial: SiteIndex): void {
    const workspace = this.session.workspace;
    const open = workspace.openDocument(path);
    if (!open || !partial.document(path) || openText(open).kind !== 'text') {
      return;
    }
    const diagnostics = fileDiagnostics(partial, { document: asCoreDocument(path, open) }, this.session.settings.problems, { logger: this.#logger, partial: true });
    void this.connection.sendDiagnostics({ uri: workspace.uriOf(path), version: open.version, diagnostics });
  }

  async #check(path: string): Promise<void> {
    const site = this.session.site;
    if (!site) {
      return;
    }
    const workspace = this.session.workspace;
    const open = workspace.openDocument(path);
    const source = await workspace.textDocument(path);
    const isConfig = path === '_config.yml' || path === SETTINGS_FILE;
    // Gone, or not a document of the blog (a layout, a file `exclude` leaves out), open or not: nothing to say,
    // as `blogwright check` says nothing of it.
    const checked = source && (isConfig || site.document(path)) ? source : undefined;
    const diagnostics = checked ? fileDiagnostics(site, 'skipped' in checked ? { path, skipped: checked.skipped } : checked, this.session.settings.problems, { kept: this.#kept, externalLinks: this.externalLinks, logger: this.#logger }) : [];
    const wasShown = this.#shown.has(path);
    this.#remember(path, diagnostics);
    // Nothing to clear and nothing to show for a closed document: no message. On 10,000 posts that are almost all
    // clean, a start sent 10,000 empty lists for the editor to parse. An open one always hears of its version.
    if (diagnostics.length > 0 || wasShown || open) {
      // The URI made only here (`workspace.uriOf`, as it was when the check began): 45 ms of 10,000 posts' start.
      void this.connection.sendDiagnostics({ uri: open?.uri ?? this.session.uris.uriOf(path), version: checked && open?.version, diagnostics });
    }
    if (checked && this.externalLinks && !('skipped' in checked)) {
      void this.#checkExternalLinks(path, checked.document);
    }
  }

  /** Keeps what a document shows: for `findingsOf` and the store, its errors and warnings for the Blog view. */
  #remember(path: string, diagnostics: readonly BlogwrightDiagnostic[]): void {
    if (diagnostics.length > 0) {
      this.#shown.set(path, diagnostics);
    } else {
      this.#shown.delete(path);
    }
    const count = diagnostics.filter((d) => d.severity !== undefined && d.severity <= DiagnosticSeverity.Warning).length;
    if ((this.problems.get(path) ?? 0) !== count) {
      if (count === 0) {
        this.problems.delete(path);
      } else {
        this.problems.set(path, count);
      }
      this.#siteChanged();
    }
  }

  /** Tells the client the index changed, at most every 300 ms: the Blog view refreshes. */
  #siteChanged(): void {
    if (this.#siteChangedTimer === undefined) {
      this.#siteChangedTimer = setTimeout(() => {
        this.#siteChangedTimer = undefined;
        void this.connection.sendNotification(siteChangedNotification, {});
      }, 300);
    }
  }

  /** Fetches the document's external links that have no fresh result, then queues it for a re-check with them. */
  async #checkExternalLinks(path: string, document: ITextDocument): Promise<void> {
    const checker = this.externalLinks;
    const site = this.session.site;
    const siteDocument = site?.document(path);
    if (!checker || !site || !siteDocument) {
      return;
    }
    const scanned = site.scan(path, document.getText()).links;
    const fresh = scanned ? await checker.check(externalLinksOf(site, path, scanned).map((l) => l.url)) : [];
    if (fresh.length > 0 && checker === this.externalLinks) {
      this.changed([path], []);
    }
  }
}

function take(set: Set<string>): string | undefined {
  for (const value of set) {
    set.delete(value);
    return value;
  }
  return undefined;
}
