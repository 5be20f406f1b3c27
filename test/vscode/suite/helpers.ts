import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { BlogwrightApi } from '../../../client/src/extension';
import { BLOG_FOLDER } from '../testBlog';

export const EXTENSION_ID = 'blogwright.blogwright';

/** The activated extension's API, once its language server is running. */
export async function blogwright(): Promise<BlogwrightApi> {
  const extension = vscode.extensions.getExtension<BlogwrightApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  if (api.client.state !== State.Running) {
    await new Promise<void>((resolve) => {
      const subscription = api.client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          subscription.dispose();
          resolve();
        }
      });
    });
  }
  return api;
}

/** A file of the test blog, which is in `docs/` of the repository the suite opens (testBlog.ts). */
export function blogUri(relative: string): vscode.Uri {
  return repositoryUri(`${BLOG_FOLDER}/${relative}`);
}

/** A file of the repository the suite opens, inside the blog or not. */
export function repositoryUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test repository is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Resolves with the file's diagnostics as soon as they satisfy `predicate`. */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) {
        subscription.dispose();
        resolve(diagnostics);
        return true;
      }
      return false;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        check();
      }
    });
    check();
  });
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}

/** Resolves on the next event that satisfies `predicate`. */
export function nextEvent<T>(event: vscode.Event<T>, predicate: (value: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      if (predicate(value)) {
        subscription.dispose();
        resolve(value);
      }
    });
  });
}
