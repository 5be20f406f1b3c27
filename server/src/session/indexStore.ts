/**
 * The persisted index (issue 21): what the index learned of each file, with each document's last diagnostics, kept
 * in one file per site outside the workspace, so that a start reads, scans and checks only what changed since.
 *
 * The file is `MAGIC`, a JSON header line (format, Blogwright's build, the site's fingerprint, the payload's length
 * and hash) and a payload of length-prefixed chunks, each a V8 serialization of up to `CHUNK` entries (structured
 * clone keeps front matter's dates). It is written to a temporary file and renamed over the old one, so a crash or a
 * second window writing at once leaves one whole store or the other. A store that does not match in every respect
 * is ignored and rebuilt; its content came from a workspace that may be hostile, so every value is checked for shape
 * before use, with limits on size and depth.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, statSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import * as v8 from 'node:v8';
import type { BlogwrightDiagnostic } from '../core/diagnostics';
import { RULE_CATALOG } from '../core/ruleCatalog';
import type { AuthorSource } from '../core/site/authors';
import type { FileRecord } from '../core/site/fileRecord';
import type { SiteIndex, StoredFile } from '../core/site/siteIndex';
import type { DocumentAnchor } from '../core/site/documentAnchors';
import type { FrontMatterToken } from '../core/site/frontMatterTokens';
import type { SiteDocument } from '../core/site/siteDocument';
import type { BlogwrightSettings } from '../core/settings';
import type { FileStamp } from '../core/workspace';
import type { ConfigTexts } from '../core/site/config';
import { blogwrightVersion } from '../version';

/** Bumped whenever what is stored changes shape or meaning. */
const FORMAT = 9;
const MAGIC = 'blogwright-index\n';
/** A store larger than this is not read (10,000 posts take about 20 MB). */
const MAX_STORE_BYTES = 512 * 1024 * 1024;
const MAX_HEADER_BYTES = 4096;
/** Entries serialized together: one chunk is a few milliseconds of work, so writing yields to requests between them. */
export const CHUNK = 200;
/** Nested values deeper than this, or more values than `MAX_VALUES` in one entry, make the store foreign. */
const MAX_DEPTH = 64;
const MAX_VALUES = 1_000_000;

/** One file of the blog as stored: its stamp when read (none: read it again), what the index took of it, its last diagnostics. */
export interface StoreEntry extends StoredFile {
  readonly stamp?: FileStamp;
  readonly diagnostics?: readonly BlogwrightDiagnostic[];
}

export interface StoreContents {
  /** Every file the index was built over. */
  readonly files: readonly string[];
  readonly entries: ReadonlyMap<string, StoreEntry>;
  /** The blog's authors as the index had them (a large `_data/authors.yml` takes a while to parse). */
  readonly authors: AuthorSource | undefined;
}

/** What a store must match to be used: Blogwright's build and the site's configuration. */
export interface StoreKey {
  readonly build: string;
  readonly fingerprint: string;
}

interface Header {
  readonly format: number;
  readonly build: string;
  readonly fingerprint: string;
  readonly root: string;
  readonly bytes: number;
  readonly sha1: string;
}

/** The store folder of an editor that names none: `$XDG_CACHE_HOME/blogwright`, else `~/.cache/blogwright`. */
export function defaultStoreFolder(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env['XDG_CACHE_HOME'];
  return nodePath.join(cache && nodePath.isAbsolute(cache) ? cache : nodePath.join(homedir(), '.cache'), 'blogwright');
}

/**
 * This build of Blogwright: its version, the store format, the server bundle's size and time (a rebuilt server
 * never trusts what another build stored) and V8's version (its serialization format).
 */
function buildKey(): string {
  let bundle = '';
  try {
    const stat = statSync(__filename);
    bundle = `${stat.size}-${stat.mtimeMs}`;
  } catch {
    // No file (a test harness): the version decides.
  }
  return `${FORMAT}|${blogwrightVersion()}|${bundle}|${process.versions.v8}`;
}

/**
 * What a store must match: this build, and a hash of everything that changes how files are read or checked (the
 * configuration's bytes and the Gemfile's, the settings, the messages' language, workspace trust).
 */
