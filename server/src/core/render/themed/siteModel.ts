import { Drop } from 'liquidjs';
import { parseYaml, yamlToData } from '../../frontmatter/yaml';
import { categoriesOf, postDate } from '../../site/permalink';
import { defaultsTypeOf, withDefaults } from '../../site/frontMatterDefaults';
import { tagsOf } from '../../site/tags';
import type { SiteDocument, SiteIndex } from '../../site/siteIndex';

/**
 * Jekyll's data model for Liquid (`site`, `page`, documents), made from the site index and read lazily:
 * a layout that loops over `site.posts` on a 10,000-post blog touches only the posts it reads, and a
 * document's text is read (through the workspace) only when `content` or `excerpt` is asked for.
 * Lists are made once per `SiteIndex.generation` and shared by every render until the blog changes.
 */

/** What the model needs besides the index: rendering another document's content, on demand. */
export interface ContentRenderer {
  /** The document's rendered content (Liquid and Markdown), or its excerpt. */
  content(document: SiteDocument): Promise<string>;
  excerpt(document: SiteDocument): Promise<string>;
}

/** One document as Liquid sees it (`page`, or an item of `site.posts`). */
export class DocumentDrop extends Drop {
  readonly #model: SiteModel;
  readonly #document: SiteDocument;
  #data: Readonly<Record<string, unknown>> | undefined;
  #date: Date | undefined | null = null;
  readonly #overrides: Readonly<Record<string, unknown>> | undefined;

  /** `overrides`: keys the page being rendered gives itself (`content` as written, then as rendered). */
  constructor(model: SiteModel, document: SiteDocument, overrides?: Readonly<Record<string, unknown>>) {
    super();
    this.#model = model;
    this.#document = document;
    this.#overrides = overrides;
  }

  // Static, not instance members: Liquid reads every member of a drop, and these are no Jekyll keys.
  static sourceOf(drop: DocumentDrop): SiteDocument {
    return drop.#document;
  }

