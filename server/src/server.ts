import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  NotificationType,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileDiagnostics, pathsToCheck } from './core/fileDiagnostics';
import { configureLocalization } from './localization';
import { provideQuickFixes } from './core/features/codeActions';
import { provideCompletions, resolveCompletion } from './core/features/completion';
import { limitCompletions } from './core/features/completionLimit';
import { provideDefinition } from './core/features/definition';
import { provideDocumentLinks } from './core/features/documentLinks';
import { provideHover } from './core/features/hover';
import { newPost, newPostAuthors } from './core/features/newPost';
import { prepareRename, provideReferences, provideRename } from './core/features/rename';
import { renderPreview } from './core/render/preview';
import { fragmentLine, resolvePreviewLink } from './core/features/previewLink';
import { withSettings, type BlogwrightSettings } from './core/settings';
import { loadSettings, settingsFromSection, SETTINGS_FILE, type SettingsProblem } from './core/settingsLoader';
import { SiteIndex } from './core/site/siteIndex';
import type { KeptAnalyses } from './core/site/documentAnalysis';
import { externalLinksOf } from './core/rules/externalLinkRule';
import type { ITextDocument, ReadResult } from './core/workspace';
import { DEFAULT_EXTERNAL_LINK_OPTIONS, ExternalLinkChecker } from './externalLinks';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import { LspWorkspace, asCoreDocument, openText } from './lspWorkspace';
import { listAuthorsRequest, newPostRequest, previewLinkRequest, renderPreviewRequest, serverProcessRequest, siteChangedNotification } from './protocol';
import { registerWorkflowRequests } from './workflowRequests';

/** Sent once the whole blog is indexed and its diagnostics published: editors show progress, tests wait on it. */
export const indexedNotification = new NotificationType<{ documents: number; milliseconds: number }>('blogwright/indexed');

interface ServerSettings {
  readonly core: BlogwrightSettings;
  /** What is wrong in `.blogwright.yml`, published as its diagnostics. */
  readonly problems: readonly SettingsProblem[];
  /** Milliseconds to wait after a keystroke before re-checking. */
  readonly debounce: number;
}

