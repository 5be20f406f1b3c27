/**
 * Publishing a draft (`_drafts/x.md` to `_posts/YYYY-MM-DD-x.md`) and taking a post back to the drafts, as one
 * move with the edits that go with it: the post's own `date:`, and the `{% link %}` tags that name its file.
 */
import { parseFrontMatter } from '../frontmatter/parse';
import { documentKeys, targetKeys } from '../links/targets';
import type { SiteIndex } from '../site/siteIndex';

export interface TextChange {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface DocumentMove {
  readonly from: string;
  readonly to: string;
  /** Edits to the moved file (offsets in its text before the move) and to the files that link to it. */
  readonly changes: readonly TextChange[];
  /** Files whose links to it cannot follow (a `post_url` or URL to a post that becomes a draft): they will be reported. */
  readonly stranded: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `_drafts/x.md` -> `_posts/2024-05-06-x.md` (folders around `_drafts` kept); undefined when `path` is no draft. */
export function publishedPath(site: SiteIndex, path: string, date: string): string | undefined {
  const info = site.document(path);
  if (info?.kind !== 'draft' || !DATE.test(date)) {
    return undefined;
  }
  const at = path.lastIndexOf('_drafts/');
  const inside = path.slice(at + '_drafts/'.length);
  const folder = inside.slice(0, inside.lastIndexOf('/') + 1);
  return `${path.slice(0, at)}_posts/${folder}${date}-${info.slug}${info.ext}`;
}

/** `_posts/2024-05-06-x.md` -> `_drafts/x.md`; undefined when `path` is no post. */
export function unpublishedPath(site: SiteIndex, path: string): string | undefined {
  const info = site.document(path);
  if (info?.kind !== 'post') {
    return undefined;
  }
  const at = path.lastIndexOf('_posts/');
  const inside = path.slice(at + '_posts/'.length);
  const folder = inside.slice(0, inside.lastIndexOf('/') + 1);
  return `${path.slice(0, at)}_drafts/${folder}${info.slug}${info.ext}`;
}

/** The files that link to `path` (the adapter reads their text for `planMove`). */
export function referrersOf(site: SiteIndex, path: string): string[] {
  return [...site.links.sourcesOf(documentKeys(site, path))].filter((p) => p !== path);
}

/**
 * The edits of moving `from` to `to`: `date:` set to `date` when the front matter has one (publishing), and each
 * `{% link from %}` in the referrers pointed at `to`.
 */
export function planMove(site: SiteIndex, from: string, to: string, text: string, date: string | undefined, referrers: ReadonlyMap<string, string>): DocumentMove {
  const changes: TextChange[] = [];
  if (date !== undefined) {
    const entry = parseFrontMatter(text).entries.get('date');
    if (entry?.value) {
      const value = text.slice(entry.valueStart, entry.valueEnd);
      const written = /\d{4}-\d{1,2}-\d{1,2}/.exec(value);
      // `2023-01-01 10:00:00 +0100` keeps its time and zone; a value with no date in it is replaced.
      changes.push(written ? { path: from, start: entry.valueStart + written.index, end: entry.valueStart + written.index + written[0].length, newText: date } : { path: from, start: entry.valueStart, end: entry.valueEnd, newText: date });
    }
  }
  const keys = new Set(documentKeys(site, from));
  const stranded: string[] = [];
  for (const [path, referrerText] of referrers) {
    const sourceUrl = site.urls.urlOf(path);
    let strandedHere = false;
    for (const link of site.scan(path, referrerText).links?.links ?? []) {
      if (!targetKeys(site.config, sourceUrl, link.form, link.target).some((key) => keys.has(key))) {
        continue;
      }
      if (link.form === 'link') {
        const leading = /^\s*\/*/.exec(link.target)![0];
        changes.push({ path, start: link.start, end: link.end, newText: leading + to + (/\s*$/.exec(link.target)?.[0] ?? '') });
      } else {
        strandedHere = true;
      }
    }
    if (strandedHere) {
      stranded.push(path);
    }
  }
  return { from, to, changes, stranded };
}
