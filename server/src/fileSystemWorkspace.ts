import * as l10n from '@vscode/l10n';
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fs, readlinkSync, readSync, realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { ReadAhead, readsAhead, type FileBytes } from './readAhead';
import type { FileStamp, IWorkspace, ReadResult } from './core/workspace';
import { CONFIGURATION_FOLDER_FILES, sourceFolder, type SiteRoot } from './core/site/siteDiscovery';

/** Files above this size are skipped with a diagnostic instead of read: no blog post is this large. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Never follow a symbolic link (the open fails instead) and never wait on a FIFO or device. Where the platform
 * lacks these flags (Windows), an lstat before the open keeps out links and anything that is not a plain file.
 */
const OPEN_FLAGS = constants.O_NOFOLLOW !== undefined && constants.O_NONBLOCK !== undefined ? constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK : constants.O_RDONLY;

/** Folders that never hold blog sources, skipped while listing. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache', '.bundle', '.vscode-test']);

export interface FileSystemWorkspaceOptions {
  readonly skipFolder?: (folder: string) => boolean;
  /** Absolute: the configuration folder of a site read from its `source:` (the root), see `siteWorkspace`. */
  readonly configFolder?: string;
  readonly sourceless?: boolean;
}

/**
 * One site of the workspace at `workspaceRoot` as Jekyll reads it: its source folder, with `_config.yml`, the
 * Gemfile and `.blogwright.yml` from its configuration folder when `source:` names another one, and nothing but
 * those when `source:` is refused (outside the workspace, a link, missing).
 */
export function siteWorkspace(workspaceRoot: string, site: SiteRoot, skipFolder?: (folder: string) => boolean): FileSystemWorkspace {
  const configFolder = nodePath.join(workspaceRoot, site.path);
  const source = sourceFolder(site);
  if (source === site.path) {
    return new FileSystemWorkspace(configFolder, skipFolder ? { skipFolder } : {});
  }
  return new FileSystemWorkspace(source === undefined ? configFolder : nodePath.join(workspaceRoot, source), { ...(skipFolder ? { skipFolder } : {}), configFolder, sourceless: source === undefined });
}

/**
 * The blog on disk. Every path is relative to the root; symbolic links are neither listed nor followed,
 * so no link or config value can make it read outside the workspace.
 */
export class FileSystemWorkspace implements IWorkspace {
  readonly root: string;
  /** The root with its own symbolic links resolved (a blog may be opened through one). */
  readonly #realRoot: string;
  /** Folders (relative to the root) never listed: a site's nested sites, or what site discovery never looks into. */
  readonly #skipFolder: ((folder: string) => boolean) | undefined;
  #readAhead: ReadAhead | undefined;
  /** A site with `source:`: its configuration folder, where `_config.yml`, the Gemfile and `.blogwright.yml` are read. */
  readonly #config: FileSystemWorkspace | undefined;
  /** A site whose `source:` is refused: only its configuration folder's files are listed and read. */
  readonly #sourceless: boolean;

  constructor(root: string, { skipFolder, configFolder, sourceless = false }: FileSystemWorkspaceOptions = {}) {
    this.root = nodePath.resolve(root);
    this.#skipFolder = skipFolder;
    this.#config = configFolder === undefined ? undefined : new FileSystemWorkspace(configFolder);
    this.#sourceless = sourceless;
    try {
      this.#realRoot = realpathSync.native(this.root);
    } catch {
      this.#realRoot = this.root;
    }
  }

  /** The folder of the site's `_config.yml`: the root, or the configuration folder of a site read from its `source:`. */
  get configRoot(): string {
    return this.#config?.root ?? this.root;
  }

