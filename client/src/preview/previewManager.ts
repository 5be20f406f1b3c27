import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderPreviewRequest } from '../../../server/src/protocol';
import type { FromWebview } from './messages';
import { previewHtml } from './previewHtml';

export const PREVIEW_VIEW_TYPE = 'blogwright.preview';

/** Milliseconds between a keystroke and the re-render it causes. */
const RENDER_DELAY = 300;

/** State the webview keeps across reloads, so the panel comes back on the same post. */
interface PreviewState {
  readonly resource: string;
}

/** The post preview: one panel that follows the active post and re-renders as it changes. */
export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  readonly #disposables: vscode.Disposable[] = [];
  readonly #onDidRender = new vscode.EventEmitter<{ uri: string; version: number }>();
  /** Fires when the webview has shown a render: tests and scroll restore wait on it. */
  readonly onDidRender = this.#onDidRender.event;
  #panel: vscode.WebviewPanel | undefined;
  #resource: vscode.Uri | undefined;
  #timer: NodeJS.Timeout | undefined;
  #renderedVersion = -1;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.#disposables.push(
      vscode.commands.registerCommand('blogwright.openPreview', () => this.open(vscode.ViewColumn.Active)),
      vscode.commands.registerCommand('blogwright.openPreviewToSide', () => this.open(vscode.ViewColumn.Beside)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.uri.toString() === this.#resource?.toString()) {
          this.#scheduleRender();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor && isPreviewable(editor.document)) {
          this.#show(editor.document.uri);
        }
      }),
      this.#onDidRender,
    );
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  open(column: vscode.ViewColumn): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isPreviewable(editor.document)) {
      void vscode.window.showInformationMessage('Open a post or page to preview it.');
      return;
    }
    if (!this.#panel) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: true }, this.#options());
      this.#adopt(panel);
    } else {
      this.#panel.reveal(column, true);
    }
    this.#show(editor.document.uri);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    panel.webview.options = this.#options();
    this.#adopt(panel);
    if (state?.resource) {
      this.#show(vscode.Uri.parse(state.resource));
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
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
    panel.onDidDispose(() => {
      this.#panel = undefined;
      this.#resource = undefined;
    });
    panel.webview.onDidReceiveMessage((message: FromWebview) => {
      if (message.source !== this.#resource?.toString()) {
        return;
      }
      if (message.type === 'rendered') {
        this.#onDidRender.fire({ uri: message.source, version: message.version });
      }
    });
  }

  #show(uri: vscode.Uri): void {
    if (uri.toString() !== this.#resource?.toString()) {
      this.#resource = uri;
      this.#renderedVersion = -1;
      void this.#render(true);
    }
  }

  #scheduleRender(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#render(false), RENDER_DELAY);
  }

  async #render(replaceHtml: boolean): Promise<void> {
    const panel = this.#panel;
    const resource = this.#resource;
    if (!panel || !resource) {
      return;
    }
    const result = await this.client.sendRequest(renderPreviewRequest, { uri: resource.toString() });
    if (!result || panel !== this.#panel || resource.toString() !== this.#resource?.toString()) {
      return;
    }
    if (!replaceHtml && result.version === this.#renderedVersion) {
      return;
    }
    this.#renderedVersion = result.version;
    panel.title = `Preview ${result.title ?? resource.path.split('/').pop()}`;
    if (replaceHtml) {
      panel.webview.html = previewHtml(panel.webview, this.context.extensionUri, { source: resource.toString(), version: result.version, html: result.html });
    } else {
      void panel.webview.postMessage({ type: 'update', source: resource.toString(), version: result.version, html: result.html });
    }
  }
}

function isPreviewable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && (document.languageId === 'markdown' || document.languageId === 'html');
}