  /** Front matter after `_config.yml` defaults. */
  static dataOf(drop: DocumentDrop): Readonly<Record<string, unknown>> {
    return (drop.#data ??= withDefaults(drop.#model.site.config, drop.#document.path, defaultsTypeOf(drop.#document), drop.#document.data));
  }

  static dateOf(drop: DocumentDrop): Date | undefined {
    if (drop.#date === null) {
      drop.#date = documentDate(drop.#model.site, drop.#document, DocumentDrop.dataOf(drop));
    }
    return drop.#date;
  }

  override liquidMethodMissing(key: string): unknown {
    return this.read(key);
  }

  /** A key as Jekyll's `Document#to_liquid` gives it; front matter wins where Jekyll lets it. */
  read(key: string): unknown {
    const document = this.#document;
    const data = DocumentDrop.dataOf(this);
    if (this.#overrides && Object.hasOwn(this.#overrides, key)) {
      return this.#overrides[key];
    }
    const kind = document.kind;
    switch (key) {
      case 'url':
        return this.#model.site.urls.urlOf(document.path) ?? '/' + document.path;
      case 'path':
      case 'relative_path':
        return document.path;
      case 'date':
        return data['date'] instanceof Date || kind === 'post' || kind === 'draft' ? DocumentDrop.dateOf(this) : data['date'];
      case 'content':
        return this.#model.renderer.content(document);
      case 'excerpt':
        return data['excerpt'] ?? (kind === 'page' ? undefined : this.#model.renderer.excerpt(document));
      case 'collection':
        return kind === 'post' ? 'posts' : kind === 'collection' ? document.kind === 'collection' && document.collection : undefined;
      case 'id':
        return kind === 'post' || kind === 'collection' ? (this.read('url') as string).replace(/\.html$|\/$/, '') : undefined;
      case 'next':
      case 'previous':
        return kind === 'post' ? this.#model.neighbour(this, key) : undefined;
      case 'draft':
        return kind === 'draft';
      case 'name':
        return kind === 'page' ? document.path.slice(document.path.lastIndexOf('/') + 1) : data['name'];
      case 'dir': {
        const url = this.read('url') as string;
        return url.slice(0, url.lastIndexOf('/') + 1);
      }
      case 'title':
        return data['title'] ?? (kind === 'post' ? titleFromSlug(document) : undefined);
      case 'slug':
        return data['slug'] ?? (kind === 'post' ? document.kind === 'post' && document.slug.replace(/\.[^.]*$/, '') : undefined);
      case 'categories':
        return kind === 'post' ? categoriesOf(data, document.kind === 'post' ? document.categories : []) : data['categories'];
      case 'tags':
        return kind === 'post' || kind === 'draft' || kind === 'collection' ? tagsOf(data) : data['tags'];
      case 'ext': {
        const name = document.path.slice(document.path.lastIndexOf('/') + 1);
        return name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
      }
      case 'output':
        return undefined;
      default:
        return data[key];
    }
  }

  /** What `jsonify` and `inspect` show: the front matter and the URL, not the lazy parts. */
  toJSON(): Record<string, unknown> {
    return { ...DocumentDrop.dataOf(this), url: this.read('url'), path: this.#document.path };
  }
}

/** `site`: the config's keys, then Jekyll's own lists, each made on first use. */
export class SiteDrop extends Drop {
  readonly #model: SiteModel;
  readonly #page: SiteDocument | undefined;
  /** `page`: the document being rendered, which `related_posts` leaves out. */
  constructor(model: SiteModel, page?: SiteDocument) {
    super();
    this.#model = model;
    this.#page = page;
  }

  override liquidMethodMissing(key: string): unknown {
    const model = this.#model;
    const config = model.site.config;
    switch (key) {
      case 'posts':
        return model.posts();
      case 'pages':
      case 'html_pages':
        return model.pages();
      case 'related_posts':
        // Jekyll without `lsi`: the ten newest posts but this one.
        return model
          .posts()
          .filter((p) => DocumentDrop.sourceOf(p).path !== this.#page?.path)
          .slice(0, 10);
      case 'tags':
        return model.grouped('tags');
      case 'categories':
        return model.grouped('categories');
      case 'data':
        return model.data();
      case 'time':
        return model.time;
      case 'collections':
        return model.collections();
      case 'documents':
        return model.posts();
      case 'static_files':
        return model.staticFiles();
      case 'url':
        return config.url ?? '';
      case 'baseurl':
        return config.baseurl;
      default:
        if (config.collections.has(key) && !(key in config.raw)) {
          return model.collection(key);
        }
        return config.raw[key];
    }
  }

  toJSON(): Record<string, unknown> {
    return { ...this.#model.site.config.raw };
  }
}

/** The model of one site generation; the renderer keeps it until `SiteIndex.generation` changes. */
export class SiteModel {
  readonly time = new Date();
  readonly siteDrop: SiteDrop;
  readonly #drops = new Map<string, DocumentDrop>();
  #posts: DocumentDrop[] | undefined;
  /** Each post's place in `posts()`, by path. */
  #postIndex: Map<string, number> | undefined;
  #pages: DocumentDrop[] | undefined;
  readonly #grouped = new Map<string, Record<string, DocumentDrop[]>>();
  #data: Promise<Record<string, unknown>> | undefined;

  constructor(
    readonly site: SiteIndex,
    readonly renderer: ContentRenderer,
  ) {
    this.siteDrop = new SiteDrop(this);
  }

  drop(document: SiteDocument): DocumentDrop {
    let drop = this.#drops.get(document.path);
    if (!drop || DocumentDrop.sourceOf(drop) !== document) {
      drop = new DocumentDrop(this, document);
      this.#drops.set(document.path, drop);
    }
    return drop;
  }

  /** Published posts, newest first (Jekyll sorts by date, then path). */
  posts(): DocumentDrop[] {
    if (!this.#posts) {
      const posts = [...this.site.documents.values()].filter((d) => d.kind === 'post' && d.data['published'] !== false).map((d) => this.drop(d));
      const time = (d: DocumentDrop) => DocumentDrop.dateOf(d)?.getTime() ?? 0;
      posts.sort((a, b) => time(b) - time(a) || (DocumentDrop.sourceOf(a).path < DocumentDrop.sourceOf(b).path ? 1 : -1));
      this.#posts = posts;
      this.#postIndex = new Map(posts.map((p, i) => [DocumentDrop.sourceOf(p).path, i]));
    }
    return this.#posts;
  }

  /** `page.next` is the newer post, `page.previous` the older one. */
  neighbour(drop: DocumentDrop, which: 'next' | 'previous'): DocumentDrop | undefined {
    const posts = this.posts();
    const index = this.#postIndex?.get(DocumentDrop.sourceOf(drop).path);
    return index === undefined ? undefined : posts[which === 'next' ? index - 1 : index + 1];
  }

  pages(): DocumentDrop[] {
    return (this.#pages ??= [...this.site.documents.values()].filter((d) => d.kind === 'page').map((d) => this.drop(d)));
  }

  collection(label: string): DocumentDrop[] {
    if (label === 'posts') {
      return this.posts();
    }
    return [...this.site.documents.values()].filter((d) => d.kind === 'collection' && d.collection === label).map((d) => this.drop(d));
  }

  collections(): Record<string, unknown>[] {
    const labels = ['posts', ...[...this.site.config.collections.keys()].filter((l) => l !== 'posts')];
    return labels.map((label) => {
      const collection = this.site.config.collections.get(label);
      return { label, docs: this.collection(label), output: collection?.output ?? label === 'posts', permalink: collection?.permalink, relative_directory: '_' + label };
    });
  }

  staticFiles(): Record<string, unknown>[] {
    return [...this.site.staticFiles].map((path) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return { path: '/' + path, relative_path: '/' + path, name, extname: name.includes('.') ? name.slice(name.lastIndexOf('.')) : '', basename: name.replace(/\.[^.]*$/, '') };
    });
  }

  /** `site.tags` / `site.categories`: each name to its posts, newest first. */
  grouped(key: 'tags' | 'categories'): Record<string, DocumentDrop[]> {
    let groups = this.#grouped.get(key);
    if (!groups) {
      groups = {};
      for (const post of this.posts()) {
        const names = key === 'tags' ? (post.read('tags') as string[]) : (post.read('categories') as string[]);
        for (const name of names) {
          (Object.hasOwn(groups, name) ? groups[name]! : (groups[name] = [])).push(post);
        }
      }
      this.#grouped.set(key, groups);
    }
    return groups;
  }

  /** `site.data`: every `_data` file read through the workspace, nested by folder. */
  data(): Promise<Record<string, unknown>> {
    return (this.#data ??= this.#readData());
  }

  async #readData(): Promise<Record<string, unknown>> {
    const data: Record<string, unknown> = {};
    for (const [name, path] of this.site.dataFiles) {
      const read = await this.site.workspace.readText(path);
      if (read.kind !== 'text') {
        continue;
      }
      const parts = name.split('/');
      let target = data;
      for (const part of parts.slice(0, -1)) {
        const next = target[part];
        target = (next && typeof next === 'object' && !Array.isArray(next) ? next : (target[part] = {})) as Record<string, unknown>;
      }
      target[parts[parts.length - 1]!] = parseDataFile(path, read.text);
    }
    return data;
  }
}

/** A `_data` file's value: YAML, JSON, or CSV/TSV rows as objects keyed by the header. */
export function parseDataFile(path: string, text: string): unknown {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  if (extension === 'csv' || extension === 'tsv') {
    const rows = splitRows(text, extension === 'csv' ? ',' : '\t');
    const header = rows.shift() ?? [];
    return rows.map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? null])));
  }
  const read = yamlToData(parseYaml(text).doc);
  return 'value' in read ? read.value : undefined;
}

/** CSV rows with quoted fields (`"a, b"`, `""` for a quote); TSV splits at tabs. */
function splitRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') {
      continue;
    }
    if (separator !== ',') {
      rows.push(line.split(separator));
      continue;
    }
    const fields: string[] = [];
    const field = /\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(,|$)/g;
    for (let match = field.exec(line); match; match = field.exec(line)) {
      fields.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : (match[2] ?? ''));
      if (match[3] === '' || match.index === field.lastIndex) {
        break;
      }
    }
    rows.push(fields);
  }
  return rows;
}