/** Wires the core to an LSP connection: look up the document, call the core, map the result. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let root: string | undefined;
  let workspace: LspWorkspace | undefined;
  let site: SiteIndex | undefined;
  let settings: ServerSettings = { core: withSettings(undefined), problems: [], debounce: 200 };
  let disk: FileSystemWorkspace | undefined;
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canShowProgress = false;
  /** VS Code says whether the user trusts the workspace; other editors have no such notion, and the user's settings decide. */
  let workspaceTrusted = true;
  /** Where the client lets the server keep files (VS Code's global storage): the external link cache. */
  let storagePath: string | undefined;
  let externalLinks: ExternalLinkChecker | undefined;
  const timers = new Map<string, NodeJS.Timeout>();
  let generation = 0;
  /** Files that changed while the blog was being read: applied once it is read, not to a half-built index. */
  let changedWhileIndexing: Set<string> | undefined;
  /** Errors and warnings per file as last published, for the Blog view's "problems". */
  const problems = new Map<string, number>();
  let siteChangedTimer: NodeJS.Timeout | undefined;
  /** Tells the client the index changed, at most every 300 ms: the Blog view refreshes. */
  function siteChanged(): void {
    siteChangedTimer ??= setTimeout(() => {
      siteChangedTimer = undefined;
      void connection.sendNotification(siteChangedNotification, {});
    }, 300);
  }

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    root = folder?.startsWith('file:') ? fileURLToPath(folder) : (params.rootPath ?? undefined);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canShowProgress = params.capabilities.window?.workDoneProgress === true;
    const options = params.initializationOptions as { workspaceTrusted?: unknown; storagePath?: unknown } | undefined;
    workspaceTrusted = options?.workspaceTrusted !== false;
    storagePath = typeof options?.storagePath === 'string' ? options.storagePath : undefined;
    configureLocalization(params.locale);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', '[', ',', '-', '/', '#', '"', "'"], resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'blogwright' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'blogwright' });
    }
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    if (!root) {
      connection.console.warn('Blogwright: no workspace folder, so there is no blog to check.');
      return;
    }
    disk = new FileSystemWorkspace(root);
    settings = await pullSettings();
    workspace = new LspWorkspace(disk, documents);
    site = new SiteIndex(workspace, settings.core);
    useExternalLinks();
    await indexAndCheckAll();
  });

  /** External link checks: only when the user turned them on and trusts the workspace (pullSettings). */
  function useExternalLinks(): void {
    if (settings.core.externalLinks && !externalLinks) {
      externalLinks = new ExternalLinkChecker({ ...DEFAULT_EXTERNAL_LINK_OPTIONS, cacheFile: storagePath ? join(storagePath, 'external-links.json') : undefined });
    } else if (!settings.core.externalLinks) {
      externalLinks?.dispose();
      externalLinks = undefined;
    }
  }

  /** Fetches the document's external links that have no fresh result, then checks it again with them. */
  async function checkExternalLinks(path: string, document: ITextDocument): Promise<void> {
    const checker = externalLinks;
    const siteDocument = site?.document(path);
    if (!checker || !site || !siteDocument) {
      return;
    }
    const scanned = site.scan(path, document.getText()).links;
    const fresh = scanned ? await checker.check(externalLinksOf(site, path, scanned).map((l) => l.url)) : [];
    if (fresh.length > 0 && checker === externalLinks) {
      await checkPath(path);
    }
  }

  /** The last whole-blog run: a settings change while the blog is read waits for it, never reads alongside it. */
  let indexing: Promise<void> = Promise.resolve();

  function indexAndCheckAll(): Promise<void> {
    // Runs after the previous one whether it succeeded or failed (a failure is logged where it was awaited).
    indexing = indexing.then(readAndCheckBlog, readAndCheckBlog);
    return indexing;
  }

  async function readAndCheckBlog(): Promise<void> {
    if (!site || !workspace) {
      return;
    }
    const started = Date.now();
    // Shown by VS Code in the status bar while the blog is read and checked.
    const progress = canShowProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Blogwright', undefined, 'indexing the blog');
    const changed = new Set<string>();
    changedWhileIndexing = changed;
    const kept = await site.build(settings.core);
    if (changedWhileIndexing === changed) {
      changedWhileIndexing = undefined;
    }
    for (const path of changed) {
      // As it is now: the build may have read it before the change or after.
      const read = await workspace.readText(path);
      await site.update(path, ...contentOf(read));
    }
    progress?.report(`checking ${site.documents.size} documents`);
    const checked = await checkAll(kept);
    progress?.done();
    siteChanged();
    if (checked !== undefined) {
      connection.sendNotification(indexedNotification, { documents: checked, milliseconds: Date.now() - started });
    }
  }

  /** Re-checks every document in small batches, yielding so that requests for the active one are not kept waiting. */
  async function checkAll(kept?: KeptAnalyses): Promise<number | undefined> {
    if (!site) {
      return undefined;
    }
    const mine = ++generation;
    // The documents open in the editor first: their diagnostics are the ones the user is looking at.
    const open = new Set(documents.keys().flatMap((uri) => workspace?.pathOf(uri) ?? []));
    const paths = pathsToCheck(site).sort((a, b) => Number(open.has(b)) - Number(open.has(a)));
    let count = 0;
    for (const path of paths) {
      if (mine !== generation) {
        return undefined;
      }
      await checkPath(path, kept);
      if (++count % 50 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return count;
  }

  async function checkPath(path: string, kept?: KeptAnalyses): Promise<void> {
    if (!site || !workspace) {
      return;
    }
    const uri = workspace.uriOf(path);
    const source = await workspace.textDocument(path);
    const isConfig = path === '_config.yml' || path === SETTINGS_FILE;
    if (!source || (!isConfig && !site.document(path) && !documents.get(uri))) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      countProblems(path, []);
      return;
    }
    const diagnostics = fileDiagnostics(site, 'skipped' in source ? { path, skipped: source.skipped } : source, settings.problems, { kept, externalLinks, logger: { error: (m) => connection.console.error(m) } });
    countProblems(path, diagnostics);
    connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
    if (externalLinks && !('skipped' in source)) {
      void checkExternalLinks(path, source.document);
    }
  }

  function countProblems(path: string, diagnostics: readonly { severity?: number }[]): void {
    const count = diagnostics.filter((d) => d.severity !== undefined && d.severity <= 2).length;
    if ((problems.get(path) ?? 0) !== count) {
      if (count === 0) {
        problems.delete(path);
      } else {
        problems.set(path, count);
      }
      siteChanged();
    }
  }

  /** Applies a file's new text to the model and re-checks what it touched. */
  async function fileChanged(path: string, text: string | undefined, exists = text !== undefined): Promise<void> {
    if (!site) {
      return;
    }
    if (changedWhileIndexing) {
      // Checked with the whole blog once it is read; checked now, it would meet links to posts not yet read.
      changedWhileIndexing.add(path);
      return;
    }
    // Also re-checks the documents that link to this file when it appears, moves or goes (links/linkIndex.ts).
    const change = await site.update(path, text, exists);
    siteChanged();
    if (change.scope === 'all') {
      await checkAll();
    } else {
      await Promise.all(change.paths.map((p) => checkPath(p)));
    }
  }

  documents.onDidChangeContent(({ document }) => {
    const path = workspace?.pathOf(document.uri);
    if (path === undefined) {
      return;
    }
    clearTimeout(timers.get(document.uri));
    const run = () => {
      timers.delete(document.uri);
      const read = openText(document);
      void fileChanged(path, read.kind === 'text' ? read.text : undefined);
    };
    if (settings.debounce <= 0) {
      run();
    } else {
      timers.set(document.uri, setTimeout(run, settings.debounce));
    }
  });

  documents.onDidClose(({ document }) => {
    const path = workspace?.pathOf(document.uri);
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    if (path !== undefined && workspace) {
      // Back to the text on disk: the unsaved edits are gone.
      void workspace.disk.readText(path).then((read) => fileChanged(path, ...contentOf(read)));
    }
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const path = workspace?.pathOf(change.uri);
      if (path === SETTINGS_FILE) {
        await settingsChanged();
        continue;
      }
      if (path === undefined || !workspace || documents.get(change.uri)) {
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        await fileChanged(path, undefined);
        connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else {
        const read = await workspace.disk.readText(path);
        await fileChanged(path, ...contentOf(read));
      }
    }
  });

  connection.onDidChangeConfiguration(settingsChanged);

  async function settingsChanged(): Promise<void> {
    settings = await pullSettings();
    useExternalLinks();
    if (site) {
      await indexAndCheckAll();
    }
  }

  /** The open document and the index, when the URI is a document of the blog. */
  function opened(uri: string) {
    const document = documents.get(uri);
    const path = workspace?.pathOf(uri);
    // A buffer over the size limit gets no features, as it gets no checks: they could block the server.
    return document && path !== undefined && site && workspace && openText(document).kind === 'text' ? { site, workspace, document: asCoreDocument(path, document) } : undefined;
  }

  connection.onCompletion(({ textDocument, position }) => {
    const open = opened(textDocument.uri);
    return open ? limitCompletions(provideCompletions(open.site, open.document, position), open.document, open.document.offsetAt(position)) : [];
  });

  connection.onCompletionResolve((item) => (site ? resolveCompletion(site, item) : item));

  connection.onHover(({ textDocument, position }) => {
    const open = opened(textDocument.uri);
    return (open && provideHover(open.site, open.document, position)) ?? null;
  });

  connection.onDefinition(({ textDocument, position }) => {
    const open = opened(textDocument.uri);
    const location = open && provideDefinition(open.site, open.document, position);
    return location && open ? { uri: open.workspace.uriOf(location.path), range: { start: location.position, end: location.position } } : null;
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const open = opened(textDocument.uri);
    return open ? provideReferences(open.site, open.document, position, context.includeDeclaration).map((r) => ({ uri: open.workspace.uriOf(r.path), range: r.range })) : [];
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const open = opened(textDocument.uri);
    const prepared = open && prepareRename(open.site, open.document, position);
    if (prepared && 'error' in prepared) {
      throw new ResponseError(0, prepared.error);
    }
    return prepared ?? null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const open = opened(textDocument.uri);
    const rename = open && provideRename(open.site, open.document, position, newName);
    if (!rename || !open) {
      return null;
    }
    if ('error' in rename) {
      throw new ResponseError(0, rename.error);
    }
    return { changes: Object.fromEntries([...rename.changes].map(([path, edits]) => [open.workspace.uriOf(path), edits])) };
  });

  connection.onDocumentLinks(({ textDocument }) => {
    const open = opened(textDocument.uri);
    return open ? provideDocumentLinks(open.site, open.document).map((l) => ({ range: l.range, target: open.workspace.uriOf(l.path) + (l.line === undefined ? '' : `#L${l.line + 1}`), tooltip: l.tooltip })) : [];
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const open = opened(textDocument.uri);
    if (!open || (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind)))) {
      return [];
    }
    return provideQuickFixes(open.site, open.document, range).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [fix.diagnostic],
      isPreferred: true,
      edit: { changes: { [textDocument.uri]: [fix.edit] } },
    }));
  });

  connection.onRequest(listAuthorsRequest, () => (site ? newPostAuthors(site) : []));

  connection.onRequest(newPostRequest, ({ title, author, date }) => {
    if (!site || !workspace || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return null;
    }
    const post = newPost(site, title, author, date);
    return { uri: workspace.uriOf(post.path), text: post.text };
  });

  registerWorkflowRequests(connection, () => ({ site, workspace, problems }));

  connection.onRequest(serverProcessRequest, () => ({ pid: process.pid }));

  connection.onRequest(renderPreviewRequest, async ({ uri, resourceRoot, view, page, themeFolder }) => {
    const path = workspace?.pathOf(uri);
    if (path === undefined || !workspace || !site) {
      return null;
    }
    const source = await workspace.textDocument(path);
    if (!source || 'skipped' in source) {
      return null;
    }
    const rendered = await renderPreview(site, source.document, { view: view ?? 'content', ...(resourceRoot ? { resourceRoot } : {}), ...(page ? { page } : {}), ...(themeFolder ? { themeFolder } : {}) });
    return { ...rendered, version: source.document.version };
  });

  connection.onRequest(previewLinkRequest, ({ uri, href }) => {
    const path = workspace?.pathOf(uri);
    if (path === undefined || !workspace || !site) {
      return { kind: 'none', reason: l10n.t('The blog is not indexed yet.') };
    }
    const target = resolvePreviewLink(site, path, href);
    if (target.kind !== 'source') {
      return target;
    }
    return { kind: 'source', uri: workspace.uriOf(target.path), line: fragmentLine(site, target.path, target.fragment) };
  });

  /** VS Code's `blogwright` section under the blog's `.blogwright.yml` (see docs/decisions.md). */
  async function pullSettings(): Promise<ServerSettings> {
    const raw = canPullConfiguration ? (((await connection.workspace.getConfiguration({ section: 'blogwright' })) ?? {}) as { diagnostics?: { debounce?: unknown } }) : {};
    const editor = settingsFromSection(raw, { fromBlog: false });
    for (const problem of editor.problems) {
      connection.console.warn(`Blogwright setting blogwright.${problem.path.join('.')}: ${problem.message}`);
    }
    const loaded = disk ? await loadSettings(disk, editor.layer) : { settings: withSettings(editor.layer), problems: [] };
    const debounce = raw.diagnostics?.debounce;
    // In a workspace the user has not trusted, nothing goes over the network.
    const core = workspaceTrusted ? loaded.settings : { ...loaded.settings, externalLinks: false };
    return { core, problems: loaded.problems, debounce: typeof debounce === 'number' ? debounce : 200 };
  }

  // Results fetched since the last save go to the cache before the server exits.
  connection.onShutdown(() => externalLinks?.dispose());

  documents.listen(connection);
  connection.listen();
}

/** A file as read from disk, as `SiteIndex.update` takes it: its text (none when skipped or gone), and whether it exists. */
function contentOf(read: ReadResult): [text: string | undefined, exists: boolean] {
  return [read.kind === 'text' ? read.text : undefined, read.kind !== 'missing'];
}
