/**
 * The writing workflow's requests (New Post, images, drafts, the Blog view, the status bar): look up the document, call the
 * core, map the result to URIs. The client does what only the editor can (write files, apply edits, show).
 */
import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { cancelled } from './languageFeatures';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { overviewChildren } from './core/features/blogOverview';
import { planMove, publishedPath, referrersOf, unpublishedPath, type DocumentMove } from './core/features/drafts';
import { imageSamplePaths, imageUrl, learnImageConvention, placeImages } from './core/features/imagePlacement';
import { newPost, newPostAuthors } from './core/features/newPost';
import { readingTime } from './core/features/readingTime';
import type { SiteIndex } from './core/site/siteIndex';
import type { LspWorkspace } from './lspWorkspace';
import { listAuthorsRequest, listSitesRequest, newPostRequest, overviewRequest, placeImagesRequest, postStatsRequest, publishDraftRequest, publishedFileUrlRequest, unpublishPostRequest, type MoveDocumentResult, type SiteChoice } from './protocol';

export interface WorkflowState {
  readonly site: SiteIndex | undefined;
  readonly workspace: LspWorkspace | undefined;
  /** Errors and warnings per file, as last published. */
  readonly problems: ReadonlyMap<string, number>;
  /** The site's folder in the workspace, when the workspace has more than one site. */
  readonly siteName?: string | undefined;
  /** Resolves once the document's pending edits are in the index (a post just created has no URL before). */
  readonly applied?: (path: string) => Promise<void>;
}

