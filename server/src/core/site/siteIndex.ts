import * as l10n from '@vscode/l10n';
import type { BlogwrightSettings } from '../settings';
import type { IWorkspace, ReadResult } from '../workspace';
import type { AuthorSource } from './authors';
import { readAuthorSource } from './authorSource';
import { readConfig, readConfigTexts, type ConfigReading, type ConfigTexts, type SiteConfig } from './config';
import type { SourceProblem } from './siteDiscovery';
import { tagKeys } from './tags';
import { UrlMap } from './urlMap';
import { LinkIndex, type LinkSummary } from '../links/linkIndex';
import { ANY_INCLUDE, htmlIds, includedNames } from '../links/scanLinks';
import { baseHrefIn } from '../links/baseHref';
import { documentKeys } from '../links/targets';
import { KeptAnalyses, keptAnalysis } from './documentAnalysis';
import { DocumentScanner, mayBePage, type DocumentScan } from './documentScan';
import { classifyPath, type DocumentKind } from './documentKind';
import { Memo, type MemoDependency } from './memo';
import type { SiteDocument } from './siteDocument';
import { analyseFile, withShape, type FileRecord } from './fileRecord';
import { resolveTargets, type AnalysedPath, type AnalysedRecord, type IFileAnalyser } from './fileAnalyser';
import { UsageCounts } from './usageCounts';
import { defaultsTypeOf, withDefaults } from './frontMatterDefaults';
import { frontMatterData, parseFrontMatter } from '../frontmatter/parse';
import { detached } from '../detached';
import { NOT_CANCELLED, timePacing, type CancellationToken, type IPacing } from '../cancellation';

export type { SiteDocument, SiteDocumentKind } from './siteDocument';

/**
 * What `restore` takes back of one file: its record with the hashes of the keys its links resolved to (a
 * document, a page without front matter), or the ids of a layout or include.
 */
export interface StoredFile {
  readonly record?: FileRecord;
  readonly keyHashes?: Int32Array;
  readonly templateIds?: ReadonlySet<string>;
  /** The front matter keys a layout or include reads (`page.apiDocs`). */
  readonly templateKeys?: ReadonlySet<string>;
  /** The variables an include assigns (`{% assign current_branch = ... %}`). */
  readonly templateAssigns?: ReadonlySet<string>;
  /** The layout a layout names in its front matter (`layout: default`). */
  readonly layoutParent?: string;
  /** What a layout or include includes (`includedNames`). */
  readonly templateIncludes?: readonly string[];
  /** An include whose first line writes nothing (`opensBlank`). */
  readonly opensBlank?: boolean;
  /** An include with a line that defines a reference (`definesReferences`). */
  readonly definesReferences?: boolean;
  /** The href of a `<base>` tag the template writes (`baseHrefIn`). */
  readonly baseHref?: string;
}

/** What an update touched, so the adapter re-checks only that. */
export type SiteChange = { readonly scope: 'all' } | { readonly scope: 'documents'; readonly paths: readonly string[] };


/** While a build reads the blog, a blog-wide list made for a request is kept until the documents grow by this factor. */
const LISTS_REMADE_AFTER_GROWTH = 2;
/** Milliseconds a build gives the URL map at each pause: made of every static file first, then of the documents read. */
const URL_MAP_SLICE_MS = 1;

export interface BuildOptions {
  /** When to pause and how (the server's state queue answers requests in its pauses). */
  readonly pacing?: IPacing;
  /** Documents to read first: the open ones, whose checks wait for them. */
  readonly first?: Iterable<string>;
}

/**
 * The blog as Jekyll sees it: config, documents with their front matter, layouts, data files,
 * static files and authors. Built once, then kept current one file at a time.
 */
