import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewLinkRequest, renderPreviewRequest } from '../../../server/src/protocol';
import type { FromWebview, PreviewState, PreviewView, ToWebview } from './messages';
import { previewPage } from './previewPage';

export const PREVIEW_VIEW_TYPE = 'blogwright.preview';

/** Milliseconds between a keystroke and the re-render it causes. */
const RENDER_DELAY = 300;
/** Milliseconds between editor scroll positions sent to the preview. */
const SCROLL_THROTTLE = 50;
/** Editor scrolls this soon after the preview moved the editor are that move's echo, not the user's. */
const ECHO_WINDOW = 150;
const EXTERNAL_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The post preview: one panel that follows the active post (or stays on one when locked), re-renders as it
 * changes, keeps editor and preview scrolled together, and opens the source of a clicked link.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  readonly #disposables: vscode.Disposable[] = [];
  readonly #onDidRender = new vscode.EventEmitter<{ uri: string; version: number }>();
  /** Fires when the webview has shown a render: tests and scroll restore wait on it. */
  readonly onDidRender = this.#onDidRender.event;
  #panel: vscode.WebviewPanel | undefined;
  #resource: vscode.Uri | undefined;
  #locked = false;
  /** Source line at the top of the preview, restored after a reload. */
  #line = 0;
  #renderTimer: NodeJS.Timeout | undefined;
  #scrollTimer: NodeJS.Timeout | undefined;
  #renderedVersion = -1;
  #movedEditorAt = 0;
  #title = vscode.l10n.t('Preview');
  /** "published": through the blog's layouts and styles; "content": the content alone in the preview's look. */
  #view: PreviewView = 'published';
  /** What the page in the webview was made for: an update that needs another page (themed or not, other body class) makes a new one. */
  #pageShape = '';
  /** The body last sent to the webview (tests read what the preview shows from it). */
  #html = '';

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.#disposables.push(
      vscode.commands.registerCommand('blogwright.openPreview', () => this.open(vscode.ViewColumn.Active)),
      vscode.commands.registerCommand('blogwright.openPreviewToSide', () => this.open(vscode.ViewColumn.Beside)),
      vscode.commands.registerCommand('blogwright.preview.lock', () => this.#setLocked(true)),
      vscode.commands.registerCommand('blogwright.preview.unlock', () => this.#setLocked(false)),
      vscode.commands.registerCommand('blogwright.preview.toggleLock', () => this.#setLocked(!this.#locked)),
      vscode.commands.registerCommand('blogwright.preview.showPublished', () => this.#setView('published')),
      vscode.commands.registerCommand('blogwright.preview.showContent', () => this.#setView('content')),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.uri.toString() === this.#resource?.toString()) {
          this.#scheduleRender();
        } else if (this.#panel && this.#view === 'published' && e.contentChanges.length > 0 && isThemeFile(e.document.uri)) {
          this.#scheduleRender(isStyleFile(e.document.uri));
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        updatePreviewableContext(editor);
        if (this.#panel && !this.#locked && editor && isPreviewable(editor.document)) {
          this.#show(editor.document.uri, editor.visibleRanges[0]?.start.line ?? 0);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.#editorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('blogwright.preview')) {
          this.#rerenderPage();
        }
      }),
      this.#onDidRender,
      // Saved outside an editor (a theme update, git): the published page follows its layouts and data too.
      ...themeWatchers((uri) => {
        if (this.#panel && this.#view === 'published') {
          this.#scheduleRender(isStyleFile(uri));
        }
      }),
    );
    updatePreviewableContext(vscode.window.activeTextEditor);
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  get locked(): boolean {
    return this.#locked;
  }

  get view(): PreviewView {
    return this.#view;
  }

  /** The HTML of the body the webview was last given, page or update. */
  get html(): string {
    return this.#html;
  }

  open(column: vscode.ViewColumn): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isPreviewable(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a post or page to preview it.'));
      return;
    }
    if (!this.#panel) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview'), { viewColumn: column, preserveFocus: true }, this.#options());
      this.#adopt(panel);
    } else {
      this.#panel.reveal(column, true);
    }
    this.#show(editor.document.uri, editor.visibleRanges[0]?.start.line ?? 0);
  }

  /**
   * Has the webview click the link with this href, as a person would: the same click handler and the
   * same `openLink` path follow. For the integration tests, which cannot reach into the webview.
   */
  clickLink(href: string): void {
    if (this.#panel && this.#resource) {
      this.#post({ type: 'clickLink', source: this.#resource.toString(), href });
    }
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    panel.webview.options = this.#options();
    this.#adopt(panel);
    this.#view = state?.view ?? 'published';
    this.#updateViewContext();
    this.#setLocked(state?.locked === true);
    if (state?.resource) {
      this.#show(vscode.Uri.parse(state.resource), state.line ?? 0);
    }
  }

  dispose(): void {
    clearTimeout(this.#renderTimer);
    clearTimeout(this.#scrollTimer);
    this.#panel?.dispose();
    for (const d of this.#disposables) {
      d.dispose();
    }
  }

  #options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    const folders = vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [];
    return {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media'), ...folders],
    };
  }

  #adopt(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    this.#updateViewContext();
    void vscode.commands.executeCommand('setContext', 'blogwright.previewOpen', true);
    panel.onDidDispose(() => {
      if (this.#panel === panel) {
        this.#panel = undefined;
        this.#resource = undefined;
        this.#locked = false;
        void vscode.commands.executeCommand('setContext', 'blogwright.previewOpen', false);
        void vscode.commands.executeCommand('setContext', 'blogwright.previewLocked', false);
      }
    });
    panel.webview.onDidReceiveMessage((message: FromWebview) => {
      if (panel !== this.#panel || message.source !== this.#resource?.toString()) {
        return;
      }
      switch (message.type) {
        case 'rendered':
          this.#onDidRender.fire({ uri: message.source, version: message.version });
          break;
        case 'revealLine':
          this.#previewScrolled(message.line);
          break;
        case 'openLink':
          void this.#openLink(message.href);
          break;
      }
    });
  }

  #setLocked(locked: boolean): void {
    this.#locked = locked;
    void vscode.commands.executeCommand('setContext', 'blogwright.previewLocked', locked);
    this.#updateTitle(undefined);
    if (!locked) {
      const editor = vscode.window.activeTextEditor;
      if (this.#panel && editor && isPreviewable(editor.document)) {
        this.#show(editor.document.uri, editor.visibleRanges[0]?.start.line ?? 0);
      }
    }
  }

  #setView(view: PreviewView): void {
    this.#view = view;
    this.#updateViewContext();
    this.#rerenderPage();
  }

  #updateViewContext(): void {
    void vscode.commands.executeCommand('setContext', 'blogwright.previewView', this.#view);
  }

  #show(uri: vscode.Uri, line: number): void {
    if (uri.toString() !== this.#resource?.toString()) {
      this.#resource = uri;
      this.#line = line;
      this.#renderedVersion = -1;
      void this.#render(true);
    }
  }

  #rerenderPage(): void {
    this.#renderedVersion = -1;
    void this.#render(true);
  }

  /** After an edit of the document (or, `dependency`, of a layout, include, data file or stylesheet it is made with). */
  #scheduleRender(dependency?: 'styles' | 'template'): void {
    clearTimeout(this.#renderTimer);
    this.#renderTimer = setTimeout(() => {
      if (dependency === 'styles') {
        this.#rerenderPage();
      } else {
        void this.#render(false, dependency === 'template');
      }
    }, RENDER_DELAY);
  }

  /** `force`: show the render even when the document's version is the one shown (a file it is made with changed). */
  async #render(replacePage: boolean, force = false): Promise<void> {
    const panel = this.#panel;
    const resource = this.#resource;
    if (!panel || !resource) {
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(resource);
    const resourceRoot = folder ? panel.webview.asWebviewUri(folder.uri).toString() : undefined;
    const view = this.#view;
    const themeFolder = vscode.workspace.getConfiguration('blogwright.preview', folder).get<string>('themeFolder', '').trim();
    const result = await this.client.sendRequest(renderPreviewRequest, {
      uri: resource.toString(),
      view,
      page: replacePage,
      ...(resourceRoot ? { resourceRoot } : {}),
      ...(themeFolder ? { themeFolder } : {}),
    });
    if (!result || panel !== this.#panel || resource.toString() !== this.#resource?.toString() || view !== this.#view) {
      return;
    }
    if (!replacePage && !force && result.version === this.#renderedVersion) {
      return;
    }
    const shape = result.themed ? `themed:${result.themed.bodyClass}` : 'content';
    if (!replacePage && shape !== this.#pageShape) {
      // From the content alone to the themed page or back (a layout was added or fixed): a new page, with its styles.
      return this.#render(true);
    }
    this.#pageShape = shape;
    this.#html = result.html;
    this.#renderedVersion = result.version;
    this.#updateTitle(result.title ?? resource.path.split('/').pop(), result.site);
    if (replacePage) {
      panel.webview.html = previewPage({
        cspSource: panel.webview.cspSource,
        nonce: randomBytes(16).toString('base64'),
        scriptUri: this.#media(panel.webview, 'preview.js'),
        styleUri: this.#media(panel.webview, 'preview.css'),
        userStyleUri: this.#userStylesheet(panel.webview, folder),
        state: { resource: resource.toString(), version: result.version, line: this.#line, locked: this.#locked, view },
        html: result.html,
        ...(result.themed ? { themed: { ...result.themed, styleUri: this.#media(panel.webview, 'themed.css') } } : {}),
      });
    } else {
      this.#post({ type: 'update', source: resource.toString(), version: result.version, html: result.html });
    }
  }

  /** `site` is the post's site when the workspace has more than one. */
  #updateTitle(name: string | undefined, site?: string): void {
    if (name !== undefined) {
      this.#title = site === undefined ? vscode.l10n.t('Preview {0}', name) : vscode.l10n.t('Preview {0} ({1})', name, site);
    }
    if (this.#panel) {
      this.#panel.title = this.#locked ? vscode.l10n.t('[Locked] {0}', this.#title) : this.#title;
    }
  }

  #media(webview: vscode.Webview, name: string): string {
    return webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', name)).toString();
  }

  /** The blog's own CSS, when the setting names a file inside the workspace folder (never outside it). */
  #userStylesheet(webview: vscode.Webview, folder: vscode.WorkspaceFolder | undefined): string | undefined {
    const setting = vscode.workspace.getConfiguration('blogwright.preview', folder).get<string>('stylesheet', '').trim();
    if (!setting || !folder || /^[a-z][a-z0-9+.-]*:/i.test(setting)) {
      return undefined;
    }
    const file = vscode.Uri.joinPath(folder.uri, setting.replace(/^\/+/, ''));
    if (!file.path.startsWith(folder.uri.path.replace(/\/?$/, '/'))) {
      return undefined;
    }
    return webview.asWebviewUri(file).toString();
  }

  #post(message: ToWebview): void {
    void this.#panel?.webview.postMessage(message);
  }

  #editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    const resource = this.#resource;
    if (!this.#panel || !resource || e.textEditor.document.uri.toString() !== resource.toString()) {
      return;
    }
    if (Date.now() - this.#movedEditorAt < ECHO_WINDOW) {
      return;
    }
    this.#line = e.visibleRanges[0]?.start.line ?? 0;
    if (!this.#scrollTimer) {
      this.#scrollTimer = setTimeout(() => {
        this.#scrollTimer = undefined;
        this.#post({ type: 'scrollToLine', source: resource.toString(), line: this.#line });
      }, SCROLL_THROTTLE);
    }
  }

  #previewScrolled(line: number): void {
    this.#line = line;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === this.#resource?.toString()) {
        this.#movedEditorAt = Date.now();
        const position = new vscode.Position(Math.max(0, Math.min(line, editor.document.lineCount - 1)), 0);
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
      }
    }
  }

  /** A click on a link: the blog's own pages open as source, others in the browser; the server decides which. */
  async #openLink(href: string): Promise<void> {
    const resource = this.#resource;
    if (!resource) {
      return;
    }
    const target = await this.client.sendRequest(previewLinkRequest, { uri: resource.toString(), href });
    if (target.kind === 'external') {
      const url = vscode.Uri.parse(target.url, true);
      if (EXTERNAL_SCHEMES.has(url.scheme)) {
        await vscode.env.openExternal(url);
      }
    } else if (target.kind === 'source') {
      const uri = vscode.Uri.parse(target.uri, true);
      const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString())?.viewColumn ?? vscode.ViewColumn.One;
      const position = new vscode.Position(target.line, 0);
      await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position) });
    } else {
      void vscode.window.showInformationMessage(target.reason);
    }
  }
}

/** Markdown or HTML with front matter, or anything in `_posts`/`_drafts`: what Jekyll renders as a post or page. */
function isPreviewable(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' || (document.languageId !== 'markdown' && document.languageId !== 'html')) {
    return false;
  }
  return /\/_(posts|drafts)\//.test(document.uri.path) || document.lineAt(0).text.trimEnd() === '---';
}

function themeWatchers(changed: (uri: vscode.Uri) => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher('**/{_layouts,_includes,_data,_sass}/**');
  return [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)];
}

/** A file a themed page is made with: a layout, an include, site data, the config, or a stylesheet. */
function isThemeFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && (/\/_(layouts|includes|data|sass)\//.test(uri.path) || /\/_config\.yml$/.test(uri.path) || /\.(s[ac]ss|css)$/i.test(uri.path));
}

function isStyleFile(uri: vscode.Uri): 'styles' | 'template' {
  return /\.(s[ac]ss|css)$/i.test(uri.path) ? 'styles' : 'template';
}

function updatePreviewableContext(editor: vscode.TextEditor | undefined): void {
  void vscode.commands.executeCommand('setContext', 'blogwright.previewable', editor !== undefined && isPreviewable(editor.document));
}