export function storeKey(config: ConfigTexts, settings: BlogwrightSettings, locale: string, trusted: boolean): StoreKey {
  const parts = [config.config ?? null, config.gemfile ?? null, settings, locale, trusted];
  return { build: buildKey(), fingerprint: createHash('sha256').update(JSON.stringify(parts)).digest('hex') };
}

/**
 * The files that changed since the store was written: added, deleted, read then and stamped otherwise now (or
 * not stamped then: read from a buffer, or changed just before), and those open in the editor now (their
 * buffers may differ from the disk). A file the index never read (an image) matters only by its existence.
 */
export function changedSince(stored: StoreContents, listed: readonly string[], stampOf: (path: string) => FileStamp | undefined, open: readonly string[]): Set<string> {
  const changed = new Set<string>(open);
  const before = new Set(stored.files);
  const now = new Set(listed);
  for (const path of stored.files) {
    if (!now.has(path)) {
      changed.add(path);
    }
  }
  for (const path of listed) {
    const entry = stored.entries.get(path);
    if (!before.has(path)) {
      changed.add(path);
    } else if (entry && !sameStamp(entry.stamp, stampOf(path))) {
      changed.add(path);
    }
  }
  return changed;
}

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtime === b.mtime;
}

export function diagnosticsOf(stored: StoreContents): Map<string, readonly BlogwrightDiagnostic[]> {
  const diagnostics = new Map<string, readonly BlogwrightDiagnostic[]>();
  for (const [path, entry] of stored.entries) {
    if (entry.diagnostics) {
      diagnostics.set(path, entry.diagnostics);
    }
  }
  return diagnostics;
}

export class IndexStore {
  /** The site's store: named by a hash of its root, so each site has one. */
  readonly file: string;

  constructor(
    readonly folder: string,
    readonly root: string,
    readonly log: (message: string) => void,
  ) {
    this.file = nodePath.join(folder, `${createHash('sha256').update(nodePath.resolve(root)).digest('hex').slice(0, 24)}.index`);
  }

