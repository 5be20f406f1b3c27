/**
 * Every link a reader could click, checked against the URL space of the built site (see site/urlMap.ts).
 * What cannot be known (Liquid variables, pages a plugin makes) is never reported as broken.
 */
import * as l10n from '@vscode/l10n';
import { expandLiquid, resolveUrl, type LiquidUrls, type ResolvedUrl } from '../links/resolveUrl';
import { basePath } from '../links/baseHref';
import { canonicalPath, decodeComponent, withoutDotSegments } from '../url';
import { normalizeLabel, type LinkOccurrence, type ScannedLinks } from '../links/scanLinks';
import { closest, encodedAlike } from '../links/suggest';
import { relativeLinkTarget, rewritesRelativeLinks } from '../links/relativeLinks';
import { findFile, findPost, type PostLookup } from '../links/targets';
import { withoutDate } from '../site/postName';
import { generatedUrls } from '../site/generatedUrls';
import { defaultsTypeOf, withDefaults } from '../site/frontMatterDefaults';
import { themeThatMayProvide } from '../site/themeAssets';
import { firstSegment, isPagesUserSite, topSegments } from '../site/pagesUserSite';
import { unpublishedUrls } from '../site/unpublishedUrls';
import { linkTagBaseurl, type SiteConfig } from '../site/config';
import type { SiteIndex } from '../site/siteIndex';
import type { LinkSummary } from '../links/linkIndex';
import type { FixableCode } from '../ruleCatalog';
import type { Finding, Rule, RuleContext } from './rule';
import { wellFormed } from '../wellFormed';
import { detached } from '../detached';
import { settingsGlobMatcher } from '../glob';
import { pluginBlocks } from '../render/liquidBlockTags';

export const linkRule: Rule = {
  name: 'links',
  wholeBlog: true,
  check(context: RuleContext): Finding[] {
    const scanned = scanOf(context);
    if (!scanned) {
      return [];
    }
    return new LinkChecker(context.site, context.document.path, context.text, context.frontMatter.bodyStart, scanned).check();
  },
};

/** The scan of a Markdown or HTML document Jekyll renders (drafts included); undefined for anything else. */
export function scanOf({ frontMatter, siteDocument, links }: RuleContext): ScannedLinks | undefined {
  return siteDocument && siteDocument.kind !== 'misnamed-post' && frontMatter.block.kind === 'closed' ? links : undefined;
}

/**
 * Broken links per document that get a did-you-mean: each search compares with up to 2,000 URLs. A document
 * with more is broken wholesale (a baseurl or permalink setting the blog's links do not follow), where the
 * suggestions would cost seconds and say nothing.
 */
const SUGGESTIONS_PER_DOCUMENT = 20;

