import { CodeActionKind, LSPErrorCodes, ResponseError, type CancellationToken, type CodeAction, type Connection } from 'vscode-languageserver';
import type { SiteIndex } from './core/site/siteIndex';
import type { ITextDocument } from './core/workspace';
import { provideCodeActions } from './core/features/codeActions';
import { provideCompletions, resolveCompletion } from './core/features/completion';
import { limitCompletions } from './core/features/completionLimit';
import { provideDefinition } from './core/features/definition';
import { provideDocumentLinks } from './core/features/documentLinks';
import { provideHover } from './core/features/hover';
import { prepareRename, provideReferences, provideRename } from './core/features/rename';
import { withDefaultEditRange } from './completionDefaults';
import { asCoreDocument, openText } from './lspWorkspace';
import { IGNORE_LINKS_COMMAND } from './protocol';
import type { BlogSession } from './session/blogSession';

/** What a handler gets: the open document of the blog, the index, and where paths become URIs. */
export interface OpenDocument {
  readonly document: ITextDocument;
  readonly site: SiteIndex;
  readonly uriOf: (path: string) => string;
}

/** The answer to a request its sender cancelled: LSP's `RequestCancelled`, never a computed result. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Runs a feature on an open document of the blog, or answers `fallback` when there is none: a URI that is not a
 * file of the blog, a buffer over the size limit, or no index yet. A request cancelled before it ran is answered
 * `RequestCancelled` without computing anything. With `soFar`, a feature that may answer from part of the blog
 * (completion) runs while the first build is still reading it, on what it has read.
 */
export function withDocument<T>(session: BlogSession | undefined, uri: string, token: CancellationToken, fallback: T, run: (open: OpenDocument) => T, soFar = false): T {
  if (token.isCancellationRequested) {
    throw cancelled();
  }
  const site = soFar ? session?.siteSoFar : session?.site;
  const path = session?.uris.pathOf(uri);
  const document = path === undefined ? undefined : session?.workspace.openDocument(path);
  if (!session || !site || path === undefined || !document || openText(document).kind !== 'text') {
    return fallback;
  }
  return run({ document: asCoreDocument(path, document), site, uriOf: (p) => session.workspace.uriOf(p) });
}

/** What the client can do beyond plain LSP: known once it has initialized. */
export interface ClientAbilities {
  /** Takes completion lists' default edit range. */
  readonly editRangeDefault: boolean;
  /** Runs `blogwright.links.ignore` (Blogwright's own client): adds a glob to that setting. */
  readonly ignoreLinksCommand: boolean;
}

/**
 * Completion, hover, navigation, rename, document links and quick fixes: each a few lines over the core.
 * `blog(uri)` is the session of the site the document belongs to; `client` what the client can do.
 */

export function registerLanguageFeatures(connection: Connection, blog: (uri: string) => BlogSession | undefined, client: () => ClientAbilities): void {
  // The client resolves items of the list it shows, the last one asked for: its document says which site's they are.
  let completedIn: string | undefined;
  connection.onCompletion(({ textDocument, position }, token) => {
    completedIn = textDocument.uri;
    return withDocument(
      blog(textDocument.uri),
      textDocument.uri,
      token,
      [],
      ({ site, document }) => {
        const limited = limitCompletions(provideCompletions(site, document, position), document, document.offsetAt(position));
        return client().editRangeDefault ? withDefaultEditRange(limited) : limited;
      },
      true,
    );
  });

  connection.onCompletionResolve((item, token) => {
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    const site = completedIn === undefined ? undefined : blog(completedIn)?.siteSoFar;
    return site ? resolveCompletion(site, item) : item;
  });

  connection.onHover(({ textDocument, position }, token) => withDocument(blog(textDocument.uri), textDocument.uri, token, null, ({ site, document }) => provideHover(site, document, position) ?? null));

  connection.onDefinition(({ textDocument, position }, token) =>
    withDocument(blog(textDocument.uri), textDocument.uri, token, null, ({ site, document, uriOf }) => {
      const location = provideDefinition(site, document, position);
      return location ? { uri: uriOf(location.path), range: { start: location.position, end: location.position } } : null;
    }),
  );

  connection.onReferences(({ textDocument, position, context }, token) =>
    withDocument(blog(textDocument.uri), textDocument.uri, token, [], ({ site, document, uriOf }) => provideReferences(site, document, position, context.includeDeclaration).map((r) => ({ uri: uriOf(r.path), range: r.range }))),
  );

  connection.onPrepareRename(({ textDocument, position }, token) =>
    withDocument(blog(textDocument.uri), textDocument.uri, token, null, ({ site, document }) => {
      const prepared = prepareRename(site, document, position);
      if (prepared && 'error' in prepared) {
        throw new ResponseError(0, prepared.error);
      }
      return prepared ?? null;
    }),
  );

  connection.onRenameRequest(({ textDocument, position, newName }, token) =>
    withDocument(blog(textDocument.uri), textDocument.uri, token, null, ({ site, document, uriOf }) => {
      const rename = provideRename(site, document, position, newName);
      if (rename && 'error' in rename) {
        throw new ResponseError(0, rename.error);
      }
      return rename ? { changes: Object.fromEntries([...rename.changes].map(([path, edits]) => [uriOf(path), edits])) } : null;
    }),
  );

  connection.onDocumentLinks(({ textDocument }, token) =>
    withDocument(blog(textDocument.uri), textDocument.uri, token, [], ({ site, document, uriOf }) =>
      provideDocumentLinks(site, document).map((l) => ({ range: l.range, target: uriOf(l.path) + (l.line === undefined ? '' : `#L${l.line + 1}`), tooltip: l.tooltip })),
    ),
  );

  connection.onCodeAction(({ textDocument, range, context }, token) =>
    withDocument(blog(textDocument.uri), textDocument.uri, token, [], ({ site, document }) =>
      context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))
        ? []
        : codeActions(provideCodeActions(site, document, range), textDocument.uri, client().ignoreLinksCommand),
    ),
  );
}

function codeActions({ fixes, ignores }: ReturnType<typeof provideCodeActions>, uri: string, ignoreLinksCommand: boolean): CodeAction[] {
  const edits = fixes.map((fix): CodeAction => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [fix.diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: [fix.edit] } },
  }));
  // Offered after the edits, never preferred: a missing page is far more often a typo than a page served elsewhere.
  const unchecked = ignoreLinksCommand
    ? ignores.map((ignore): CodeAction => ({
        title: ignore.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [ignore.diagnostic],
        command: { title: ignore.title, command: IGNORE_LINKS_COMMAND, arguments: [ignore.glob, uri] },
      }))
    : [];
  return [...edits, ...unchecked];
}
