/** Requests between the Blogwright client and server that LSP does not define. Both sides import this file. */
import { NotificationType, RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';

export interface RenderPreviewParams {
  readonly uri: string;
  /** The URL under which the preview loads the blog's files (the webview URI of the blog root). */
  readonly resourceRoot?: string;
  /** "published": through the blog's layouts, includes and styles; "content" (the default): the content alone. */
  readonly view?: 'published' | 'content';
  /** A whole page is wanted (with the themed page's styles), not an update of its body. */
  readonly page?: boolean;
  /** `blogwright.preview.themeFolder`: a local copy of the blog's theme, relative to the blog root. */
  readonly themeFolder?: string;
}

export interface RenderPreviewResult {
  /** The body (sanitized): the themed page's, or the content alone, after a one-line note when the themed page could not be made. */
  readonly html: string;
  readonly title: string | undefined;
  readonly version: number;
  /** Set when `html` is the themed page: its `<style>` elements (only when a page was asked for) and its body's class. */
  readonly themed?: { readonly head: string; readonly bodyClass: string };
  /** The site the document belongs to (its folder in the workspace), when the workspace has more than one. */
  readonly site?: string;
}

/**
 * A command of Blogwright's client, which a quick fix runs: adds a glob (its first argument) to
 * `blogwright.links.ignore` for a document (its second). Offered only to a client that says it has it.
 */
export const IGNORE_LINKS_COMMAND = 'blogwright.links.ignore';

export const renderPreviewRequest = new RequestType<RenderPreviewParams, RenderPreviewResult | null, void>('blogwright/renderPreview');

/** An author a new post can name, for the New Post command's list. */
export interface AuthorChoice {
  readonly id: string;
  readonly name: string | undefined;
  readonly posts: number;
}

/** A Jekyll site of the workspace, for requests about no document in particular (New Post, the Blog view). */
export interface SiteChoice {
  /** The site's folder (`file:` URI); requests name the site by it. */
  readonly uri: string;
  /** The folder as the workspace shows it (`blog`, `docs/site`). */
  readonly name: string;
}

export const listSitesRequest = new RequestType<Record<string, never>, SiteChoice[], void>('blogwright/listSites');

/** Names a site by its folder's URI; without it, the workspace's first site. */
export interface SiteParams {
  readonly site?: string;
}

export const listAuthorsRequest = new RequestType<SiteParams, AuthorChoice[], void>('blogwright/listAuthors');

export interface NewPostParams extends SiteParams {
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

/** Where pasted or dropped images go in a post, and the Markdown that links them. */
export interface PlaceImagesParams {
  /** The post (or page) the images are put into. */
  readonly uri: string;
  /** The author's local date, `YYYY-MM-DD`: it names a draft's folder. */
  readonly date: string;
  readonly images: readonly { readonly fileName: string; readonly alt: string | undefined }[];
  /** The `blogwright.images.folder` setting: a folder template that replaces the learned one. */
  readonly folder: string | undefined;
}

export interface PlacedImageResult {
  /** The new file (`file:` URI); never an existing one. */
  readonly uri: string;
  readonly markdown: string;
  readonly alt: string;
  readonly url: string;
}

export const placeImagesRequest = new RequestType<PlaceImagesParams, PlacedImageResult[] | null, void>('blogwright/placeImages');

/** A published file of the blog, linked where it is when dropped into a post (it is not copied). */
export const publishedFileUrlRequest = new RequestType<{ readonly uri: string; readonly file: string }, { readonly markdown: string } | null, void>('blogwright/publishedFileUrl');

export interface MoveDocumentParams {
  readonly uri: string;
  /** For publishing: the post's date, `YYYY-MM-DD`. */
  readonly date?: string;
}

export interface MoveDocumentResult {
  /** One edit: the text changes of the moved file, the move, the links that follow it. */
  readonly edit: WorkspaceEdit;
  readonly newUri: string;
  /** Files whose links to it cannot follow (they will be reported). */
  readonly stranded: readonly string[];
}

export const publishDraftRequest = new RequestType<MoveDocumentParams, MoveDocumentResult | { readonly error: string }, void>('blogwright/publishDraft');
export const unpublishPostRequest = new RequestType<MoveDocumentParams, MoveDocumentResult | { readonly error: string }, void>('blogwright/unpublishPost');

/** One level of the Blog view (`overviewChildren` in the core). */
export interface OverviewParams {
  /**
   * The node whose children are wanted; none for the top level. With several sites the top level is one node per
   * site (its id the site's URI), and every node below has the site's URI and `#` before its own id.
   */
  readonly parent: string | undefined;
  readonly filter: string;
}

export interface OverviewItem {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly kind: string;
  readonly count?: number;
  /** A post's file (`file:` URI). */
  readonly uri?: string;
}

export const overviewRequest = new RequestType<OverviewParams, OverviewItem[], void>('blogwright/overview');

/** Sent when the index changed (a file appeared, changed or went, a check finished): the Blog view refreshes. */
export const siteChangedNotification = new NotificationType<Record<string, never>>('blogwright/siteChanged');

export interface PostStatsResult {
  readonly words: number;
  /** Whole minutes at `wordsPerMinute`, rounded down (0: less than a minute). */
  readonly minutes: number;
  readonly wordsPerMinute: number;
  /** The page's URL with `baseurl`, and the full one when `_config.yml` has `url`. */
  readonly url: string | undefined;
  readonly absoluteUrl: string | undefined;
  /** The site the post belongs to (its folder in the workspace), when the workspace has more than one. */
  readonly site?: string;
}

export const postStatsRequest = new RequestType<{ readonly uri: string }, PostStatsResult | null, void>('blogwright/postStats');

/**
 * Answers once every change sent before it (debounced edits too) is applied and every diagnostic it may have
 * changed is published: tests and benchmarks compare what the server shows with the disk after it. With `store`,
 * also once the persisted index is written (tests of the next start wait for it).
 */
export const settledRequest = new RequestType<{ readonly store?: boolean }, Record<string, never>, void>('blogwright/settled');

/** Sent once the whole blog is indexed and its diagnostics published: editors show progress, tests wait on it. */
export const indexedNotification = new NotificationType<{ documents: number; milliseconds: number }>('blogwright/indexed');
