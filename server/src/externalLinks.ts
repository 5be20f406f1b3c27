/**
 * Checks external (http/https) links over the network, for the server and the CLI. Only used when the user
 * turned `blogwright.links.external.enabled` on in a trusted workspace. Requests run a few at a time, each
 * with a time-out; results are cached in a JSON file outside the blog (the extension's global storage) and
 * expire, so a blog is not fetched again on every start.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ExternalLinkStatus, IExternalLinks } from './core/links/externalLinkStatus';

export interface ExternalLinkOptions {
  /** The cache file; undefined keeps results in memory only. */
  readonly cacheFile: string | undefined;
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** How long a result stays valid. Broken results are retried sooner (a site may be down for a moment). */
  readonly maxAgeMs: number;
}

export const DEFAULT_EXTERNAL_LINK_OPTIONS: Omit<ExternalLinkOptions, 'cacheFile'> = {
  concurrency: 4,
  timeoutMs: 10_000,
  maxAgeMs: 7 * 24 * 3600_000,
};

interface CachedStatus extends ExternalLinkStatus {
  readonly checkedAt: number;
}

const MAX_CACHE_ENTRIES = 20_000;

export class ExternalLinkChecker implements IExternalLinks {
  readonly #results = new Map<string, CachedStatus>();
  readonly #pending = new Map<string, Promise<void>>();
  readonly #queue: (() => void)[] = [];
  #running = 0;
  #saveTimer: NodeJS.Timeout | undefined;
  /** Most requests under way at once, for tests. */
  peakConcurrency = 0;

  constructor(
    readonly options: ExternalLinkOptions,
    readonly now: () => number = Date.now,
  ) {
    this.#load();
  }

  /** The known status of a URL, if it was checked and has not expired. */
  status(url: string): ExternalLinkStatus | undefined {
    const result = this.#results.get(normalize(url));
    return result && !this.#expired(result) ? result : undefined;
  }

  /** Checks the URLs that have no fresh result; resolves with those whose result is new. */
  async check(urls: Iterable<string>): Promise<string[]> {
    const fresh: string[] = [];
    const work: Promise<void>[] = [];
    for (const url of new Set([...urls].map(normalize))) {
      if (!/^https?:\/\//i.test(url) || this.status(url)) {
        continue;
      }
      let pending = this.#pending.get(url);
      if (!pending) {
        pending = this.#limited(() => this.#request(url)).finally(() => this.#pending.delete(url));
        this.#pending.set(url, pending);
        fresh.push(url);
      }
      work.push(pending);
    }
    await Promise.all(work);
    if (fresh.length > 0) {
      this.#scheduleSave();
    }
    return fresh;
  }

  dispose(): void {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#save();
    }
  }

  async #request(url: string): Promise<void> {
    let status: ExternalLinkStatus;
    try {
      let response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(this.options.timeoutMs) });
      // Many servers answer HEAD wrongly; ask again with GET before calling the link broken.
      if (response.status >= 400) {
        response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(this.options.timeoutMs) });
        await response.body?.cancel();
      }
      // eslint-disable-next-line blogwright/localized-text -- status text is cached on disk, so it stays English (docs/decisions.md)
      status = response.status >= 400 && response.status !== 429 ? { ok: false, message: `answers ${response.status} ${response.statusText}`.trim() } : { ok: true, message: `answers ${response.status}` };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      // eslint-disable-next-line blogwright/localized-text -- as above
      status = { ok: false, message: name === 'TimeoutError' || name === 'AbortError' ? `does not answer within ${this.options.timeoutMs >= 1000 ? `${Math.round(this.options.timeoutMs / 1000)} s` : `${this.options.timeoutMs} ms`}` : `cannot be reached (${cause})` };
    }
    this.#results.set(url, { ...status, checkedAt: this.now() });
  }

  #limited<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running++;
        this.peakConcurrency = Math.max(this.peakConcurrency, this.#running);
        task()
          .then(resolve, reject)
          .finally(() => {
            this.#running--;
            this.#queue.shift()?.();
          });
      };
      if (this.#running < this.options.concurrency) {
        start();
      } else {
        this.#queue.push(start);
      }
    });
  }

  #expired(result: CachedStatus): boolean {
    const age = this.now() - result.checkedAt;
    return age > (result.ok ? this.options.maxAgeMs : Math.min(this.options.maxAgeMs, 24 * 3600_000));
  }

  #load(): void {
    if (!this.options.cacheFile) {
      return;
    }
    try {
      const data = JSON.parse(readFileSync(this.options.cacheFile, 'utf8')) as Record<string, CachedStatus>;
      for (const [url, result] of Object.entries(data)) {
        if (typeof result?.ok === 'boolean' && typeof result.checkedAt === 'number' && typeof result.message === 'string' && !this.#expired(result)) {
          this.#results.set(url, result);
        }
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  #scheduleSave(): void {
    if (this.options.cacheFile && !this.#saveTimer) {
      this.#saveTimer = setTimeout(() => {
        this.#saveTimer = undefined;
        this.#save();
      }, 1000);
      this.#saveTimer.unref();
    }
  }

  #save(): void {
    if (!this.options.cacheFile) {
      return;
    }
    // Newest first, capped, so the file does not grow without end.
    const entries = [...this.#results].filter(([, r]) => !this.#expired(r)).sort((a, b) => b[1].checkedAt - a[1].checkedAt).slice(0, MAX_CACHE_ENTRIES);
    try {
      mkdirSync(path.dirname(this.options.cacheFile), { recursive: true });
      writeFileSync(this.options.cacheFile, JSON.stringify(Object.fromEntries(entries)));
    } catch {
      // A cache that cannot be written only costs requests next time.
    }
  }
}

/** The URL without its fragment: `#section` is not part of the request. */
function normalize(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