/** `state(uri)` is the site `uri` belongs to; without a URI, the workspace's first site. */
export function registerWorkflowRequests(connection: Connection, sites: () => readonly SiteChoice[], state: (uri?: string) => WorkflowState): void {
  /** The blog and the path of `uri` in it, when it is one of its files. */
  function located(uri: string, token?: CancellationToken) {
    if (token?.isCancellationRequested) {
      throw cancelled();
    }
    const { site, workspace } = state(uri);
    const path = workspace?.pathOf(uri);
    return site && workspace && path !== undefined ? { site, workspace, path } : undefined;
  }

  async function textOf(workspace: LspWorkspace, path: string): Promise<string | undefined> {
    const read = await workspace.readText(path);
    return read.kind === 'text' ? read.text : undefined;
  }

  connection.onRequest(listSitesRequest, () => [...sites()]);

  // New Post and its list of authors concern no document yet: the site the client names, else the first.
  connection.onRequest(listAuthorsRequest, ({ site: siteUri }) => {
    const { site } = state(siteUri);
    return site ? newPostAuthors(site) : [];
  });

  connection.onRequest(newPostRequest, ({ site: siteUri, title, author, date }) => {
    const { site, workspace } = state(siteUri);
    if (!site || !workspace || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return null;
    }
    const post = newPost(site, title, author, date);
    return { uri: workspace.uriOf(post.path), text: post.text };
  });

  connection.onRequest(placeImagesRequest, async ({ uri, date, images, folder }, token) => {
    const at = located(uri, token);
    if (!at || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return null;
    }
    const { site, workspace, path } = at;
    const samples: { path: string; text: string }[] = [];
    for (const sample of imageSamplePaths(site)) {
      const text = await textOf(workspace, sample);
      if (text !== undefined) {
        samples.push({ path: sample, text });
      }
    }
    const convention = learnImageConvention(site, samples);
    const exists = (file: string) => site.staticFiles.has(file) || site.document(file) !== undefined || existsSync(workspace.uris.absolutePath(file) ?? workspace.uris.root);
    return placeImages(convention, path, date, images, exists, folder).map((placed) => ({ uri: workspace.uriOf(placed.path), markdown: placed.markdown, alt: placed.alt, url: placed.url }));
  });

  connection.onRequest(publishedFileUrlRequest, ({ uri, file }) => {
    const at = located(uri);
    const filePath = state(uri).workspace?.pathOf(file);
    if (!at || filePath === undefined || !at.site.staticFiles.has(filePath)) {
      return null;
    }
    const learned = learnImageConvention(at.site, []);
    const name = filePath.slice(filePath.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    const url = imageUrl('/' + filePath.split('/').map(encodeURIComponent).join('/'), learned.urlStyle);
    return { markdown: `![${name.replace(/[-_]+/g, ' ').replace(/([[\]\\])/g, '\\$1')}](${url})` };
  });

  async function move(uri: string, target: (site: SiteIndex, path: string) => string | undefined, date: string | undefined, notMovable: string): Promise<MoveDocumentResult | { error: string }> {
    const at = located(uri);
    const to = at && target(at.site, at.path);
    if (!at || to === undefined) {
      return { error: notMovable };
    }
    const { site, workspace, path } = at;
    if (site.document(to) || existsSync(workspace.uris.absolutePath(to) ?? workspace.uris.root)) {
      return { error: l10n.t('{0} already exists.', to) };
    }
    const text = await textOf(workspace, path);
    if (text === undefined) {
      return { error: notMovable };
    }
    const referrers = new Map<string, string>();
    for (const referrer of referrersOf(site, path)) {
      const referrerText = await textOf(workspace, referrer);
      if (referrerText !== undefined) {
        referrers.set(referrer, referrerText);
      }
    }
    const planned = planMove(site, path, to, text, date, referrers);
    return { edit: workspaceEdit(workspace, planned, { [path]: text, ...Object.fromEntries(referrers) }), newUri: workspace.uriOf(to), stranded: planned.stranded.map((p) => workspace.uriOf(p)) };
  }

  connection.onRequest(publishDraftRequest, ({ uri, date }) =>
    date ? move(uri, (site, path) => publishedPath(site, path, date), date, l10n.t('Only a draft of the blog (a file in `_drafts/`) can be published.')) : { error: l10n.t('Publishing needs a date.') },
  );

  connection.onRequest(unpublishPostRequest, ({ uri }) => move(uri, unpublishedPath, undefined, l10n.t('Only a post of the blog (a file in `_posts/`) can go back to the drafts.')));

  connection.onRequest(overviewRequest, ({ parent, filter }, token) => {
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    // Several sites: one node per site on top, and each id below carries its site's URI (a `#` in a URI is `%23`).
    const all = sites();
    if (all.length > 1 && parent === undefined) {
      return all.map((choice) => ({ id: choice.uri, label: choice.name, kind: 'site' }));
    }
    const [siteUri, nodeId] = all.length > 1 && parent !== undefined ? splitSiteNode(parent) : [undefined, parent];
    const { site, workspace, problems } = state(siteUri);
    if (!site || !workspace || (all.length > 1 && !all.some((choice) => choice.uri === siteUri))) {
      return [];
    }
    return overviewChildren(site, nodeId, filter, problems).map(({ path, ...node }) => {
      const item = path === undefined ? node : { ...node, uri: workspace.uriOf(path) };
      return siteUri === undefined ? item : { ...item, id: `${siteUri}#${item.id}` };
    });
  });

  connection.onRequest(postStatsRequest, async ({ uri }, token) => {
    const pending = located(uri, token);
    if (pending) {
      await state(uri).applied?.(pending.path);
    }
    // Read again after the wait: a rebuild may have put a new index in place.
    const at = located(uri, token);
    const text = at && (await textOf(at.workspace, at.path));
    if (!at || text === undefined) {
      return null;
    }
    const { site, path } = at;
    const stats = readingTime(text, site.config.raw['words_per_minute']);
    const published = site.urls.urlOf(path);
    const url = published === undefined ? undefined : site.config.baseurl.replace(/\/+$/, '') + published;
    const absoluteUrl = url !== undefined && site.config.url ? site.config.url.replace(/\/+$/, '') + url : undefined;
    const siteName = state(uri).siteName;
    return { ...stats, url, absoluteUrl, ...(siteName === undefined ? {} : { site: siteName }) };
  });
}

/** A node id of a several-site Blog view: the site's URI, and the core's id of the node (none for the site itself). */
function splitSiteNode(id: string): [string, string | undefined] {
  const hash = id.indexOf('#');
  return hash < 0 ? [id, undefined] : [id.slice(0, hash), id.slice(hash + 1)];
}

/** The move as one LSP edit: the moved file's own changes first (at its old URI), then the move, then the links. */
function workspaceEdit(workspace: LspWorkspace, move: DocumentMove, texts: Readonly<Record<string, string>>): WorkspaceEdit {
  const byPath = new Map<string, typeof move.changes>();
  for (const change of move.changes) {
    byPath.set(change.path, [...(byPath.get(change.path) ?? []), change]);
  }
  const textEdit = (path: string): TextDocumentEdit => {
    const document = TextDocument.create(workspace.uriOf(path), 'markdown', 0, texts[path] ?? '');
    const version = workspace.documents.get(document.uri)?.version ?? null;
    return {
      textDocument: { uri: document.uri, version },
      edits: byPath.get(path)!.map((c) => ({ range: { start: document.positionAt(c.start), end: document.positionAt(c.end) }, newText: c.newText })),
    };
  };
  const own = byPath.has(move.from) ? [textEdit(move.from)] : [];
  const links = [...byPath.keys()].filter((p) => p !== move.from).map(textEdit);
  return { documentChanges: [...own, { kind: 'rename', oldUri: workspace.uriOf(move.from), newUri: workspace.uriOf(move.to) }, ...links] };
}
