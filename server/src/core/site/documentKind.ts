import type { SiteConfig } from './config';
import { datedFileName } from './postName';

/** What Jekyll makes of a file, judged by its path (pages also need front matter; see `SiteIndex`). */
export type DocumentKind =
  | { readonly kind: 'config' }
  | { readonly kind: 'post'; readonly date: string; readonly slug: string; readonly ext: string; readonly categories: readonly string[] }
  /**
   * In `_posts/` but not named `YYYY-MM-DD-title.EXT`, or (`outside`) not inside `collections_dir`: Jekyll
   * silently skips it.
   */
  | { readonly kind: 'misnamed-post'; readonly ext: string; readonly outside?: true }
  | { readonly kind: 'draft'; readonly slug: string; readonly ext: string }
  | { readonly kind: 'collection'; readonly collection: string; readonly ext: string }
  | { readonly kind: 'data'; readonly name: string }
  | { readonly kind: 'layout'; readonly name: string }
  | { readonly kind: 'include' }
  /** Outside `_` folders: a page when it has front matter, otherwise a static file. */
  | { readonly kind: 'page-or-static'; readonly ext: string }
  | { readonly kind: 'ignored' };

/**
 * Each configuration's answers, kept: a start classifies every path three or four times (listing, reading, the URL
 * map), and nothing but the path and the configuration decides. Bounded, for a session that sees many short-lived files.
 */
const KINDS = new WeakMap<SiteConfig, Map<string, DocumentKind>>();
const MAX_KINDS = 200_000;

export function classifyPath(path: string, config: SiteConfig): DocumentKind {
  let kinds = KINDS.get(config);
  if (!kinds) {
    KINDS.set(config, (kinds = new Map()));
  }
  let kind = kinds.get(path);
  if (kind === undefined) {
    kind = classifyAnew(path, config);
    if (kinds.size >= MAX_KINDS) {
      kinds.clear();
    }
    kinds.set(path, kind);
  }
  return kind;
}

