import * as l10n from '@vscode/l10n';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as nodePath from 'node:path';
import { CONFIGURATION_FOLDER_FILES } from './core/site/siteDiscovery';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileStamp, ITextDocument, IWorkspace, ReadResult } from './core/workspace';
import { TextDocumentSnapshot } from './core/textDocument';
import { MAX_FILE_BYTES } from './fileSystemWorkspace';

/** The blog's files as the server reads them: the file system, or memory in tests. */
export interface IBlogFiles extends IWorkspace {
  /** Every file, or only those inside the folder `under` (a folder event covers them). */
  listFiles(under?: string): Promise<string[]>;
  /** A file's size and modification time on disk, without reading it; without it, no index is persisted. */
  stamp?(path: string): FileStamp | undefined;
  /** Files changed on disk: nothing read ahead of them may be used (see `willRead`). */
  stopReadingAhead?(): void;
}

/**
 * URIs at the edge: the only place a URI becomes a path of the blog. A URI that is not plainly a file under the
 * root (another scheme, `file://host/...`, an encoded slash, a bad escape) has no path, so it gets no site
 * features and never reaches the index.
 */
export class BlogUris {
  readonly root: string;
  /** A site read from its `source:` (the root): the folder of `_config.yml`, the Gemfile and `.blogwright.yml`. */
  readonly configFolder: string | undefined;

  /**
   * `skipFolder` names folders under the root that are not the blog's: the sites nested in it. With `source:`, the
   * root is the source folder and `site.configFolder` the configuration's; `site.sourceless` when the source is refused.
   */
  constructor(
    root: string,
    readonly skipFolder: (folder: string) => boolean = () => false,
    readonly site: { readonly configFolder?: string | undefined; readonly sourceless?: boolean | undefined } = {},
  ) {
    this.root = nodePath.resolve(root);
    this.configFolder = site.configFolder === undefined ? undefined : nodePath.resolve(site.configFolder);
  }

  uriOf(path: string): string {
    return pathToFileURL(this.#configured(path) ? nodePath.join(this.configFolder!, path) : nodePath.join(this.root, path)).href;
  }

  /** True for `_config.yml` and the others read from the configuration folder of a site with `source:`. */
  #configured(path: string): boolean {
    return this.configFolder !== undefined && CONFIGURATION_FOLDER_FILES.has(path);
  }

  /** The absolute path of a path of the blog, or undefined when it would leave the root. */
  absolutePath(path: string): string | undefined {
    if (this.#configured(path)) {
      return nodePath.join(this.configFolder!, path);
    }
    if (this.site.sourceless) {
      return undefined;
    }
    const absolute = nodePath.resolve(this.root, path);
    return absolute === this.root || absolute.startsWith(this.root + nodePath.sep) ? absolute : undefined;
  }

  pathOf(uri: string): string | undefined {
    let absolute: string;
    try {
      const url = new URL(uri);
      if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) {
        return undefined;
      }
      absolute = fileURLToPath(url);
    } catch {
      return undefined;
    }
    if (this.configFolder !== undefined) {
      // `_config.yml` is the configuration folder's; the source's own is not read (nor anything, when it is refused).
      const name = nodePath.basename(absolute);
      if (nodePath.dirname(absolute) === this.configFolder && CONFIGURATION_FOLDER_FILES.has(name)) {
        return name;
      }
      if (this.site.sourceless || (nodePath.dirname(absolute) === this.root && CONFIGURATION_FOLDER_FILES.has(name))) {
        return undefined;
      }
    }
    const relative = nodePath.relative(this.root, absolute);
    if (!relative || relative.startsWith('..') || nodePath.isAbsolute(relative)) {
      return undefined;
    }
    const path = relative.split(nodePath.sep).join('/');
    // A file of a site nested in this one is that site's.
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (this.skipFolder(path.slice(0, slash))) {
        return undefined;
      }
    }
    return path;
  }
}

