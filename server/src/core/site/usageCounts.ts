import { byCodeUnits } from '../codeUnitOrder';
import { authorIdsOf } from './authors';
import type { SiteDocument } from './siteDocument';
import { tagsOf } from './tags';

/**
 * How many documents use each front matter key, tag and category, and how many posts each author wrote, kept
 * current document by document: an edit to a post's tags never recounts the blog.
 */
export class UsageCounts {
  readonly #tags = new Map<string, number>();
  readonly #categories = new Map<string, number>();
  readonly #authors = new Map<string, number>();
  readonly #keys = new Map<string, number>();

  add(document: SiteDocument): void {
    this.#count(document, 1);
  }

  remove(document: SiteDocument): void {
    this.#count(document, -1);
  }

  clear(): void {
    this.#tags.clear();
    this.#categories.clear();
    this.#authors.clear();
    this.#keys.clear();
  }

  /** Uses of each tag (or category), most used first, then by name. */
  sortedTags(key: 'tags' | 'categories'): Map<string, number> {
    return new Map([...(key === 'tags' ? this.#tags : this.#categories)].sort((a, b) => b[1] - a[1] || byCodeUnits(a[0], b[0])));
  }

  /** Documents per front matter key. */
  get keys(): ReadonlyMap<string, number> {
    return this.#keys;
  }

  /** Posts per author id. */
  get authors(): ReadonlyMap<string, number> {
    return this.#authors;
  }

  #count(document: SiteDocument, delta: 1 | -1): void {
    for (const key of Object.keys(document.data)) {
      bump(this.#keys, key, delta);
    }
    for (const tag of new Set(tagsOf(document.data, 'tags', document.kind))) {
      bump(this.#tags, tag, delta);
    }
    for (const category of new Set(tagsOf(document.data, 'categories', document.kind))) {
      bump(this.#categories, category, delta);
    }
    if (document.kind === 'post') {
      for (const id of authorIdsOf(document.data)) {
        bump(this.#authors, id, delta);
      }
    }
  }
}

function bump(counts: Map<string, number>, key: string, delta: 1 | -1): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) {
    counts.set(key, count);
  } else {
    counts.delete(key);
  }
}