function classifyAnew(path: string, config: SiteConfig): DocumentKind {
  if (path === '_config.yml') {
    return { kind: 'config' };
  }
  if (isExcluded(path, config) || (config.destination !== undefined && path.startsWith(config.destination + '/'))) {
    return { kind: 'ignored' };
  }
  const segments = path.split('/');
  const name = segments[segments.length - 1]!;
  const ext = extensionOf(name);
  const folders = segments.slice(0, -1);

  // Jekyll looks for `_posts` and `_drafts` only in folders it reads, and skips special names in them (its
  // EntryFilter): a gem's `_vendor/.../_posts` and an editor's `_posts/.x.md.swp` are no posts.
  if ((folders.includes('_posts') || folders.includes('_drafts')) && !isIncluded(path, config) && skippedAroundPosts(segments, config)) {
    return { kind: 'ignored' };
  }
  const postsAt = folders.indexOf('_posts');
  if ((postsAt >= 0 || folders.includes('_drafts')) && outsideCollectionsDir(path, config)) {
    return postsAt >= 0 ? { kind: 'misnamed-post', ext, outside: true } : { kind: 'ignored' };
  }
  if (postsAt >= 0) {
    const match = datedFileName(name);
    if (!match) {
      return { kind: 'misnamed-post', ext };
    }
    // Folders above `_posts` are categories; folders inside it are not.
    const categories = folders.slice(0, postsAt).filter((f) => f !== config.collectionsDir);
    return { kind: 'post', date: match.date, slug: match.slug, ext, categories };
  }
  const draftsAt = folders.indexOf('_drafts');
  if (draftsAt >= 0) {
    return { kind: 'draft', slug: name.slice(0, name.length - ext.length), ext };
  }
  const top = withoutCollectionsDir(folders, config);
  const first = top[0];
  if (first === '_data') {
    return { kind: 'data', name: [...top.slice(1), name.slice(0, name.length - ext.length)].join('/') };
  }
  if (first === '_layouts') {
    return { kind: 'layout', name: [...top.slice(1), name.slice(0, name.length - ext.length)].join('/') };
  }
  if (first === '_includes') {
    return { kind: 'include' };
  }
  if (first?.startsWith('_') && config.collections.has(first.slice(1))) {
    return { kind: 'collection', collection: first.slice(1), ext };
  }
  if (segments.some((s) => /^[._#]/.test(s) || s.endsWith('~')) && !isIncluded(path, config)) {
    return { kind: 'ignored' };
  }
  return { kind: 'page-or-static', ext };
}

/**
 * Whether Jekyll skips the file in `<dir>/_posts/` or `<dir>/_drafts/` (the first of them in the path): a folder
 * of `<dir>` with a special name (`_vendor`, `.cache`; `collections_dir` aside), or, inside, a path whose first
 * segment or file name starts with `.`, `_`, `#` or `~` or ends with `~` (EntryFilter's `special?` and `backup?`).
 */
function skippedAroundPosts(segments: readonly string[], config: SiteConfig): boolean {
  const at = segments.findIndex((s, i) => i < segments.length - 1 && (s === '_posts' || s === '_drafts'));
  const above = withoutCollectionsDir(segments.slice(0, at), config);
  const inside = segments.slice(at + 1);
  return above.some(isSpecialName) || /^[._#~]/.test(inside[0]!) || isSpecialName(inside[inside.length - 1]!);
}

/**
 * Whether a `_posts` or `_drafts` file lies outside collections_dir, where Jekyll reads none (`retrieve_posts`).
 * Jekyll compares string prefixes (`collectionsX/_posts/` is read, with absurd URLs): such a file counts as outside.
 */
function outsideCollectionsDir(path: string, config: SiteConfig): boolean {
  return config.collectionsDir !== '' && !path.startsWith(config.collectionsDir + '/');
}

function isSpecialName(name: string): boolean {
  return /^[._#~]/.test(name) || name.endsWith('~');
}

/**
 * Whether a file Jekyll skips in `_posts/` (a misnamed post) was meant as a post: a Markdown or HTML file, not an
 * image or a PDF kept beside the posts, about which there is nothing to say.
 */
export function isMeantAsPost(path: string, config: SiteConfig): boolean {
  return isMarkdownPath(path, config) || /\.html?$/i.test(path);
}

/** A file Jekyll skips in `_posts/` that was never meant as a post (an image, an R Markdown source): nothing to check. */
export function isBesideThePosts(path: string, config: SiteConfig): boolean {
  return classifyPath(path, config).kind === 'misnamed-post' && !isMeantAsPost(path, config);
}

export function isMarkdownPath(path: string, config: SiteConfig): boolean {
  return config.markdownExtensions.includes(extensionOf(path).slice(1).toLowerCase());
}

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

function withoutCollectionsDir(folders: string[], config: SiteConfig): string[] {
  if (!config.collectionsDir) {
    return folders;
  }
  const prefix = config.collectionsDir.split('/');
  return prefix.every((p, i) => folders[i] === p) ? folders.slice(prefix.length) : folders;
}

function isExcluded(path: string, config: SiteConfig): boolean {
  return entriesMatcher(config.exclude)(path) && !isIncluded(path, config);
}

function isIncluded(path: string, config: SiteConfig): boolean {
  return entriesMatcher(config.include)(path);
}

/** Each config's entries compiled once: every file of the blog is classified, each against every entry. */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function entriesMatcher(patterns: readonly string[]): (path: string) => boolean {
  let matcher = matchers.get(patterns);
  if (!matcher) {
    const tests = patterns.flatMap((pattern) => entryMatcher(pattern) ?? []);
    matcher = (path) => tests.some((test) => test(path));
    matchers.set(patterns, matcher);
  }
  return matcher;
}

/**
 * Jekyll's `EntryFilter` matches an exclude entry as a glob or as a prefix of the path, character by character:
 * `README` excludes `README.md`, `vendor/` does not exclude `vendors.md`.
 */
function entryMatcher(pattern: string): ((path: string) => boolean) | undefined {
  const prefix = pattern.replace(/^\/+/, '');
  const clean = prefix.replace(/\/+$/, '');
  if (!clean) {
    return undefined;
  }
  if (/[*?[]/.test(clean)) {
    const regex = new RegExp('^' + clean.split('*').map(escapeRegExp).join('[^/]*') + '(?:/|$)');
    return (path) => regex.test(path) || regex.test(path.slice(path.lastIndexOf('/') + 1));
  }
  return (path) => path === clean || path.startsWith(prefix);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
