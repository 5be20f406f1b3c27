/**
 * Messages between the preview panel and its webview (client/media/preview.js type-checks against these).
 * Each names the document it is about; the receiver drops messages about another document.
 */
export type ToWebview =
  | { readonly type: 'update'; readonly source: string; readonly version: number; readonly html: string }
  /** The editor scrolled: show this source line at the top. */
  | { readonly type: 'scrollToLine'; readonly source: string; readonly line: number }
  /** Clicks the link with this href as a person would (the integration tests drive link clicks this way). */
  | { readonly type: 'clickLink'; readonly source: string; readonly href: string };

export type FromWebview =
  | { readonly type: 'rendered'; readonly source: string; readonly version: number }
  /** The preview scrolled: this source line is now at its top. */
  | { readonly type: 'revealLine'; readonly source: string; readonly line: number }
  /** A link was clicked (fragment links within the page are followed by the webview itself). */
  | { readonly type: 'openLink'; readonly source: string; readonly href: string };

/** What the page is showing, embedded in it and kept by the webview across reloads (`vscode.setState`). */
export interface PreviewState {
  readonly resource: string;
  readonly version?: number;
  /** Source line at the top of the preview. */
  readonly line?: number;
  readonly locked?: boolean;
  /** Published page or content alone; published when absent. */
  readonly view?: PreviewView;
}

export type PreviewView = 'published' | 'content';
