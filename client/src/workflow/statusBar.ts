import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { postStatsRequest, type PostStatsResult } from '../../../server/src/protocol';

/**
 * Words and reading time of the active post (as themes compute `reading_time`), and its URL, which a click copies.
 * Asked of the server when the active editor changes and 300 ms after typing stops.
 */
export class PostStatusBar implements vscode.Disposable {
  readonly words = vscode.window.createStatusBarItem('blogwright.words', vscode.StatusBarAlignment.Right, 100);
  readonly url = vscode.window.createStatusBarItem('blogwright.url', vscode.StatusBarAlignment.Right, 99);
  readonly #subscriptions: vscode.Disposable[] = [];
  #timer: NodeJS.Timeout | undefined;
  #asked = 0;
  /** The last stats shown, for tests and the copy command. */
  stats: PostStatsResult | undefined;

  constructor(readonly client: LanguageClient) {
    this.words.name = vscode.l10n.t('Blogwright: words and reading time');
    this.url.name = vscode.l10n.t('Blogwright: post URL');
    this.url.command = 'blogwright.copyPostUrl';
    this.#subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) {
          clearTimeout(this.#timer);
          this.#timer = setTimeout(() => void this.update(), 300);
        }
      }),
      vscode.commands.registerCommand('blogwright.copyPostUrl', async () => {
        const url = this.stats?.absoluteUrl ?? this.stats?.url;
        if (url) {
          await vscode.env.clipboard.writeText(url);
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', url), 2000);
        }
        return url;
      }),
    );
    void this.update();
  }

  /** Shows the active document's stats, or hides both items when it is not a post or page of the blog. */
  async update(): Promise<PostStatsResult | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    const asked = ++this.#asked;
    const stats = document && document.uri.scheme === 'file' && (document.languageId === 'markdown' || document.languageId === 'html') ? await this.client.sendRequest(postStatsRequest, { uri: document.uri.toString() }).catch(() => null) : null;
    if (asked !== this.#asked) {
      return this.stats;
    }
    this.stats = stats ?? undefined;
    if (!stats) {
      this.words.hide();
      this.url.hide();
      return undefined;
    }
    const minutes = stats.minutes === 0 ? vscode.l10n.t('less than 1 min read') : vscode.l10n.t('{0} min read', stats.minutes);
    this.words.text = `$(book) ${vscode.l10n.t('{0} words', stats.words.toLocaleString('en-US'))}, ${minutes}`;
    this.words.tooltip = vscode.l10n.t('Words as Jekyll themes count them (`number_of_words`), read at {0} words per minute (`words_per_minute` in _config.yml).', stats.wordsPerMinute);
    this.words.show();
    if (stats.url) {
      // With several sites in the workspace, which one the post is in.
      this.url.text = stats.site === undefined ? `$(link) ${stats.url}` : `$(link) ${stats.site}: ${stats.url}`;
      this.url.tooltip = vscode.l10n.t('Copy {0}', stats.absoluteUrl ?? stats.url);
      this.url.show();
    } else {
      this.url.hide();
    }
    return stats;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.words.dispose();
    this.url.dispose();
    this.#subscriptions.forEach((s) => s.dispose());
  }
}