class LinkChecker {
  readonly #config: SiteConfig;
  readonly #pageUrl: string | undefined;
  /** The site path a layout's `<base href>` names (`baseHref.ts`): relative links resolve against it instead. */
  readonly #basePath: string | undefined;
  /** The tag of the last `html` link looked at (`#tagAround`). */
  #lastTag: { readonly start: number; readonly end: number; readonly ignored: boolean } | undefined;
  /** jekyll-relative-links turns `[a](other.md)` in this document into a link to other.md's URL. */
  readonly #rewritesRelativeLinks: boolean;
  /**
   * A document of a collection without output has no page of its own: its content shows only where a page puts it
   * (`{{ section.content }}` on a one-page site), so its `#id` links name ids of that page, which we cannot know.
   */
  readonly #withoutOwnPage: boolean;
  /** A draft is built only with `--drafts`, where `{% link %}` finds the other drafts too. */
  readonly #inDraft: boolean;
  /** The site's `encoding:` is not UTF-8: its files' other bytes read as U+FFFD here. */
  readonly #otherEncoding: boolean;
  readonly #findings: Finding[] = [];
  #suggestions = 0;
  /** The text in lower case, made once for `#isUsed`. */
  #lowerText: string | undefined;
  /** The page's plugin blocks (`{% prettify %}`), found once: the plugin decides what brackets in them become. */
  #pluginBlocks: readonly { start: number; end: number }[] | undefined;
  /** Whether an include on the page may define references (`SiteIndex.includesDefineReferences`), asked once. */
  #includesDefine: boolean | undefined;
  /**
   * `{% post_url %}` lookups, kept for the whole blog until documents come or go or a `slug` changes (the legacy
   * lookup reads it): the 10,000-post blog looks up 74,000 tags, most of them names other posts look up too.
   */
  readonly #posts: Map<string, PostLookup>;
  /** Posts by path -> whether their URL needs no check (`#isPlainPostLink`); a URL may change with any front matter. */
  readonly #plainPostUrls: Map<string, boolean>;
  /** The URLs the Liquid tags in a link's target make (with the baseurl since Jekyll 4). */
  readonly #tags: LiquidUrls = {
    postUrl: (name) => {
      const post = this.#findPost(name);
      return post.kind === 'found' ? linkTagBaseurl(this.#config) + (this.site.urls.urlOf(post.path) ?? '') : undefined;
    },
    linkUrl: (path) => {
      const file = findFile(this.site, path);
      return file === undefined ? undefined : linkTagBaseurl(this.#config) + (this.site.urls.urlOf(file) ?? '/' + file);
    },
  };

  constructor(
    readonly site: SiteIndex,
    readonly path: string,
    readonly text: string,
    readonly bodyStart: number,
    readonly scanned: ScannedLinks,
  ) {
    this.#config = site.config;
    this.#otherEncoding = readsOtherEncoding(site.config.raw['encoding']);
    this.#pageUrl = site.urls.urlOf(path);
    const baseHref = site.baseHrefOn(path, scanned.includes);
    this.#basePath = baseHref === undefined ? undefined : basePath(baseHref, this.#config);
    const document = site.documents.get(path);
    this.#rewritesRelativeLinks = document !== undefined && rewritesRelativeLinks(this.#config, path, document.kind);
    this.#withoutOwnPage = document?.kind === 'collection' && !this.#config.collections.get(document.collection)?.output;
    this.#inDraft = document?.kind === 'draft';
    this.#posts = site.derived('postLookups', () => new Map<string, PostLookup>(), ['slug']);
    this.#plainPostUrls = site.derived('plainPostUrls', () => new Map<string, boolean>(), 'any-data');
  }

  #inPluginBlock(link: { start: number }): boolean {
    this.#pluginBlocks ??= pluginBlocks(this.text, this.bodyStart);
    return this.#pluginBlocks.some((block) => block.start <= link.start && link.start < block.end);
  }

