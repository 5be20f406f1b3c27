import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { writeBlog } from '../util/blogs';
import { generateBlog } from '../util/generateBlog';
import { SYSTEM_TMPDIR } from '../util/scratchRoot';

/** A blog on disk and the documents the benchmark edits in it. */
export interface BenchBlog {
  readonly name: string;
  readonly root: string;
  readonly posts: number;
  /** The post nearest 40 KB: the edit and preview figures use it. */
  readonly largePost: string;
  /** A post other posts link to with `#anchor`s to one of its headings, for the dependants figure. */
  readonly linked: { readonly path: string; readonly headingLine: number; readonly linkers: readonly string[] } | undefined;
}

const REPO = path.resolve(__dirname, '../../..');

/** Generated blogs live outside the repository, keyed by size, seed and the generator's own code, and are reused. */
export function generatedBlog(posts: number, seed = 1): BenchBlog {
  const generator = readFileSync(path.join(__dirname, '../util/generateBlog.js'));
  const key = createHash('sha256').update(generator).digest('hex').slice(0, 10);
  const cache = process.env['BLOGWRIGHT_BENCH_CACHE'] ?? path.join(SYSTEM_TMPDIR, 'blogwright-bench');
  const root = path.join(cache, `posts-${posts}-seed-${seed}-${key}`);
  if (!existsSync(root)) {
    const partial = `${root}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    writeBlog(generateBlog({ posts, seed }), partial);
    renameSync(partial, root);
  }
  return describe(`generated, ${posts.toLocaleString('en-US')} posts`, root);
}

/** The real allegro.tech blog, when the shared corpora are beside the repository (CI) or in /work/shared. */
export function corpusBlog(): BenchBlog | undefined {
  const candidates = [process.env['BLOGWRIGHT_CORPUS'], path.resolve(REPO, '../shared/corpora/allegro'), '/work/shared/corpora/allegro'];
  const root = candidates.find((c): c is string => c !== undefined && existsSync(path.join(c, '_posts')));
  return root ? describe('allegro.tech (real)', root) : undefined;
}

function describe(name: string, root: string): BenchBlog {
  const posts = readdirSync(path.join(root, '_posts'))
    .filter((f) => /\.(md|markdown)$/.test(f))
    .map((f) => `_posts/${f}`);
  const sizes = posts.map((p) => ({ path: p, bytes: statSync(path.join(root, p)).size }));
  const largePost = sizes.reduce((best, s) => (Math.abs(s.bytes - 40 * 1024) < Math.abs(best.bytes - 40 * 1024) ? s : best)).path;
  return { name, root, posts: posts.length, largePost, linked: mostAnchoredPost(root, posts) };
}

/** Finds the heading most often linked to with `/yyyy/mm/slug.html#id` or `{% post_url %}#id` from other posts. */
function mostAnchoredPost(root: string, posts: readonly string[]): BenchBlog['linked'] {
  const byUrl = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const post of posts) {
    const match = /^_posts\/((\d{4})-(\d{2})-\d{2}-(.+))\.(?:md|markdown)$/.exec(post);
    if (match) {
      byUrl.set(`/${match[2]}/${match[3]}/${match[4]}.html`, post);
      byName.set(match[1]!, post);
    }
  }
  const linkers = new Map<string, Set<string>>();
  for (const post of posts) {
    const text = readFileSync(path.join(root, post), 'utf8');
    for (const match of text.matchAll(/\]\((\/\d{4}\/\d{2}\/[^)#\s]+\.html)#([\w-]+)|\{%\s*post_url\s+(\S+)\s*%\}#([\w-]+)/g)) {
      const target = match[1] ? byUrl.get(match[1]) : byName.get(match[3]!);
      if (target && target !== post) {
        const key = `${target}#${match[2] ?? match[4]}`;
        linkers.set(key, (linkers.get(key) ?? new Set()).add(post));
      }
    }
  }
  const ranked = [...linkers].sort((a, b) => b[1].size - a[1].size);
  for (const [key, from] of ranked) {
    const [target, id] = key.split('#') as [string, string];
    const lines = readFileSync(path.join(root, target), 'utf8').split('\n');
    const headingLine = lines.findIndex((line) => /^#{1,6} /.test(line) && autoId(line.replace(/^#+ /, '')) === id);
    if (headingLine >= 0) {
      return { path: target, headingLine, linkers: [...from].sort() };
    }
  }
  return undefined;
}

function autoId(text: string): string {
  return text.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ +/g, '-');
}
