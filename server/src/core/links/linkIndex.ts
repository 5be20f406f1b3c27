/**
 * Per-document link summaries, so that checking one document never needs another's text: the ids a
 * fragment can point to, and what each document links to (keys, see `targets.ts`), from which an update finds
 * the documents to check again.
 */
import type { LinkForm } from './scanLinks';
import type { KeySink } from './targets';
import type { RecordLinks } from '../site/fileRecord';
import { detached } from '../detached';
import { postName } from '../site/postName';

export interface LinkSummary {
  readonly ids: ReadonlySet<string>;
  readonly idsComplete: boolean;
  /** What the document's text includes (`includedNames`): their ids are on its page too. */
  readonly includes: readonly string[];
}

/** Turns a document's written targets into the keys of what they point to (see `targets.ts`), given to `sink`. */
export type TargetResolver = (source: string, targets: readonly { readonly form: LinkForm; readonly target: string }[], sink: KeySink) => void;

/** Slots of `sourcesOf`'s first look-up, a power of two. */
const FILTER_SIZE = 4096;

/**
 * The reverse index is a list, not a map: each document keeps the 32-bit hashes of the keys its links point to, and
 * an update looks through all of them (250,000 numbers on 10,000 posts, about a millisecond). A map from 70,000 key
 * strings to the documents linking there cost a fifth of a cold start, mostly its collection, and 25 MB. Two keys
 * with one hash only make a document checked again that need not be.
 */
export class LinkIndex {
  readonly #summaries = new Map<string, LinkSummary>();
  /** Document -> the hashes of the keys its links point to (`keyHash`), distinct. */
  readonly #linksTo = new Map<string, Int32Array>();
  /** Post file base name (`2015-03-01-title`) -> post paths, for `{% post_url %}`. */
  readonly #postsByName = new Map<string, Set<string>>();
  /** Ids in layouts and includes: a fragment may point to one of them on the pages they are on (`SiteIndex.templatesOn`). */
  readonly templateIds = new Map<string, ReadonlySet<string>>();

  /** Without a resolver there is no reverse index: `sourcesOf` finds nothing. */
  constructor(readonly resolve: TargetResolver | undefined) {}

  /**
   * Whether a layout or include may write this id on a page: as written, or made by its Liquid (`note-{{ n }}`).
   * `on` are the templates on that page (`SiteIndex.templatesOn`); undefined when any may be.
   */
  templateMayWrite(id: string, on: ReadonlySet<string> | undefined): boolean {
    for (const [template, ids] of this.templateIds) {
      if ((on === undefined || on.has(template)) && (ids.has(id) || [...ids].some((written) => liquidMayWrite(written, id)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records a document's ids and resolves its links into key hashes at once: a key depends only on the link, the
   * config and the document's own URL, so nothing needs resolving again when other documents change, and the
   * written targets need not be kept (on 10,000 posts they were 400,000 strings). `hashes` are those the same
   * links resolved to before, with the same config and URL (a persisted index), or just now elsewhere (a worker
   * thread). Returns the summary kept.
   */
  set(path: string, scanned: RecordLinks, isPost: boolean, hashes?: Int32Array): LinkSummary {
    this.delete(path);
    // Stored ids were never cut from a text: kept as they are.
    const summary = {
      ids: hashes ? scanned.ids : new Set([...scanned.ids].map(detached)),
      idsComplete: scanned.idsComplete,
      includes: hashes || scanned.includes.length === 0 ? scanned.includes : scanned.includes.map(detached),
    };
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
      this.#linksTo.set(path, hashes ?? linkKeyHashes(this.resolve, path, scanned));
    }
    return summary;
  }

  /** The hashes of the keys a document's links point to (what `set` takes back). */
  keyHashesOf(path: string): Int32Array | undefined {
    return this.#linksTo.get(path);
  }

  delete(path: string): void {
    if (!this.#summaries.delete(path)) {
      return;
    }
    this.#linksTo.delete(path);
    const name = postName(path);
    const posts = this.#postsByName.get(name);
    if (posts?.delete(path) && posts.size === 0) {
      this.#postsByName.delete(name);
    }
  }

  clear(): void {
    this.#summaries.clear();
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

  /** Documents that link to any of `keys`, and now and then one whose key only shares a hash with one of them. */
  sourcesOf(keys: Iterable<string>): Set<string> {
    const wanted = new Set<number>();
    // A hash's low bits looked up first: a byte read turns away almost every other hash, cheaper than the set.
    const maybe = new Uint8Array(FILTER_SIZE);
    for (const key of keys) {
      const hash = keyHash(key);
      wanted.add(hash);
      maybe[hash & (FILTER_SIZE - 1)] = 1;
    }
    const sources = new Set<string>();
    for (const [path, hashes] of this.#linksTo) {
      for (let i = 0; i < hashes.length; i++) {
        const hash = hashes[i]!;
        if (maybe[hash & (FILTER_SIZE - 1)] === 1 && wanted.has(hash)) {
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

/** The distinct hashes of the keys `path`'s links resolve to: what `set` records, and takes back. */
export function linkKeyHashes(resolve: TargetResolver, path: string, links: RecordLinks): Int32Array {
  const hashes = new Set<number>();
  const targets = links.links.filter((l) => l.form !== 'reference' && !nowhere(l.target));
  resolve(path, targets, (prefix, body, from = 0) => hashes.add(hashOn(hashOn(FNV_OFFSET, prefix, 0), body, from) | 0));
  // Filled by hand: `Int32Array.from` iterates a set 3-4 times slower (10,000 posts: about 20 ms).
  const array = new Int32Array(hashes.size);
  let i = 0;
  for (const hash of hashes) {
    array[i++] = hash;
  }
  return array;
}

const FNV_OFFSET = 0x811c9dc5;

/**
 * A key's 32-bit FNV-1a hash over its UTF-16 code units: the same in every thread and every run, as the persisted
 * index needs (a change here is a change of its `FORMAT`).
 */
export function keyHash(key: string): number {
  return hashOn(FNV_OFFSET, key, 0) | 0;
}

/** FNV-1a goes on from `hash` over `text` from `from`: a key hashed in parts hashes as the whole key. */
function hashOn(hash: number, text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash;
}

/** `mailto:`, `tel:`, `javascript:` and `data:` targets; the first letter is compared first, as most links start with `/` or `#`. */
function nowhere(target: string): boolean {
  const first = target.charCodeAt(0) | 0x20;
  return (first === 0x6d /* m */ || first === 0x74 /* t */ || first === 0x6a /* j */ || first === 0x64 /* d */) && /^(?:mailto|tel|javascript|data):/i.test(target);
}
