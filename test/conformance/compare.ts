/**
 * Compares, fact by fact, what the real Jekyll built (jekyll.ts) with what Blogwright derives from the
 * sources without building: the URL map, documents, ids, link verdicts and Liquid in code.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileDiagnostics } from '../../server/src/core/fileDiagnostics';
import { parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { excerptSeparator, excerptSource } from '../../server/src/core/render/themed/excerpt';
import { withSettings } from '../../server/src/core/settings';
import { withDefaults } from '../../server/src/core/site/frontMatterDefaults';
import { generatedUrls } from '../../server/src/core/site/generatedUrls';
import { categoriesOf, postDate } from '../../server/src/core/site/permalink';
import { SiteIndex, type SiteDocument } from '../../server/src/core/site/siteIndex';
import { tagsOf } from '../../server/src/core/site/tags';
import { decodePath } from '../../server/src/core/url';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';
import { codeTexts, htmlIds, htmlUrls } from './html';
import type { JekyllBuild, JekyllDocument } from './jekyll';

export const FACT_KINDS = ['url map', 'documents', 'ids', 'link verdicts', 'liquid in code'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Difference {
  readonly kind: FactKind;
  readonly blog: string;
  readonly path: string;
  readonly detail: string;
  /** Set when the difference is one of the deliberate ones (DELIBERATE), with its reason. */
  readonly deliberate?: string;
}

export interface Tally {
  /** Facts compared, per kind. */
  readonly total: Record<FactKind, number>;
  /** Facts on which both agree, per kind. */
  readonly agree: Record<FactKind, number>;
  readonly differences: Difference[];
}

export function emptyTally(): Tally {
  const zero = () => Object.fromEntries(FACT_KINDS.map((k) => [k, 0])) as Record<FactKind, number>;
  return { total: zero(), agree: zero(), differences: [] };
}

export function addTally(into: Tally, from: Tally): void {
  for (const kind of FACT_KINDS) {
    into.total[kind] += from.total[kind];
    into.agree[kind] += from.agree[kind];
  }
  into.differences.push(...from.differences);
}

/** The differences Blogwright makes on purpose, each with its reason (CONFORMANCE.md lists them). */
export const DELIBERATE = {
  converted: 'A .scss/.coffee file is published under both names: whether it has front matter (and is converted) is not read.',
  literalReference: 'A reference link without definition: kramdown prints it as text (no href), Blogwright reports it (link.reference).',
  liquidOutput: 'Liquid output in code meant to be seen (a string, a site setting, a variable the page sets), or a comment in code meant to be taken out, is not reported.',
  outsideBaseurl: 'A link outside baseurl that exists nowhere: the host may serve other sites there (not reported).',
  unknownIds: 'Ids cannot be known (Liquid in a heading): fragments into the page are not checked.',
  futurePost: 'A post dated after the build is published by the first build on or after its date: links to a scheduled post are not reported.',
  unverified: "A blog with _plugins or a plugin Blogwright does not know may make any page: a URL the map lacks is 'cannot verify' (link.unverified, information), not broken.",
  templatedFile: 'A feed or stylesheet with front matter (not Markdown or HTML) is a static file to Blogwright: the same URL, no document facts.',
  madeByLiquid: 'A URL made by an include or a Liquid expression (`{% include img.html url=... %}`) is not in the source: Blogwright cannot know it and never reports it.',
  unusedDefinition: 'A reference definition no link uses: kramdown writes nothing, Blogwright still checks its URL.',
  templateIds: 'An id an include or layout writes (an inline SVG, a table of contents): Blogwright accepts the ids that the layouts and includes on the page may write (Liquid in one may write any), and does not expand includes.',
  includeStructure: "An include's HTML changes the Markdown around it (it opens an HTML block that swallows what follows): Blogwright does not expand includes, so it reads the headers after it as headers.",
  redirectLayout: 'jekyll-redirect-from replaces a page with `redirect_to` by a redirect page (layout `redirect`): Blogwright reads the page as its author wrote it.',
  lazyCodeLine: "kramdown continues indented code with the unindented line after it; a Liquid tag alone there is gone before kramdown runs, so Jekyll's code is as written and Blogwright rightly does not warn.",
} as const;