  /** Every file of the blog, or of one folder of it (`under`, relative to the root: a folder event covers it). */
  async listFiles(under?: string): Promise<string[]> {
    if (this.#config) {
      const configured = under === undefined ? [...CONFIGURATION_FOLDER_FILES].filter((name) => this.#config!.stamp(name) !== undefined) : [];
      const source = this.#sourceless ? [] : await this.#listFiles(under, this.#skipFolder);
      return [...configured, ...source.filter((path) => !this.#configFolderOf(path))].sort();
    }
    return this.#listFiles(under, this.#skipFolder);
  }

  /** The one place a file is routed: the configuration folder's workspace when `path` is read there (a site with `source:`). */
  #configFolderOf(path: string): FileSystemWorkspace | undefined {
    return this.#config && CONFIGURATION_FOLDER_FILES.has(path) ? this.#config : undefined;
  }

  /** A site's `source:` folder: every file under it, hidden folders too; never through a symbolic link. */
  async listFolder(folder: string): Promise<string[] | 'missing' | 'link'> {
    const absolute = this.absolutePath(folder);
    let real;
    try {
      real = absolute === undefined ? undefined : realpathSync.native(absolute);
    } catch {
      return 'missing';
    }
    if (absolute === undefined || real !== nodePath.join(this.#realRoot, nodePath.relative(this.root, absolute))) {
      return 'link';
    }
    return this.#listFiles(folder, undefined);
  }

  async #listFiles(under: string | undefined, skipFolder: ((folder: string) => boolean) | undefined): Promise<string[]> {
    const files: string[] = [];
    const start = under === undefined ? this.root : this.absolutePath(under);
    if (start === undefined || (under !== undefined && !this.#isListedFolder(under, start, skipFolder))) {
      return files;
    }
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
          if (!SKIPPED_FOLDERS.has(entry.name) && !skipFolder?.(rel)) {
            folders.push(walk(nodePath.join(folder, entry.name), rel + '/'));
          }
        } else if (entry.isFile()) {
          files.push(rel);
        }
      }
      await Promise.all(folders);
    };
    await walk(start, under === undefined || start === this.root ? '' : under.replace(/\/+$/, '') + '/');
    return files.sort();
  }

  /** Whether the full walk would list the files in this folder: no skipped folder on the way, no symbolic link. */
  #isListedFolder(under: string, absolute: string, skipFolder: ((folder: string) => boolean) | undefined): boolean {
    const parts = under.split('/');
    if (parts.some((part, i) => SKIPPED_FOLDERS.has(part) || skipFolder?.(parts.slice(0, i + 1).join('/')))) {
      return false;
    }
    try {
      return realpathSync.native(absolute) === nodePath.join(this.#realRoot, nodePath.relative(this.root, absolute));
    } catch {
      return false;
    }
  }

  async readText(path: string): Promise<ReadResult> {
    return this.readTextSync(path);
  }

  /**
   * Reads a file with five system calls (open, fstat, readlink, read, close) and no trip through libuv's thread
   * pool: for the thousands of small files of a blog this is several times faster than the promise API. Callers that
   * read many files yield to the event loop between batches (SiteIndex.build, the server's checkAll), and say
   * beforehand which (`willRead`): a second thread then makes those calls ahead of them.
   */
  readTextSync(path: string): ReadResult {
    const config = this.#configFolderOf(path);
    if (config) {
      return config.readTextSync(path);
    }
    return this.#readAhead?.take(path, textOf) ?? textOf(this.readBytesSync(path));
  }

  /**
   * The paths about to be read, in order: a thread reads them ahead (readAhead.ts), when there are enough of them
   * and a second core. Replaces the last plan.
   */
  willRead(paths: readonly string[]): void {
    const here = this.#config ? paths.filter((path) => !this.#configFolderOf(path)) : paths;
    if (this.#readAhead?.secondPass(here)) {
      return;
    }
    this.stopReadingAhead();
    if (readsAhead(here.length) && !this.#sourceless) {
      this.#readAhead = new ReadAhead(this.root, here);
    }
  }

  /** Files changed on disk: whatever was read ahead may be older than they are now. */
  stopReadingAhead(): void {
    this.#readAhead?.stop();
    this.#readAhead = undefined;
  }

