import { byCodeUnits } from '../codeUnitOrder';
import type { SiteConfig } from './config';
import { classifyPath, extensionOf } from './documentKind';
import { withDefaults } from './frontMatterDefaults';
import { addPermalinkSuffix, collectionFileUrl, destinationOf, documentUrl, outputExtension, pageUrl, styleToTemplate } from './permalink';
import type { SiteDocument } from './siteDocument';
import { decodePath } from '../url';
import { datedFileName } from './postName';

export type UrlTargetKind = 'post' | 'page' | 'collection' | 'static' | 'redirect';

/** One URL of the built site and the source file behind it. */
export interface UrlTarget {
  /** The URL as Jekyll writes it (`page.url`): percent-encoded, without `baseurl`. */
  readonly url: string;
  /** The source file, relative to the site root. */
  readonly path: string;
  readonly kind: UrlTargetKind;
}

/** What the map reads of the site; `SiteIndex` provides it. */
export interface UrlMapSource {
  readonly config: SiteConfig;
  document(path: string): SiteDocument | undefined;
  readonly staticFiles: ReadonlySet<string>;
  readonly documents: ReadonlyMap<string, SiteDocument>;
}

/**
 * The files a folder's URL serves, first found first: the list of `jekyll serve` (WEBrick's DirectoryIndex in
 * Jekyll 4.3), so `/feed/` serves `feed/index.xml`.
 */
const DIRECTORY_INDEX = ['index.htm', 'index.html', 'index.rhtml', 'index.xht', 'index.xhtml', 'index.cgi', 'index.xml', 'index.json'];

/**
 * The URL space of the built site, derived from the sources as Jekyll would, in both directions:
 * source path -> URLs and URL -> source. Kept current one file at a time: `touch(path)` after a file
 * changed, `reset()` after the config changed; work is done lazily on the next lookup.
 */
export class UrlMap {
  /** Decoded URL path (and the file Jekyll writes for it) -> target. */
  readonly #byUrl = new Map<string, UrlTarget>();
  /** A key more than one source publishes -> the later claimants, in order: one takes over when the first goes. */
  readonly #laterClaims = new Map<string, UrlTarget[]>();
  /** Source path -> the keys it claims in `#byUrl` (first or later). */
  readonly #keysBySource = new Map<string, string[]>();
  readonly #urlsBySource = new Map<string, string[]>();
  readonly #dirty = new Set<string>();
  #built = false;
  /** The sources left to add while the map is made a slice at a time (`update` with a deadline). */
  #making: Iterator<string> | undefined;
  #version = 0;
  #published: { version: number; urls: readonly string[] } | undefined;

  /** `unpublished`: the map of `jekyll build --unpublished`, which publishes `published: false` documents too. */
  constructor(
    readonly source: UrlMapSource,
    readonly unpublished = false,
  ) {}

  /** Forget everything: the config changed. */
  reset(): void {
    this.#built = false;
    this.#making = undefined;
    this.#dirty.clear();
  }

  /** A file was created, changed or deleted. */
  touch(path: string): void {
    if (this.#built || this.#making) {
      this.#dirty.add(path);
    }
  }

  /**
   * Brings the map up to date now, rather than at the next lookup; with a `deadline` (`performance.now()`), a map
   * not made yet is made only so far, and the next call goes on: a build makes it a slice at a time as it reads.
   */
  update(deadline = Infinity): void {
    this.#refresh(deadline);
  }

  /** The URL a source file is published at (no `baseurl`), or undefined when Jekyll does not publish it. */
  urlOf(path: string): string | undefined {
    this.#refresh();
    return this.#urlsBySource.get(path)?.[0];
  }

  /** Every URL of a source file: where it is published first, then its `redirect_from` URLs. */
  urlsOf(path: string): readonly string[] {
    this.#refresh();
    return this.#urlsBySource.get(path) ?? [];
  }

  /**
   * The target at a URL path (without `baseurl`, query or fragment), as a static web server finds it:
   * `/x/` serves `/x/index.html` (or another of `DIRECTORY_INDEX`), `/x` also `/x.html` and what `/x/` serves.
   */
  lookup(urlPath: string): UrlTarget | undefined {
    this.#refresh();
    const path = decodePath(urlPath);
    const byUrl = this.#byUrl;
    if (path.endsWith('/')) {
      return byUrl.get(path) ?? this.#directoryIndex(path);
    }
    return byUrl.get(path) ?? byUrl.get(path + '.html') ?? byUrl.get(path + '/') ?? this.#directoryIndex(path + '/');
  }

