import * as vscode from 'vscode';
import { IGNORE_LINKS_COMMAND } from '../../server/src/protocol';

/**
 * The quick fix "Don't check links to /bin/**": adds the glob to `blogwright.links.ignore` in the settings of the
 * document's workspace folder (or the workspace's), where the server reads it and checks the blog again.
 */
export function registerIgnoreLinksCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(IGNORE_LINKS_COMMAND, async (glob: string, uri: string) => {
    const resource = vscode.Uri.parse(uri);
    const settings = vscode.workspace.getConfiguration('blogwright', resource);
    const ignored = settings.get<string[]>('links.ignore') ?? [];
    if (!ignored.includes(glob)) {
      const target = vscode.workspace.getWorkspaceFolder(resource) ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
      await settings.update('links.ignore', [...ignored, glob], target);
    }
  });
}