export class SiteIndex {
  #config: ConfigReading = readConfig(undefined);
  #sourceProblem: (SourceProblem & { start: number; end: number }) | undefined;
  readonly #documents = new Map<string, SiteDocument>();
  readonly #layouts = new Map<string, string>();
  /** Front matter keys each layout and include reads (`page.apiDocs`): a key a template reads is the blog's own. */
  readonly #templateKeys = new Map<string, ReadonlySet<string>>();
  /** Variables each include assigns or captures: Liquid keeps them on the page that includes it. */
  readonly #templateAssigns = new Map<string, ReadonlySet<string>>();
  /** Layout path -> the layout its front matter names, which frames it in turn. */
  readonly #layoutParents = new Map<string, string>();
  /** Layout or include path -> what it includes (`includedNames`): their ids are on the pages it is on. */
  readonly #templateIncludes = new Map<string, readonly string[]>();
  /** The layouts and includes whose first line writes nothing (`opensBlank`). */
  readonly #opensBlank = new Set<string>();
  /** The includes with a line that defines a reference (`definesReferences`). */
  readonly #definesReferences = new Set<string>();
  /** Layout or include path -> the href of the `<base>` tag it writes: relative links on its pages resolve against it. */
  readonly #baseHrefs = new Map<string, string>();
  readonly #dataFiles = new Map<string, string>();
  readonly #staticFiles = new Set<string>();
  /** Ruby files in `_plugins`: Jekyll runs them, and they may make any page. */
  readonly #localPlugins = new Set<string>();
  #authors: AuthorSource | undefined;
  /** The built site's URLs, kept current with the documents. */
  readonly urls: UrlMap = new UrlMap(this);
  /** Per-document link summaries (ids, targets) and the reverse index target -> sources. */
  readonly links: LinkIndex;
  readonly #scanner = new DocumentScanner();
  #settings: BlogwrightSettings;
  /** Blog-wide lists, kept while what they are made of stays the same: an edit to a post's body keeps them all. */
  readonly #memo = new Memo();
  readonly #counts = new UsageCounts();
  /** Where a build is: until `reading`, not even the layouts are known; until `complete`, not every document. */
  #progress: 'empty' | 'reading' | 'complete' = 'empty';
  /** Reads and analyses the files of a build elsewhere (a worker thread), when given. */
  readonly #analyser: IFileAnalyser | undefined;

