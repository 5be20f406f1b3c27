import * as l10n from '@vscode/l10n';
/** Progress for people watching a large blog being checked: on stderr, on a terminal only, a line redrawn in place. */
export interface Progress {
  indexing(): void;
  checked(done: number, total: number): void;
  done(): void;
}

/** Blogs smaller than this are checked before anyone would read a progress line. */
const MIN_FILES = 500;
const REDRAW_MS = 100;

export const NO_PROGRESS: Progress = { indexing() {}, checked() {}, done() {} };

export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) {
    return NO_PROGRESS;
  }
  let shown = false;
  let last = 0;
  let slowIndexing: NodeJS.Timeout | undefined;
  const show = (text: string) => {
    stream.write(`\r\x1b[K${text}`);
    shown = true;
  };
  return {
    indexing() {
      // The file count is not known yet: say something only when reading takes long enough to wonder.
      slowIndexing = setTimeout(() => show('blogwright: reading the blog...'), 500).unref();
    },
    checked(done, total) {
      clearTimeout(slowIndexing);
      const now = Date.now();
      if (total >= MIN_FILES && (now - last >= REDRAW_MS || done === total)) {
        last = now;
        show(`blogwright: ${l10n.t('checked {0} of {1} files', done, total)}`);
      }
    },
    done() {
      clearTimeout(slowIndexing);
      if (shown) {
        stream.write('\r\x1b[K');
      }
    },
  };
}