/** The blog as the editor sees it: open documents' unsaved text over the files on disk. */
export class LspWorkspace implements IBlogFiles {
  /** The URI of each open buffer of the blog, by path: the editor may spell a URI otherwise than we do. */
  readonly #open = new Map<string, string>();

  constructor(
    readonly disk: IBlogFiles,
    readonly uris: BlogUris,
    readonly documents: TextDocuments<TextDocument>,
  ) {
    const opened = (document: TextDocument) => {
      const path = uris.pathOf(document.uri);
      if (path !== undefined) {
        this.#open.set(path, document.uri);
      }
    };
    // An editor restores its tabs at once: buffers opened before the site was found are the blog's too.
    documents.all().forEach(opened);
    documents.onDidOpen(({ document }) => opened(document));
    documents.onDidClose(({ document }) => {
      const path = uris.pathOf(document.uri);
      if (path !== undefined && this.#open.get(path) === document.uri) {
        this.#open.delete(path);
      }
    });
  }

  /** The files on disk and the open buffers of files not saved yet. */
  async listFiles(under?: string): Promise<string[]> {
    const files = new Set(await this.disk.listFiles(under));
    for (const path of this.#open.keys()) {
      if (under === undefined || path.startsWith(under + '/')) {
        files.add(path);
      }
    }
    return [...files].sort();
  }

  /** The file's stamp on disk (an open buffer may differ from it: see `openPaths`). */
  stamp(path: string): FileStamp | undefined {
    return this.disk.stamp?.(path);
  }

  async readText(path: string): Promise<ReadResult> {
    const open = this.openDocument(path);
    return open ? openText(open) : this.disk.readText(path);
  }

  /** Open buffers are read from the editor, never from disk. */
  willRead(paths: readonly string[]): void {
    this.disk.willRead?.(paths.filter((path) => !this.#open.has(path)));
  }

  stopReadingAhead(): void {
    this.disk.stopReadingAhead?.();
  }

  /** The document to check: the editor's buffer when open, else the file read now. */
  async textDocument(path: string): Promise<{ document: ITextDocument } | { skipped: string } | undefined> {
    const open = this.openDocument(path);
    if (open) {
      const read = openText(open);
      return read.kind === 'skipped' ? { skipped: read.reason } : { document: asCoreDocument(path, open) };
    }
    const read = await this.disk.readText(path);
    if (read.kind === 'text') {
      return { document: new TextDocumentSnapshot(path, 0, read.text) };
    }
    return read.kind === 'skipped' ? { skipped: read.reason } : undefined;
  }

  /** The editor's buffer of a path, whatever spelling of its URI the editor used. */
  openDocument(path: string): TextDocument | undefined {
    const uri = this.#open.get(path);
    return uri === undefined ? undefined : this.documents.get(uri);
  }

  /** The paths of the open buffers of the blog. */
  openPaths(): string[] {
    return [...this.#open.keys()];
  }

  /** Where to publish a path's diagnostics: its buffer's own URI when open. */
  uriOf(path: string): string {
    return this.openDocument(path)?.uri ?? this.uris.uriOf(path);
  }

  pathOf(uri: string): string | undefined {
    return this.uris.pathOf(uri);
  }
}

/** An open buffer is held to the same size limit as a file on disk: the editor can hold more than we can check in time. */
export function openText(document: TextDocument): ReadResult {
  const text = document.getText();
  return text.length > MAX_FILE_BYTES ? { kind: 'skipped', reason: l10n.t("the document has {0} million characters, over Blogwright's {1} MB limit", (text.length / 1024 / 1024).toFixed(1), MAX_FILE_BYTES / 1024 / 1024) } : { kind: 'text', text };
}

export function asCoreDocument(path: string, document: TextDocument): ITextDocument {
  return {
    path,
    version: document.version,
    getText: () => document.getText(),
    positionAt: (offset) => document.positionAt(offset),
    offsetAt: (position) => document.offsetAt(position),
  };
}