interface Reported {
  readonly code: string;
  readonly start: number;
  readonly written: string;
  /** The report is on a reference definition's URL. */
  readonly definition: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function isDefinition(text: string, start: number): boolean {
  return /^ {0,3}\[[^\]]+\]:\s*<?$/.test(text.slice(text.lastIndexOf('\n', start) + 1, start));
}

const LINK_CODES = new Set(['link.url', 'link.fragment', 'link.file', 'link.post-url', 'link.baseurl', 'link.suspicious', 'link.unverified']);

interface Counter {
  fact(kind: FactKind, agree: boolean, path: string, detail: () => string, deliberate?: string): void;
}

/** Indexes the blog at `root` as the CLI does and compares it with Jekyll's build of the same folder. */
export async function compareBlog(blog: string, root: string, build: JekyllBuild): Promise<Tally> {
  const tally = emptyTally();
  const counter: Counter = {
    fact(kind, agree, path, detail, deliberate) {
      tally.total[kind]++;
      if (agree) {
        tally.agree[kind]++;
      } else {
        tally.differences.push({ kind, blog, path, detail: detail(), ...(deliberate ? { deliberate } : {}) });
      }
    },
  };
  const workspace = new FileSystemWorkspace(root);
  const site = new SiteIndex(workspace, withSettings(undefined), { dependants: false });
  await site.build();
  compareUrlMap(site, build, counter);
  const pages = new PageIds(build);
  const baseurl = build.baseurl.replace(/\/$/, '');
  for (const jekyll of build.documents) {
    const document = site.document(jekyll.path);
    if (!document) {
      const templated = !jekyll.markdown && !/\.html?$/i.test(jekyll.path);
      counter.fact('documents', false, jekyll.path, () => `Jekyll reads this ${jekyll.kind}, Blogwright does not`, templated ? DELIBERATE.templatedFile : undefined);
      continue;
    }
    const read = workspace.readTextSync(jekyll.path);
    if (read.kind !== 'text') {
      continue;
    }
    const diagnostics = fileDiagnostics(site, { document: new TextDocumentSnapshot(jekyll.path, 0, read.text) }, []);
    compareDocument(site, document, jekyll, diagnostics, counter);
    compareExcerpt(site, document, read.text, jekyll, counter);
    compareIds(site, document, read.text, jekyll, counter);
    compareLinks(read.text, diagnostics, jekyll, pages, baseurl, counter);
    if (jekyll.markdown) {
      compareLiquidInCode(diagnostics, jekyll, counter);
    }
  }
  return tally;
}

function compareUrlMap(site: SiteIndex, build: JekyllBuild, counter: Counter): void {
  const generated = generatedUrls(site.config);
  for (const file of build.files) {
    const url = '/' + file;
    counter.fact('url map', site.urls.lookup(encodeURI(url)) !== undefined || generated.matches(url), file, () => `Jekyll wrote ${url}; Blogwright's map has no such URL`);
  }
  const sources = [...site.staticFiles, ...site.documents.keys()];
  for (const path of sources) {
    for (const url of site.urls.urlsOf(path)) {
      const decoded = decodePath(url);
      const found = servedFile(build.files, decoded) !== undefined;
      const converted = /\.(scss|sass|coffee|css|js)$/.test(decoded) && site.staticFiles.has(path);
      const future = /(?:^|\/)_posts\/(?:.*\/)?(\d{4})-/.exec(path)?.[1];
      const reason = converted ? DELIBERATE.converted : future !== undefined && Number(future) > new Date().getUTCFullYear() ? DELIBERATE.futurePost : undefined;
      counter.fact('url map', found, path, () => `Blogwright publishes ${url}; Jekyll wrote nothing there`, reason);
    }
  }
}

