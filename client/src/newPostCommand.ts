import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { listAuthorsRequest, listSitesRequest, newPostRequest } from '../../server/src/protocol';
import { localDate } from './localDate';

/** What the command may be given instead of asking (scripts, keybindings, tests). */
export interface NewPostArgs {
  readonly title?: string;
  readonly author?: string;
  /** The site's folder (`file:` URI), when the workspace has several. */
  readonly site?: string;
}

/**
 * "Blogwright: New Post": asks for the site when the workspace has several, a title and an author from the blog's
 * list, lets the server write the blog's usual front matter, creates `_posts/YYYY-MM-DD-slug.md` and opens it.
 */
export function registerNewPostCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('blogwright.newPost', async (args?: NewPostArgs) => {
    const site = args?.site ?? (await pickSite(client));
    if (site === null) {
      return undefined;
    }
    const title =
      args?.title ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('New Post'),
        prompt: vscode.l10n.t('Title of the post'),
        placeHolder: vscode.l10n.t('How we made search fast'),
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The post needs a title.')),
      }));
    if (!title?.trim()) {
      return undefined;
    }
    const author = args?.author ?? (await pickAuthor(client, site));
    if (author === null) {
      return undefined;
    }
    const post = await client.sendRequest(newPostRequest, { ...(site === undefined ? {} : { site }), title: title.trim(), author, date: localDate(new Date()) });
    if (!post) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Blogwright: there is no blog open to add a post to.'));
      return undefined;
    }
    const uri = vscode.Uri.parse(post.uri);
    if (await exists(uri)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Blogwright: {0} already exists; opening it.', vscode.workspace.asRelativePath(uri)));
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(post.text));
    }
    const editor = await vscode.window.showTextDocument(uri);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return uri;
  });
}

/** The site's URI when the workspace has several (the active editor's first); undefined with one; null when cancelled. */
async function pickSite(client: LanguageClient): Promise<string | undefined | null> {
  const sites = await client.sendRequest(listSitesRequest, {});
  if (sites.length < 2) {
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const ordered = [...sites].sort((a, b) => Number(isIn(active, b.uri)) - Number(isIn(active, a.uri)));
  const picked = await vscode.window.showQuickPick(
    ordered.map((site) => ({ label: site.name, detail: vscode.Uri.parse(site.uri).fsPath, uri: site.uri })),
    { title: vscode.l10n.t('New Post'), placeHolder: vscode.l10n.t('Blog to add the post to') },
  );
  return picked ? picked.uri : null;
}

function isIn(uri: string | undefined, folder: string): boolean {
  return uri !== undefined && (uri === folder || uri.startsWith(folder.endsWith('/') ? folder : folder + '/'));
}

/** The author's id; undefined when the blog keeps no authors; null when the user cancelled. */
async function pickAuthor(client: LanguageClient, site: string | undefined): Promise<string | undefined | null> {
  const authors = await client.sendRequest(listAuthorsRequest, site === undefined ? {} : { site });
  if (authors.length === 0) {
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    authors.map((a) => ({ label: a.id, description: a.name, detail: a.posts === 1 ? vscode.l10n.t('1 post') : vscode.l10n.t('{0} posts', a.posts) })),
    { title: vscode.l10n.t('New Post'), placeHolder: vscode.l10n.t('Author of the post'), matchOnDescription: true },
  );
  return picked ? picked.label : null;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
