import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureLocalization } from './localization';
import { newPost, newPostAuthors } from './core/features/newPost';
import { fragmentLine, resolvePreviewLink } from './core/features/previewLink';
import { renderPreview } from './core/render/preview';
import { WorkerSassCompiler } from './sassCompiler';
import { DEFAULT_EXTERNAL_LINK_OPTIONS, ExternalLinkChecker } from './externalLinks';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import { cancelled, registerLanguageFeatures } from './languageFeatures';
import type { IBlogFiles } from './lspWorkspace';
import { listAuthorsRequest, newPostRequest, previewLinkRequest, renderPreviewRequest, serverProcessRequest, settledRequest } from './protocol';
import { BlogSession } from './session/blogSession';
import { registerWorkflowRequests } from './workflowRequests';
import { DiagnosticsPublisher } from './session/diagnosticsPublisher';

export interface ServerOptions {
  /** The blog's files under a root: the file system by default, memory in in-process tests. */
  readonly files?: (root: string) => IBlogFiles;
}

/** Wires a blog session, its diagnostics publisher and the language features to an LSP connection. */
export function startServer(connection: Connection, { files = (root) => new FileSystemWorkspace(root) }: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let session: BlogSession | undefined;
  let publisher: DiagnosticsPublisher | undefined;
  let client = { configuration: false, watchFiles: false, storagePath: undefined as string | undefined };

  connection.onInitialize((params): InitializeResult => {
    configureLocalization(params.locale);
    const options = params.initializationOptions as { workspaceTrusted?: unknown; storagePath?: unknown } | undefined;
    client = {
      configuration: params.capabilities.workspace?.configuration === true,
      watchFiles: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      storagePath: typeof options?.storagePath === 'string' ? options.storagePath : undefined,
    };
    const root = rootOf(params);
    if (root) {
      session = new BlogSession({
        root,
        files: files(root),
        documents,
        editorSettings: async () => (client.configuration ? connection.workspace.getConfiguration({ section: 'blogwright' }) : undefined),
        // VS Code says whether the user trusts the workspace; other editors have no such notion, and the user's settings decide.
        workspaceTrusted: options?.workspaceTrusted !== false,
        warn: (message) => connection.console.warn(message),
        onError: (error) => connection.console.error(`Blogwright: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
        onSettings: () => useExternalLinks(),
      });
      publisher = new DiagnosticsPublisher(connection, session, params.capabilities.window?.workDoneProgress === true);
      registerBlogEvents(session);
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
    if (!session) {
      connection.console.warn('Blogwright: no workspace folder, so there is no blog to check.');
      return;
    }
    await session.start();
  });

  /** External link checks: only when the user turned them on and trusts the workspace (the session's settings). */
  function useExternalLinks(): void {
    if (!session || !publisher) {
      return;
    }
    const wanted = session.settings.core.externalLinks;
    if (wanted && !publisher.externalLinks) {
      publisher.externalLinks = new ExternalLinkChecker({ ...DEFAULT_EXTERNAL_LINK_OPTIONS, cacheFile: client.storagePath ? join(client.storagePath, 'external-links.json') : undefined });
    } else if (!wanted) {
      publisher.externalLinks?.dispose();
      publisher.externalLinks = undefined;
    }
  }

  /** Every change to the blog goes to the session's one queue. */
  function registerBlogEvents(blog: BlogSession): void {
    documents.onDidChangeContent(({ document }) => {
      const path = blog.uris.pathOf(document.uri);
      if (path !== undefined) {
        blog.bufferChanged(path);
      }
    });
    documents.onDidClose(({ document }) => {
      const path = blog.uris.pathOf(document.uri);
      if (path !== undefined) {
        blog.bufferClosed(path);
      }
    });
    connection.onDidChangeWatchedFiles(({ changes }) => blog.filesChanged(changes.flatMap((change) => blog.uris.pathOf(change.uri) ?? [])));
    connection.onDidChangeConfiguration(() => blog.settingsChanged());
  }

  registerLanguageFeatures(connection, () => session);

  connection.onRequest(listAuthorsRequest, () => (session?.site ? newPostAuthors(session.site) : []));

  connection.onRequest(newPostRequest, ({ title, author, date }) => {
    const site = session?.site;
    if (!session || !site || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return null;
    }
    const post = newPost(site, title, author, date);
    return { uri: session.workspace.uriOf(post.path), text: post.text };
  });

  registerWorkflowRequests(connection, () => ({ site: session?.site, workspace: session?.workspace, problems: publisher?.problems ?? new Map() }));

  connection.onRequest(serverProcessRequest, () => ({ pid: process.pid }));

  connection.onRequest(settledRequest, async () => {
    await session?.settled();
    return {};
  });

  // The published preview's Sass compiler: a thread started on the first Sass stylesheet, ended with the server.
  const sass = new WorkerSassCompiler();
  connection.onShutdown(() => sass.dispose());
  connection.onRequest(renderPreviewRequest, async ({ uri, resourceRoot, view, page, themeFolder }, token) => {
    const path = session?.uris.pathOf(uri);
    const source = path === undefined ? undefined : await session?.workspace.textDocument(path);
    const site = session?.site;
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    if (!site || !source || 'skipped' in source) {
      return null;
    }
    const rendered = await renderPreview(site, source.document, { view: view ?? 'content', sass, ...(resourceRoot ? { resourceRoot } : {}), ...(page ? { page } : {}), ...(themeFolder ? { themeFolder } : {}) });
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    return { ...rendered, version: source.document.version };
  });

  connection.onRequest(previewLinkRequest, ({ uri, href }) => {
    const path = session?.uris.pathOf(uri);
    const site = session?.site;
    if (path === undefined || !session || !site) {
      return { kind: 'none', reason: l10n.t('The blog is not indexed yet.') };
    }
    const target = resolvePreviewLink(site, path, href);
    return target.kind === 'source' ? { kind: 'source', uri: session.workspace.uriOf(target.path), line: fragmentLine(site, target.path, target.fragment) } : target;
  });

  // Results fetched since the last save go to the cache before the server exits.
  connection.onShutdown(() => publisher?.dispose());

  documents.listen(connection);
  connection.listen();
}

/** The blog root: the first workspace folder (one blog per window). */
function rootOf(params: InitializeParams): string | undefined {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  if (folder?.startsWith('file:')) {
    try {
      return fileURLToPath(folder);
    } catch {
      return undefined;
    }
  }
  return params.rootPath ?? undefined;
}