  check(): Finding[] {
    for (const link of this.scanned.links) {
      if ((link.form === 'html' && this.#tagAround(link).ignored) || (this.#otherEncoding && link.target.includes(UNDECODED))) {
        continue;
      }
      switch (link.form) {
        case 'post_url':
          this.#checkPostUrl(link);
          break;
        case 'link':
          this.#checkLinkTag(link);
          break;
        case 'reference':
          if (!this.#isDefined(normalizeLabel(link.label ?? link.target)) && !this.#isIndex(link) && !this.#inPluginBlock(link)) {
            this.#findings.push({ code: 'link.reference', start: link.start, end: link.end, message: l10n.t('No definition for the reference [{0}]: kramdown shows the brackets as text. Add `[{0}]: URL` below the paragraph.', excerpt(link.target)) });
          }
          break;
        case 'definition':
          if (this.#isUsed(link)) {
            this.#checkUrl(link);
          }
          break;
        default:
          this.#checkUrl(link);
      }
    }
    return this.#findings;
  }

  /**
   * Whether a reference may use the definition: kramdown writes nothing for one that none uses, so its URL is never
   * on the page (the oracle: `[unused]: /nope.html` makes no `<a>`). Used when its `[label]` appears anywhere else,
   * in any case (`[text][label]`, `[label][]`, `[label]`), or when references may come from Liquid or an include.
   * Only in the body: kramdown reads no front matter (the oracle: a title `[Update] ...` uses no `[Update]: ...`).
   * Another `[label]:` is no use: it defines the label again (two `[comment]: <> (note)` lines make no `<a>`).
   */
  #isUsed(definition: LinkOccurrence): boolean {
    const open = this.text.lastIndexOf('[', definition.start);
    const close = this.text.indexOf(']:', open);
    if (open < 0 || close < 0 || close > definition.start || !this.scanned.definitionsComplete || !this.scanned.idsComplete) {
      return true;
    }
    const written = this.text.slice(open, close + 1).toLowerCase();
    this.#lowerText ??= this.text.toLowerCase();
    for (let at = this.#lowerText.indexOf(written, this.bodyStart); at >= 0; at = this.#lowerText.indexOf(written, at + 1)) {
      if (at !== open && this.#lowerText[at + written.length] !== ':') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether kramdown finds the reference, or may: definitions written with Liquid or in an included file are
   * unknown until built (`definitionsComplete`, `includesDefineReferences`). A label starting with `[`
   * (`[[a]][[b]]`, `[NOTE][[b]](url)`) is no reference: kramdown keeps that `[` as text and reads what follows as its own link, which is checked as such.
   */
  #isDefined(label: string): boolean {
    if (this.scanned.definitions.has(label) || label.startsWith('[') || !this.scanned.definitionsComplete) {
      return true;
    }
    this.#includesDefine ??= this.site.includesDefineReferences(this.scanned.includes);
    return this.#includesDefine;
  }

  /**
   * Whether an undefined `[a][b]` is an index written in prose: glued to the word before it (`matrix[a][b]`,
   * `computers[i][j]`) or a quoted key (`['a']['b']`). kramdown shows it as written (the oracle), as the author meant.
   */
  #isIndex(link: LinkOccurrence): boolean {
    if (/^(["'‘’]).*["'‘’]$/.test(link.target.trim())) {
      return true;
    }
    // `[a][b]`: the label follows `][`; `[b][]`: the label is the text.
    const textOpen = this.text[link.start - 1] === '[' && this.text[link.start - 2] === ']' ? this.text.lastIndexOf('[', link.start - 3) : link.start - 1;
    return textOpen > 0 && /[\p{L}\p{N}_]/u.test(this.text[textOpen - 1]!);
  }

  #checkPostUrl(link: LinkOccurrence): void {
    if (link.target.includes('{{')) {
      return;
    }
    const found = this.#findPost(link.target);
    if (found.kind === 'found') {
      return;
    }
    if (found.kind === 'invalid') {
      const withoutExtension = link.target.trim().replace(/\.[A-Za-z]+$/, '');
      const fixed = withoutExtension !== link.target.trim() && findPost(this.site, withoutExtension).kind === 'found' ? withoutExtension : undefined;
      this.#report(link, 'link.post-url', l10n.t('"{0}" is not a post name (YYYY-MM-DD-title, without the extension); Jekyll fails the build.', excerpt(link.target.trim())), fixed);
      return;
    }
    const folder = link.target.trim().replace(/^\//, '').slice(0, -found.name.length);
    const suggestion = this.#closestPost(found.name);
    const message = suggestion
      ? l10n.t('No post {0}; did you mean {1}? Jekyll fails the build.', excerpt(found.name), suggestion)
      : l10n.t('No post {0} in _posts. Jekyll fails the build.', excerpt(found.name));
    this.#report(link, 'link.post-url', message, suggestion === undefined ? undefined : folder + suggestion);
  }

  #findPost(written: string): PostLookup {
    let found = this.#posts.get(written);
    if (!found) {
      // Kept past this check: a cut of the text would keep the whole text alive.
      const name = detached(written);
      found = findPost(this.site, name);
      this.#posts.set(name, found);
    }
    return found;
  }

  /** The closest post name: the same title on another date first, then by edit distance. */
  #closestPost(name: string): string | undefined {
    const title = withoutDate(name);
    const names = [...this.site.links.postNames()];
    const sameTitle = names.filter((n) => n.endsWith('-' + title) && withoutDate(n) === title);
    return closest(name, sameTitle, 10) ?? sameTitle.sort()[0] ?? closest(name, names);
  }

  #checkLinkTag(link: LinkOccurrence): void {
    const written = link.target.trim().replace(/^\/+/, '');
    if (link.target.includes('{{') || findFile(this.site, link.target) !== undefined || (this.#inDraft && this.site.documents.get(written)?.kind === 'draft')) {
      return;
    }
    const theme = themeThatMayProvide(this.site, written);
    if (theme !== undefined) {
      this.#report(link, 'link.unverified', l10n.t('No file {0} in the site; the theme {1} may provide it, so this cannot be verified.', excerpt(written), theme));
      return;
    }
    const candidates = [...this.site.staticFiles, ...[...this.site.documents.keys()].filter((p) => this.site.urls.urlOf(p) !== undefined)];
    const suggestion = closest(written, candidates);
    this.#report(link, 'link.file', suggestion ? l10n.t('No file {0} in the site; did you mean {1}? Jekyll fails the build.', excerpt(written), suggestion) : l10n.t('No file {0} in the site. Jekyll fails the build.', excerpt(written)), suggestion);
  }

  #checkUrl(link: LinkOccurrence): void {
    const rewritten = this.#rewritesRelativeLinks ? relativeLinkTarget(this.site, this.path, link) : undefined;
    if (rewritten !== undefined) {
      const written = link.target.trim();
      const hashAt = written.indexOf('#');
      if (hashAt >= 0 && hashAt < written.length - 1) {
        this.#checkFragmentOf(link, rewritten, decodeComponent(written.slice(hashAt + 1)));
      }
      return;
    }
    if (this.#isPlainPostLink(link.target)) {
      return;
    }
    const expanded = expandLiquid(link.target, this.#config, this.#tags);
    if (expanded === undefined) {
      return; // Liquid we cannot evaluate, or a post_url/link tag reported on its own
    }
    const resolved = resolveUrl(expanded, this.#basePath ?? this.#pageUrl, this.#config);
    switch (resolved.kind) {
      case 'skip':
      case 'external':
        return;
      case 'suspicious':
        this.#reportSuspicious(link, resolved);
        return;
      case 'fragment':
        if (this.#withoutOwnPage) {
          return;
        }
        this.#checkFragment(link, resolved.fragment, this.path, this.scanned);
        return;
      case 'internal':
        this.#checkInternal(link, resolved);
    }
  }

  /**
   * `[text]({% post_url name %})`, the tag alone: the URL it writes is the post's own, which the site has (a missing
   * post is reported as the tag), so the URL needs no check: 74,000 such links on the 10,000-post blog. Checked in
   * full when the tag leaves out the baseurl, or its URL has characters a browser escapes, splits at or resolves.
   */
  #isPlainPostLink(target: string): boolean {
    const tag = ONLY_POST_URL_TAG.exec(target);
    if (!tag || linkTagBaseurl(this.#config) !== this.#config.baseurl) {
      return false;
    }
    const found = this.#findPost(tag[1]!);
    if (found.kind !== 'found') {
      return true; // expandLiquid makes nothing of it either
    }
    let plain = this.#plainPostUrls.get(found.path);
    if (plain === undefined) {
      const own = this.site.urls.urlOf(found.path);
      const url = this.#config.baseurl + own;
      plain = own !== undefined && PLAIN_URL_PATH.test(url) && !url.includes('/.');
      this.#plainPostUrls.set(found.path, plain);
    }
    return plain;
  }

  #checkInternal(link: LinkOccurrence, resolved: Extract<ResolvedUrl, { kind: 'internal' }>): void {
    if (settingsGlobMatcher(this.site.settings.ignoredLinks)(resolved.path.slice(1))) {
      return; // served by something other than Jekyll, as the user says (`blogwright.links.ignore`)
    }
    const target = this.site.urls.lookup(resolved.path);
    if (target) {
      if (resolved.missingBaseurl) {
        this.#report(link, 'link.baseurl', l10n.t("This link leaves out the site's baseurl {0}: on the published site it points outside the blog.", this.#config.baseurl), link.target.startsWith('/') ? this.#config.baseurl + withoutDotSegments(link.target) : undefined);
      }
      if (resolved.fragment !== undefined && (target.kind === 'post' || target.kind === 'page' || target.kind === 'collection')) {
        this.#checkFragmentOf(link, target.path, resolved.fragment);
      } else if (resolved.fragment !== undefined && target.kind === 'redirect') {
        // `/a/b#x` with a redirect at /a/b.html and the page at /a/b/: which one a host serves is its own choice.
        const folder = resolved.path.endsWith('/') ? undefined : this.site.urls.lookup(resolved.path + '/');
        if (folder !== undefined && folder.kind !== 'redirect' && folder.kind !== 'static') {
          this.#checkFragmentOf(link, folder.path, resolved.fragment);
        } else {
          this.#checkRedirectFragment(link, resolved.path, target.path, resolved.fragment);
        }
      }
      return;
    }
    if (resolved.missingBaseurl) {
      return; // outside the blog: another site on the same host may serve it
    }
    if (this.#reportDoubledBaseurl(link, resolved.path)) {
      return;
    }
    const config = this.#config;
    const generated = this.site.derived('generatedUrls', () => generatedUrls(config), []);
    if (generated.matches(resolved.path)) {
      return;
    }
    // Kept out of the build by `published: false`: no link to it is broken while this page is kept out too.
    const unpublished = unpublishedUrls(this.site);
    const kept = unpublished.lookup(resolved.path);
    if (kept && this.#pageUrl === undefined && unpublished.urlOf(this.path) !== undefined) {
      return;
    }
    const what = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp)$/i.test(resolved.path) ? l10n.t('image') : /\.[a-z0-9]{1,5}$/i.test(resolved.path) && !/\.html?$/i.test(resolved.path) ? l10n.t('file') : l10n.t('page');
    const suggestion = !kept && this.#suggestions++ < SUGGESTIONS_PER_DOCUMENT ? this.#closestUrl(resolved.path) : undefined;
    const where = !resolved.relative ? '' : this.#basePath !== undefined ? l10n.t(' (resolved from the <base href> {0} of its layout)', this.#basePath) : l10n.t(" (resolved from this page's URL {0})", String(this.#pageUrl));
    const fix = suggestion === undefined ? undefined : this.#rewrite(link.target, resolved.path, suggestion);
    const missing = !suggestion
      ? l10n.t('No {0} at {1}{2}.', what, excerpt(resolved.path), where)
      : l10n.t('No {0} at {1}{2}; did you mean {3}?', what, excerpt(resolved.path), where, suggestion) + accentNote(resolved.path, suggestion);
    const expected = kept ? l10n.t('{0} {1} would be there, but is `published: false`.', missing, kept.path) : missing;
    const theme = themeThatMayProvide(this.site, resolved.path);
    if (theme !== undefined) {
      this.#report(link, 'link.unverified', l10n.t('{0} The theme {1} may provide it (a theme publishes its assets folder), so this cannot be verified.', expected, theme), fix, resolved.path);
      return;
    }
    const plugins = this.site.localPlugins.size > 0 ? [...generated.unknownPlugins, ...this.site.localPlugins] : generated.unknownPlugins;
    if (plugins.length > 0) {
      this.#report(link, 'link.unverified', l10n.t('{0} The plugin {1} may make it, so this cannot be verified.', expected, plugins.join(', ')), fix, resolved.path);
    } else if (!resolved.relative && this.#mayBeProjectSite(resolved.path)) {
      const folder = '/' + resolved.path.split('/')[1]! + '/';
      this.#report(link, 'link.unverified', l10n.t("{0} This site has nothing in {1}: on a GitHub Pages user or organization site, another repository's Pages site may be served there, so this cannot be verified.", expected, excerpt(folder)), fix, resolved.path);
    } else {
      this.#report(link, 'link.url', expected, fix, resolved.path);
    }
  }

