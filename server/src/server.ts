import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type FileEvent,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configureLocalization } from './localization';
import { DEFAULT_EXTERNAL_LINK_OPTIONS, ExternalLinkChecker } from './externalLinks';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import { registerLanguageFeatures } from './languageFeatures';
import type { IBlogFiles } from './lspWorkspace';
import { indexedNotification, serverProcessRequest, settledRequest } from './protocol';
import { registerPreviewRequests } from './previewRequests';
import { SiteSessions } from './siteSessions';
import { CONFIG_FILES, type SiteRoot } from './core/site/siteDiscovery';
import { BlogSession } from './session/blogSession';
import { defaultStoreFolder, IndexStore } from './session/indexStore';
import { registerWorkflowRequests } from './workflowRequests';
import { DiagnosticsPublisher } from './session/diagnosticsPublisher';
import { WorkerFileAnalyser } from './workerFileAnalyser';

export interface ServerOptions {
  /**
   * A site's files under its root (`skipFolder`: the sites nested in it): the file system by default. With `source:`,
   * the root is that folder and `site.configFolder` holds `_config.yml` (`sourceless`: the source is not read).
   */
  readonly files?: (root: string, skipFolder: (folder: string) => boolean, site?: SiteFolders) => IBlogFiles;
  /** Counts the connection's activity, messages read and handled: background work pauses until it stops growing. */
  readonly activity?: () => number;
}

interface SiteFolders {
  readonly configFolder?: string | undefined;
  readonly sourceless?: boolean;
}

/** One Jekyll site of the workspace: its session (files, index, queue) and the publisher of its diagnostics. */
interface Blog {
  readonly session: BlogSession;
  readonly publisher: DiagnosticsPublisher;
}