  #directoryIndex(folder: string): UrlTarget | undefined {
    for (const name of DIRECTORY_INDEX) {
      const target = this.#byUrl.get(folder + name);
      if (target) {
        return target;
      }
    }
    return undefined;
  }

  /** Every published URL, decoded, once per change of the map: what suggestions are chosen from. */
  publishedUrls(): readonly string[] {
    this.#refresh();
    if (this.#published?.version !== this.#version) {
      const urls = new Set<string>();
      for (const list of this.#urlsBySource.values()) {
        for (const url of list) {
          urls.add(decodePath(url));
        }
      }
      this.#published = { version: this.#version, urls: [...urls] };
    }
    return this.#published.urls;
  }

  /** Every URL with its target, for suggestions. */
  entries(): IterableIterator<[string, UrlTarget]> {
    this.#refresh();
    return this.#byUrl.entries();
  }

  #refresh(deadline = Infinity): void {
    if (!this.#built) {
      if (!this.#making) {
        this.#byUrl.clear();
        this.#laterClaims.clear();
        this.#keysBySource.clear();
        this.#urlsBySource.clear();
        // Live iterators: documents the build adds meanwhile are visited too; what changes after its visit is touched.
        this.#making = concat(this.source.staticFiles.values(), this.source.documents.keys());
      }
      for (let added = 0, next = this.#making.next(); !next.done; next = this.#making.next()) {
        this.#add(next.value);
        // The clock read every few dozen files: a file takes some microseconds.
        if (++added % 32 === 0 && performance.now() >= deadline) {
          return;
        }
      }
      this.#making = undefined;
      this.#built = true;
      this.#version++;
    }
    if (this.#dirty.size === 0) {
      return;
    }
    for (const path of this.#dirty) {
      const before = this.#urlsBySource.get(path)?.join('\n');
      this.#remove(path);
      this.#add(path);
      if (this.#urlsBySource.get(path)?.join('\n') !== before) {
        this.#version++;
      }
    }
    this.#dirty.clear();
  }

  #remove(path: string): void {
    for (const key of this.#keysBySource.get(path) ?? []) {
      const later = this.#laterClaims.get(key);
      const remaining = later?.filter((target) => target.path !== path) ?? [];
      if (this.#byUrl.get(key)?.path === path) {
        const next = remaining.reduce<UrlTarget | undefined>((best, target) => (!best || claimsFirst(target, best) ? target : best), undefined);
        if (next) {
          this.#byUrl.set(key, next);
          remaining.splice(remaining.indexOf(next), 1);
        } else {
          this.#byUrl.delete(key);
        }
      }
      if (later) {
        if (remaining.length > 0) {
          this.#laterClaims.set(key, remaining);
        } else {
          this.#laterClaims.delete(key);
        }
      }
    }
    this.#keysBySource.delete(path);
    this.#urlsBySource.delete(path);
  }

  #add(path: string): void {
    const config = this.source.config;
    const targets = this.source.staticFiles.has(path) ? staticTargets(path, config) : documentTargets(this.source.document(path), config, this.unpublished);
    if (targets.length === 0) {
      return;
    }
    this.#urlsBySource.set(path, targets.map((t) => t.url));
    const keys: string[] = [];
    for (const target of targets) {
      const decoded = decodePath(target.url);
      const ext = target.kind === 'static' || target.kind === 'redirect' ? extensionOf(decoded) : outputExtension(path, config);
      for (const key of new Set([decoded, destinationOf(decoded, ext || '.html')])) {
        // Where two sources publish one URL, either way a page exists; which one is named must not depend on the
        // order files were read or changed in, so the server and a fresh CLI run agree: `claimsFirst` decides.
        const first = this.#byUrl.get(key);
        if (!first) {
          this.#byUrl.set(key, target);
        } else if (first.path !== path) {
          const [winner, other] = claimsFirst(target, first) ? [target, first] : [first, target];
          this.#byUrl.set(key, winner);
          this.#laterClaims.set(key, [...(this.#laterClaims.get(key) ?? []), other]);
        }
        keys.push(key);
      }
    }
    this.#keysBySource.set(path, keys);
  }
}

