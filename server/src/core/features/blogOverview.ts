/**
 * The blog at a glance, for the Blog view: posts by year, tag and author with counts, drafts, and posts with
 * problems. Built from the index, one level at a time: the editor asks for a node's children when it is opened,
 * so a 10,000-post blog sends only what is on screen.
 */
import { byCodeUnits } from '../codeUnitOrder';
import { authorIdsOf } from '../site/authors';
import type { SiteIndex } from '../site/siteIndex';
import { tagsOf } from '../site/tags';
import { documentDate, documentTitle } from './linkTargets';

export type OverviewGroup = 'years' | 'tags' | 'authors' | 'drafts' | 'problems';

export interface OverviewNode {
  /** Stable and unique in the tree: `years`, `tag:kotlin`, `post:year:2024:_posts/2024-01-02-x.md`. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** What the node stands for, so the editor can pick an icon. */
  readonly kind: OverviewGroup | 'year' | 'tag' | 'author' | 'post' | 'draft';
  /** How many posts are below it; absent for a post. */
  readonly count?: number;
  /** The post's file, relative to the blog root. */
  readonly path?: string;
}

interface OverviewPost {
  readonly path: string;
  readonly title: string;
  readonly date: string;
  readonly draft: boolean;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  /** Lower case title, path and tags, for the filter. */
  readonly haystack: string;
}

const GROUPS: readonly OverviewGroup[] = ['years', 'tags', 'authors', 'drafts', 'problems'];

/**
 * The children of `parent` (the top groups without one). `filter` keeps the posts whose title, path or tags contain
 * it; `problems` counts each file's problems (errors and warnings) as the editor last saw them.
 */
export function overviewChildren(site: SiteIndex, parent: string | undefined, filter: string, problems: ReadonlyMap<string, number>): OverviewNode[] {
  const needle = filter.trim().toLowerCase();
  const all = overviewPosts(site);
  const posts = needle ? all.filter((p) => p.haystack.includes(needle)) : all;
  const published = posts.filter((p) => !p.draft);
  if (parent === undefined) {
    return GROUPS.map((group) => {
      const members = group === 'drafts' ? posts.filter((p) => p.draft) : group === 'problems' ? posts.filter((p) => (problems.get(p.path) ?? 0) > 0) : published;
      const count = group === 'tags' ? countKeys(members, (p) => p.tags) : group === 'authors' ? countKeys(members, (p) => p.authors) : members.length;
      return { id: group, label: group, kind: group, count };
    });
  }
  const [kind, ...rest] = parent.split(':');
  const key = rest.join(':');
  switch (kind) {
    case 'years':
      return groupsBy(published, (p) => [p.date.slice(0, 4) || '?'], 'year', (a, b) => byCodeUnits(b, a));
    case 'tags':
      return groupsBy(published, (p) => p.tags, 'tag', byCodeUnits);
    case 'authors':
      return groupsBy(published, (p) => p.authors, 'author', byCodeUnits);
    case 'drafts':
      return postNodes(parent, posts.filter((p) => p.draft));
    case 'problems':
      return postNodes(
        parent,
        posts.filter((p) => (problems.get(p.path) ?? 0) > 0),
        (p) => String(problems.get(p.path)),
      );
    case 'year':
      return postNodes(parent, published.filter((p) => (p.date.slice(0, 4) || '?') === key));
    case 'tag':
      return postNodes(parent, published.filter((p) => p.tags.includes(key)));
    case 'author':
      return postNodes(parent, published.filter((p) => p.authors.includes(key)));
    default:
      return [];
  }
}

/** Every post and draft with what the tree shows of it, newest first; made once per change of those keys. */
function overviewPosts(site: SiteIndex): readonly OverviewPost[] {
  return site.derived(
    'overviewPosts',
    () => {
      const posts: OverviewPost[] = [];
      for (const document of site.documents.values()) {
        if (document.kind !== 'post' && document.kind !== 'draft') {
          continue;
        }
        const title = documentTitle(document) ?? document.path.slice(document.path.lastIndexOf('/') + 1);
        const tags = [...new Set(tagsOf(document.data))];
        posts.push({
          path: document.path,
          title,
          date: documentDate(document) ?? '',
          draft: document.kind === 'draft',
          tags,
          authors: [...new Set(authorIdsOf(document.data as Record<string, unknown>))],
          haystack: `${title}\n${document.path}\n${tags.join('\n')}`.toLowerCase(),
        });
      }
      return posts.sort((a, b) => byCodeUnits(b.date, a.date) || byCodeUnits(a.path, b.path));
    },
    ['title', 'date', 'tags', 'author', 'authors'],
  );
}

function groupsBy(posts: readonly OverviewPost[], keysOf: (post: OverviewPost) => readonly string[], kind: 'year' | 'tag' | 'author', order: (a: string, b: string) => number): OverviewNode[] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    for (const key of keysOf(post)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts.keys()].sort(order).map((key) => ({ id: `${kind}:${key}`, label: key, kind, count: counts.get(key)! }));
}

function countKeys(posts: readonly OverviewPost[], keysOf: (post: OverviewPost) => readonly string[]): number {
  return new Set(posts.flatMap(keysOf)).size;
}

function postNodes(parent: string, posts: readonly OverviewPost[], describe: (post: OverviewPost) => string = (p) => p.date): OverviewNode[] {
  return posts.map((p) => ({ id: `post:${parent}:${p.path}`, label: p.title, description: describe(p), kind: p.draft ? 'draft' : 'post', path: p.path }));
}
