import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  FileChangeType,
  NotificationType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { computeDiagnostics } from './core/diagnostics';
import { provideCompletions } from './core/features/completion';
import { renderPost } from './core/render/renderPost';
import { withSettings, type BlogwrightSettings, type RuleLevel } from './core/settings';
import { SiteIndex } from './core/site/siteIndex';
import { TextDocumentSnapshot } from './core/textDocument';
import { FileSystemWorkspace } from './fileSystemWorkspace';
import { LspWorkspace, asCoreDocument } from './lspWorkspace';
import { renderPreviewRequest } from './protocol';

/** Sent once the whole blog is indexed and its diagnostics published: editors show progress, tests wait on it. */
export const indexedNotification = new NotificationType<{ documents: number; milliseconds: number }>('blogwright/indexed');

interface ServerSettings {
  readonly core: BlogwrightSettings;
  /** Milliseconds to wait after a keystroke before re-checking. */
  readonly debounce: number;
}

/** Wires the core to an LSP connection: look up the document, call the core, map the result. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let root: string | undefined;
  let workspace: LspWorkspace | undefined;
  let site: SiteIndex | undefined;
  let settings: ServerSettings = { core: withSettings(undefined), debounce: 200 };
  let canPullConfiguration = false;
  let canWatchFiles = false;
  const timers = new Map<string, NodeJS.Timeout>();
  let generation = 0;

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    root = folder?.startsWith('file:') ? fileURLToPath(folder) : (params.rootPath ?? undefined);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', '[', ',', '-'], resolveProvider: false },
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
    settings = await pullSettings();
    workspace = new LspWorkspace(new FileSystemWorkspace(root), documents);
    site = new SiteIndex(workspace, settings.core);
    await indexAndCheckAll();
  });

  async function indexAndCheckAll(): Promise<void> {
    if (!site) {
      return;
    }
    const started = Date.now();
    await site.build();
    const checked = await checkAll();
    if (checked !== undefined) {
      connection.sendNotification(indexedNotification, { documents: checked, milliseconds: Date.now() - started });
    }
  }

  /** Re-checks every document in small batches, yielding so that requests for the active one are not kept waiting. */
  async function checkAll(): Promise<number | undefined> {
    if (!site) {
      return undefined;
    }
    const mine = ++generation;
    const paths = ['_config.yml', ...site.documents.keys()];
    let count = 0;
    for (const path of paths) {
      if (mine !== generation) {
        return undefined;
      }
      await checkPath(path);
      if (++count % 50 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return count;
  }

  async function checkPath(path: string): Promise<void> {
    if (!site || !workspace) {
      return;
    }
    const uri = workspace.uriOf(path);
    if (path === '_config.yml') {
      connection.sendDiagnostics({ uri, diagnostics: await configDiagnostics() });
      return;
    }
    const siteDocument = site.document(path);
    const source = await workspace.textDocument(path);
    if (!source || (!siteDocument && !documents.get(uri))) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if ('skipped' in source) {
      const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, code: 'file.skipped', source: 'blogwright', message: `Not checked: ${source.skipped}.` };
      connection.sendDiagnostics({ uri, diagnostics: [diagnostic] });
      return;
    }
    const diagnostics = computeDiagnostics(site, source.document, { error: (m) => connection.console.error(m) });
    connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
  }

  async function configDiagnostics(): Promise<Diagnostic[]> {
    if (!site || !workspace || site.configProblems.length === 0) {
      return [];
    }
    const read = await workspace.readText('_config.yml');
    const document = new TextDocumentSnapshot('_config.yml', 0, read.kind === 'text' ? read.text : '');
    return site.configProblems.map((p) => ({
      range: { start: document.positionAt(p.start), end: document.positionAt(p.end) },
      severity: DiagnosticSeverity.Error,
      code: 'config.yaml',
      source: 'blogwright',
      message: `${p.message} Jekyll cannot read _config.yml; Blogwright checks the blog with Jekyll's defaults.`,
    }));
  }

  /** Applies a file's new text to the model and re-checks what it touched. */
  async function fileChanged(path: string, text: string | undefined): Promise<void> {
    if (!site) {
      return;
    }
    const change = await site.update(path, text);
    if (change.scope === 'all') {
      await checkAll();
    } else {
      await Promise.all(change.paths.map(checkPath));
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
      void fileChanged(path, document.getText());
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
      void workspace.disk.readText(path).then((read) => fileChanged(path, read.kind === 'text' ? read.text : undefined));
    }
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const path = workspace?.pathOf(change.uri);
      if (path === undefined || !workspace || documents.get(change.uri)) {
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        await fileChanged(path, undefined);
        connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else {
        const read = await workspace.disk.readText(path);
        await fileChanged(path, read.kind === 'text' ? read.text : undefined);
      }
    }
  });

  connection.onDidChangeConfiguration(async () => {
    settings = await pullSettings();
    if (site) {
      site.settings = settings.core;
      await indexAndCheckAll();
    }
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const path = workspace?.pathOf(textDocument.uri);
    if (!document || path === undefined || !site) {
      return [];
    }
    return provideCompletions(site, asCoreDocument(path, document), position);
  });

  connection.onRequest(renderPreviewRequest, async ({ uri }) => {
    const path = workspace?.pathOf(uri);
    if (path === undefined || !workspace || !site) {
      return null;
    }
    const source = await workspace.textDocument(path);
    if (!source || 'skipped' in source) {
      return null;
    }
    const rendered = renderPost(site, source.document);
    return { ...rendered, version: source.document.version };
  });

  async function pullSettings(): Promise<ServerSettings> {
    if (!canPullConfiguration) {
      return settings;
    }
    const raw = ((await connection.workspace.getConfiguration({ section: 'blogwright' })) ?? {}) as {
      validate?: Record<string, RuleLevel>;
      authors?: { source?: string };
      requiredKeys?: Partial<BlogwrightSettings['requiredKeys']>;
      diagnostics?: { debounce?: number };
    };
    return {
      core: withSettings({
        ...(raw.validate ? { validate: raw.validate } : {}),
        ...(raw.authors?.source ? { authorsSource: raw.authors.source } : {}),
        ...(raw.requiredKeys ? { requiredKeys: { ...withSettings(undefined).requiredKeys, ...raw.requiredKeys } } : {}),
      }),
      debounce: typeof raw.diagnostics?.debounce === 'number' ? raw.diagnostics.debounce : 200,
    };
  }

  documents.listen(connection);
  connection.listen();
}