/** The date as a `Date` whose UTC fields are the site's wall clock (the engine formats in UTC). */
function documentDate(site: SiteIndex, document: SiteDocument, data: Readonly<Record<string, unknown>>): Date | undefined {
  const fileDate = document.kind === 'post' ? document.date : undefined;
  const parts = postDate(fileDate, data['date'], site.config.timezone);
  return parts ? new JekyllTime(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second), site.config.timezone) : undefined;
}

/** A time whose UTC fields are the site's wall clock; printed as Ruby prints a `Time`: `2014-09-17 00:00:00 +0200`. */
export class JekyllTime extends Date {
  readonly #timezone: string | undefined;
  constructor(wallClock: number, timezone: string | undefined) {
    super(wallClock);
    this.#timezone = timezone;
  }

  override toString(): string {
    const offset = offsetMinutes(this.getTime(), this.#timezone);
    const sign = offset < 0 ? '-' : '+';
    const hhmm = pad(Math.floor(Math.abs(offset) / 60)) + pad(Math.abs(offset) % 60);
    return this.toISOString().slice(0, 19).replace('T', ' ') + ` ${sign}${hhmm}`;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The zone's offset from UTC near a wall-clock time (the process's own zone without `timezone:`, as Ruby's). */
function offsetMinutes(wallClock: number, timezone: string | undefined): number {
  if (!timezone) {
    return -new Date(wallClock).getTimezoneOffset();
  }
  try {
    let format = formats.get(timezone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      formats.set(timezone, format);
    }
    const parts = format.formatToParts(wallClock);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((local - Math.floor(wallClock / 60000) * 60000) / 60000);
  } catch {
    return 0;
  }
}

/** Jekyll's title from the file name: `2015-10-10-my-post.md` -> `My Post`. */
function titleFromSlug(document: SiteDocument): string | undefined {
  if (document.kind !== 'post') {
    return undefined;
  }
  return document.slug
    .replace(/\.[^.]*$/, '')
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}