  /**
   * `{{ site.baseurl }}{% link a.md %}`: since Jekyll 4 the tag writes the baseurl itself, so the URL carries it twice
   * (Jekyll 4.3: `/mm/mm/docs/a/`), as in themes' docs written for Jekyll 3 (minimal-mistakes). The fix drops the
   * Liquid before the tag. Whether it is that: the path without the second baseurl is a page of the site.
   */
  #reportDoubledBaseurl(link: LinkOccurrence, path: string): boolean {
    const baseurl = this.#config.baseurl;
    const tagAt = link.target.indexOf('{%');
    if (baseurl === '' || !this.#config.linkTagsWriteBaseurl || tagAt < 0 || !path.startsWith(baseurl + '/') || !this.site.urls.lookup(path.slice(baseurl.length))) {
      return false;
    }
    const before = link.target.slice(0, tagAt);
    const fix = /^\s*\{\{[^{}]*\}\}\s*$/.test(before) ? link.target.slice(tagAt) : undefined;
    this.#report(link, 'link.url', l10n.t('The baseurl {0} is in this URL twice: `{% link %}` and `{% post_url %}` write it themselves since Jekyll 4, so the page is not at {1}.', baseurl, excerpt(baseurl + path)), fix);
    return true;
  }

  /** A `#fragment` of a link to another document (or this one), against that document's ids. */
  #checkFragmentOf(link: LinkOccurrence, path: string, fragment: string): void {
    const redirect = this.#redirectTo(path);
    if (redirect !== undefined) {
      const from = this.site.urls.urlOf(path);
      if (redirect !== 'unknown' && from !== undefined) {
        this.#checkRedirectFragment(link, from, redirect, fragment);
      }
      return;
    }
    const summary = path === this.path ? this.scanned : this.site.links.summary(path);
    if (summary) {
      this.#checkFragment(link, fragment, path, summary);
    }
  }

  /**
   * Where the page of `path` sends the reader when its front matter has `redirect_to:` (jekyll-redirect-from, which
   * then writes only a redirect to the list's first URL, with `relative_url`): the source path of the page there;
   * `unknown` for any other URL (external, with Liquid, a query or its own fragment, nowhere this site publishes) or
   * when the plugin is not configured (a theme's gem may load it); undefined without `redirect_to`.
   */
  #redirectTo(path: string): string | 'unknown' | undefined {
    const document = this.site.document(path);
    if (document === undefined || !('redirect_to' in document.data || this.#config.defaults.some((d) => 'redirect_to' in d.values))) {
      return undefined;
    }
    const value = withDefaults(this.#config, path, defaultsTypeOf(document), document.data)['redirect_to'];
    const to: unknown = Array.isArray(value) ? value[0] : value;
    if (to === undefined || to === null || to === '') {
      return undefined;
    }
    if (typeof to !== 'string' || !this.#config.plugins.includes('jekyll-redirect-from') || /^[a-z][a-z0-9+.-]*:|^\/\/|[{}?#]/i.test(to)) {
      return 'unknown';
    }
    const target = this.site.urls.lookup('/' + to.replace(/^\/+/, ''));
    return target !== undefined && (target.kind === 'post' || target.kind === 'page' || target.kind === 'collection') ? target.path : 'unknown';
  }

  /**
   * `/old/#x` where `/old/` is a `redirect_from` URL of a page: jekyll-redirect-from's page there has no ids and sends
   * the browser on with `location="/new/"` (and a meta refresh), a URL without the fragment, so the reader lands at
   * the top of `/new/`. An id `/new/` lacks is a broken fragment however the host redirects; one it has is reached
   * only by linking `/new/#x` (or where a host turns the redirect into an HTTP one, which keeps the fragment).
   */
  #checkRedirectFragment(link: LinkOccurrence, redirectPath: string, targetPath: string, fragment: string): void {
    if (fragment === '' || fragment === 'top' || /\{\{|\{%/.test(fragment) || isPageState(fragment)) {
      return;
    }
    const summary = targetPath === this.path ? this.scanned : this.site.links.summary(targetPath);
    const url = this.site.urls.urlOf(targetPath);
    if (!summary || url === undefined) {
      return;
    }
    const before = this.#findings.length;
    this.#checkFragment(link, fragment, targetPath, summary, { from: redirectPath, to: url });
    if (this.#findings.length === before) {
      const fix = this.#rewrite(link.target, redirectPath, url);
      this.#report(link, 'link.redirect', l10n.t('{0} redirects to {1}, without #{2}: the reader lands at the top of the page. Link {1}#{2} to reach the section.', excerpt(redirectPath), url, excerpt(fragment)), fix);
    }
  }

  /** A GitHub Pages user site's link into a folder it has nothing in, in any case: an owner's project site is served there. */
  #mayBeProjectSite(path: string): boolean {
    if (!isPagesUserSite(this.#config, this.site.folderName)) {
      return false;
    }
    const urls = this.site.urls.publishedUrls();
    let segments = segmentsFound.get(urls);
    if (!segments) {
      segmentsFound.set(urls, (segments = topSegments(urls)));
    }
    return !segments.has(firstSegment(path));
  }

  /** The closest URL of the site, found once per path while the site's URLs stay the same (see `closestUrl`). */
  #closestUrl(path: string): string | undefined {
    const urls = this.site.urls.publishedUrls();
    let found = closestFound.get(urls);
    if (!found) {
      closestFound.set(urls, (found = new Map()));
    }
    if (!found.has(path)) {
      found.set(path, closestUrl(path, urls));
    }
    return found.get(path);
  }

  /** The written target with its path replaced, when the path is written out in it. */
  #rewrite(written: string, resolvedPath: string, suggestion: string): string | undefined {
    const baseurl = this.#config.baseurl;
    const pathAsWritten = [baseurl + resolvedPath, resolvedPath, encodeURI(wellFormed(baseurl + resolvedPath)), encodeURI(wellFormed(resolvedPath))].find((p) => written.includes(p));
    if (pathAsWritten === undefined) {
      return undefined;
    }
    return written.replace(pathAsWritten, (pathAsWritten.startsWith(baseurl) && baseurl ? baseurl : '') + suggestion);
  }

  /** A `#fragment` against the ids of the page of `targetPath`, whose text has `target`'s ids and includes. */
  #checkFragment(link: LinkOccurrence, fragment: string, targetPath: string, target: LinkSummary, redirect?: { readonly from: string; readonly to: string }): void {
    const ids = target.ids;
    if (!target.idsComplete || ids.has(fragment) || fragment === 'top' || fragment === '' || /\{\{|\{%/.test(fragment) || isPageState(fragment)) {
      return;
    }
    if (this.site.config.hasTheme) {
      return; // a theme's layouts may carry ids we cannot see
    }
    // A layout's or include's ids only on the pages it is on, when those are known.
    if (this.site.links.templateMayWrite(fragment, this.site.templatesOn(targetPath, target.includes))) {
      return;
    }
    const suggestion = closest(fragment, ids, Math.max(3, Math.floor(fragment.length / 2)));
    const where = targetPath === this.path ? l10n.t('this page') : redirect === undefined ? targetPath : l10n.t('{0}, where {1} redirects', targetPath, excerpt(redirect.from));
    const hashAt = link.target.lastIndexOf('#');
    const sameUrl = suggestion === undefined || hashAt < 0 ? undefined : link.target.slice(0, hashAt + 1) + suggestion;
    // Through a redirect, the fix links the page itself: the redirect would drop the fragment again.
    const fix = sameUrl !== undefined && redirect !== undefined ? this.#rewrite(sameUrl, redirect.from, redirect.to) : sameUrl;
    const missing = suggestion ? l10n.t('No id #{0} in {1}; did you mean #{2}?', excerpt(fragment), where, suggestion) + accentNote(fragment, suggestion) : l10n.t('No id #{0} in {1}.', excerpt(fragment), where);
    this.#report(link, 'link.fragment', missing, fix);
  }

  #reportSuspicious(link: LinkOccurrence, resolved: Extract<ResolvedUrl, { kind: 'suspicious' }>): void {
    const target = link.target.trim();
    switch (resolved.reason) {
      case 'scheme-less':
        this.#report(link, 'link.suspicious', l10n.t("{0} has no scheme, so browsers look for it on this site (at {1}'s folder); did you mean {2}?", shorten(target), this.#pageUrl ?? l10n.t('this page'), shorten(resolved.replacement ?? '')), resolved.replacement);
        return;
      case 'quoted':
        this.#report(link, 'link.suspicious', l10n.t('The URL is wrapped in quotes, which become part of it.'), resolved.replacement);
        return;
      case 'parenthesized':
        this.#report(link, 'link.suspicious', l10n.t('The URL is wrapped in an extra pair of parentheses, which become part of it.'), resolved.replacement);
        return;
      case 'localhost':
        if (showsItsAddress(this.text, link, link.form === 'html' ? this.#tagAround(link).end : -1)) {
          return; // `[http://localhost:4000](http://localhost:4000)`: a tutorial's "browse to", on purpose
        }
        this.#report(link, 'link.suspicious', l10n.t("{0} points to the reader's own machine (localhost): it works only where the server runs.", shorten(target)));
    }
  }

  /**
   * The HTML tag an `html` link's value stands in (from its `<` to the next `>`), and whether it carries
   * html-proofer's `data-proofer-ignore`. Links come in order, so the tag of the last one is kept: a tag holding
   * thousands (a long `srcset`) is read once, not once per link.
   */
  #tagAround(link: LinkOccurrence): { readonly start: number; readonly end: number; readonly ignored: boolean } {
    const last = this.#lastTag;
    if (last && last.start < link.start && link.end <= last.end) {
      return last;
    }
    const start = this.text.lastIndexOf('<', link.start);
    const close = this.text.indexOf('>', link.end);
    const end = close < 0 ? this.text.length : close;
    this.#lastTag = { start, end, ignored: IGNORED_BY_LINK_CHECKERS.test(this.text.slice(Math.max(start, 0), end)) };
    return this.#lastTag;
  }

  #report(link: LinkOccurrence, code: FixableCode, message: string, replacement?: string, ignorable?: string): void {
    this.#findings.push({
      code,
      start: link.start,
      end: link.end,
      message,
      ...(replacement !== undefined ? { data: { title: l10n.t('Change to {0}', shorten(replacement)), replacement } } : {}),
      ...(ignorable !== undefined ? { ignorable } : {}),
    });
  }
}

