/**
 * Blog-wide lists computed once and kept until what they are made of changes (tag counts, completion items), so
 * requests stay cheap. Each names its dependency; a change drops exactly the lists it can change.
 */

/**
 * What a list is made of, besides which documents exist, the authors, layouts and config (a change to those drops
 * every list):
 * - a list of front matter keys: their values in any document (`[]`: nothing else);
 * - `'key-set'`: which keys documents have, whatever their values;
 * - `'any-data'`: any front matter value of any document.
 */
export type MemoDependency = readonly string[] | 'key-set' | 'any-data';

interface Entry {
  readonly value: unknown;
  readonly dependsOn: ReadonlySet<string> | 'key-set' | 'any-data';
}

export class Memo {
  readonly #entries = new Map<string, Entry>();

  get<T>(name: string, compute: () => T, dependsOn: MemoDependency): T {
    let entry = this.#entries.get(name);
    if (!entry) {
      entry = { value: compute(), dependsOn: typeof dependsOn === 'string' ? dependsOn : new Set(dependsOn) };
      this.#entries.set(name, entry);
    }
    return entry.value as T;
  }

  /** Front matter changed: the values of `keys`, and with `keySetChanged` which keys a document has. */
  dataChanged(keys: readonly string[], keySetChanged: boolean): void {
    for (const [name, { dependsOn }] of this.#entries) {
      const stale = dependsOn === 'any-data' || (dependsOn === 'key-set' ? keySetChanged : keys.some((key) => dependsOn.has(key)));
      if (stale) {
        this.#entries.delete(name);
      }
    }
  }

  /** Documents came or went, or the authors, layouts or config changed: every list is stale. */
  clear(): void {
    this.#entries.clear();
  }
}
