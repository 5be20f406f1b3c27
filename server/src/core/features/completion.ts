import * as l10n from '@vscode/l10n';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { frontMatterCursorAt, type FrontMatterCursor } from '../frontmatter/cursor';
import { splitFrontMatter } from '../frontmatter/split';
import type { SiteDocument, SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';
import { AUTHOR_KEYS } from '../site/authors';
import { tagKeys } from '../site/tags';
import { COMPLETION_LIMIT, isSubsequence, worthSending } from './completionLimit';
import { authorMarkdown, documentLine, plural, tagMarkdown } from './describe';
import { JEKYLL_KEYS } from './frontMatterKeys';
import { navigationLinkAt } from './navigationLinks';
import { LINK_TAG_BEFORE_CURSOR } from '../links/linkTags';
import { documentDate, documentTitle, postNameOf, resolveLink, sourceFileLinks, urlFolderOf } from './linkTargets';
import type { DocumentAnchor } from '../site/documentAnchors';
import { documentAnchors } from '../site/documentAnchors';
import { postSnippet, yamlString } from './newPost';
import { urlTree } from './urlTree';
import { byCodeUnits } from '../codeUnitOrder';

/**
 * Completions at a position. Each context replaces exactly the token being typed (`textEdit`), so the editor
 * filters on what the user wrote; blog-wide item lists are built once per change of the blog and reused.
 */
export function provideCompletions(site: SiteIndex, document: ITextDocument, position: Position): CompletionItem[] {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const block = splitFrontMatter(text);
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  if (block.kind !== 'none') {
    const yamlStart = block.kind === 'closed' ? block.yamlStart : block.openEnd;
    const yamlEnd = block.kind === 'closed' ? block.yamlEnd : text.length;
    if (offset >= yamlStart && offset <= yamlEnd) {
      return frontMatterCompletions(site, text, offset, frontMatterCursorAt(text, block, offset), range);
    }
  } else if (document.positionAt(offset).line === 0 && /^-{0,3}$/.test(text.slice(0, offset))) {
    return [snippetItem(site, range(0, lineEndOf(text, offset)))];
  }
  return bodyCompletions(site, document, text, offset, range);
}

type RangeOf = (start: number, end: number) => Range;

function frontMatterCompletions(site: SiteIndex, text: string, offset: number, cursor: FrontMatterCursor | undefined, range: RangeOf): CompletionItem[] {
  if (!cursor) {
    return keyCompletions(site, text, offset, range);
  }
  switch (cursor.key) {
    case 'author':
    case 'authors':
      return valueItems(authorItems(site), cursor, text, offset, range);
    case 'tags':
    case 'categories':
    case 'category':
      return valueItems(tagItems(site, cursor.key === 'tags' ? 'tags' : 'categories'), cursor, text, offset, range, cursor.key !== 'category');
    case 'layout':
      return cursor.form === 'scalar' ? valueItems(layoutItems(site), cursor, text, offset, range) : [];
    default:
      return [];
  }
}

/**
 * Puts prepared items at the cursor's token. A string of tags (`tags: big da|`) is completed word by word;
 * an opening quote is kept, and a value that YAML would misread is quoted.
 */
function valueItems(items: readonly CompletionItem[], cursor: FrontMatterCursor, text: string, offset: number, range: RangeOf, splitsWords = false): CompletionItem[] {
  let { tokenStart, tokenEnd } = cursor;
  let siblings = cursor.siblings;
  const words = cursor.form === 'scalar' && splitsWords && !/^["']/.test(text.slice(tokenStart, tokenEnd));
  if (words) {
    const value = text.slice(tokenStart, tokenEnd);
    const before = value.slice(0, offset - tokenStart).search(/\S*$/);
    const after = value.slice(offset - tokenStart).search(/\s|$/);
    siblings = value.split(/\s+/).filter(Boolean);
    const current = value.slice(before, offset - tokenStart + after);
    siblings = siblings.filter((s) => s !== current);
    tokenStart += before;
    tokenEnd = offset + after;
  }
  const quote = /^["']/.exec(text.slice(tokenStart, offset))?.[0];
  const exclude = new Set(siblings);
  const edit = range(tokenStart, tokenEnd);
  const result: CompletionItem[] = [];
  const typed = text.slice(tokenStart, offset);
  for (const item of items) {
    const value = item.label;
    if (exclude.has(value) || (words && /\s/.test(value)) || !worthSending(items, typed, item, result.length)) {
      continue;
    }
    let newText = quote ? quote + value.replace(/\\/g, quote === '"' ? '\\\\' : '\\').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '\\"' : "''") + quote : yamlString(value, cursor.form === 'flow');
    if (words && newText !== value) {
      continue;
    }
    if (quote && text[tokenEnd - 1] !== quote) {
      newText = newText.slice(0, -1);
    }
    result.push({ ...item, ...(quote ? { filterText: quote + (item.filterText ?? value) } : {}), textEdit: { range: edit, newText } });
  }
  return result;
}

function authorItems(site: SiteIndex): readonly CompletionItem[] {
  return site.derived('completion:authors', () => {
    const counts = site.authorPostCounts();
    const authors = site.authors ? [...site.authors.authors.values()] : [...counts.keys()].map((id) => ({ id, name: undefined }));
    // No spreads and no lookups in the comparison: rebuilt, it cost 3.5 ms for 1,250 authors.
    const ranked = authors.map((author) => ({ id: author.id, name: author.name, posts: counts.get(author.id) ?? 0 }));
    ranked.sort((a, b) => b.posts - a.posts || byCodeUnits(a.id, b.id));
    return ranked.map((author, rank): CompletionItem => {
      const item: CompletionItem = {
        label: author.id,
        kind: CompletionItemKind.Value,
        sortText: rankText(rank),
        filterText: author.name ? `${author.id} ${author.name}` : author.id,
        data: { author: author.id } satisfies AuthorItemData,
      };
      if (author.name) {
        item.labelDetails = { description: author.name };
        item.detail = author.name;
      }
      return item;
    });
    // With an authors file the list is the file's, and only its ranking follows the posts: it is kept while
    // `author:` values change (every keystroke there), and re-ranked when documents come or go. Without one, the
    // list is the ids the posts use, so it follows every change of them.
  }, site.authors ? [] : AUTHOR_KEYS);
}

/** Tags most used first. A tag's recent posts wait for `resolveCompletion`: listing them for every tag is the costly part. */
function tagItems(site: SiteIndex, key: 'tags' | 'categories'): readonly CompletionItem[] {
  return site.derived(
    `completion:${key}`,
    () =>
      [...site.tagCounts(key)].map(
        ([tag, count], rank): CompletionItem => ({
          label: tag,
          kind: CompletionItemKind.EnumMember,
          labelDetails: { description: String(count) },
          detail: plural(count, 'document'),
          sortText: rankText(rank),
          filterText: tag,
          data: { tag, kind: key === 'tags' ? 'tag' : 'category' } satisfies TagItemData,
        }),
      ),
    tagKeys(key),
  );
}

interface TagItemData {
  readonly tag: string;
  readonly kind: 'tag' | 'category';
}

interface AuthorItemData {
  readonly author: string;
}

/** A `post_url` or `{% link %}` item: its document's title and date are shown when the item is resolved. */
interface DocumentItemData {
  readonly document: string;
  /** Whether the documentation names the path too (a `post_url` label is a post's name, not its path). */
  readonly withPath: boolean;
}

/**
 * Fills in what is costly to say for every item at once: a tag's recent posts, an author's bio and post count.
 * Typing in `author:` changes the counts the author list is derived from, so the list is rebuilt per keystroke.
 */
export function resolveCompletion(site: SiteIndex, item: CompletionItem): CompletionItem {
  const data = item.data as Partial<TagItemData & AuthorItemData & DocumentItemData> | undefined;
  if (typeof data?.tag === 'string' && (data.kind === 'tag' || data.kind === 'category')) {
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: tagMarkdown(site, data.kind, data.tag) } };
  }
  if (typeof data?.author === 'string') {
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: authorMarkdown(site, data.author) } };
  }
  const document = typeof data?.document === 'string' ? site.document(data.document) : undefined;
  if (document) {
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: documentLine(document) + (data?.withPath ? `\n\n\`${document.path}\`` : '') } };
  }
  return item;
}

