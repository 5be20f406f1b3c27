import { escapeHtml } from './sanitizeHtml';
import { renderPost } from './renderPost';
import { renderThemedPage } from './themed/themedPage';
import type { ISassCompiler } from './themed/styles';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';

/** What the preview shows: the page as published (through the blog's layouts) or the content alone. */
export type PreviewView = 'published' | 'content';

export interface PreviewRequest {
  readonly view: PreviewView;
  /** The webview URL of the blog root. */
  readonly resourceRoot?: string;
  /** A whole page is wanted (its styles too), not an update of the body. */
  readonly page?: boolean;
  /** A local copy of the blog's theme, relative to the blog root. */
  readonly themeFolder?: string;
  /** The adapter's Sass compiler. */
  readonly sass?: ISassCompiler;
}

export interface PreviewRender {
  /** The body: the themed page's, or the content alone (after a one-line note when the themed page could not be made). */
  readonly html: string;
  readonly title: string | undefined;
  /** Set when `html` is the themed page: its styles (when a page was asked for) and its body's class. */
  readonly themed?: { readonly head: string; readonly bodyClass: string };
}

/** The preview of one document, in the view asked for; the themed page falls back to the content alone with a note. */
export async function renderPreview(site: SiteIndex, document: ITextDocument, request: PreviewRequest): Promise<PreviewRender> {
  const resourceRoot = request.resourceRoot ? { resourceRoot: request.resourceRoot } : {};
  if (request.view === 'published') {
    const themed = await renderThemedPage(site, document, { ...resourceRoot, styles: request.page === true, ...(request.themeFolder ? { themeFolder: request.themeFolder } : {}), ...(request.sass ? { sass: request.sass } : {}) });
    if (themed.kind === 'page') {
      return { html: themed.body, title: themed.title, themed: { head: themed.head, bodyClass: themed.bodyClass } };
    }
    const content = renderPost(site, document, resourceRoot);
    const note = themed.note ? `<p class="bw-note" role="status">${escapeHtml(themed.note)}</p>` : '';
    return { html: note + content.html, title: content.title };
  }
  return renderPost(site, document, resourceRoot);
}