/** Of two sources of one URL, the one the map names: a static file before a document, then by path. */
function claimsFirst(a: UrlTarget, b: UrlTarget): boolean {
  const aStatic = a.kind === 'static';
  return aStatic !== (b.kind === 'static') ? aStatic : byCodeUnits(a.path, b.path) < 0;
}

function staticTargets(path: string, config: SiteConfig): UrlTarget[] {
  const info = classifyPath(path, config);
  if (info.kind === 'collection') {
    const collection = config.collections.get(info.collection);
    const template = collection?.permalink ?? addPermalinkSuffix('/:collection/:path', config.permalink);
    return collection?.output ? [{ url: collectionFileUrl(path, collectionFolder(config, info.collection), info.collection, template), path, kind: 'static' }] : [];
  }
  const url = '/' + path;
  const targets: UrlTarget[] = [{ url, path, kind: 'static' }];
  // Sass and CoffeeScript files with front matter are converted; whether they have it is not read, so both URLs count.
  const output = outputExtension(path, config);
  const ext = extensionOf(path);
  if (output !== ext && !/^\.(md|markdown|mkdown|mkdn|mkd)$/i.test(ext)) {
    targets.push({ url: url.slice(0, url.length - ext.length) + output, path, kind: 'static' });
  }
  return targets;
}

/** Where Jekyll publishes a document (its first URL), worked out from the document alone, as the map does. */
export function publishedUrlOf(document: SiteDocument | undefined, config: SiteConfig): string | undefined {
  return documentTargets(document, config)[0]?.url;
}

function documentTargets(document: SiteDocument | undefined, config: SiteConfig, unpublished = false): UrlTarget[] {
  if (!document) {
    return [];
  }
  const info = document;
  let url: string | undefined;
  let data: Readonly<Record<string, unknown>>;
  let kind: UrlTargetKind;
  if (info.kind === 'post') {
    data = withDefaults(config, document.path, 'posts', document.data);
    const template = config.collections.get('posts')?.permalink ?? styleToTemplate(config.permalink);
    url = documentUrl(
      { path: document.path, collection: 'posts', collectionFolder: '_posts', data, fileDate: info.date, fileSlug: info.slug, pathCategories: info.categories },
      template,
      config,
    );
    kind = 'post';
  } else if (info.kind === 'collection') {
    const collection = config.collections.get(info.collection);
    if (!collection?.output) {
      return [];
    }
    data = withDefaults(config, document.path, info.collection, document.data);
    const name = document.path.slice(document.path.lastIndexOf('/') + 1);
    const dated = datedFileName(name);
    url = documentUrl(
      {
        path: document.path,
        collection: info.collection,
        collectionFolder: '_' + info.collection,
        data,
        fileDate: dated?.date,
        fileSlug: dated ? dated.slug : name.slice(0, name.length - extensionOf(name).length),
        pathCategories: [],
      },
      collection.permalink ?? addPermalinkSuffix('/:collection/:path', config.permalink),
      config,
    );
    kind = 'collection';
  } else if (document.kind === 'page') {
    data = withDefaults(config, document.path, 'pages', document.data);
    url = pageUrl(document.path, data, config);
    kind = 'page';
  } else {
    return [];
  }
  // `published: false` (after defaults) keeps the document out of the build; the string "false" does not.
  if (data['published'] === false && !unpublished) {
    return [];
  }
  const targets: UrlTarget[] = [{ url, path: document.path, kind }];
  for (const from of redirectsOf(data)) {
    targets.push({ url: from, path: document.path, kind: 'redirect' });
  }
  return targets;
}

function collectionFolder(config: SiteConfig, collection: string): string {
  return (config.collectionsDir ? config.collectionsDir + '/' : '') + '_' + collection;
}

/** jekyll-redirect-from: `redirect_from:` (one path or a list) publishes a redirect page at each. */
function redirectsOf(data: Readonly<Record<string, unknown>>): string[] {
  const value = data['redirect_from'];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.length > 0).map((v) => (v.startsWith('/') ? v : '/' + v));
}

function* concat<T>(...iterators: Iterator<T>[]): Generator<T> {
  for (const iterator of iterators) {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      yield next.value;
    }
  }
}