function layoutItems(site: SiteIndex): readonly CompletionItem[] {
  return site.derived('completion:layouts', () => {
    const uses = new Map<string, number>();
    for (const document of site.documents.values()) {
      const layout = document.data['layout'];
      if (typeof layout === 'string') {
        uses.set(layout, (uses.get(layout) ?? 0) + 1);
      }
    }
    return [...site.layouts]
      .sort((a, b) => (uses.get(b[0]) ?? 0) - (uses.get(a[0]) ?? 0) || byCodeUnits(a[0], b[0]))
      .map(
        ([name, path], rank): CompletionItem => ({
          label: name,
          kind: CompletionItemKind.File,
          labelDetails: { description: path },
          detail: l10n.t('{0}, used by {1}', path, plural(uses.get(name) ?? 0, 'document')),
          sortText: rankText(rank),
          filterText: name,
        }),
      );
  }, ['layout']);
}

/** Keys at the start of a front matter line: the keys this blog uses, most used first, then Jekyll's own. */
function keyCompletions(site: SiteIndex, text: string, offset: number, range: RangeOf): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const typed = text.slice(lineStart, offset);
  if (!/^[A-Za-z_]?[\w-]*$/.test(typed) || !/^[\w-]*\r?$/.test(text.slice(offset, lineEndOf(text, offset)))) {
    return [];
  }
  const present = new Set([...text.slice(0, lineEndOf(text, offset) + 1).matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm), ...text.slice(offset).matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm)].map((m) => m[1]!));
  const edit = range(lineStart, lineEndOf(text, offset));
  return keyItems(site)
    .filter((item) => !present.has(item.label))
    .map((item) => ({ ...item, textEdit: { range: edit, newText: item.label + ': ' } }));
}

