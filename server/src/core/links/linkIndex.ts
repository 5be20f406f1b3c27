/**
 * Per-document link summaries, so that checking one document never needs another's text: the ids a
 * fragment can point to, and the reverse index from what documents link to (keys, see `targets.ts`) to the
 * documents linking there.
 */
import type { LinkForm } from './scanLinks';
import type { RecordLinks } from '../site/fileRecord';
import { detached } from '../detached';
import { postName } from '../site/postName';

export interface LinkSummary {
  readonly ids: ReadonlySet<string>;
  readonly idsComplete: boolean;
}

/** Turns a document's written targets into the keys of what they point to (see `targets.ts`). */
export type TargetResolver = (source: string, targets: readonly { readonly form: LinkForm; readonly target: string }[]) => Iterable<string>;

/**
 * The documents linking to one key; the key is kept once here, not once per linking document. An array, not a
 * Set: most keys have one or two sources, and 70,000 small Sets of a large blog took 14 MB of hash tables.
 */
interface Referrers {
  readonly key: string;
  readonly sources: string[];
}

/**
 * The keys of a persisted index, each stored once for every document linking there: restoring turns each into
 * the index's entry once, not once per linking document.
 */
export class KeyTable {
  readonly #referrers: (Referrers | undefined)[] = [];

  constructor(readonly keys: readonly string[]) {}

  /** The entry of key `index` in `into`, made on first use. */
  referrers(index: number, into: Map<string, Referrers>): Referrers {
    let referrers = this.#referrers[index];
    if (!referrers) {
      const key = this.keys[index]!;
      referrers = into.get(key) ?? { key, sources: [] };
      into.set(key, referrers);
      this.#referrers[index] = referrers;
    }
    return referrers;
  }
}

/** A document's keys as stored: indices into a table of keys (see `KeyTable`). */
export interface StoredKeys {
  readonly table: KeyTable;
  readonly indices: ArrayLike<number>;
}

export class LinkIndex {
  readonly #summaries = new Map<string, LinkSummary>();
  /** Key -> the documents linking to it. */
  readonly #referrers = new Map<string, Referrers>();
  /** Document -> the keys it links to, to take it out again. */
  readonly #linksTo = new Map<string, Referrers[]>();
  /**
   * Documents whose keys are not in the reverse index yet (`takeStored`): restored ones, and those a build's
   * worker resolved. Only an update needs the reverse index, so a start fills it after its first checks.
   */
  readonly #stored = new Map<string, StoredKeys | readonly string[]>();
  /** Post file base name (`2015-03-01-title`) -> post paths, for `{% post_url %}`. */
  readonly #postsByName = new Map<string, Set<string>>();
  /** Ids in layouts and includes: a fragment may point to one of them on any page. */
  readonly templateIds = new Map<string, ReadonlySet<string>>();

  /** Without a resolver there is no reverse index: `sourcesOf` finds nothing. */
  constructor(readonly resolve: TargetResolver | undefined) {}