  /**
   * `dependants: false` for a one-shot check (the CLI), which never updates: the reverse link index, which only
   * says what an update must re-check, is then not built (a tenth of a 10,000-post check).
   */
  constructor(
    readonly workspace: IWorkspace,
    settings: BlogwrightSettings,
    { dependants = true, analyser, sourceProblem, folderName }: { readonly dependants?: boolean; readonly analyser?: IFileAnalyser; readonly sourceProblem?: SourceProblem | undefined; readonly folderName?: string | undefined } = {},
  ) {
    this.#settings = settings;
    this.folderName = folderName;
    this.#sourceProblem = sourceProblem && { ...sourceProblem, start: 0, end: 0 };
    this.#analyser = analyser;
    this.links = new LinkIndex(
      dependants
        ? (source, targets, sink) => resolveTargets(this.config, this.#documents.get(source), targets, sink)
        : undefined,
    );
  }

  /** The name of the folder of the site's `_config.yml` (`jupyter.github.io`): a GitHub Pages user site is named so. */
  readonly folderName: string | undefined;

  /** The settings the index was last built with; the rules check with them. */
  get settings(): BlogwrightSettings {
    return this.#settings;
  }

  get config() {
    return this.#config.config;
  }

  get configProblems() {
    return this.#config.problems;
  }

  /** Why the folder `source:` names is not read (site discovery found it), with the offsets of `source:` in `_config.yml`. */
  get sourceProblem(): (SourceProblem & { readonly start: number; readonly end: number }) | undefined {
    return this.#sourceProblem;
  }

  get authors(): AuthorSource | undefined {
    return this.#authors;
  }

  get documents(): ReadonlyMap<string, SiteDocument> {
    return this.#documents;
  }

  get layouts(): ReadonlyMap<string, string> {
    return this.#layouts;
  }

  get staticFiles(): ReadonlySet<string> {
    return this.#staticFiles;
  }

  /** `_data` files by name as Liquid reaches them (`site.data.NAME`, `a/b` for `_data/a/b.yml`). */
  get dataFiles(): ReadonlyMap<string, string> {
    return this.#dataFiles;
  }

  get localPlugins(): ReadonlySet<string> {
    return this.#localPlugins;
  }

  document(path: string): SiteDocument | undefined {
    return this.#documents.get(path);
  }

  /**
   * How far the last build got: `reading` once the configuration and every file's path are known (layouts, data
   * files, static files) while documents are still being read; `complete` once it has read everything.
   */
  get progress(): 'empty' | 'reading' | 'complete' {
    return this.#progress;
  }

  /** A blog-wide list, computed once and kept until what it is made of changes (see `memo.ts`). */
  derived<T>(name: string, compute: () => T, dependsOn: MemoDependency): T {
    return this.#memo.get(name, compute, dependsOn);
  }

  /**
   * Reads the whole blog, with new settings when given. Returns what it learned of each document's text, for the
   * check run that follows to take (`computeDiagnostics`), so that run parses and scans nothing twice. Stops where
   * it is when `token` is cancelled (the caller then drops this index). It pauses as `pacing` says; at each pause
   * the index holds the documents read so far, whole (`progress` says how far it is). Documents in `first` (the
   * open ones) are read before the others.
   */
  async build(settings: BlogwrightSettings = this.#settings, token: CancellationToken = NOT_CANCELLED, { pacing = timePacing(), first = [] }: BuildOptions = {}): Promise<KeptAnalyses> {
    this.#progress = 'empty';
    const kept = new KeptAnalyses();
    const configTexts = await this.#reset(settings);
    const paths = await this.workspace.listFiles();
    const toRead: string[] = [];
    const templates: string[] = [];
    for (const path of paths) {
      const info = classifyPath(path, this.config);
      if (this.#classifyWithoutText(path, info)) {
        toRead.push(path);
      } else if (isTemplate(info)) {
        templates.push(path);
      }
      if (pacing.due()) {
        await pacing.pause();
      }
    }
    this.#progress = 'reading';
    // A `_data` file of authors is known from the paths: read first, completion offers them while the rest is read.
    await this.#readAuthors();
    const early = new Set(first);
    let listsMadeAt = 0;
    // Every pause of the reading, here or in the analyser, first brings what requests read up to the documents read.
    const slices: IPacing = {
      due: () => pacing.due(),
      pause: () => {
        // Lists made for requests meanwhile (completion) are made again once the documents read have doubled:
        // a list of n documents costs O(n), so all of them together cost a few times the last one.
        if (this.#documents.size >= listsMadeAt * LISTS_REMADE_AFTER_GROWTH) {
          this.#changed();
          listsMadeAt = this.#documents.size;
        }
        // The URL map follows the documents read, made and kept current a slice at a time: no request pays for all of it.
        this.urls.update(performance.now() + URL_MAP_SLICE_MS);
        return pacing.pause();
      },
    };
    const ordered = [...toRead.filter((p) => early.has(p)), ...toRead.filter((p) => !early.has(p))];
    if (!this.#analyser) {
      this.workspace.willRead?.(ordered);
    }
    for await (const { path, analysed } of this.#analysed(ordered, configTexts, token, slices)) {
      if (analysed) {
        this.#take(path, analysed, kept);
      } else {
        this.#addWithText(path, await this.workspace.readText(path), kept);
      }
      if (slices.due()) {
        // Reads may be synchronous: requests and edits go in between.
        await slices.pause();
        if (token.isCancellationRequested) {
          return kept;
        }
      }
    }
    for (const path of templates) {
      this.#readTemplate(path, textOf(await this.workspace.readText(path)));
    }
    if (this.#authors?.kind !== 'data') {
      // An `_authors` collection, read with the documents.
      await this.#readAuthors();
    }
    // Lists made for requests while reading know only the documents read by then.
    this.#changed();
    this.#progress = 'complete';
    return kept;
  }

  /**
   * Builds the index again from what `stored` kept of it, reading only the configuration: `files` are the files
   * the index was built over, `stored` what it read of each, `authors` the authors it had. The caller makes sure the
   * files, the configuration and the settings are those the snapshot was taken with (see session/indexStore.ts).
   */
  async restore(settings: BlogwrightSettings, files: readonly string[], stored: (path: string) => StoredFile | undefined, authors: AuthorSource | undefined): Promise<void> {
    await this.#reset(settings);
    for (const path of files) {
      const entry = stored(path);
      const info = classifyPath(path, this.config);
      if (this.#classifyWithoutText(path, info)) {
        const record = entry?.record;
        if (record) {
          // What the path says is the path's now, whatever the store says.
          this.#add(path, record.kind === 'document' ? { ...record, document: withShape(record.document, path, info) } : record, entry.keyHashes);
        }
      } else if (isTemplate(info) && entry?.templateIds) {
        this.links.templateIds.set(path, entry.templateIds);
        this.#templateKeys.set(path, entry.templateKeys ?? new Set());
        this.#templateAssigns.set(path, entry.templateAssigns ?? new Set());
        this.#templateIncludes.set(path, entry.templateIncludes ?? [ANY_INCLUDE]);
        if (entry.opensBlank === true) {
          this.#opensBlank.add(path);
        }
        if (entry.definesReferences === true) {
          this.#definesReferences.add(path);
        }
        if (entry.layoutParent !== undefined) {
          this.#layoutParents.set(path, entry.layoutParent);
        }
        if (entry.baseHref !== undefined) {
          this.#baseHrefs.set(path, entry.baseHref);
        }
      }
    }
    this.#authors = authors;
    this.#progress = 'complete';
  }

  /**
   * What the index learned of one file's text, for `restore` (with `links.keyHashesOf(path)`, what its links
   * resolved to): undefined for a file it did not read or found nothing in.
   */
  stored(path: string): StoredFile | undefined {
    const document = this.#documents.get(path);
    if (document) {
      const summary = this.links.summary(path);
      const links = summary && { ids: summary.ids, idsComplete: summary.idsComplete, includes: summary.includes, links: [] };
      return { record: { kind: 'document', document, links } };
    }
    if (this.#staticFiles.has(path) && classifyPath(path, this.config).kind === 'page-or-static' && mayBePage(path, this.config)) {
      return { record: { kind: 'static' } };
    }
    const templateIds = this.links.templateIds.get(path);
    const layoutParent = this.#layoutParents.get(path);
    const baseHref = this.#baseHrefs.get(path);
    return templateIds ? { templateIds, templateKeys: this.#templateKeys.get(path), templateAssigns: this.#templateAssigns.get(path), templateIncludes: this.#templateIncludes.get(path), ...(layoutParent === undefined ? {} : { layoutParent }), ...(this.#opensBlank.has(path) ? { opensBlank: true } : {}), ...(this.#definesReferences.has(path) ? { definesReferences: true } : {}), ...(baseHref === undefined ? {} : { baseHref }) } : undefined;
  }

  /** Empties the index and reads the configuration again; returns its text, as the build's analyser reads it too. */
  async #reset(settings: BlogwrightSettings): Promise<ConfigTexts> {
    this.#settings = settings;
    this.#scanner.clear();
    this.#changed();
    this.#documents.clear();
    this.#counts.clear();
    this.#layouts.clear();
    this.#templateKeys.clear();
    this.#templateAssigns.clear();
    this.#layoutParents.clear();
    this.#templateIncludes.clear();
    this.#opensBlank.clear();
    this.#definesReferences.clear();
    this.#baseHrefs.clear();
    this.#dataFiles.clear();
    this.#staticFiles.clear();
    this.#localPlugins.clear();
    this.urls.reset();
    this.links.clear();
    const texts = await readConfigTexts(this.workspace);
    this.#config = readConfig(texts.config, texts.gemfile);
    if (this.#sourceProblem) {
      const line = /^source[ \t]*:.*$/m.exec(texts.config ?? '');
      this.#sourceProblem = { ...this.#sourceProblem, start: line?.index ?? 0, end: line ? line.index + line[0].trimEnd().length : 0 };
    }
    return texts;
  }

  /**
   * `paths` in their order, each with its record when the analyser made it (a worker thread and this one share the
   * work), else to be read here: without an analyser, for what it leaves to the index (open buffers), and for the
   * rest once it fails.
   */
  async *#analysed(paths: readonly string[], configTexts: ConfigTexts, token: CancellationToken, pacing: IPacing): AsyncGenerator<AnalysedPath> {
    let given = 0;
    if (this.#analyser) {
      try {
        for await (const item of this.#analyser.analyse(paths, { configTexts, token, pacing, linkKeys: this.links.resolve !== undefined })) {
          given++;
          yield item;
        }
      } catch {
        // It cannot go on (out of memory, the thread ended): the rest are read here.
      }
    }
    if (token.isCancellationRequested) {
      return;
    }
    for (const path of paths.slice(given)) {
      yield { path, analysed: undefined };
    }
  }