/** The file a static web server serves for a decoded URL path, as GitHub Pages does. */
function servedFile(files: ReadonlySet<string>, path: string): string | undefined {
  const bare = path.replace(/^\//, '');
  const candidates = bare === '' || bare.endsWith('/') ? [bare + 'index.html'] : [bare, bare + '.html', bare + '/index.html'];
  return candidates.find((c) => files.has(c));
}

function compareDocument(site: SiteIndex, document: SiteDocument, jekyll: JekyllDocument, diagnostics: readonly Diagnostic[], counter: Counter): void {
  const info = document;
  const type = info.kind === 'post' ? 'posts' : info.kind === 'collection' ? info.collection : 'pages';
  const data = withDefaults(site.config, document.path, type, document.data);
  const same = (field: string, ours: unknown, theirs: unknown, deliberate?: string) =>
    counter.fact('documents', JSON.stringify(ours ?? null) === JSON.stringify(theirs ?? null), document.path, () => `${field}: Jekyll ${JSON.stringify(theirs)}, Blogwright ${JSON.stringify(ours)}`, deliberate);
  if (data['title'] !== undefined) {
    same('title', jsonValue(data['title']), jekyll.title);
  }
  // jekyll-redirect-from gives a page with `redirect_to` its own layout.
  same('layout', data['layout'], jekyll.layout, jekyll.layout === 'redirect' && Boolean(data['redirect_to']) ? DELIBERATE.redirectLayout : undefined);
  if (jekyll.kind === 'page') {
    return;
  }
  if (info.kind === 'post') {
    const date = postDate(info.date, data['date'], site.config.timezone);
    const ours = date && `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)}`;
    same('date', ours, jekyll.date?.slice(0, 19));
    same('slug', typeof data['slug'] === 'string' ? data['slug'] : info.slug, jekyll.slug);
    same('categories', categoriesOf(data, info.categories), jekyll.categories);
  }
  same('tags', tagsOf(data), jekyll.tags);
  // A title YAML makes a list or a map prints wrongly: Blogwright must say so.
  if (jekyll.title !== null && typeof jekyll.title === 'object') {
    counter.fact('documents', diagnostics.some((d) => d.code === 'frontmatter.not-text'), document.path, () => `title is ${JSON.stringify(jekyll.title)} for Jekyll; no frontmatter.not-text`);
  }
}

/** The excerpt the published preview shows as `page.excerpt` (before Liquid), where Jekyll makes one. */
function compareExcerpt(site: SiteIndex, document: SiteDocument, text: string, jekyll: JekyllDocument, counter: Counter): void {
  const theirs = jekyll.excerptSource;
  if (theirs === null || document.data['excerpt'] !== undefined) {
    return;
  }
  const ours = excerptSource(text.slice(parseFrontMatter(text).bodyStart), excerptSeparator(document.data, site.config.raw));
  counter.fact('documents', ours === theirs, document.path, () => `excerpt: Jekyll ${JSON.stringify(theirs.slice(0, 120))}, Blogwright ${JSON.stringify(ours.slice(0, 120))}`);
}

function jsonValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function compareIds(site: SiteIndex, document: SiteDocument, text: string, jekyll: JekyllDocument, counter: Counter): void {
  if (!jekyll.markdown) {
    return;
  }
  const scanned = site.scan(document.path, text).links;
  if (!scanned) {
    return;
  }
  const theirs = htmlIds(jekyll.content);
  const ours = scanned.ids;
  /** Why an id only one side has is a deliberate difference, if it is one. */
  const reason = (id: string): string | undefined => {
    if (!scanned.idsComplete) {
      return DELIBERATE.unknownIds;
    }
    if (theirs.has(id)) {
      const tocByInclude = /^markdown-toc(?:-|$)/.test(id) && /\{%-?\s*include\s/.test(text);
      return site.links.templateMayWrite(id, site.templatesOn(document.path, scanned.includes)) || tocByInclude ? DELIBERATE.templateIds : undefined;
    }
    // The header's line is in Jekyll's output as written, after an include: the include's HTML swallowed it.
    const heading = scanned.headings.find((h) => h.id === id);
    if (heading === undefined || !/\{%-?\s*include\s/.test(text.slice(0, heading.start))) {
      return undefined;
    }
    const lineEnd = text.indexOf('\n', heading.start);
    return jekyll.content.includes(text.slice(heading.start, lineEnd < 0 ? undefined : lineEnd).trimEnd()) ? DELIBERATE.includeStructure : undefined;
  };
  for (const id of new Set([...theirs, ...ours])) {
    const agree = theirs.has(id) && ours.has(id);
    const detail = () => (theirs.has(id) ? `Jekyll writes id "${id}", Blogwright does not know it` : `Blogwright knows id "${id}", Jekyll writes none`);
    const deliberate = agree ? undefined : reason(id);
    counter.fact('ids', agree, document.path, detail, deliberate);
  }
}

/** The ids of each page Jekyll wrote, read on demand. */
class PageIds {
  readonly #ids = new Map<string, Set<string>>();
  constructor(readonly build: JekyllBuild) {
    // A document's own ids count on its page even when its layout drops them (the allegro corpus ships empty layouts).
    for (const document of build.documents) {
      const file = servedFile(build.files, decodePath(document.url));
      if (file !== undefined) {
        const ids = this.of(file);
        htmlIds(document.content).forEach((id) => ids.add(id));
      }
    }
  }
  of(file: string): Set<string> {
    let ids = this.#ids.get(file);
    if (!ids) {
      ids = htmlIds(this.build.read(file));
      this.#ids.set(file, ids);
    }
    return ids;
  }
}

/** Why a URL in Jekyll's output does not work, or undefined when it does (or is not the site's to say). */
function brokenBecause(written: string, pageUrl: string, pages: PageIds, baseurl: string): string | undefined {
  // `site.url` + path is the site's own page, written absolutely; over http too (GitHub Pages sends it to https).
  const site = [pages.build.url, pages.build.url.replace(/^https:/, 'http:'), pages.build.url.replace(/^http:/, 'https:')].find((url) => url !== '' && (written === url || written.startsWith(url + '/')));
  const href = site !== undefined ? written.slice(site.length) || '/' : written;
  if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
    return undefined;
  }
  let resolved: URL;
  try {
    resolved = new URL(href, 'http://site.invalid' + baseurl + pageUrl);
  } catch {
    return 'not a URL';
  }
  let path = resolved.pathname;
  if (baseurl !== '') {
    if (path !== baseurl && !path.startsWith(baseurl + '/')) {
      return 'outside baseurl';
    }
    path = path.slice(baseurl.length) || '/';
  }
  const file = servedFile(pages.build.files, decodePath(path));
  if (file === undefined) {
    return 'no such file';
  }
  const fragment = resolved.hash.slice(1);
  if (fragment !== '' && /\.html?$/.test(file)) {
    const id = decodePath(fragment);
    if (!pages.of(file).has(id)) {
      return `no id "${id}" in ${file}`;
    }
  }
  return undefined;
}

function compareLinks(text: string, diagnostics: readonly Diagnostic[], jekyll: JekyllDocument, pages: PageIds, baseurl: string, counter: Counter): void {
  const document = new TextDocumentSnapshot(jekyll.path, 0, text);
  const reported: Reported[] = diagnostics
    .filter((d) => LINK_CODES.has(String(d.code)))
    .map((d) => ({ code: String(d.code), start: document.offsetAt(d.range.start), written: text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)) }))
    .map((r) => ({ ...r, definition: isDefinition(text, r.start) }))
    // Two findings on one link (a forgotten baseurl and a missing fragment) are one verdict: the link does not work.
    .filter((r, i, all) => all.findIndex((other) => other.start === r.start) === i);
  // Deliberate only where kramdown did print the text: `[label]` is in its output.
  const references = diagnostics
    .filter((d) => d.code === 'link.reference')
    .map((d) => {
      const start = document.offsetAt(d.range.start);
      // `[text][label]`: kramdown prints `[text]` (and may read `[label]` as a link of its own: `[r 1] [ref]`).
      const textOpen = text[start - 1] === '[' && text[start - 2] === ']' ? text.lastIndexOf('[', start - 3) : -1;
      return { label: text.slice(start, document.offsetAt(d.range.end)), linkText: textOpen >= 0 ? text.slice(textOpen, start - 1) : undefined };
    });
  // The text without its Liquid: a URL found only inside a tag (`{% include img.html url="/x.png" %}`) is Liquid's to make.
  const outsideLiquid = text.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '');
  const hrefs = htmlUrls(jekyll.content).map((href) => ({ href, broken: brokenBecause(href, jekyll.url, pages, baseurl), match: undefined as Reported | undefined }));
  // Pair each report with the URL it is about: the same text first, then a written form of it (Liquid, a fragment).
  type Href = (typeof hrefs)[number];
  // Liquid's output is unknown here, but what follows it is written as is: `{{ site.baseurl }}/x.png` ends in `/x.png`.
  const tail = (r: Reported) => r.written.replace(/^[\s\S]*(?:\}\}|%\})/, '');
  const matchers = [
    (r: Reported, h: Href) => r.written === h.href,
    (r: Reported, h: Href) => endsWith(h.href, r.written) || endsWith(r.written, h.href) || (r.written.includes('{') && tail(r) !== '' && h.href.endsWith(tail(r))),
    (r: Reported, h: Href) => r.written.includes('{') && h.broken !== undefined,
    // jekyll-relative-links wrote the URL of the file named (`guide.md#step` became `/docs/guide.html#step`): the same
    // fragment on a broken URL.
    (r: Reported, h: Href) => h.broken !== undefined && r.written.includes('#') && h.href.endsWith(r.written.slice(r.written.indexOf('#'))),
  ];
  const paired: Reported[] = [];
  for (const same of matchers) {
    for (const h of hrefs) {
      // A report on the URL itself before one on a reference definition, which a link may not use.
      const direct = h.match ? -1 : reported.findIndex((r) => !r.definition && same(r, h));
      const index = h.match || direct >= 0 ? direct : reported.findIndex((r) => same(r, h));
      if (index >= 0) {
        h.match = reported.splice(index, 1)[0];
        paired.push(h.match!);
      }
    }
  }
  // A reference definition used twice is two hrefs and one report, at the definition: it covers both.
  for (const h of hrefs) {
    if (!h.match && h.broken !== undefined) {
      h.match = paired.find((r) => r.definition && r.written === h.href);
    }
  }
  for (const { href, broken, match } of hrefs) {
    if (broken === undefined && match === undefined) {
      counter.fact('link verdicts', true, jekyll.path, () => '');
      continue;
    }
    const unverified = match?.code === 'link.unverified';
    counter.fact(
      'link verdicts',
      broken !== undefined && match !== undefined && !unverified,
      jekyll.path,
      () => (broken !== undefined ? `"${href}" is broken in _site (${broken}); Blogwright is silent` : `"${href}" works in _site; Blogwright reports ${match!.code} on "${match!.written}"`),
      unverified
        ? DELIBERATE.unverified
        : match === undefined && broken === 'outside baseurl'
          ? DELIBERATE.outsideBaseurl
          : match === undefined && !outsideLiquid.includes(href.replace(/[?#].*$/, ''))
            ? DELIBERATE.madeByLiquid
            : undefined,
    );
  }
  for (const left of reported) {
    const reason = left.code === 'link.unverified' ? DELIBERATE.unverified : left.definition ? DELIBERATE.unusedDefinition : undefined;
    counter.fact('link verdicts', false, jekyll.path, () => `Blogwright reports ${left.code} on "${left.written}"; Jekyll's output has no such URL`, reason);
  }
  for (const { label, linkText } of references) {
    const printed = [`[${label}]`, linkText].some((written) => written !== undefined && (jekyll.content.includes(written) || jekyll.content.includes(escapeHtml(written))));
    counter.fact(
      'link verdicts',
      false,
      jekyll.path,
      () => (printed ? `Blogwright reports link.reference on "${label}"; kramdown prints the text` : `Blogwright reports link.reference on "${label}"; kramdown's output has no "[${label}]"`),
      printed ? DELIBERATE.literalReference : undefined,
    );
  }
}

/** `long` ends with `short` after a prefix that is more than a relative step (`../about/` is not `/about/`). */
function endsWith(long: string, short: string): boolean {
  return long.endsWith(short) && !/^[./]+$/.test(long.slice(0, long.length - short.length));
}

const RAW_TAG = /\{%-?\s*(?:raw|endraw)\s*-?%\}/g;

function compareLiquidInCode(diagnostics: readonly Diagnostic[], jekyll: JekyllDocument, counter: Counter): void {
  const rendered = new Map<string, number>();
  // Blank lines around code are not shown (a `{% raw %}` line, a highlight block's first and last line break).
  const shown = (code: string) => code.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  for (const code of codeTexts(jekyll.content)) {
    rendered.set(shown(code), (rendered.get(shown(code)) ?? 0) + 1);
  }
  const changed: string[] = [];
  for (const code of codeTexts(jekyll.plain ?? '')) {
    if (!code.includes('{{') && !code.includes('{%')) {
      continue;
    }
    const meant = shown(code.replace(RAW_TAG, ''));
    const left = rendered.get(meant) ?? 0;
    if (left > 0) {
      rendered.set(meant, left - 1);
    } else {
      changed.push(code);
    }
  }
  const warned = diagnostics.filter((d) => d.code === 'liquid.in-code').length;
  const commentOnly = (c: string) => !/\{\{|\{%/.test(c.replace(/\{%-?\s*comment\b[\s\S]*?\{%-?\s*endcomment\b[^%]*%\}/g, ''));
  const meantOutput = changed.length > 0 && changed.every((c) => /\{\{-?\s*(["']|site\.|[a-z_]\w*\s*-?\}\})/.test(c) || commentOnly(c));
  // kramdown joins a lazy line to indented code with a space: `main {% endcapture %}` was `main` and a tag line.
  const lazyTags = changed.length > 0 && changed.every((c) => (rendered.get(c.replace(/ \{%[^%]*%\}(?=\n)/g, '')) ?? 0) > 0);
  counter.fact(
    'liquid in code',
    (changed.length > 0) === (warned > 0),
    jekyll.path,
    () => (changed.length > 0 ? `Liquid changes ${changed.length} code element(s) (${JSON.stringify(changed[0]!.slice(0, 80))}); Blogwright warns ${warned} time(s)` : `Jekyll's code is as written; Blogwright warns ${warned} time(s)`),
    changed.length > 0 && warned === 0 ? (meantOutput ? DELIBERATE.liquidOutput : lazyTags ? DELIBERATE.lazyCodeLine : undefined) : undefined,
  );
}


/** Agreement per fact kind, then the differences that are not deliberate (all of them with `verbose`). */
export function formatTally(title: string, tally: Tally, verbose: boolean): string {
  const lines = [`${title}`];
  for (const kind of FACT_KINDS) {
    const deliberate = tally.differences.filter((d) => d.kind === kind && d.deliberate).length;
    const total = tally.total[kind];
    const agree = tally.agree[kind];
    const percent = total === 0 ? '-' : ((100 * agree) / total).toFixed(2) + '%';
    lines.push(`  ${kind.padEnd(15)} ${String(agree).padStart(7)} / ${String(total).padEnd(7)} ${percent.padStart(8)}  (deliberate ${deliberate}, other ${total - agree - deliberate})`);
  }
  const shown = tally.differences.filter((d) => verbose || !d.deliberate);
  for (const d of shown.slice(0, verbose ? Infinity : 40)) {
    lines.push(`    [${d.kind}] ${d.blog} ${d.path}: ${d.detail}${d.deliberate ? ` (deliberate: ${d.deliberate})` : ''}`);
  }
  if (shown.length > 40 && !verbose) {
    lines.push(`    ... ${shown.length - 40} more (--verbose)`);
  }
  return lines.join('\n');
}
