import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageserver-protocol';
import { publishDraftRequest, unpublishPostRequest, type MoveDocumentParams, type MoveDocumentResult } from '../../../server/src/protocol';
import { localDate } from '../localDate';

/** What the commands may be given instead of asking (tests, keybindings). */
export interface PublishArgs {
  readonly date?: string;
}

/**
 * "Publish Draft" moves `_drafts/x.md` to `_posts/<date>-x.md` and "Unpublish" moves a post back, each as one
 * workspace edit (the move, the post's `date:`, the links that follow it), so one Undo takes it all back.
 */
export function registerDraftCommands(client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('blogwright.publishDraft', async (target?: vscode.Uri | { uri?: string }, args?: PublishArgs) => {
      const uri = targetUri(target);
      if (!uri) {
        return undefined;
      }
      const date = args?.date ?? (await askDate());
      return date ? move(client, publishDraftRequest, { uri: uri.toString(), date }) : undefined;
    }),
    vscode.commands.registerCommand('blogwright.unpublishPost', async (target?: vscode.Uri | { uri?: string }) => {
      const uri = targetUri(target);
      return uri ? move(client, unpublishPostRequest, { uri: uri.toString() }) : undefined;
    }),
  );
}

/** The file the command was run on: from the explorer, the Blog view, or the active editor. */
function targetUri(target: vscode.Uri | { uri?: string } | undefined): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) {
    return target;
  }
  if (target?.uri) {
    return vscode.Uri.parse(target.uri);
  }
  return vscode.window.activeTextEditor?.document.uri;
}

async function askDate(): Promise<string | undefined> {
  const today = localDate(new Date());
  const date = await vscode.window.showInputBox({
    title: vscode.l10n.t('Publish Draft'),
    prompt: vscode.l10n.t('Date of the post (YYYY-MM-DD)'),
    value: today,
    validateInput: (value) => (isDate(value.trim()) ? undefined : vscode.l10n.t('A date as YYYY-MM-DD, for example {0}.', today)),
  });
  return date?.trim();
}

function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

async function move(client: LanguageClient, request: RequestType<MoveDocumentParams, MoveDocumentResult | { readonly error: string }, void>, params: MoveDocumentParams): Promise<vscode.Uri | undefined> {
  const result = await client.sendRequest(request, params);
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Blogwright: {0}', result.error));
    return undefined;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Blogwright: the file could not be moved.'));
    return undefined;
  }
  if (result.stranded.length > 0) {
    const names = result.stranded.map((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri))).join(', ');
    void vscode.window.showWarningMessage(vscode.l10n.t('Blogwright: {0} link to this post in a way a draft cannot be reached; those links are now reported.', names));
  }
  return vscode.Uri.parse(result.newUri);
}
