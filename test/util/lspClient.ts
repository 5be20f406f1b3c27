import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DefinitionRequest,
  DocumentLinkRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  type Location,
  type LocationLink,
  type PrepareRenameResult,
  type WorkspaceEdit,
  type PublishDiagnosticsParams,
  type Range,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const SERVER_PATH = path.resolve(__dirname, '../../../dist/server.js');

/** The built language server as a real process over stdio, driven as an editor would drive it. */
export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** What the server logged (`window/logMessage`): tests assert that nothing failed. */
  readonly logs: string[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #publishListeners = new Set<(params: PublishDiagnosticsParams) => void>();
  #indexed: Promise<{ documents: number; milliseconds: number }>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly root: string,
    settings: Record<string, unknown>,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const { uri, diagnostics } = params;
      this.diagnostics.set(uri, diagnostics);
      for (const listener of [...this.#publishListeners]) {
        listener(params);
      }
      for (const listener of [...this.#listeners]) {
        listener();
      }
    });
    connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      this.logs.push(message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    this.#indexed = new Promise((resolve) => connection.onNotification('blogwright/indexed', resolve));
  }

  /**
   * `execArgv` goes to the server's node (the benchmark profiles with `--cpu-prof`); `options.env` is added to the
   * server's environment, `options.initializationOptions` is what an editor would send (`workspaceTrusted`).
   */
  static async start(
    root: string,
    settings: Record<string, unknown> = {},
    execArgv: readonly string[] = [],
    options: { env?: Record<string, string>; initializationOptions?: unknown; folders?: readonly string[]; beforeInitialized?: (client: LspTestClient) => Promise<void> } = {},
  ): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...execArgv, SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const client = new LspTestClient(child, connection, root, settings);
    const died = new Promise<never>((_resolve, reject) => child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was initialized`))));
    const initialized = connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      // A multi-root workspace lists its folders; paths in tests stay relative to `root`.
      workspaceFolders: (options.folders ?? [root]).map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
      // As VS Code: a completion list may say once the range its items replace.
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { completion: { completionList: { itemDefaults: ['editRange'] } } } },
      initializationOptions: options.initializationOptions,
    });
    died.catch(() => undefined);
    await Promise.race([initialized, died]);
    // What an editor sends before it says it is initialized (the tabs it restores).
    await options.beforeInitialized?.(client);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  /** Resolves once the server says the whole blog is indexed and checked. */
  indexed() {
    return this.#indexed;
  }

  /** Resolves with the next diagnostics published for the file that satisfy `predicate`. */
  waitForDiagnostics(relative: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = this.uri(relative);
    return new Promise((resolve) => {
      const check = () => {
        const current = this.diagnostics.get(uri);
        if (current && predicate(current)) {
          this.#listeners.delete(check);
          resolve(current);
        }
      };
      this.#listeners.add(check);
    });
  }

  /** Calls `listener` with every publishDiagnostics (version included) until the returned function is called. */
  onPublish(listener: (params: PublishDiagnosticsParams) => void): () => void {
    this.#publishListeners.add(listener);
    return () => this.#publishListeners.delete(listener);
  }

  /** Resolves with the diagnostics next published for the file's `version`. */
  waitForPublish(relative: string, version: number): Promise<Diagnostic[]> {
    const uri = this.uri(relative);
    return new Promise((resolve) => {
      const stop = this.onPublish((params) => {
        if (params.uri === uri && params.version === version) {
          stop();
          resolve(params.diagnostics);
        }
      });
    });
  }

  async open(relative: string, text: string): Promise<void> {
    await this.openUri(this.uri(relative), text);
  }

  /** Opens a document under any URI (`untitled:`, `file://host/...`), as editors may. */
  async openUri(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  async close(relative: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(relative) } });
  }

  /** Resolves once every change sent before it is applied and every diagnostic it changed is published (`store`: and the persisted index is written). */
  settled({ store = false }: { store?: boolean } = {}): Promise<void> {
    return this.connection.sendRequest('blogwright/settled', store ? { store } : {});
  }

  async change(relative: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(relative), version },
      contentChanges: [{ text }],
    });
  }

  /** An incremental edit, as editors send while typing. */
  async edit(relative: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(relative), version },
      contentChanges: [{ range, text }],
    });
  }

  /** The code actions offered for `diagnostics` at their range, as the lightbulb asks for them. */
  async codeActions(relative: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]!.range;
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: this.uri(relative) }, range, context: { diagnostics } });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  /** Tells the server files changed on disk, as the editor's file watcher does (1 created, 2 changed, 3 deleted). */
  async filesChanged(changes: { relative: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((c) => ({ uri: this.uri(c.relative), type: c.type })) });
  }

  async complete(relative: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: this.uri(relative) }, position: { line, character } })) as CompletionItem[] | CompletionList | null;
    if (Array.isArray(result) || !result) {
      return result ?? [];
    }
    // What the editor makes of a list's default range: each item without an edit replaces it with its text or label.
    const range = result.itemDefaults?.editRange;
    return range && 'start' in range ? result.items.map(({ textEditText, ...item }) => (item.textEdit ? item : { ...item, textEdit: { range, newText: textEditText ?? item.label } })) : result.items;
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest(CompletionResolveRequest.type, item);
  }

  #at(relative: string, line: number, character: number) {
    return { textDocument: { uri: this.uri(relative) }, position: { line, character } };
  }

  hover(relative: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, this.#at(relative, line, character));
  }

  /** The definition's locations (a single one or links normalised to a list). */
  async definition(relative: string, line: number, character: number): Promise<Location[]> {
    const result = (await this.connection.sendRequest(DefinitionRequest.type, this.#at(relative, line, character))) as Location | Location[] | LocationLink[] | null;
    if (!result) {
      return [];
    }
    return (Array.isArray(result) ? result : [result]).map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange } : l));
  }

  async references(relative: string, line: number, character: number, includeDeclaration = false): Promise<Location[]> {
    return (await this.connection.sendRequest(ReferencesRequest.type, { ...this.#at(relative, line, character), context: { includeDeclaration } })) ?? [];
  }

  prepareRename(relative: string, line: number, character: number): Promise<PrepareRenameResult | null> {
    return this.connection.sendRequest(PrepareRenameRequest.type, this.#at(relative, line, character));
  }

  rename(relative: string, line: number, character: number, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest(RenameRequest.type, { ...this.#at(relative, line, character), newName });
  }

  async documentLinks(relative: string): Promise<DocumentLink[]> {
    return (await this.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: this.uri(relative) } })) ?? [];
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}