  /** Takes a record analysed elsewhere, with its links' key hashes and, for the check after the build, its analysis. */
  #take(path: string, analysed: AnalysedRecord, kept: KeptAnalyses): void {
    const summary = this.#add(path, analysed.record, analysed.keyHashes);
    const { record, analysis } = analysed;
    if (record.kind === 'document' && analysis) {
      // The index's own set of ids, not a second copy of them (thousands of documents wait for their check).
      kept.add(path, summary && analysis.links ? { ...analysis, links: { ...analysis.links, ids: summary.ids } } : analysis, record.document);
    }
  }

  /**
   * Takes a file's new text (undefined when deleted) and says what to re-check.
   * `_config.yml` and author data re-derive the whole model; a document itself, plus the documents that
   * link to it when its URLs, its ids or its existence changed. `exists` is false only for a deleted file
   * (a binary file has no text but exists).
   */
  async update(path: string, text: string | undefined, exists = text !== undefined): Promise<SiteChange> {
    const info = classifyPath(path, this.config);
    if (info.kind === 'config') {
      await this.build();
      return { scope: 'all' };
    }
    const before = this.#documents.get(path);
    const linkedBefore = this.#linkTargetState(path);
    const wasStatic = this.#staticFiles.has(path);
    const wasPlugin = this.#localPlugins.has(path);
    this.#forget(path);
    if (exists && this.#classifyWithoutText(path, info)) {
      this.#addWithText(path, text !== undefined ? { kind: 'text', text } : { kind: 'skipped', reason: l10n.t('not text') });
    }
    this.urls.touch(path);
    const keysBefore = this.#templateKeys.get(path);
    const assignsBefore = this.#templateAssigns.get(path);
    const idsBefore = this.links.templateIds.get(path);
    const includesBefore = this.#templateIncludes.get(path);
    const opensBlankBefore = this.#opensBlank.has(path);
    const definesBefore = this.#definesReferences.has(path);
    const baseBefore = this.#baseHrefs.get(path);
    if (isTemplate(info)) {
      this.#readTemplate(path, text);
    }
    const linkedAfter = this.#linkTargetState(path);
    const after = this.#documents.get(path);
    if (!before && !after) {
      // Not a document (an ignored file, an asset): only the set of static files matters.
      if (wasStatic !== this.#staticFiles.has(path) || wasPlugin !== this.#localPlugins.has(path)) {
        this.#changed();
      }
    } else if (!before || !after || before.kind !== after.kind) {
      this.#changed();
    } else {
      const keys = changedKeys(before.data, after.data);
      if (keys.length > 0) {
        this.#changed(keys, keys.some((key) => !(key in before.data) || !(key in after.data)));
      }
    }
    if (info.kind === 'data' || (this.#authors?.kind === 'collection' && path.startsWith(this.#authors.path + '/'))) {
      const authorsBefore = this.#authors;
      await this.#readAuthors();
      if (authorsBefore !== this.#authors) {
        this.#changed();
        return { scope: 'all' };
      }
    }
    const keysAfter = this.#templateKeys.get(path);
    const idsAfter = this.links.templateIds.get(path);
    const writesAsBefore = (idsBefore === undefined) === (idsAfter === undefined) && sameKeys(idsBefore, idsAfter) && sameKeys(new Set(includesBefore), new Set(this.#templateIncludes.get(path))) && opensBlankBefore === this.#opensBlank.has(path) && definesBefore === this.#definesReferences.has(path) && baseBefore === this.#baseHrefs.get(path);
    if (info.kind === 'layout' || !sameKeys(keysBefore, keysAfter) || !sameKeys(assignsBefore, this.#templateAssigns.get(path)) || !writesAsBefore) {
      // A layout changes every page it frames; a template reading other keys changes which keys are the blog's own;
      // an include assigning other variables changes what the pages that include it set; one writing other ids, or
      // including others, changes the ids of the pages it is on.
      this.#changed();
      return { scope: 'all' };
    }
    if (linkedBefore.state === linkedAfter.state) {
      return { scope: 'documents', paths: [path] };
    }
    const dependents = this.links.sourcesOf(new Set([...linkedBefore.keys, ...linkedAfter.keys]));
    dependents.delete(path);
    return { scope: 'documents', paths: [path, ...dependents] };
  }

  /** The one scan of a document's text (see `documentScan.ts`), read as the index reads the document at `path`. */
  scan(path: string, text: string): DocumentScan {
    return this.#scanner.scan(this.config, path, text, this.#documents.get(path)?.data);
  }

  /** What links to `path` depend on: its existence, its URLs and its ids. */
  #linkTargetState(path: string): { keys: string[]; state: string } {
    const exists = this.#documents.has(path) || this.#staticFiles.has(path);
    const viaBase = this.#baseHrefs.size > 0;
    if (!exists) {
      return { keys: documentKeys(this, path, viaBase), state: '' };
    }
    const keys = documentKeys(this, path, viaBase);
    const summary = this.links.summary(path);
    const ids = summary ? [...summary.ids].join(' ') + (summary.idsComplete ? '' : ' ?') : '';
    // Its layout and includes too: the ids they write are on its page (`templatesOn`).
    const layout = this.#documents.get(path)?.data['layout'];
    const includes = summary ? summary.includes.join(' ') : '';
    return { keys, state: `${this.#documents.get(path)?.kind ?? 'static'}|${this.urls.urlsOf(path).join(' ')}|${ids}|${typeof layout === 'string' ? layout : ''}|${includes}` };
  }

  /**
   * What the index takes of a layout or include: the ids it writes (`id="..."`, with its Liquid as written) and what
   * it includes, for the pages it is on (`templatesOn`), and the front matter keys it reads (`page.apiDocs`).
   */
  #readTemplate(path: string, text: string | undefined): void {
    this.links.templateIds.delete(path);
    this.#templateKeys.delete(path);
    this.#templateAssigns.delete(path);
    this.#layoutParents.delete(path);
    this.#templateIncludes.delete(path);
    this.#opensBlank.delete(path);
    this.#definesReferences.delete(path);
    this.#baseHrefs.delete(path);
    if (text !== undefined) {
      if (opensBlank(text)) {
        this.#opensBlank.add(path);
      }
      if (definesReferences(text)) {
        this.#definesReferences.add(path);
      }
      const baseHref = baseHrefIn(text);
      if (baseHref !== undefined) {
        this.#baseHrefs.set(path, baseHref);
      }
      this.links.templateIds.set(path, new Set(htmlIds(text)));
      this.#templateIncludes.set(path, includedNames(text).map(detached));
      this.#templateKeys.set(path, new Set(Array.from(text.matchAll(/\bpage\.([A-Za-z_][\w-]*)/g), (match) => match[1]!)));
      this.#templateAssigns.set(path, new Set(Array.from(text.matchAll(/\{%-?\s*(?:assign\s+([A-Za-z_][\w-]*)\s*=|capture\s+([A-Za-z_][\w-]*)\s*-?%)/g), (match) => (match[1] ?? match[2])!)));
      const parent = classifyPath(path, this.config).kind === 'layout' ? frontMatterData(parseFrontMatter(text))['layout'] : undefined;
      if (typeof parent === 'string' && parent !== '') {
        this.#layoutParents.set(path, parent);
      }
    }
  }

  /**
   * The layout files that frame a document: the layout it names (after `defaults`), that layout's own, and so on.
   * Undefined when that is not known here: no `layout` key (jekyll-default-layout may give one), a theme's layout,
   * or one not on disk. Jekyll writes a layout's ids only on the pages it frames (the oracle: `id="{{ page.os }}"`
   * in `install.html` is on install.html, not on a post).
   */
  framingLayouts(path: string): ReadonlySet<string> | undefined {
    const document = this.#documents.get(path);
    if (!document || this.config.hasTheme) {
      return undefined;
    }
    const framing = new Set<string>();
    let name = withDefaults(this.config, path, defaultsTypeOf(document), document.data)['layout'];
    while (name !== 'none') {
      const layoutPath = typeof name === 'string' ? this.#layouts.get(name) : undefined;
      if (layoutPath === undefined) {
        return undefined;
      }
      if (framing.has(layoutPath)) {
        break; // a loop, which Jekyll reports; nothing more to learn
      }
      framing.add(layoutPath);
      name = this.#layoutParents.get(layoutPath);
      if (name === undefined) {
        break;
      }
    }
    return framing;
  }

  /**
   * The layouts and includes whose ids may be on the page of `path`, whose text includes `includes`: the layouts
   * that frame it, and every include its text or those layouts name, through the includes those name in turn.
   * Undefined when any may be: its layouts unknown (`framingLayouts`), an include's name made by Liquid or by
   * `include_relative`, or one not read (not on disk, which fails the build, or not yet). The oracle: an include's
   * `id="{{ include.id }}"` is only on the pages that include it, directly or through a layout or another include.
   */
  templatesOn(path: string, includes: readonly string[] | undefined): ReadonlySet<string> | undefined {
    const framing = this.framingLayouts(path);
    if (!framing || !includes) {
      return undefined;
    }
    const on = new Set(framing);
    const names = [...includes];
    for (const layout of framing) {
      const named = this.#templateIncludes.get(layout);
      if (!named) {
        return undefined;
      }
      names.push(...named);
    }
    for (let name = names.pop(); name !== undefined; name = names.pop()) {
      const include = includePath(name);
      const named = this.#templateIncludes.get(include);
      if (name === ANY_INCLUDE || !named) {
        return undefined;
      }
      if (!on.has(include)) {
        on.add(include);
        names.push(...named);
      }
    }
    return on;
  }

  /**
   * The href of the `<base>` tag on the page of `path` (whose text includes `includes`), written by a layout or
   * include on it (`templatesOn`); undefined when none is, or which are on it is not known.
   */
  baseHrefOn(path: string, includes: readonly string[] | undefined): string | undefined {
    if (this.#baseHrefs.size === 0) {
      return undefined;
    }
    const on = this.templatesOn(path, includes);
    for (const template of on ?? []) {
      const href = this.#baseHrefs.get(template);
      if (href !== undefined) {
        return href;
      }
    }
    return undefined;
  }

  /**
   * Whether an include the text of a page names (`includes`), or one those include, may define references: its
   * lines are in the page's Markdown before kramdown reads it (the oracle: tomjoht's links.html, a loop writing
   * `[{{ ... }}]: {{ ... }}` lines, defines `[text][label]`'s labels). A layout renders after kramdown: its do not.
   * An include not on disk (a theme's) is taken to define none, as before.
   */
  includesDefineReferences(includes: readonly string[]): boolean {
    const names = [...includes];
    const seen = new Set<string>();
    for (let name = names.pop(); name !== undefined; name = names.pop()) {
      const include = includePath(name);
      if (this.#definesReferences.has(include)) {
        return true;
      }
      if (!seen.has(include)) {
        seen.add(include);
        names.push(...(this.#templateIncludes.get(include) ?? []));
      }
    }
    return false;
  }

  /** Whether `_includes/<name>`'s first line writes nothing; undefined when it is not on disk (a theme's). */
  includeOpensBlank(name: string): boolean | undefined {
    const path = '_includes/' + name;
    return this.links.templateIds.has(path) ? this.#opensBlank.has(path) : undefined;
  }

  /** The variables `_includes/<name>` assigns; undefined when it is not on disk (a theme's). */
  includeAssigns(name: string): ReadonlySet<string> | undefined {
    return this.#templateAssigns.get('_includes/' + name);
  }

  /** Whether a layout or include reads this front matter key (`page.apiDocs`). */
  templateReads(key: string): boolean {
    for (const keys of this.#templateKeys.values()) {
      if (keys.has(key)) {
        return true;
      }
    }
    return false;
  }

  /** How often each tag (or category) is used by posts, drafts, pages and collection documents, most used first. */
  tagCounts(key: 'tags' | 'categories' = 'tags'): ReadonlyMap<string, number> {
    return this.derived(`tagCounts:${key}`, () => this.#counts.sortedTags(key), tagKeys(key));
  }

  /** How many documents use each front matter key. */
  keyCounts(): ReadonlyMap<string, number> {
    return this.#counts.keys;
  }

  /** Post counts per author id, for ranking completions. */
  authorPostCounts(): ReadonlyMap<string, number> {
    return this.#counts.authors;
  }

  /** Drops the lists a change made stale: those made of `keys` (front matter values), or all of them. */
  #changed(keys?: readonly string[], keySetChanged = true): void {
    if (keys) {
      this.#memo.dataChanged(keys, keySetChanged);
    } else {
      this.#memo.clear();
    }
  }

  /** Records path-only facts; true when the file's text is needed. */
  #classifyWithoutText(path: string, info: DocumentKind = classifyPath(path, this.config)): boolean {
    switch (info.kind) {
      case 'post':
      case 'misnamed-post':
      case 'draft':
      case 'collection':
        return true;
      case 'layout':
        this.#layouts.set(info.name, path);
        return false;
      case 'data':
        this.#dataFiles.set(info.name, path);
        return false;
      case 'page-or-static':
        if (mayBePage(path, this.config)) {
          return true;
        }
        this.#staticFiles.add(path);
        return false;
      default:
        if (isLocalPlugin(path, this.config)) {
          this.#localPlugins.add(path);
        }
        return false;
    }
  }

  /** Indexes a document; with `kept`, keeps its analysis there for its first check (a whole-blog build checks everything next). */
  #addWithText(path: string, read: ReadResult, kept?: KeptAnalyses): void {
    const analysed = analyseFile(path, read, this.config, this.#scanner);
    if (!analysed) {
      return;
    }
    const summary = this.#add(path, analysed.record);
    const { record, text, parsed, scanned } = analysed;
    if (kept && record.kind === 'document' && parsed && text !== undefined) {
      kept.add(path, keptAnalysis(text, parsed, scanned && summary && { scanned, ids: summary.ids, anchors: record.document.anchors }), record.document);
    }
  }

  /**
   * Takes a file's record (see `fileRecord.ts`), made here or elsewhere from the text the file has now;
   * `keyHashes`, when given, are what its links resolved to where the record was made (see `LinkIndex.set`).
   */
  #add(path: string, record: FileRecord, keyHashes?: Int32Array): LinkSummary | undefined {
    // A no-op unless the URL map was made (a build makes it as it reads).
    this.urls.touch(path);
    if (record.kind === 'static') {
      this.#staticFiles.add(path);
      return undefined;
    }
    const document = record.document;
    this.#documents.set(path, document);
    this.#counts.add(document);
    // After the document is in: its links resolve against its own URL.
    return record.links && this.links.set(path, record.links, document.kind === 'post', keyHashes);
  }

  #forget(path: string): void {
    this.links.delete(path);
    const document = this.#documents.get(path);
    if (document) {
      this.#counts.remove(document);
    }
    this.#documents.delete(path);
    this.#staticFiles.delete(path);
    this.#localPlugins.delete(path);
    for (const map of [this.#layouts, this.#dataFiles]) {
      for (const [name, p] of map) {
        if (p === path) {
          map.delete(name);
        }
      }
    }
  }

  async #readAuthors(): Promise<void> {
    this.#authors = await readAuthorSource(this.#settings.authorsSource, {
      workspace: this.workspace,
      dataFiles: this.#dataFiles,
      collectionsDir: this.config.collectionsDir,
      documents: () => this.#documents.values(),
    });
  }
}