  /** Whether a layout or include may write this id on a page: as written, or made by its Liquid (`note-{{ n }}`). */
  templateMayWrite(id: string): boolean {
    for (const ids of this.templateIds.values()) {
      if (ids.has(id) || [...ids].some((written) => liquidMayWrite(written, id))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records a document's ids and resolves its links into keys at once: a key depends only on the link, the
   * config and the document's own URL, so nothing needs resolving again when other documents change, and the
   * written targets need not be kept (on 10,000 posts they were 400,000 strings). `keys` are the keys the same
   * links resolved to before, with the same config and URL (a persisted index), or just now elsewhere (a worker
   * thread): taken as they are, into the reverse index later (`takeStored`). Returns the summary kept.
   */
  set(path: string, scanned: RecordLinks, isPost: boolean, keys?: StoredKeys | readonly string[]): LinkSummary {
    this.delete(path);
    // Stored ids were never cut from a text: kept as they are.
    const summary = { ids: keys ? scanned.ids : new Set([...scanned.ids].map(detached)), idsComplete: scanned.idsComplete };
    this.#summaries.set(path, summary);
    if (isPost) {
      const name = postName(path);
      let paths = this.#postsByName.get(name);
      if (!paths) {
        this.#postsByName.set(name, (paths = new Set()));
      }
      paths.add(path);
    }
    if (this.resolve) {
      if (keys) {
        this.#stored.set(path, keys);
      } else {
        this.#linksTo.set(path, this.#referrersOf(path, linkKeys(this.resolve, path, scanned)));
      }
    }
    return summary;
  }

  /** The keys a document's links resolved to, distinct (what `set` takes back as `keys`). */
  keysOf(path: string): string[] {
    const stored = this.#stored.get(path);
    if (stored) {
      return [...keysIn(stored)];
    }
    return (this.#linksTo.get(path) ?? []).map((referrers) => referrers.key);
  }

  /** Whether documents' keys are still to be put into the reverse index (`takeStored`). */
  get hasStored(): boolean {
    return this.#stored.size > 0;
  }

  /**
   * Puts documents' keys kept aside by `set` into the reverse index until `deadline` (a `performance.now()` time;
   * all of them without one). The index answers and publishes before this is done: only an update needs it, and
   * takes the rest at once then.
   */
  takeStored(deadline = Infinity): void {
    for (const [path, keys] of this.#stored) {
      this.#stored.delete(path);
      this.#linksTo.set(path, isResolved(keys) ? this.#referrersOf(path, keys) : this.#storedReferrers(path, keys));
      if (performance.now() > deadline) {
        return;
      }
    }
  }

  #storedReferrers(path: string, { table, indices }: StoredKeys): Referrers[] {
    const linksTo: Referrers[] = [];
    for (let i = 0; i < indices.length; i++) {
      const referrers = table.referrers(indices[i]!, this.#referrers);
      referrers.sources.push(path);
      linksTo.push(referrers);
    }
    return linksTo;
  }

  /** Adds `path` to the referrers of every key (distinct) its links resolve to. */
  #referrersOf(path: string, keys: Iterable<string>): Referrers[] {
    const linksTo: Referrers[] = [];
    for (const key of keys) {
      let referrers = this.#referrers.get(key);
      if (!referrers) {
        referrers = { key: detached(key), sources: [] };
        this.#referrers.set(referrers.key, referrers);
      }
      // A document's keys are distinct, and set() took the document out first: no duplicates.
      referrers.sources.push(path);
      linksTo.push(referrers);
    }
    return linksTo;
  }

  delete(path: string): void {
    if (!this.#summaries.delete(path)) {
      return;
    }
    this.#stored.delete(path);
    for (const referrers of this.#linksTo.get(path) ?? []) {
      referrers.sources.splice(referrers.sources.indexOf(path), 1);
      if (referrers.sources.length === 0) {
        this.#referrers.delete(referrers.key);
      }
    }
    this.#linksTo.delete(path);
    const name = postName(path);
    const posts = this.#postsByName.get(name);
    if (posts?.delete(path) && posts.size === 0) {
      this.#postsByName.delete(name);
    }
  }

  clear(): void {
    this.#stored.clear();
    this.#summaries.clear();
    this.#referrers.clear();
    this.#linksTo.clear();
    this.#postsByName.clear();
    this.templateIds.clear();
  }

  summary(path: string): LinkSummary | undefined {
    return this.#summaries.get(path);
  }

  postsNamed(name: string): ReadonlySet<string> | undefined {
    return this.#postsByName.get(name);
  }

  postNames(): IterableIterator<string> {
    return this.#postsByName.keys();
  }

  /**
   * Documents that link to any of `keys`. Those whose keys wait for `takeStored` are looked through, not taken in:
   * taking in thousands at once held an edit during a start for up to 100 ms.
   */
  sourcesOf(keys: Iterable<string>): Set<string> {
    const wanted = new Set(keys);
    const sources = new Set<string>();
    for (const key of wanted) {
      for (const source of this.#referrers.get(key)?.sources ?? []) {
        sources.add(source);
      }
    }
    for (const [path, stored] of this.#stored) {
      for (const key of keysIn(stored)) {
        if (wanted.has(key)) {
          sources.add(path);
          break;
        }
      }
    }
    return sources;
  }
}

/** Whether an id made with Liquid (`license-{{ include.id }}`) may be `id`: its Liquid may print anything. */
function liquidMayWrite(written: string, id: string): boolean {
  if (!written.includes('{{') && !written.includes('{%')) {
    return false;
  }
  const parts = written.split(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/);
  return new RegExp('^' + parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*') + '$').test(id);
}

/** The distinct keys `path`'s links resolve to: what `set` records, and takes back as its `keys`. */
export function linkKeys(resolve: TargetResolver, path: string, links: RecordLinks): Set<string> {
  return new Set(resolve(path, links.links.filter((l) => l.form !== 'reference' && !nowhere(l.target))));
}

/** `mailto:`, `tel:`, `javascript:` and `data:` targets; the first letter is compared first, as most links start with `/` or `#`. */
function nowhere(target: string): boolean {
  const first = target.charCodeAt(0) | 0x20;
  return (first === 0x6d /* m */ || first === 0x74 /* t */ || first === 0x6a /* j */ || first === 0x64 /* d */) && /^(?:mailto|tel|javascript|data):/i.test(target);
}

/** The keys kept aside for a document, in either form `set` takes them. */
function* keysIn(stored: StoredKeys | readonly string[]): Iterable<string> {
  if (isResolved(stored)) {
    yield* stored;
  } else {
    for (let i = 0; i < stored.indices.length; i++) {
      yield stored.table.keys[stored.indices[i]!]!;
    }
  }
}

function isResolved(keys: StoredKeys | readonly string[] | undefined): keys is readonly string[] {
  return Array.isArray(keys);
}
