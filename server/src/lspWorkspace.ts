import * as l10n from '@vscode/l10n';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ITextDocument, IWorkspace, ReadResult } from './core/workspace';
import { TextDocumentSnapshot } from './core/textDocument';
import { MAX_FILE_BYTES, type FileSystemWorkspace } from './fileSystemWorkspace';

/** The blog as the editor sees it: open documents' unsaved text over the files on disk. */
export class LspWorkspace implements IWorkspace {
  constructor(
    readonly disk: FileSystemWorkspace,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  listFiles(): Promise<string[]> {
    return this.disk.listFiles();
  }

  async readText(path: string): Promise<ReadResult> {
    const open = this.documents.get(this.uriOf(path));
    return open ? openText(open) : this.disk.readText(path);
  }

  /** The document to check: the editor's buffer when open, else the file read now. */
  async textDocument(path: string): Promise<{ document: ITextDocument } | { skipped: string } | undefined> {
    const open = this.documents.get(this.uriOf(path));
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

  uriOf(path: string): string {
    return pathToFileURL(this.disk.absolutePath(path) ?? this.disk.root).href;
  }

  /** The workspace-relative path of a `file:` URI, or undefined for other schemes and outside files. */
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) {
      return undefined;
    }
    return this.disk.relativePath(fileURLToPath(uri));
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