  /** A file's bytes with the safeguards of every read: a view of a buffer the next read reuses. */
  readBytesSync(path: string): FileBytes {
    const config = this.#configFolderOf(path);
    if (config) {
      return config.readBytesSync(path);
    }
    const absolute = this.absolutePath(path);
    if (!absolute) {
      return { kind: 'missing' };
    }
    let fd: number | undefined;
    try {
      if (OPEN_FLAGS === constants.O_RDONLY && !lstatSync(absolute).isFile()) {
        return { kind: 'missing' };
      }
      fd = openSync(absolute, OPEN_FLAGS);
      const stat = fstatSync(fd);
      // O_NOFOLLOW guards only the file's own name: a folder on the way may be a link that leads out (`_data -> /etc`).
      if (!stat.isFile() || realPathOf(fd, absolute) !== nodePath.join(this.#realRoot, nodePath.relative(this.root, absolute))) {
        return { kind: 'missing' };
      }
      const stamp = stableStamp(stat);
      if (stat.size > MAX_FILE_BYTES) {
        return { kind: 'too-large', size: stat.size, ...stamp };
      }
      const bytes = readBuffer(stat.size);
      let length = 0;
      for (let read = -1; read !== 0 && length < stat.size; length += read) {
        read = readSync(fd, bytes, length, stat.size - length, null);
      }
      return { kind: 'bytes', bytes: bytes.subarray(0, length), ...stamp };
    } catch {
      return { kind: 'missing' };
    } finally {
      if (fd !== undefined) {
        closeSync(fd);
      }
    }
  }

  /** A plain file's size and modification time now, without reading it (undefined when it is gone or no plain file). */
  stamp(path: string): FileStamp | undefined {
    const config = this.#configFolderOf(path);
    if (config) {
      return config.stamp(path);
    }
    const absolute = this.absolutePath(path);
    try {
      const stat = absolute === undefined ? undefined : lstatSync(absolute, { throwIfNoEntry: false });
      return stat?.isFile() ? { size: stat.size, mtime: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The absolute path of a workspace-relative path, or undefined when it would leave the root. */
  absolutePath(path: string): string | undefined {
    const config = this.#configFolderOf(path);
    if (config) {
      return config.absolutePath(path);
    }
    if (this.#sourceless) {
      return undefined;
    }
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

/**
 * Milliseconds within which a file's modification time may not tell two versions apart: a file changed this
 * recently before it was read could change again with the same time (coarse clocks, FAT's 2 s), so its stamp is
 * not kept and the persisted index reads it again next time.
 */
const MTIME_RESOLUTION_MS = 2000;

function stableStamp(stat: { size: number; mtimeMs: number }): { stamp?: FileStamp } {
  return stat.mtimeMs < Date.now() - MTIME_RESOLUTION_MS ? { stamp: { size: stat.size, mtime: stat.mtimeMs } } : {};
}

/**
 * One buffer for every read, grown to the largest file read so far (at most MAX_FILE_BYTES): decoding copies
 * the text out of it. A fresh buffer per file left 80 MB of freed memory in the allocator after indexing
 * 10,000 posts, which the process kept as resident memory.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

function readBuffer(size: number): Buffer {
  if (scratch.length < size) {
    scratch = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES, Math.max(size, scratch.length * 2)));
  }
  return scratch;
}

/** Where the open file really is: the kernel's answer where /proc has it (no race with a rename), else the resolved path. */
function realPathOf(fd: number, absolute: string): string {
  if (process.platform === 'linux') {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      // No /proc (a sandbox): fall through.
    }
  }
  return realpathSync.native(absolute);
}

// The BOM is dropped, as VS Code drops it from the editor's text, so positions agree for open and closed files.
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** The text of what a read gave, or why there is none. */
function textOf(read: FileBytes): ReadResult {
  switch (read.kind) {
    case 'bytes':
      return { ...decodeText(read.bytes), ...(read.stamp && { stamp: read.stamp }) };
    case 'too-large':
      return { kind: 'skipped', reason: l10n.t("the file is {0} MB, over Blogwright's {1} MB limit", (read.size / 1024 / 1024).toFixed(1), MAX_FILE_BYTES / 1024 / 1024), ...(read.stamp && { stamp: read.stamp }) };
    default:
      return read;
  }
}

/** Text as Jekyll would read it; a NUL byte in the first 8 KB means a binary file. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return { kind: 'skipped', reason: l10n.t('the file is binary (it contains NUL bytes)') };
  }
  return { kind: 'text', text: decoder.decode(bytes) };
}
