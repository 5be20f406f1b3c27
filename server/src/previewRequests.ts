/**
 * The preview's requests: render a document (its content, or the page as published) and resolve a link clicked in
 * it. Look up the document's site, call the core, map the result to URIs.
 */
import * as l10n from '@vscode/l10n';
import type { Connection } from 'vscode-languageserver';
import { fragmentLine, resolvePreviewLink } from './core/features/previewLink';
import { renderPreview } from './core/render/preview';
import { cancelled } from './languageFeatures';
import { previewLinkRequest, renderPreviewRequest } from './protocol';
import { WorkerSassCompiler } from './sassCompiler';
import type { BlogSession } from './session/blogSession';

/** The site a previewed document belongs to. */
export interface PreviewSite {
  readonly session: BlogSession;
  /** The site's folder in the workspace, when the workspace has more than one site. */
  readonly siteName: string | undefined;
  /** The client names its workspace folder as the preview's resource root; the site's files may be in a folder of it. */
  resourceRoot(folderRoot: string): string;
}

/** Registers the preview's requests; disposing the result ends the Sass thread they start on first use. */
export function registerPreviewRequests(connection: Connection, siteOf: (uri: string) => PreviewSite | undefined): { dispose(): void } {
  const sass = new WorkerSassCompiler();

  connection.onRequest(renderPreviewRequest, async ({ uri, resourceRoot, view, page, themeFolder }, token) => {
    const blog = siteOf(uri);
    const session = blog?.session;
    const path = session?.uris.pathOf(uri);
    const source = path === undefined ? undefined : await session?.workspace.textDocument(path);
    const site = session?.site;
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    if (!blog || !site || !source || 'skipped' in source) {
      return null;
    }
    const root = resourceRoot && blog.resourceRoot(resourceRoot);
    const rendered = await renderPreview(site, source.document, { view: view ?? 'content', sass, ...(root ? { resourceRoot: root } : {}), ...(page ? { page } : {}), ...(themeFolder ? { themeFolder } : {}) });
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    return { ...rendered, version: source.document.version, ...(blog.siteName === undefined ? {} : { site: blog.siteName }) };
  });

  connection.onRequest(previewLinkRequest, ({ uri, href }) => {
    const session = siteOf(uri)?.session;
    const path = session?.uris.pathOf(uri);
    const site = session?.site;
    if (path === undefined || !session || !site) {
      return { kind: 'none', reason: l10n.t('The blog is not indexed yet.') };
    }
    const target = resolvePreviewLink(site, path, href);
    return target.kind === 'source' ? { kind: 'source', uri: session.workspace.uriOf(target.path), line: fragmentLine(site, target.path, target.fragment) } : target;
  });

  return sass;
}