/**
 * Wires the sites of the workspace to an LSP connection: each Jekyll site found in the workspace folders gets its
 * own blog session, diagnostics publisher and settings; a document goes to the site it belongs to, and a file
 * outside every site gets nothing (docs/decisions.md, "Sites").
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const activity = options.activity;
  const files =
    options.files ??
    ((root: string, skipFolder: (folder: string) => boolean, site?: SiteFolders) =>
      new FileSystemWorkspace(root, { skipFolder, ...(site?.configFolder === undefined ? {} : { configFolder: site.configFolder, sourceless: site.sourceless === true }) }));
  // The reading thread reads the disk: only when the files are the file system's. Off unless asked for
  // (`BLOGWRIGHT_INDEX_WORKER=1`): it shortens a cold start, but requests meanwhile wait longer (docs/decisions.md,
  // "Cold start: ... reading on both cores").
  const analyser = options.files || process.env['BLOGWRIGHT_INDEX_WORKER'] !== '1' ? undefined : (root: string) => (readByIndex: (path: string) => boolean) => new WorkerFileAnalyser(root, readByIndex);
  const documents = new TextDocuments(TextDocument);
  let sites: SiteSessions<Blog> | undefined;
  let client = { configuration: false, watchFiles: false, progress: false, editRangeDefault: false, ignoreLinksCommand: false, storagePath: undefined as string | undefined, workspaceTrusted: true, locale: '' };
  /** Shared by every site: one cache file, one set of requests in flight. */
  let externalLinks: ExternalLinkChecker | undefined;
  /** Sites whose whole-site check is under way: `blogwright/indexed` is sent once none is left. */
  const indexing = new Set<Blog>();
  let indexed = { documents: 0, started: Date.now() };
  let saidNoSite = false;

  connection.onInitialize((params): InitializeResult => {
    configureLocalization(params.locale);
    const options = params.initializationOptions as { workspaceTrusted?: unknown; storagePath?: unknown; ignoreLinksCommand?: unknown } | undefined;
    client = {
      configuration: params.capabilities.workspace?.configuration === true,
      watchFiles: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      progress: params.capabilities.window?.workDoneProgress === true,
      editRangeDefault: params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true,
      // Blogwright's own client adds a glob to `blogwright.links.ignore` with this command; other editors have none.
      ignoreLinksCommand: options?.ignoreLinksCommand === true,
      storagePath: typeof options?.storagePath === 'string' ? options.storagePath : undefined,
      // VS Code says whether the user trusts the workspace; other editors have no such notion, and the user's settings decide.
      workspaceTrusted: options?.workspaceTrusted !== false,
      locale: params.locale ?? '',
    };
    const folders = foldersOf(params);
    if (folders.length > 0) {
      sites = new SiteSessions(folders, { create: createBlog, dispose: disposeBlog, nestedChanged: (blog) => rebuild(blog, false) }, files);
    }
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
    if (client.configuration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'blogwright' });
    }
    if (client.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    if (!sites) {
      connection.console.warn('Blogwright: no workspace folder, so there is no blog to check.');
      return;
    }
    await discover();
  });

  /** Finds the sites again (at start, after a configuration file came or went) and says so when there is none. */
  async function discover(): Promise<void> {
    if (!sites) {
      return;
    }
    sites.filesExclude = client.configuration ? await connection.workspace.getConfiguration({ section: 'files.exclude' }) : undefined;
    indexed = { documents: 0, started: Date.now() };
    await sites.discover();
    if (sites.entries.length === 0) {
      if (!saidNoSite) {
        saidNoSite = true;
        connection.console.info(l10n.t('Blogwright: no Jekyll site in this workspace (a folder with _config.yml and _posts, _layouts or an index page), so nothing is checked.'));
      }
      if (indexing.size === 0) {
        void connection.sendNotification(indexedNotification, { documents: 0, milliseconds: Date.now() - indexed.started });
      }
    }
  }

  function createBlog(root: string, skipFolder: (folder: string) => boolean, { configRoot, found }: { readonly configRoot: string; readonly found: SiteRoot }): Blog {
    // A site read from its `source:`: `_config.yml`, the Gemfile and `.blogwright.yml` come from its own folder.
    const configFolder = configRoot === root && !found.sourceProblem ? undefined : configRoot;
    const sourceless = found.sourceProblem !== undefined;
    const session: BlogSession = new BlogSession({
      root,
      configFolder,
      sourceProblem: found.sourceProblem,
      files: files(root, skipFolder, { configFolder, sourceless }),
      analyser: analyser?.(root),
      skipFolder,
      documents,
      editorSettings: async () => (client.configuration ? connection.workspace.getConfiguration({ scopeUri: pathToFileURL(root).href, section: 'blogwright' }) : undefined),
      workspaceTrusted: client.workspaceTrusted,
      warn: (message) => connection.console.warn(message),
      onError: (error) => connection.console.error(`Blogwright: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      onSettings: () => useExternalLinks(),
      activity,
      // The extension's global storage: a blog opened in several windows or workspaces shares one store.
      store: new IndexStore(client.storagePath ? join(client.storagePath, 'index') : defaultStoreFolder(), root, (message) => connection.console.info(`Blogwright: ${message}`)),
      locale: client.locale,
    });
    const publisher = new DiagnosticsPublisher(connection, session, client.progress, (documents) => indexedOne(blog, documents));
    const blog: Blog = { session, publisher };
    indexing.add(blog);
    void session.start();
    return blog;
  }

  function disposeBlog(blog: Blog): void {
    blog.session.dispose();
    blog.publisher.release(true);
    blog.publisher.externalLinks = undefined;
    blog.publisher.dispose();
    indexedOne(blog, 0);
  }

  function rebuild(blog: Blog, reloadSettings: boolean): void {
    blog.publisher.release();
    indexing.add(blog);
    void blog.session.rebuild(reloadSettings);
  }

  /** One site is checked; once every site is, the editor hears it (progress, tests and the benchmark wait on it). */
  function indexedOne(blog: Blog, documents: number): void {
    indexing.delete(blog);
    indexed.documents += documents;
    if (indexing.size === 0) {
      void connection.sendNotification(indexedNotification, { documents: indexed.documents, milliseconds: Date.now() - indexed.started });
      indexed = { documents: 0, started: Date.now() };
    }
  }

  function blogs(): Blog[] {
    return sites?.entries.map((entry) => entry.session) ?? [];
  }

  /** The site a document belongs to, when it belongs to one. */
  function blogOf(uri: string): Blog | undefined {
    const absolute = absolutePathOf(uri);
    return absolute === undefined ? undefined : sites?.entryOf(absolute)?.session;
  }

  /** The first site of the workspace, for requests about no document in particular (New Post, the Blog view). */
  function firstBlog(): Blog | undefined {
    return sites?.entries[0]?.session;
  }

  /** The site's folder in the workspace, when there is more than one site: the status bar and the preview show it. */
  function siteNameOf(blog: Blog | undefined): string | undefined {
    const entry = sites?.entries.find((e) => e.session === blog);
    if (!entry || !sites || sites.entries.length < 2) {
      return undefined;
    }
    const inFolder = relative(entry.folder, entry.configRoot).split(sep).join('/');
    return sites.folders.length > 1 ? [basename(entry.folder), inFolder].filter(Boolean).join('/') : inFolder || '.';
  }

  /** External link checks: only for sites whose settings turn them on (and in a trusted workspace). */
  function useExternalLinks(): void {
    const wanted = blogs().some((blog) => blog.session.settings.core.externalLinks);
    if (wanted && !externalLinks) {
      externalLinks = new ExternalLinkChecker({ ...DEFAULT_EXTERNAL_LINK_OPTIONS, cacheFile: client.storagePath ? join(client.storagePath, 'external-links.json') : undefined });
    } else if (!wanted && externalLinks) {
      externalLinks.dispose();
      externalLinks = undefined;
    }
    for (const blog of blogs()) {
      blog.publisher.externalLinks = blog.session.settings.core.externalLinks ? externalLinks : undefined;
    }
  }

  // Every change goes to the one site it belongs to: a session's paths are its own files only (BlogUris).
  documents.onDidChangeContent(({ document }) => {
    for (const blog of blogs()) {
      const path = blog.session.uris.pathOf(document.uri);
      if (path !== undefined) {
        blog.session.bufferChanged(path);
      }
    }
  });
  documents.onDidClose(({ document }) => {
    for (const blog of blogs()) {
      const path = blog.session.uris.pathOf(document.uri);
      if (path !== undefined) {
        blog.session.bufferClosed(path);
      }
    }
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const current = sites;
    if (!current) {
      return;
    }
    // A configuration file that comes or goes makes or ends a site: the sites are found again first.
    // A configuration's `source:` may change too: a changed configuration file finds them again as well.
    const mayChange = (change: FileEvent) => (change.type !== FileChangeType.Changed ? current.mayChangeSites(absolutePathOf(change.uri) ?? '') : CONFIG_FILES.includes(basename(absolutePathOf(change.uri) ?? '')));
    if (changes.some(mayChange)) {
      await discover();
    }
    await Promise.all(blogs().map((blog) => blog.session.filesChanged(changes.flatMap((change) => blog.session.uris.pathOf(change.uri) ?? []))));
  });
  connection.onDidChangeConfiguration(async () => {
    for (const blog of blogs()) {
      blog.publisher.release();
      indexing.add(blog);
      void blog.session.settingsChanged();
    }
    // `files.exclude` may hide or show a site.
    await discover();
  });

  registerLanguageFeatures(connection, (uri) => blogOf(uri)?.session, () => client);

  const sitesForWorkflow = () => blogs().map((blog) => ({ uri: blog.session.uris.uriOf(''), name: siteNameOf(blog) ?? '.' }));
  registerWorkflowRequests(connection, sitesForWorkflow, (uri) => {
    const blog = uri === undefined ? firstBlog() : blogOf(uri);
    return {
      site: blog?.session.site,
      workspace: blog?.session.workspace,
      problems: blog?.publisher.problems ?? new Map(),
      siteName: siteNameOf(blog),
      ...(blog ? { applied: (path: string) => blog.session.applied(path) } : {}),
    };
  });

  connection.onRequest(serverProcessRequest, () => ({ pid: process.pid }));

  connection.onRequest(settledRequest, async (params) => {
    await Promise.all(blogs().map((blog) => blog.session.settled(params?.store === true)));
    return {};
  });

  const preview = registerPreviewRequests(connection, (uri) => {
    const blog = blogOf(uri);
    return blog && { session: blog.session, siteName: siteNameOf(blog), resourceRoot: (folderRoot) => siteResourceRoot(blog, folderRoot) };
  });

  /** The client names its workspace folder as the preview's resource root; the site's files are in its own folder. */
  function siteResourceRoot(blog: Blog, folderRoot: string): string {
    const entry = sites?.entries.find((e) => e.session === blog);
    const inFolder = entry ? relative(entry.folder, entry.root).split(sep) : [];
    return inFolder.length === 0 || inFolder[0] === '' ? folderRoot : `${folderRoot.replace(/\/+$/, '')}/${inFolder.map(encodeURIComponent).join('/')}`;
  }

  // Results fetched since the last save go to the cache before the server exits; the Sass thread ends with it.
  // One handler: the connection keeps only the last one registered.
  connection.onShutdown(() => {
    for (const blog of blogs()) {
      // The checker is shared by every site: disposed once, below.
      blog.publisher.externalLinks = undefined;
      blog.publisher.dispose();
    }
    externalLinks?.dispose();
    preview.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** The workspace folders (every folder of a multi-root workspace), or the root of an editor that has no folders. */
function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const folders = uris.flatMap((uri) => absolutePathOf(uri) ?? []);
  return folders.length > 0 || !params.rootPath ? folders : [resolve(params.rootPath)];
}

/** The absolute path of a plain `file:` URI. */
function absolutePathOf(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' && (url.host === '' || url.host === 'localhost') ? fileURLToPath(url) : undefined;
  } catch {
    return undefined;
  }
}
