/**
 * The Sass compiler's thread (see sassCompiler.ts): dart-sass compiles one entry at a time; every file it imports
 * is asked of the server thread, which reads it through the blog's workspace. Sass never touches the file system
 * here, and a stylesheet that loops forever only costs this thread, which the server ends.
 */
import { parentPort } from 'node:worker_threads';
import * as sass from 'sass';
import type { FromSassWorker, ToSassWorker } from './sassCompiler';

const port = parentPort!;
const loads = new Map<number, (file: { path: string; text: string } | undefined) => void>();
let nextLoad = 0;

function ask(url: string, from: string): Promise<{ path: string; text: string } | undefined> {
  const id = nextLoad++;
  return new Promise((resolve) => {
    loads.set(id, resolve);
    port.postMessage({ type: 'load', id, url, from } satisfies FromSassWorker);
  });
}

const pathOf = (url: URL) => decodeURIComponent(url.pathname.replace(/^\/+/, ''));

// Loaded: the server times compiles from here, not the thread's start.
port.postMessage({ type: 'ready' } satisfies FromSassWorker);

port.on('message', (message: ToSassWorker) => {
  if (message.type === 'loaded') {
    loads.get(message.id)?.(message.file);
    loads.delete(message.id);
    return;
  }
  const texts = new Map<string, string>();
  sass
    .compileStringAsync(message.source, {
      syntax: message.syntax === 'sass' ? 'indented' : 'scss',
      url: new URL('bw:/' + message.path),
      style: 'expanded',
      logger: sass.Logger.silent,
      importers: [
        {
          canonicalize: async (url, context) => {
            if (url.startsWith('bw:')) {
              return texts.has(pathOf(new URL(url))) ? new URL(url) : null;
            }
            const from = context.containingUrl?.protocol === 'bw:' ? pathOf(context.containingUrl) : message.path;
            const file = await ask(url, from);
            if (!file) {
              return null;
            }
            texts.set(file.path, file.text);
            return new URL('bw:/' + file.path);
          },
          load: (canonical) => {
            const path = pathOf(canonical);
            const contents = texts.get(path);
            return contents === undefined ? null : { contents, syntax: path.endsWith('.sass') ? 'indented' : path.endsWith('.css') ? 'css' : 'scss' };
          },
        },
      ],
    })
    .then(
      (result) => port.postMessage({ type: 'done', id: message.id, css: result.css } satisfies FromSassWorker),
      (error: unknown) => port.postMessage({ type: 'done', id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies FromSassWorker),
    );
});