/** A target that is one `{% post_url %}` tag and nothing else; its argument as `LINK_TAG_SOURCE` reads it. */
const ONLY_POST_URL_TAG = /^\{%-?\s*post_url\s+([^\s{}%]+?)\s*-?%\}$/;
/**
 * What the UTF-8 decoder puts for a byte it cannot read: in a file of a site with another `encoding:` (Latin-1, GBK,
 * Shift_JIS), which Jekyll reads as that. A link with it is unknowable here: its target's ids and names lose the same
 * bytes differently (slugs drop U+FFFD), and two different words read alike. In a UTF-8 site it is a character the
 * file holds, and checked as any other.
 */
const UNDECODED = '\uFFFD';

/** Whether `encoding:` (Jekyll's default `utf-8`, or `bom|utf-8`) names another encoding than UTF-8. */
function readsOtherEncoding(encoding: unknown): boolean {
  return typeof encoding === 'string' && !/^(?:bom\|)?utf-?8$/i.test(encoding.trim());
}

/** A URL path a browser takes as it is: no escapes, query, fragment or space. */
const PLAIN_URL_PATH = /^\/[\w\-.~/]*$/;

/** html-proofer's mark on a tag whose links it must not check; blogs that run it put it on links meant to fail. */
const IGNORED_BY_LINK_CHECKERS = /\sdata-proofer-ignore\b/i;