/** Top-level keys whose values differ between two versions of a document's front matter. */
function changedKeys(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !(key in before) || !(key in after) || JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function textOf(read: ReadResult): string | undefined {
  return read.kind === 'text' ? read.text : undefined;
}

function sameKeys(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((key) => b?.has(key));
}

/** Layouts and includes: their ids are on the pages that use them. */
function isTemplate(info: DocumentKind): boolean {
  return info.kind === 'layout' || info.kind === 'include';
}

/** A Ruby file in `plugins_dir` (default `_plugins`), which Jekyll loads outside safe mode. */
function isLocalPlugin(path: string, config: SiteConfig): boolean {
  const dir = typeof config.raw['plugins_dir'] === 'string' ? config.raw['plugins_dir'].replace(/^\.?\/+|\/+$/g, '') : '_plugins';
  return path.startsWith(dir + '/') && path.endsWith('.rb');
}

/** The file of `{% include name %}`: `/alerts/x.html` is `alerts/x.html` to Jekyll too. */
function includePath(name: string): string {
  return '_includes/' + name.replace(/^\/+/, '');
}

/** Whether a template has a line that defines a reference as kramdown reads one, its label or URL Liquid's or not. */
function definesReferences(text: string): boolean {
  return /^ {0,3}\[[^\]\n]+\]:/m.test(text);
}

/**
 * Whether a template's first line writes nothing whatever its variables: empty, or Liquid tags (`{% if x %}`) and
 * spaces. A tag that trims whitespace (`-%}`) may join the next line to it: not counted, nor output (`{{ }}`).
 */
function opensBlank(text: string): boolean {
  const lineEnd = text.indexOf('\n');
  const line = lineEnd === -1 ? text : text.slice(0, lineEnd);
  return !/-%\}|\{%-|\{\{|\{%-?\s*(?:comment|raw|capture)\b/.test(line) && line.replace(/\{%[^%]*%\}/g, '').trim() === '';
}
