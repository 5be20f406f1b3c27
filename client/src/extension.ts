import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerIgnoreLinksCommand } from './ignoreLinksCommand';
import { registerNewPostCommand } from './newPostCommand';
import { PreviewManager } from './preview/previewManager';
import { ServerRestarts } from './serverRestarts';
import { registerWorkflow, type Workflow } from './workflow';
import { serverNodeFlags } from '../../server/src/serverProcess';

let client: LanguageClient | undefined;

/** What the extension hands to its integration tests (and to anyone who asks through `getExtension().exports`). */
export interface BlogwrightApi {
  readonly client: LanguageClient;
  readonly preview: PreviewManager;
  readonly restarts: ServerRestarts;
  readonly workflow: Workflow;
}

export function activate(context: vscode.ExtensionContext): BlogwrightApi {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags() } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags(), '--nolazy', '--inspect=6009'] } },
  };
  const restarts = new ServerRestarts((message) => client?.outputChannel.appendLine(message));
  const clientOptions: LanguageClientOptions = {
    errorHandler: restarts,
    // Problems are written to the output channel; it never jumps open by itself.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Without trust the server never touches the network, whatever the settings say (see README).
    // The external link cache lives in the extension's global storage, never in the blog.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, storagePath: context.globalStorageUri.fsPath, ignoreLinksCommand: true },
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'html' },
    ],
  };
  client = new LanguageClient('blogwright', 'Blogwright', serverOptions, clientOptions);
  // Started without waiting, so activation never blocks the extension host.
  void client.start();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  const preview = new PreviewManager(context, client);
  context.subscriptions.push(preview, registerNewPostCommand(client), registerIgnoreLinksCommand());
  const workflow = registerWorkflow(context, client);
  void vscode.commands.executeCommand('setContext', 'blogwright.active', true);
  return { client, preview, restarts, workflow };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