/** Whether the reader sees the link's address as its text: `<url>`, `[url](url)`, `<a href="url">url</a>`. */
function showsItsAddress(text: string, link: LinkOccurrence, tagEnd: number): boolean {
  const url = link.target.trim();
  // As written, or without its scheme or last `/` (`[localhost:8888](http://localhost:8888)`).
  const bare = url.replace(/^https?:\/\//i, '');
  const shown = new Set([url, bare, bare.replace(/\/$/, '')]);
  switch (link.form) {
    case 'autolink':
      return true;
    case 'inline': {
      const close = text.lastIndexOf('](', link.start);
      return [...shown].some((address) => text.startsWith(`[${address}](`, close - address.length - 1));
    }
    case 'html':
      return tagEnd < text.length && [...shown].some((address) => text.startsWith(`${address}</a>`, tagEnd + 1));
    default:
      return false;
  }
}

/** What a message quotes of the text: a destination may be 2,000 characters, a reference label a whole line. */
function excerpt(text: string): string {
  return text.length > 200 ? text.slice(0, 197) + '...' : text;
}

/** A URL or expression short enough to quote in a message. */
export function shorten(text: string): string {
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

/**
 * Suggestions already found, per list of the site's URLs (a new list when they change): a link broken in many
 * posts (a page that moved) is searched for once, not once per post: 100 posts with the same broken link took
 * 150 ms of a start's check.
 */
const closestFound = new WeakMap<readonly string[], Map<string, string | undefined>>();
const segmentsFound = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The closest of `urls` to `path`: the same file name elsewhere first, then by edit distance. */
function closestUrl(path: string, urls: readonly string[]): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const sameName = name.length > 3 ? urls.filter((u) => u.endsWith('/' + name)) : [];
  if (sameName.length > 0) {
    return closest(path, sameName, 64);
  }
  // On a large blog compare with the URLs under the same first folder only (`/2015/...`, `/assets/...`), or, for a
  // page at the root (`/abuot.html`), with the other pages at the root.
  const slash = path.indexOf('/', 1);
  const atRoot = (url: string) => {
    const second = url.indexOf('/', 1);
    return second < 0 || second === url.length - 1;
  };
  // A bare prefix, not the folder: `/zh/...` finds its page under `/zh_cn/...`.
  const candidates = urls.length <= 2000 ? urls : slash < 0 ? urls.filter(atRoot) : urls.filter((u) => u.startsWith(path.slice(0, slash)));
  const canonical = canonicalPath(path);
  // Only the ending differs (`/post/` for a post at `/post`): that URL, however near another one is (`/post-2`).
  const sameButEnding = candidates.find((url) => url !== path && canonicalPath(url) === canonical);
  return sameButEnding ?? closest(canonical, candidates) ?? closest(path, candidates);
}

/** `#?version=5.7`, `#!/inbox`, `#/route`: state the page's scripts read (swift.org's evolution page), not an id. */
function isPageState(fragment: string): boolean {
  return /^[?!/]/.test(fragment) || fragment.includes('=');
}

/** Said when the suggestion looks the same as what was written, or the finding would read as nonsense. */
function accentNote(written: string, suggestion: string): string {
  return encodedAlike(written, suggestion) ? ' ' + l10n.t('The two differ only in how an accented letter is encoded (one character, or a letter and a combining mark).') : '';
}
