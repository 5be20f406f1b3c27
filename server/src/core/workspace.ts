import type { Position } from 'vscode-languageserver-types';

/** The text of one file as the core sees it: an open editor's buffer or the file on disk. */
export interface ITextDocument {
  /** Path relative to the blog root, with forward slashes: `_posts/2015-10-10-x.md`. */
  readonly path: string;
  readonly version: number;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  readonly path: string;
  readonly kind: FileChangeKind;
}

/**
 * The blog as files. Two implementations: the file system (server, CLI) and memory (tests).
 * Paths are relative to the blog root with forward slashes; nothing outside the root is reachable.
 */
export interface IWorkspace {
  /** Every file under the root that may matter to Jekyll (no `.git`, no `node_modules`). */
  listFiles(): Promise<string[]>;
  /** The file's text, or undefined when it does not exist or cannot be read as text. */
  readText(path: string): Promise<ReadResult>;
  /** The paths about to be read, in this order: the workspace may read them ahead, on another thread. */
  willRead?(paths: readonly string[]): void;
  /**
   * Every file under a folder (workspace-relative paths), hidden or not, for a site's `source:`; `missing` when there
   * is no such folder, `link` when it or a folder on the way is a symbolic link (never followed). Without it, discovery
   * takes the folder's files from `listFiles`.
   */
  listFolder?(folder: string): Promise<string[] | 'missing' | 'link'>;
}

/**
 * A file's size and modification time when it was read (milliseconds), for the persisted index: a file whose stamp
 * is unchanged need not be read again.
 */
export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

/** `stamp` is set when the text is the file's on disk (not an editor's buffer) and the file system gives one. */
export type ReadResult =
  | { readonly kind: 'text'; readonly text: string; readonly stamp?: FileStamp }
  | { readonly kind: 'missing' }
  | { readonly kind: 'skipped'; readonly reason: string; readonly stamp?: FileStamp };
