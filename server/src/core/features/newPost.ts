import type { SiteIndex } from '../site/siteIndex';
import { documentDate } from './linkTargets';
import { byCodeUnits } from '../codeUnitOrder';

/** A key of the blog's usual post front matter and how a new post fills it. */
export interface UsualKey {
  readonly key: string;
  /** The value most posts share (`layout: post`), else undefined. */
  readonly common: string | undefined;
}

const LIST_KEYS = new Set(['tags', 'categories', 'authors']);

/**
 * The front matter keys most posts of this blog write, in the order the newest post writes them, with the value
 * most posts share where there is one (the layout). Keys that `_config.yml` defaults supply are left out.
 */
export function usualPostKeys(site: SiteIndex): readonly UsualKey[] {
  return site.derived('usualPostKeys', () => {
    const posts = [...site.documents.values()].filter((d) => d.kind === 'post' && d.hasFrontMatter);
    const keyCounts = new Map<string, number>();
    const layoutCounts = new Map<string, number>();
    for (const post of posts) {
      for (const key of Object.keys(post.data)) {
        keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
      }
      const layout = post.data['layout'];
      if (typeof layout === 'string') {
        layoutCounts.set(layout, (layoutCounts.get(layout) ?? 0) + 1);
      }
    }
    const usual = new Set([...keyCounts].filter(([, count]) => count * 2 >= posts.length).map(([key]) => key));
    const newest = posts.reduce<(typeof posts)[number] | undefined>((best, post) => (!best || (documentDate(post) ?? '') > (documentDate(best) ?? '') ? post : best), undefined);
    const order = [...(newest ? Object.keys(newest.data).filter((k) => usual.has(k)) : []), ...usual];
    const keys = new Set(order);
    for (const key of ['title', 'layout']) {
      if (!keys.has(key)) {
        keys.add(key);
      }
    }
    if (site.authors && !keys.has('authors')) {
      keys.add('author');
    }
    const fromDefaults = new Set(site.config.defaults.filter((d) => d.type === undefined || d.type === 'posts').flatMap((d) => (d.path === '' || '_posts'.startsWith(d.path) ? Object.keys(d.values) : [])));
    const layout = [...layoutCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (site.layouts.has('post') ? 'post' : undefined);
    return [...keys].filter((key) => !fromDefaults.has(key) && key !== 'date').map((key) => ({ key, common: key === 'layout' ? layout : undefined }));
  }, 'any-data');
}

export interface NewPost {
  /** Path in the blog: `_posts/2024-07-02-my-title.md`. */
  readonly path: string;
  readonly text: string;
}

/** A new post's file name and text: the blog's usual front matter with the title and author filled in. */
export function newPost(site: SiteIndex, title: string, author: string | undefined, date: string): NewPost {
  const lines = usualPostKeys(site).map(({ key, common }) => {
    if (key === 'title') {
      return `title: ${yamlString(title)}`;
    }
    if ((key === 'author' || key === 'authors') && author) {
      return key === 'authors' ? `authors: [${yamlString(author)}]` : `author: ${yamlString(author)}`;
    }
    if (common !== undefined) {
      return `${key}: ${yamlString(common)}`;
    }
    return LIST_KEYS.has(key) ? `${key}: []` : `${key}:`;
  });
  return { path: `_posts/${date}-${slugify(title) || 'new-post'}${usualPostExtension(site)}`, text: `---\n${lines.join('\n')}\n---\n\n` };
}

/** The same front matter as a snippet: tab stops for the title, a choice of authors, the tags. */
export function postSnippet(site: SiteIndex, authors: readonly string[]): string {
  let stop = 0;
  const lines = usualPostKeys(site).map(({ key, common }) => {
    if (key === 'title') {
      return `title: \${${++stop}:Title}`;
    }
    if ((key === 'author' || key === 'authors') && authors.length > 0) {
      const choice = `\${${++stop}|${authors.map(escapeChoice).join(',')}|}`;
      return key === 'authors' ? `authors: [${choice}]` : `author: ${choice}`;
    }
    if (common !== undefined) {
      return `${key}: \${${++stop}:${escapeSnippet(common)}}`;
    }
    return LIST_KEYS.has(key) ? `${key}: [\${${++stop}}]` : `${key}: \${${++stop}}`;
  });
  return `---\n${lines.join('\n')}\n---\n\n$0`;
}

/**
 * Jekyll's `slugify` in its default mode, with the accents of Latin letters dropped: lowercase, runs of what is not a
 * letter, mark or digit to `-`. Other scripts stay as Jekyll keeps them (`你好-世界`, `привет-мир`); composed again
 * afterwards, so Hangul syllables and kana with voicing marks come out as written.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function usualPostExtension(site: SiteIndex): string {
  return site.derived('usualPostExtension', () => {
    const counts = new Map<string, number>();
    for (const document of site.documents.values()) {
      if (document.kind === 'post') {
        counts.set(document.ext, (counts.get(document.ext) ?? 0) + 1);
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '.md';
  }, 'any-data');
}

/** A YAML scalar that reads back as exactly `value`: plain where that is safe, else double-quoted. */
export function yamlString(value: string, inFlow = false): string {
  const plainSafe =
    /^[A-Za-z0-9_][^\n]*$/.test(value) &&
    !/[:#]\s|\s#|:$|\s$|^(?:y|n|yes|no|true|false|on|off|null|~)$/i.test(value) &&
    !/^[-+]?(?:\d[\d_:]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(value) &&
    !/^\d{4}-\d\d?-\d\d?/.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value));
  return plainSafe ? value : JSON.stringify(value);
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

/** Authors a new post can name, most active first: the author source's, else the ids already used. */
export function newPostAuthors(site: SiteIndex): { id: string; name: string | undefined; posts: number }[] {
  const counts = site.authorPostCounts();
  const ids = site.authors ? [...site.authors.authors.keys()] : [...counts.keys()];
  return ids
    .map((id) => ({ id, name: site.authors?.authors.get(id)?.name, posts: counts.get(id) ?? 0 }))
    .sort((a, b) => b.posts - a.posts || byCodeUnits(a.id, b.id));
}
