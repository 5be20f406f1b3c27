import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { IWorkspace, ReadResult } from './core/workspace';

/** Files above this size are skipped with a diagnostic instead of read: no blog post is this large. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Folders that never hold blog sources, skipped while listing. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache', '.bundle', '.vscode-test']);

/**
 * The blog on disk. Every path is relative to the root; symbolic links are neither listed nor followed,
 * so no link or config value can make it read outside the workspace.
 */
export class FileSystemWorkspace implements IWorkspace {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  async listFiles(): Promise<string[]> {
    const files: string[] = [];
    const walk = async (folder: string, prefix: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        return;
      }
      const folders: Promise<void>[] = [];
      for (const entry of entries) {
        const rel = prefix + entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) {
            folders.push(walk(nodePath.join(folder, entry.name), rel + '/'));
          }
        } else if (entry.isFile()) {
          files.push(rel);
        }
      }
      await Promise.all(folders);
    };
    await walk(this.root, '');
    return files.sort();
  }

  async readText(path: string): Promise<ReadResult> {
    const absolute = this.absolutePath(path);
    if (!absolute) {
      return { kind: 'missing' };
    }
    let handle;
    try {
      const stat = await fs.lstat(absolute);
      if (!stat.isFile()) {
        return { kind: 'missing' };
      }
      if (stat.size > MAX_FILE_BYTES) {
        return { kind: 'skipped', reason: `the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over Blogwright's ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
      }
      handle = await fs.open(absolute, 'r');
      const bytes = await handle.readFile();
      return decodeText(bytes);
    } catch {
      return { kind: 'missing' };
    } finally {
      await handle?.close();
    }
  }

  /** The absolute path of a workspace-relative path, or undefined when it would leave the root. */
  absolutePath(path: string): string | undefined {
    const absolute = nodePath.resolve(this.root, path);
    return absolute === this.root || absolute.startsWith(this.root + nodePath.sep) ? absolute : undefined;
  }

  /** The workspace-relative path of an absolute one, or undefined outside the root. */
  relativePath(absolute: string): string | undefined {
    const rel = nodePath.relative(this.root, absolute);
    if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) {
      return undefined;
    }
    return rel.split(nodePath.sep).join('/');
  }
}

// The BOM is dropped, as VS Code drops it from the editor's text, so positions agree for open and closed files.
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Text as Jekyll would read it; a NUL byte in the first 8 KB means a binary file. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return { kind: 'skipped', reason: 'the file is binary (it contains NUL bytes)' };
  }
  return { kind: 'text', text: decoder.decode(bytes) };
}
