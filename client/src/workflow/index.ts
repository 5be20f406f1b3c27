import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerBlogView, type BlogTreeProvider } from './blogView';
import { registerDraftCommands } from './drafts';
import { registerImageDrop, type BlogImageEditProvider } from './imageDrop';
import { PostStatusBar } from './statusBar';

/** The writing workflow's parts, for the integration tests. */
export interface Workflow {
  readonly blogView: BlogTreeProvider;
  readonly statusBar: PostStatusBar;
  readonly images: BlogImageEditProvider;
}

/** Images, drafts, the Blog view and the status bar: registrations only, all work waits for the first use. */
export function registerWorkflow(context: vscode.ExtensionContext, client: LanguageClient): Workflow {
  const blogView = registerBlogView(client);
  const statusBar = new PostStatusBar(client);
  const images = registerImageDrop(client);
  context.subscriptions.push(images.disposable, registerDraftCommands(client), blogView.disposable, statusBar);
  return { blogView: blogView.provider, statusBar, images: images.provider };
}
