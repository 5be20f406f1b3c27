/** Messages between the preview panel and its webview. Each names the document it is about. */
export type ToWebview = { readonly type: 'update'; readonly source: string; readonly version: number; readonly html: string };

export type FromWebview = { readonly type: 'rendered'; readonly source: string; readonly version: number };
