import { l10n } from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** More crashes than this within the window mean the server cannot run here: stop trying. */
const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the language server when it dies and says so once per restart in the output channel, never in a popup:
 * a server that crashes on some file must not bury the writer in notifications.
 */
export class ServerRestarts implements ErrorHandler {
  #crashes: number[] = [];
  #restarted = 0;

  constructor(private readonly log: (message: string) => void) {}

  /** How often the server was restarted since activation (the VS Code suite reads it). */
  get restarted(): number {
    return this.#restarted;
  }

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; a stream of them means the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.#crashes = [...this.#crashes.filter((time) => now - time < WINDOW_MS), now];
    if (this.#crashes.length > MAX_RESTARTS) {
      this.log(l10n.t('The Blogwright language server stopped {0} times in three minutes and is not restarted again. Reload the window to try once more.', this.#crashes.length));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.#restarted++;
    this.log(l10n.t('The Blogwright language server stopped unexpectedly and was restarted; diagnostics come back once the blog is checked again.'));
    return { action: CloseAction.Restart, handled: true };
  }
}
