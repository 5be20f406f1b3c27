import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { readFlatYaml } from '../frontmatter/flatYaml';
import { resolvePlainScalar } from '../frontmatter/yaml';

export interface Author {
  /** What posts write in `author:`: a data-file key, or the `name:` of an author document. */
  readonly id: string;
  readonly name: string | undefined;
  readonly bio: string | undefined;
  /** Where the author is defined, for go-to-definition. */
  readonly path: string;
  readonly offset: number;
  /** Line and character of the id in a data file, filled in by the index. */
  readonly position?: { readonly line: number; readonly character: number };
  /** Whether the id stands at `position` exactly as written (no escapes), so rename may change it. */
  readonly idWritten?: boolean;
}

export interface AuthorSource {
  readonly kind: 'data' | 'collection';
  /** The data file (`_data/authors.yml`) or collection folder (`_authors`). */
  readonly path: string;
  readonly authors: ReadonlyMap<string, Author>;
}

/** Data files that blogs use for their authors, in order of preference. */
export const AUTHOR_DATA_NAMES = ['authors', 'members', 'team', 'people', 'contributors'];

/** The fields an author record is read for. */
const AUTHOR_FIELDS = new Set(['name', 'bio', 'id', 'username', 'key', 'handle']);

/**
 * The author fields of a record, read from its scalar entries only. Converting the whole record would also
 * convert whatever else it holds: a key that is a deeply nested flow map costs exponential time (the fuzzer found
 * a 189-character file that took 9 s), and a `<<:` merge of a non-map throws.
 */
function recordOf(node: YAMLMap): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const pair of node.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && AUTHOR_FIELDS.has(String(pair.key.value))) {
      record[String(pair.key.value)] = pair.value.value;
    }
  }
  return record;
}

/**
 * Reads authors from a data file keyed by id (`piotr.betkier: {name: ...}`), or from a list of
 * records that carry an id (`- id: piotr` / `username:` / `key:`). Undefined when the file holds neither.
 */
export function authorsFromData(path: string, doc: Document.Parsed, yamlOffset = 0): AuthorSource | undefined {
  const authors = new Map<string, Author>();
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || !isMap(pair.value)) {
        continue;
      }
      const id = String(pair.key.value);
      const record = recordOf(pair.value);
      authors.set(id, { id, name: text(record['name']), bio: text(record['bio']), path, offset: yamlOffset + (pair.key.range?.[0] ?? 0) });
    }
  } else if (isSeq(contents)) {
    for (const item of contents.items) {
      if (!isMap(item)) {
        continue;
      }
      const record = recordOf(item);
      const id = text(record['id']) ?? text(record['username']) ?? text(record['key']) ?? text(record['handle']);
      if (id) {
        authors.set(id, { id, name: text(record['name']), bio: text(record['bio']), path, offset: yamlOffset + (item.range?.[0] ?? 0) });
      }
    }
  }
  return authors.size > 0 ? { kind: 'data', path, authors } : undefined;
}

/** `id:` alone on a line, at its start; `resolvePlainScalar` then checks that YAML reads the id as its text. */
const ID_LINE = /^([A-Za-z0-9_][A-Za-z0-9_.-]*): *$/;
const BLANK = /^ *$/;

/**
 * A data file keyed by id as most blogs write it (`jane.doe:` lines, each followed by evenly indented lines that
 * `readFlatYaml` reads), as `authorsFromData` reads it from the library's parse, at a fraction of the cost (a
 * 184 KB file: 60 ms); 'declined' for anything else, which the library then reads.
 */
export function authorsFromFlatData(path: string, source: string): AuthorSource | undefined | 'declined' {
  const authors = new Map<string, Author>();
  const lines = source.split('\n');
  let lineStart = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      lineStart += line.length + 1;
      i++;
      continue;
    }
    const id = ID_LINE.exec(line)?.[1];
    if (id === undefined || resolvePlainScalar(id)?.value !== id || authors.has(id)) {
      return 'declined';
    }
    const offset = lineStart;
    lineStart += line.length + 1;
    i++;
    // Its record: the lines up to the next at the start of a line, cut by the indentation of the first.
    const body: string[] = [];
    let indent = -1;
    for (; i < lines.length && (lines[i]!.startsWith(' ') || lines[i] === ''); i++) {
      const bodyLine = lines[i]!;
      lineStart += bodyLine.length + 1;
      if (BLANK.test(bodyLine)) {
        body.push('');
        continue;
      }
      const spaces = /^ */.exec(bodyLine)![0].length;
      indent = indent < 0 ? spaces : indent;
      if (spaces < indent) {
        return 'declined';
      }
      body.push(bodyLine.slice(indent));
    }
    if (indent < 0) {
      continue; // `id:` alone is null, no record
    }
    const entries = readFlatYaml(body.join('\n') + '\n');
    if (entries === undefined) {
      return 'declined';
    }
    const record: Record<string, unknown> = {};
    for (const entry of entries) {
      if (entry.value.kind === 'scalar' && AUTHOR_FIELDS.has(entry.key)) {
        record[entry.key] = entry.data;
      }
    }
    authors.set(id, { id, name: text(record['name']), bio: text(record['bio']), path, offset });
  }
  return authors.size > 0 ? { kind: 'data', path, authors } : undefined;
}

/**
 * Authors of an `_authors`-style collection. Jekyll does not say how a post names one: the theme looks it up
 * by `name:` (`where: "name"`) or by the document's file name (`where: "slug"`), so both count.
 */
export function authorsFromCollection(folder: string, documents: Iterable<{ path: string; data: Record<string, unknown> }>): AuthorSource | undefined {
  const authors = new Map<string, Author>();
  for (const document of documents) {
    const name = text(document.data['name']) ?? text(document.data['title']);
    const slug = /([^/]+?)(?:\.[^./]*)?$/.exec(document.path)?.[1];
    const bio = text(document.data['bio']);
    if (name) {
      authors.set(name, { id: name, name, bio, path: document.path, offset: 0 });
    }
    if (slug && slug !== name) {
      authors.set(slug, { id: slug, name, bio, path: document.path, offset: 0 });
    }
  }
  return authors.size > 0 ? { kind: 'collection', path: folder, authors } : undefined;
}

/** The author ids a document names, with `author:` (one or a list) and `authors:` (a list or one). */
/** The front matter keys a document names its authors in. */
export const AUTHOR_KEYS: readonly string[] = ['author', 'authors'];

export function authorIdsOf(data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const key of AUTHOR_KEYS) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) {
      ids.push(value.trim());
    } else if (Array.isArray(value)) {
      ids.push(...value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).map((v) => v.trim()));
    }
  }
  return ids;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