function keyItems(site: SiteIndex): readonly CompletionItem[] {
  return site.derived('completion:keys', () => {
    const uses = site.keyCounts();
    const keys = [...new Set([...[...uses].sort((a, b) => b[1] - a[1]).map(([key]) => key), ...JEKYLL_KEYS.keys()])];
    return keys.map((key, rank): CompletionItem => {
      const count = uses.get(key) ?? 0;
      const doc = JEKYLL_KEYS.get(key);
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: count > 0 ? l10n.t('used in {0}', plural(count, 'document')) : 'Jekyll',
        ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
        sortText: rankText(rank),
        filterText: key,
        // Straight on to the value's completions.
        command: { title: l10n.t('Suggest'), command: 'editor.action.triggerSuggest' },
      };
    });
  }, 'key-set');
}

function snippetItem(site: SiteIndex, edit: Range): CompletionItem {
  const authors = authorItems(site).map((item) => item.label);
  const snippet = postSnippet(site, authors);
  return {
    label: 'front matter',
    kind: CompletionItemKind.Snippet,
    detail: l10n.t('The front matter of a new post, as this blog writes it'),
    documentation: { kind: MarkupKind.Markdown, value: '```yaml\n' + snippet.replace(/\$\{\d+:?([^}|]*)(?:\|([^,|]*)[^}]*\|)?\}|\$\d+/g, (_, d, c) => c ?? d ?? '') + '\n```' },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: edit, newText: snippet },
    filterText: '---front matter',
    sortText: rankText(0),
  };
}

