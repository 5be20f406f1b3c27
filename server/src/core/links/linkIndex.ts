/**
 * Per-document link summaries, so that checking one document never needs another's text: the ids a
 * fragment can point to, and what the document links to (for the reverse index: target -> sources).
 * Text is scanned once when it is read; only the last scan is kept whole, for the rule that follows.
 */
import type { LinkForm, ScanOptions, ScannedLinks } from './scanLinks';
import { scanLinks } from './scanLinks';
import { detached } from '../detached';

export interface LinkSummary {
  readonly ids: ReadonlySet<string>;
  readonly idsComplete: boolean;
  /** Link targets that may point into the site, as written; resolved into keys lazily. */
  readonly targets: readonly { readonly form: LinkForm; readonly target: string }[];
}

/** Turns a written target into the keys of what it points to (see `targets.ts`). */
export type TargetResolver = (source: string, form: LinkForm, target: string) => readonly string[];

export class LinkIndex {
  readonly #summaries = new Map<string, LinkSummary>();
  /** Key -> sources linking to it; sources in `#unresolved` are not in it yet. */
  readonly #sources = new Map<string, Set<string>>();
  readonly #keysOf = new Map<string, string[]>();
  readonly #unresolved = new Set<string>();
  /** Post file base name (`2015-03-01-title`) -> post paths, for `{% post_url %}`. */
  readonly #postsByName = new Map<string, Set<string>>();
  /** Ids in layouts and includes: a fragment may point to one of them on any page. */
  readonly templateIds = new Map<string, ReadonlySet<string>>();
  #lastScan: { text: string; options: ScanOptions; result: ScannedLinks } | undefined;

  constructor(readonly resolve: TargetResolver) {}

  /** Scans a text, reusing the last result when the same text is asked for again. */
  scan(text: string, bodyStart: number, options: ScanOptions): ScannedLinks {
    const last = this.#lastScan;
    if (last && last.text === text && last.options.liquid === options.liquid && last.options.headerIds === options.headerIds) {
      return last.result;
    }
    const result = scanLinks(text, bodyStart, options);
    this.#lastScan = { text, options, result };
    return result;
  }

  set(path: string, scanned: ScannedLinks, isPost: boolean): void {
    this.delete(path);
    const targets = scanned.links
      .filter((l) => l.form !== 'reference' && !/^(?:mailto|tel|javascript|data):/i.test(l.target))
      .map((l) => ({ form: l.form, target: detached(l.target) }));
    this.#summaries.set(path, { ids: new Set([...scanned.ids].map(detached)), idsComplete: scanned.idsComplete, targets });
    this.#unresolved.add(path);
    if (isPost) {
      const name = postName(path);
      let paths = this.#postsByName.get(name);
      if (!paths) {
        this.#postsByName.set(name, (paths = new Set()));
      }
      paths.add(path);
    }
  }

  delete(path: string): void {
    if (!this.#summaries.delete(path)) {
      return;
    }
    this.#unresolved.delete(path);
    for (const key of this.#keysOf.get(path) ?? []) {
      this.#sources.get(key)?.delete(path);
    }
    this.#keysOf.delete(path);
    const name = postName(path);
    const posts = this.#postsByName.get(name);
    if (posts?.delete(path) && posts.size === 0) {
      this.#postsByName.delete(name);
    }
  }

  clear(): void {
    this.#summaries.clear();
    this.#sources.clear();
    this.#keysOf.clear();
    this.#unresolved.clear();
    this.#postsByName.clear();
    this.templateIds.clear();
    this.#lastScan = undefined;
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

  /** Documents that link to any of `keys`. Links are resolved into keys here, on first need. */
  sourcesOf(keys: Iterable<string>): Set<string> {
    this.#resolvePending();
    const sources = new Set<string>();
    for (const key of keys) {
      for (const source of this.#sources.get(key) ?? []) {
        sources.add(source);
      }
    }
    return sources;
  }

  /** Forget the resolved keys (the URL space changed as a whole). */
  invalidateKeys(): void {
    this.#sources.clear();
    this.#keysOf.clear();
    for (const path of this.#summaries.keys()) {
      this.#unresolved.add(path);
    }
  }

  /**
   * Resolves the links of up to `limit` documents into keys; true while some are left. The server runs this in
   * batches after indexing, so the first edit that asks who links where does not resolve the whole blog
   * (half a second on 10,000 posts).
   */
  resolveSome(limit: number): boolean {
    let count = 0;
    for (const path of this.#unresolved) {
      if (count++ === limit) {
        return true;
      }
      this.#resolve(path);
    }
    return false;
  }

  #resolvePending(): void {
    for (const path of this.#unresolved) {
      this.#resolve(path);
    }
  }

  #resolve(path: string): void {
    const keys = new Set<string>();
    for (const { form, target } of this.#summaries.get(path)?.targets ?? []) {
      for (const key of this.resolve(path, form, target)) {
        keys.add(key);
      }
    }
    for (const key of keys) {
      let sources = this.#sources.get(key);
      if (!sources) {
        this.#sources.set(key, (sources = new Set()));
      }
      sources.add(path);
    }
    this.#keysOf.set(path, [...keys]);
    this.#unresolved.delete(path);
  }
}

/** `_posts/sub/2015-03-01-title.md` -> `2015-03-01-title`. */
export function postName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
