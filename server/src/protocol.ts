/** Requests between the Blogwright client and server that LSP does not define. Both sides import this file. */
import { RequestType } from 'vscode-languageserver-protocol';

export interface RenderPreviewParams {
  readonly uri: string;
  /** The URL under which the preview loads the blog's files (the webview URI of the blog root). */
  readonly resourceRoot?: string;
}

export interface RenderPreviewResult {
  readonly html: string;
  readonly title: string | undefined;
  readonly version: number;
}

export const renderPreviewRequest = new RequestType<RenderPreviewParams, RenderPreviewResult | null, void>('blogwright/renderPreview');

/** An author a new post can name, for the New Post command's list. */
export interface AuthorChoice {
  readonly id: string;
  readonly name: string | undefined;
  readonly posts: number;
}

export const listAuthorsRequest = new RequestType<Record<string, never>, AuthorChoice[], void>('blogwright/listAuthors');

export interface NewPostParams {
  readonly title: string;
  readonly author: string | undefined;
  /** The author's local date, `YYYY-MM-DD`. */
  readonly date: string;
}

export interface NewPostResult {
  /** Where the post goes (`file:` URI) and what it starts with. */
  readonly uri: string;
  readonly text: string;
}

export const newPostRequest = new RequestType<NewPostParams, NewPostResult | null, void>('blogwright/newPost');

export interface PreviewLinkParams {
  /** The previewed document. */
  readonly uri: string;
  /** The link's href as the preview shows it. */
  readonly href: string;
}

/** Where a click on a link in the preview leads. */
export type PreviewLinkTarget =
  /** A file of the blog: open its source, at `line` (the heading of the link's fragment, else 0). */
  | { readonly kind: 'source'; readonly uri: string; readonly line: number }
  /** Outside the blog: open in the browser (http, https or mailto only). */
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'none'; readonly reason: string };

export const previewLinkRequest = new RequestType<PreviewLinkParams, PreviewLinkTarget, void>('blogwright/previewLink');

/** The server's process id: the VS Code suite kills it to prove the client brings it back. */
export const serverProcessRequest = new RequestType<Record<string, never>, { readonly pid: number }, void>('blogwright/serverProcess');