/** A `#fragment` being typed right after a link's start, a URL or a Liquid link tag. */
const FRAGMENT = /(?:\]\(\s*<?|\b(?:src|href)\s*=\s*["']?|[^\s(]\/?|%\})#([\w\-.:\u00C0-\uFFFF]*)$/;
const URL_START = /(?:\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href)\s*=\s*["']?)(?:\{\{-?\s*site\.baseurl\s*-?\}\})?((?:\/|\.\.?\/)[^\s)"'<>{}#]*)$/;

function bodyCompletions(site: SiteIndex, document: ITextDocument, text: string, offset: number, range: RangeOf): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const tokenEnd = (stop: RegExp) => {
    let end = offset;
    while (end < text.length && !stop.test(text[end]!)) {
      end++;
    }
    return end;
  };
  const tag = LINK_TAG_BEFORE_CURSOR.exec(before);
  if (tag) {
    const typed = tag[2]!;
    return placeItems(tag[1] === 'post_url' ? postUrlItems(site) : linkItems(site), range(offset - typed.length, tokenEnd(/[\s%}]/)), typed);
  }
  const fragment = FRAGMENT.exec(before);
  if (fragment) {
    const anchors = fragmentAnchors(site, document.path, text, offset - fragment[1]!.length - 1);
    const edit = range(offset - fragment[1]!.length, tokenEnd(/[\s)"'<>]/));
    return (anchors ?? []).map((anchor, rank) => ({
      label: anchor.id,
      kind: CompletionItemKind.Reference,
      detail: anchor.text,
      sortText: rankText(rank),
      filterText: anchor.id,
      textEdit: { range: edit, newText: anchor.id },
    }));
  }
  const url = URL_START.exec(before);
  if (url) {
    return pathItems(site, document.path, url[1]!, offset, tokenEnd(/[\s)"'<>#/]/), range);
  }
  return [];
}

/**
 * The header ids a `#` at `hashOffset` can name: the current document's for `](#`, else the target's of the
 * link it ends (`](/2020/01/first.html#`, `{% post_url first %}#`). Undefined when the target is unknown.
 */
function fragmentAnchors(site: SiteIndex, path: string, text: string, hashOffset: number): readonly DocumentAnchor[] | undefined {
  const links = site.scan(path, text).links;
  if (/(?:\]\(\s*<?|\b(?:src|href)\s*=\s*["']?)$/.test(text.slice(Math.max(0, hashOffset - 12), hashOffset))) {
    return links ? documentAnchors(text, links) : [];
  }
  const link = navigationLinkAt(text, links, hashOffset - 1, sourceFileLinks(site, path));
  if (!link || link.end < hashOffset) {
    return undefined;
  }
  const target = resolveLink(site, link);
  return target.kind === 'document' ? target.document.anchors : undefined;
}

/**
 * A long blog-wide list as labels in rank order, built when files come and go; the item for each label is built
 * on first use per version of its document, so a title typed in one post rebuilds one item, not 10,000.
 */
interface RankedList {
  readonly entries: readonly { readonly label: string; readonly path: string }[];
  item(entry: { readonly label: string; readonly path: string }): CompletionItem;
}

/**
 * The entries worth sending for `typed`, placed at `edit`: those that match (as `completionLimit.ts` matches), at
 * most `COMPLETION_LIMIT + 1` so that `limitCompletions` still sees the list is longer than it sends.
 */
function placeItems(list: RankedList, edit: Range, typed: string): CompletionItem[] {
  const lower = typed.toLowerCase();
  const placed: CompletionItem[] = [];
  for (const [rank, entry] of list.entries.entries()) {
    if (placed.length > COMPLETION_LIMIT) {
      break;
    }
    if (isSubsequence(lower, entry.label.toLowerCase())) {
      placed.push({ ...list.item(entry), sortText: rankText(rank), textEdit: { range: edit, newText: entry.label } });
    }
  }
  return placed;
}

/** A `SiteDocument` is replaced when its file changes, which drops its item from these caches. */
const postUrlItemCache = new WeakMap<object, CompletionItem>();
const linkItemCache = new WeakMap<object, CompletionItem>();

function cachedItem(cache: WeakMap<object, CompletionItem>, document: object | undefined, build: () => CompletionItem): CompletionItem {
  if (!document) {
    return build();
  }
  let item = cache.get(document);
  if (!item) {
    cache.set(document, (item = build()));
  }
  return item;
}

interface PostEntry {
  readonly label: string;
  readonly path: string;
  readonly date: string;
}

/** Each post's entry, kept with its document: the list is made again as a build reads, from entries made once. */
const postEntries = new WeakMap<SiteDocument, PostEntry>();

/** Post names newest first (by the date in the name, then the name), each with its title and date. */
function postUrlItems(site: SiteIndex): RankedList {
  const entries = site.derived(
    'completion:post_url',
    () => {
      const posts: PostEntry[] = [];
      for (const document of site.documents.values()) {
        if (document.kind === 'post') {
          let entry = postEntries.get(document);
          if (!entry) {
            postEntries.set(document, (entry = { label: postNameOf(document)!, path: document.path, date: document.date }));
          }
          posts.push(entry);
        }
      }
      // Jekyll's order of `site.posts` (by date, then path, newest first); documents come in path order, so the sort
      // only checks one run: 10,000 posts sorted by date with names in ascending order took 3-4 ms.
      return posts.sort((a, b) => byCodeUnits(a.date, b.date) || byCodeUnits(a.label, b.label)).reverse();
    },
    [],
  );
  return {
    entries,
    item: (entry) => {
      const document = site.document(entry.path);
      return cachedItem(postUrlItemCache, document, () => ({
        label: entry.label,
        kind: CompletionItemKind.Reference,
        ...(document ? { labelDetails: { description: documentDate(document) ?? '' }, detail: documentTitle(document) ?? document.path } : {}),
        ...(document ? { data: { document: document.path, withPath: true } satisfies DocumentItemData } : {}),
        filterText: entry.label,
      }));
    },
  };
}

/** Source paths for `{% link %}`: documents, then static files, each alphabetically. */
function linkItems(site: SiteIndex): RankedList {
  const entries = site.derived(
    'completion:link',
    () => [
      ...[...site.documents.values()]
        .filter((d) => d.kind !== 'misnamed-post')
        .map((d) => ({ label: d.path, path: d.path }))
        .sort((a, b) => byCodeUnits(a.label, b.label)),
      ...[...site.staticFiles].sort().map((path) => ({ label: path, path })),
    ],
    [],
  );
  return {
    entries,
    item: (entry) => {
      const document = site.document(entry.path);
      return cachedItem(linkItemCache, document, () => ({
        label: entry.label,
        kind: CompletionItemKind.File,
        ...(document ? { detail: documentTitle(document) ?? document.path, data: { document: document.path, withPath: false } satisfies DocumentItemData } : {}),
        filterText: entry.label,
      }));
    },
  };
}

/** One path segment at a time from the blog's URL tree: `](/assets/im|` offers the entries of `/assets/`. */
function pathItems(site: SiteIndex, documentPath: string, written: string, offset: number, segmentEnd: number, range: RangeOf): CompletionItem[] {
  const slash = written.lastIndexOf('/');
  const folder = resolveFolder(written.slice(0, slash + 1), urlFolderOf(site, documentPath));
  if (folder === undefined) {
    return [];
  }
  const entries = urlTree(site).get(folder);
  if (!entries) {
    return [];
  }
  const edit = range(offset - (written.length - slash - 1), segmentEnd);
  return entries.map((entry, rank): CompletionItem => {
    const document = entry.path === undefined ? undefined : site.document(entry.path);
    return {
      label: entry.name,
      kind: entry.folder ? CompletionItemKind.Folder : CompletionItemKind.File,
      ...(document ? { detail: documentTitle(document) ?? document.path } : {}),
      sortText: (entry.folder ? '0' : '1') + rankText(rank),
      filterText: entry.name,
      textEdit: { range: edit, newText: entry.folder ? entry.name + '/' : entry.name },
      ...(entry.folder ? { command: { title: l10n.t('Suggest'), command: 'editor.action.triggerSuggest' } } : {}),
    };
  });
}

/** The URL folder (`/assets/img/`) a written prefix names; relative ones from the folder of the document's URL. */
function resolveFolder(prefix: string, documentFolder: string): string | undefined {
  const base = prefix.startsWith('/') ? [] : documentFolder.split('/').filter(Boolean);
  for (const segment of prefix.split('/').filter(Boolean)) {
    if (segment === '..') {
      if (base.length === 0) {
        return undefined;
      }
      base.pop();
    } else if (segment !== '.') {
      base.push(segment);
    }
  }
  return '/' + base.map((s) => s + '/').join('');
}

function rankText(rank: number): string {
  return String(rank).padStart(6, '0');
}

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}
