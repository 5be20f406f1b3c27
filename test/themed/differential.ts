/**
 * The themed preview against the real Jekyll: builds each blog with `jekyll build --safe` (a copy, without its
 * Gemfile), previews every post through Blogwright's core, and compares the visible text of both pages (scripts,
 * styles and <head> stripped, entities decoded, whitespace normalised). Prints one line per blog and each
 * differing post with the first place the texts part.
 *
 *   node out/test/themed/differential.js BLOG_DIR|generated:POSTS... [--json FILE]
 */
import '../util/scratchRoot';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';
import { renderThemedPage } from '../../server/src/core/render/themed/themedPage';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { writeBlog } from '../util/blogs';
import { generatedThemeBlog } from './generatedTheme';

export interface PostComparison {
  readonly path: string;
  readonly same: boolean;
  /** Where the texts part, with some context on both sides. */
  readonly difference?: { readonly jekyll: string; readonly preview: string };
  readonly note?: string;
}

export interface BlogComparison {
  readonly blog: string;
  readonly posts: readonly PostComparison[];
  readonly jekyllError?: string;
}

/** Builds `blog` with the real Jekyll and compares each post's visible text with the themed preview's. */
export async function compareBlog(blog: string): Promise<BlogComparison> {
  const work = mkdtempSync(path.join(tmpdir(), 'bw-differential-'));
  const source = path.join(work, 'src');
  const destination = path.join(work, 'site');
  try {
    cpSync(blog, source, { recursive: true, filter: (file) => !/(^|\/)(\.git|node_modules|Gemfile(\.lock)?|_site|vendor)$/.test(file) });
    try {
      execFileSync('jekyll', ['build', '--safe', '--quiet', '-s', source, '-d', destination, '--config', configFiles(source, work)], { stdio: 'pipe', timeout: 300_000, env: { ...process.env, JEKYLL_ENV: 'production', TZ: process.env['TZ'] ?? 'UTC' } });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
      return { blog, posts: [], jekyllError: stderr.split('\n').slice(0, 5).join('\n') };
    }
    const site = new SiteIndex(new FileSystemWorkspace(source), withSettings(undefined), { dependants: false });
    await site.build();
    const posts: PostComparison[] = [];
    for (const document of site.documents.values()) {
      if (document.kind !== 'post' || document.data['published'] === false) {
        continue;
      }
      const url = site.urls.urlOf(document.path);
      if (url === undefined) {
        continue;
      }
      const decoded = decodeURIComponent(url);
      const built = path.join(destination, decoded.endsWith('/') ? decoded + 'index.html' : decoded);
      if (!existsSync(built)) {
        posts.push({ path: document.path, same: false, note: `jekyll wrote no ${decoded}` });
        continue;
      }
      const text = readFileSync(path.join(source, document.path), 'utf8');
      const preview = await renderThemedPage(site, new TextDocumentSnapshot(document.path, 1, text), {});
      if (preview.kind !== 'page') {
        posts.push({ path: document.path, same: false, note: preview.note || 'no layout' });
        continue;
      }
      const expected = visibleText(readFileSync(built, 'utf8'));
      const actual = visibleText(`<body>${preview.body}</body>`);
      posts.push(expected === actual ? { path: document.path, same: true } : { path: document.path, same: false, difference: firstDifference(expected, actual) });
    }
    return { blog, posts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The plugins installed beside the oracle's Jekyll: safe mode loads only whitelisted gems (as GitHub Pages does). */
const INSTALLED_PLUGINS = ['jekyll-feed', 'jekyll-sitemap', 'jekyll-seo-tag', 'jekyll-redirect-from', 'jekyll-paginate', 'jekyll-archives', 'jekyll-relative-links'];

/** The blog's configuration, then one that whitelists the installed plugins (a blog's `seo` tag then renders as on GitHub Pages). */
function configFiles(source: string, work: string): string {
  const whitelist = path.join(work, 'whitelist.yml');
  writeFileSync(whitelist, `whitelist: [${INSTALLED_PLUGINS.join(', ')}]\n`);
  const own = ['_config.yml', '_config.yaml', '_config.toml'].map((name) => path.join(source, name)).filter((file) => existsSync(file));
  return [...own.slice(0, 1), whitelist].join(',');
}

/** What a reader sees of a page, as text: no head, scripts, styles, comments or tags; entities decoded; spaces collapsed. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<head[\s>][\s\S]*?<\/head>/gi, ' ')
      .replace(/<(script|style|noscript|template|title)[\s>][\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      // The preview's stand-ins for what it does not load (a remote image, an iframe): Jekyll's page shows no text there.
      .replace(/<span class="bw-placeholder"[^>]*>(remote image \(not loaded\)|(iframe|video|audio|object|embed|canvas|frame|frameset|applet)\b)[^<]*<\/span>/g, '')
      // Inline elements part no words; any other tag does.
      // A quoted attribute may hold a `>` (a `title` made by a date filter): it does not end the tag for a browser.
      .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g, (_, name: string) => (INLINE.has(name.toLowerCase()) ? '' : ' '))
      .replace(/<![^>]*>/g, ' '),
  )
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const INLINE = new Set('a abbr b bdi bdo cite code data del dfn em font i ins kbd label mark q s samp small span strike strong sub sup time tt u var'.split(' '));

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', middot: '\u00b7', times: '\u00d7' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return NAMED[entity.toLowerCase()] ?? match;
  });
}

function firstDifference(expected: string, actual: string): { jekyll: string; preview: string } {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) {
    at++;
  }
  const from = Math.max(0, at - 40);
  return { jekyll: expected.slice(from, at + 80), preview: actual.slice(from, at + 80) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const results: BlogComparison[] = [];
  let total = 0;
  let same = 0;
  for (const blog of args) {
    const generated = /^generated:(\d+)$/.exec(blog);
    const result = await compareBlog(generated ? writeBlog(generatedThemeBlog(Number(generated[1]))) : blog);
    results.push(result);
    const blogSame = result.posts.filter((p) => p.same).length;
    total += result.posts.length;
    same += blogSame;
    console.log(`${path.basename(blog)}: ${blogSame}/${result.posts.length} posts identical${result.jekyllError ? ` (jekyll failed: ${result.jekyllError})` : ''}`);
    for (const post of result.posts.filter((p) => !p.same)) {
      console.log(`  ${post.path}: ${post.note ?? ''}`);
      if (post.difference) {
        console.log(`    jekyll:  ${JSON.stringify(post.difference.jekyll)}\n    preview: ${JSON.stringify(post.difference.preview)}`);
      }
    }
  }
  console.log(`all: ${same}/${total} posts identical (${total ? ((100 * same) / total).toFixed(1) : '0'}%)`);
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(results, null, 2));
  }
}

if (require.main === module) {
  void main();
}