  /** The stored index when it matches `key` and is whole and well formed; otherwise undefined (and one log line). */
  load(key: StoreKey): StoreContents | undefined {
    let bytes: Buffer;
    try {
      if (statSync(this.file).size > MAX_STORE_BYTES) {
        this.log(`The stored index ${this.file} is too large; the blog is read again.`);
        return undefined;
      }
      bytes = readFileSync(this.file);
    } catch {
      return undefined;
    }
    const problem = (why: string) => {
      this.log(`The stored index ${this.file} is not used (${why}); the blog is read again.`);
      return undefined;
    };
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
      return problem('not a Blogwright index');
    }
    const headerEnd = bytes.indexOf(10, MAGIC.length);
    if (headerEnd < 0 || headerEnd - MAGIC.length > MAX_HEADER_BYTES) {
      return problem('damaged');
    }
    const header = parseHeader(bytes.toString('utf8', MAGIC.length, headerEnd));
    if (!header) {
      return problem('damaged');
    }
    if (header.format !== FORMAT || header.build !== key.build) {
      return problem('written by another version of Blogwright');
    }
    if (header.fingerprint !== key.fingerprint || header.root !== nodePath.resolve(this.root)) {
      return problem("the site's configuration or settings changed");
    }
    const payload = bytes.subarray(headerEnd + 1);
    if (payload.length !== header.bytes || createHash('sha1').update(payload).digest('hex') !== header.sha1) {
      return problem('truncated or damaged');
    }
    try {
      const contents = decodePayload(payload) ?? problem('damaged');
      if (contents) {
        // Used: its age no longer counts towards pruning (a blog opened but never changed writes no new store).
        const now = new Date();
        try {
          utimesSync(this.file, now, now);
        } catch {
          // A read-only store is still a good one.
        }
      }
      return contents;
    } catch {
      return problem('damaged');
    }
  }

  /** Writes a whole store made by `StoreWriter`: to a temporary file in the same folder, then renamed over the old one. */
  async write(key: StoreKey, chunks: readonly Buffer[]): Promise<void> {
    // Hashed and written chunk by chunk: two whole copies of a 16 MB store (10,000 posts) left the server 50 MB
    // larger once they were freed (the allocator keeps what it handed out for them).
    const sha1 = createHash('sha1');
    let bytes = 0;
    for (const chunk of chunks) {
      sha1.update(chunk);
      bytes += chunk.length;
    }
    const header: Header = { format: FORMAT, build: key.build, fingerprint: key.fingerprint, root: nodePath.resolve(this.root), bytes, sha1: sha1.digest('hex') };
    const temporary = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
      await fs.writeFile(temporary, [Buffer.from(MAGIC + JSON.stringify(header) + '\n'), ...chunks], { mode: 0o600 });
      await fs.rename(temporary, this.file);
      await this.#pruneOthers().catch(() => undefined);
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      this.log(`Could not write the stored index ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Removes the stores of sites not opened for `UNUSED_STORE_DAYS` (a store is rewritten when its site changes and
   * touched when it is used), and temporary files a crash left, so that the folder does not grow with every blog ever opened.
   * Only names this class writes are touched.
   */
  async #pruneOthers(): Promise<void> {
    const now = Date.now();
    for (const name of await fs.readdir(this.folder)) {
      const isStore = STORE_NAME.test(name);
      if ((!isStore && !TEMPORARY_NAME.test(name)) || nodePath.join(this.folder, name) === this.file) {
        continue;
      }
      const path = nodePath.join(this.folder, name);
      const stat = await fs.lstat(path).catch(() => undefined);
      const limit = isStore ? UNUSED_STORE_DAYS * DAY_MS : DAY_MS;
      if (stat?.isFile() && now - stat.mtimeMs > limit) {
        await fs.rm(path, { force: true }).catch(() => undefined);
      }
    }
  }
}

const DAY_MS = 86_400_000;
/** A site's store not written for this long is removed by the next write of any store in the folder. */
export const UNUSED_STORE_DAYS = 60;
const STORE_NAME = /^[0-9a-f]{24}\.index$/;
const TEMPORARY_NAME = /^[0-9a-f]{24}\.index\.\d+-[0-9a-f]{8}\.tmp$/;

/**
 * What to store of each of `paths`: what the index has of it, its stamp and its diagnostics; a file the index neither
 * read nor learned anything of is left out. Called a chunk at a time, so no one call goes through the whole blog.
 */
export function entriesToWrite(
  site: SiteIndex,
  paths: readonly string[],
  stamps: ReadonlyMap<string, FileStamp | undefined>,
  diagnosticsOf: (path: string) => readonly BlogwrightDiagnostic[] | undefined,
): [string, StoreEntry][] {
  const entries: [string, StoreEntry][] = [];
  for (const path of paths) {
    const stored = site.stored(path);
    if (stored === undefined && !stamps.has(path)) {
      continue;
    }
    const { record, templateIds, templateKeys, templateAssigns, layoutParent, templateIncludes, opensBlank, definesReferences } = stored ?? {};
    const keyHashes = record?.kind === 'document' && record.links ? site.links.keyHashesOf(path) : undefined;
    entries.push([path, { record, keyHashes, templateIds, templateKeys, templateAssigns, layoutParent, templateIncludes, opensBlank, definesReferences, stamp: stamps.get(path), diagnostics: diagnosticsOf(path) }]);
  }
  return entries;
}

/** Serializes a store chunk by chunk (each `add` of at most `CHUNK` entries is one), so the caller can yield between them. */
export class StoreWriter {
  readonly chunks: Buffer[] = [];

  constructor(files: readonly string[], authors: AuthorSource | undefined) {
    this.chunks.push(chunk(v8.serialize([files, authors ?? null])));
  }

  add(entries: readonly (readonly [string, StoreEntry])[]): void {
    this.chunks.push(chunk(v8.serialize(entries.map(([path, entry]) => encodeEntry(path, entry)))));
  }
}

function chunk(serialized: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(serialized.length);
  return Buffer.concat([length, serialized]);
}

type EncodedEntry = [path: string, stamp: FileStamp | null, record: EncodedRecord | null, keyHashes: Int32Array | null, templateIds: ReadonlySet<string> | null, diagnostics: readonly BlogwrightDiagnostic[] | null, templateKeys: ReadonlySet<string> | null, templateAssigns: ReadonlySet<string> | null, layoutParent: string | null, templateIncludes: readonly string[] | null, opensBlank: boolean, definesReferences: boolean];
/** A document without what its path says (its shape), which `SiteIndex.restore` takes from the path again. */
type EncodedRecord =
  | { kind: 'static' }
  | { kind: 'document'; document: { tokens: EncodedTokens; anchors: EncodedAnchors } & Pick<SiteDocument, 'data' | 'hasFrontMatter' | 'skipped'>; links: { ids: ReadonlySet<string>; idsComplete: boolean; includes: readonly string[] } | null };
/**
 * Tokens and anchors in columns (strings, then numbers in one typed array): a 10,000-post blog has 200,000 of them,
 * and V8 reads an object property by property, names included, but a typed array at once.
 */
type EncodedTokens = [values: string[], numbers: Int32Array];
type EncodedAnchors = [ids: string[], texts: string[], lines: Int32Array];

const TOKEN_KINDS: readonly FrontMatterToken['kind'][] = ['tag', 'category', 'author', 'layout'];
const QUOTES: readonly FrontMatterToken['quote'][] = ['', '"', "'"];
const TOKEN_FORMS: readonly FrontMatterToken['form'][] = ['scalar', 'item', 'words'];
/** Numbers per token: kind, start, end, line, character, quote, form. */
const TOKEN_NUMBERS = 7;

function encodeTokens(tokens: readonly FrontMatterToken[]): EncodedTokens {
  const numbers = new Int32Array(tokens.length * TOKEN_NUMBERS);
  tokens.forEach((t, i) => numbers.set([TOKEN_KINDS.indexOf(t.kind), t.start, t.end, t.line, t.character, QUOTES.indexOf(t.quote), TOKEN_FORMS.indexOf(t.form)], i * TOKEN_NUMBERS));
  return [tokens.map((t) => t.value), numbers];
}

/** Whether stored tokens are well formed; they are made only when first read (`tokensOf`). */
function isTokens(raw: unknown): raw is EncodedTokens {
  if (!Array.isArray(raw) || raw.length !== 2 || !isStringArray(raw[0]) || !(raw[1] instanceof Int32Array) || raw[1].length !== raw[0].length * TOKEN_NUMBERS) {
    return false;
  }
  const numbers = raw[1];
  for (let at = 0; at < numbers.length; at += TOKEN_NUMBERS) {
    const start = numbers[at + 1]!;
    if (TOKEN_KINDS[numbers[at]!] === undefined || QUOTES[numbers[at + 5]!] === undefined || TOKEN_FORMS[numbers[at + 6]!] === undefined || start < 0 || numbers[at + 2]! < start || numbers[at + 3]! < 0 || numbers[at + 4]! < 0) {
      return false;
    }
  }
  return true;
}

function tokensOf([values, numbers]: EncodedTokens): FrontMatterToken[] {
  return values.map((value, i) => {
    const at = i * TOKEN_NUMBERS;
    return { kind: TOKEN_KINDS[numbers[at]!]!, value, start: numbers[at + 1]!, end: numbers[at + 2]!, line: numbers[at + 3]!, character: numbers[at + 4]!, quote: QUOTES[numbers[at + 5]!]!, form: TOKEN_FORMS[numbers[at + 6]!]! };
  });
}

function encodeAnchors(anchors: readonly DocumentAnchor[]): EncodedAnchors {
  return [anchors.map((a) => a.id), anchors.map((a) => a.text), Int32Array.from(anchors, (a) => a.line)];
}

function isAnchors(raw: unknown): raw is EncodedAnchors {
  return Array.isArray(raw) && raw.length === 3 && isStringArray(raw[0]) && isStringArray(raw[1]) && raw[2] instanceof Int32Array && raw[1].length === raw[0].length && raw[2].length === raw[0].length && raw[2].every((line) => line >= 0);
}

function anchorsOf([ids, texts, lines]: EncodedAnchors): DocumentAnchor[] {
  return ids.map((id, i) => ({ id, line: lines[i]!, text: texts[i]! }));
}


function encodeEntry(path: string, entry: StoreEntry): EncodedEntry {
  const record = entry.record;
  const encoded: EncodedRecord | null = !record
    ? null
    : record.kind === 'static'
      ? { kind: 'static' }
      : {
          kind: 'document',
          document: { tokens: encodeTokens(record.document.tokens), anchors: encodeAnchors(record.document.anchors), data: record.document.data, hasFrontMatter: record.document.hasFrontMatter, skipped: record.document.skipped },
          links: record.links ? { ids: record.links.ids, idsComplete: record.links.idsComplete, includes: record.links.includes } : null,
        };
  return [path, entry.stamp ?? null, encoded, entry.keyHashes ?? null, entry.templateIds ?? null, entry.diagnostics && entry.diagnostics.length > 0 ? entry.diagnostics : null, entry.templateKeys ?? null, entry.templateAssigns ?? null, entry.layoutParent ?? null, entry.templateIncludes ?? null, entry.opensBlank === true, entry.definesReferences === true];
}

function decodePayload(payload: Buffer): StoreContents | undefined {
  let head: { files: readonly string[]; authors: AuthorSource | undefined } | undefined;
  const entries = new Map<string, StoreEntry>();
  for (let offset = 0; offset < payload.length; ) {
    if (offset + 4 > payload.length) {
      return undefined;
    }
    const length = payload.readUInt32LE(offset);
    const end = offset + 4 + length;
    if (end > payload.length) {
      return undefined;
    }
    const value: unknown = v8.deserialize(payload.subarray(offset + 4, end));
    offset = end;
    if (head === undefined) {
      if (!Array.isArray(value) || value.length !== 2 || !isStringArray(value[0]) || !(value[1] === null || isAuthorSource(value[1]))) {
        return undefined;
      }
      head = { files: value[0], authors: (value[1] as AuthorSource | null) ?? undefined };
      continue;
    }
    if (!Array.isArray(value) || value.length > CHUNK) {
      return undefined;
    }
    for (const raw of value as unknown[]) {
      const decoded = decodeEntry(raw);
      if (!decoded || entries.has(decoded[0])) {
        return undefined;
      }
      entries.set(decoded[0], decoded[1]);
    }
  }
  return head && { ...head, entries };
}

function isAuthorSource(value: unknown): boolean {
  return (
    isObject(value) &&
    (value['kind'] === 'data' || value['kind'] === 'collection') &&
    typeof value['path'] === 'string' &&
    value['authors'] instanceof Map &&
    value['authors'].size <= MAX_VALUES &&
    [...(value['authors'] as Map<unknown, unknown>)].every(([id, author]) => typeof id === 'string' && isAuthor(author))
  );
}

function isAuthor(value: unknown): boolean {
  if (!isObject(value) || !isPlainData(value)) {
    return false;
  }
  const { id, name, bio, path, offset, position, idWritten } = value;
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  return typeof id === 'string' && optionalString(name) && optionalString(bio) && typeof path === 'string' && isOffset(offset) && (position === undefined || isPosition(position)) && (idWritten === undefined || typeof idWritten === 'boolean');
}

function decodeEntry(raw: unknown): [string, StoreEntry] | undefined {
  if (!Array.isArray(raw) || raw.length !== 12) {
    return undefined;
  }
  // Any numbers will do as key hashes: a wrong one only makes a document checked again, or not, after an update.
  const [path, stamp, record, keyHashes, templateIds, diagnostics, templateKeys, templateAssigns, layoutParent, templateIncludes, opensBlank, definesReferences] = raw as unknown[];
  if (typeof path !== 'string' || typeof opensBlank !== 'boolean' || typeof definesReferences !== 'boolean' || !(layoutParent === null || typeof layoutParent === 'string') || !(templateIncludes === null || isStringArray(templateIncludes)) || !(stamp === null || isStamp(stamp)) || !(keyHashes === null || keyHashes instanceof Int32Array) || !(templateIds === null || isStringSet(templateIds)) || !(templateKeys === null || isStringSet(templateKeys)) || !(templateAssigns === null || isStringSet(templateAssigns))) {
    return undefined;
  }
  if (!(diagnostics === null || (Array.isArray(diagnostics) && diagnostics.every(isDiagnostic)))) {
    return undefined;
  }
  const decodedRecord = record === null ? undefined : decodeRecord(path, record);
  if (decodedRecord === null) {
    return undefined;
  }
  const entry: StoreEntry = {
    ...(stamp === null ? {} : { stamp: stamp as FileStamp }),
    ...(decodedRecord ? { record: decodedRecord } : {}),
    ...(keyHashes === null ? {} : { keyHashes }),
    ...(templateIds === null ? {} : { templateIds: templateIds as Set<string> }),
    ...(templateKeys === null ? {} : { templateKeys: templateKeys as Set<string> }),
    ...(templateAssigns === null ? {} : { templateAssigns: templateAssigns as Set<string> }),
    ...(templateIncludes === null ? {} : { templateIncludes: templateIncludes as string[] }),
    ...(typeof layoutParent === 'string' ? { layoutParent } : {}),
    ...(opensBlank ? { opensBlank } : {}),
    ...(definesReferences ? { definesReferences } : {}),
    ...(diagnostics === null ? {} : { diagnostics: diagnostics as BlogwrightDiagnostic[] }),
  };
  return [path, entry];
}

/** A record, or null when it is not one. Its document's shape is a placeholder: `SiteIndex.restore` takes it from the path. */
function decodeRecord(path: string, raw: unknown): FileRecord | null {
  if (!isObject(raw)) {
    return null;
  }
  if (raw['kind'] === 'static') {
    return { kind: 'static' };
  }
  const document = raw['document'];
  const links = raw['links'];
  if (raw['kind'] !== 'document' || !isObject(document) || !(links === null || (isObject(links) && isStringSet(links['ids']) && typeof links['idsComplete'] === 'boolean' && isStringArray(links['includes'])))) {
    return null;
  }
  const { tokens, anchors, data, hasFrontMatter, skipped } = document;
  if (!isTokens(tokens) || !isAnchors(anchors) || !isObject(data) || !isPlainData(data) || typeof hasFrontMatter !== 'boolean' || !(skipped === undefined || typeof skipped === 'string')) {
    return null;
  }
  return {
    kind: 'document',
    document: { kind: 'page', ext: '', path, tokens: tokensOf(tokens), anchors: anchorsOf(anchors), data, hasFrontMatter, skipped } as SiteDocument,
    links: links === null ? undefined : { ids: links['ids'] as Set<string>, idsComplete: links['idsComplete'] as boolean, includes: links['includes'] as string[], links: [] },
  };
}

function isDiagnostic(value: unknown): boolean {
  if (!isObject(value) || !isPlainData(value) || typeof value['message'] !== 'string' || typeof value['code'] !== 'string' || !Object.hasOwn(RULE_CATALOG, value['code'])) {
    return false;
  }
  const range = value['range'];
  const severity = value['severity'];
  return isObject(range) && isPosition(range['start']) && isPosition(range['end']) && (severity === undefined || severity === 1 || severity === 2 || severity === 3 || severity === 4);
}

function isPosition(value: unknown): boolean {
  return isObject(value) && isOffset(value['line']) && isOffset(value['character']);
}

function isStamp(value: unknown): boolean {
  return isObject(value) && Number.isFinite(value['size']) && Number.isFinite(value['mtime']);
}

function isOffset(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_VALUES && value.every((item) => typeof item === 'string');
}

function isStringSet(value: unknown): value is Set<string> {
  return value instanceof Set && value.size <= MAX_VALUES && [...value].every((item) => typeof item === 'string');
}

/** A plain object: no prototype of its own (V8's deserializer makes `__proto__` an own key, never the prototype). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Data as YAML makes it (and diagnostics' `data`): scalars, dates, arrays and plain objects, within limits. */
function isPlainData(root: unknown): boolean {
  let budget = MAX_VALUES;
  const check = (value: unknown, depth: number): boolean => {
    if (--budget < 0 || depth > MAX_DEPTH) {
      return false;
    }
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
      return true;
    }
    if (Array.isArray(value)) {
      if (value.length > budget) {
        return false;
      }
      for (let i = 0; i < value.length; i++) {
        if (!check(value[i], depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return isObject(value) && Object.keys(value).every((key) => check(value[key], depth + 1));
  };
  return check(root, 0);
}

function parseHeader(text: string): Header | undefined {
  try {
    const header = JSON.parse(text) as unknown;
    return isObject(header) &&
      typeof header['format'] === 'number' &&
      typeof header['build'] === 'string' &&
      typeof header['fingerprint'] === 'string' &&
      typeof header['root'] === 'string' &&
      isOffset(header['bytes']) &&
      typeof header['sha1'] === 'string'
      ? (header as unknown as Header)
      : undefined;
  } catch {
    return undefined;
  }
}
