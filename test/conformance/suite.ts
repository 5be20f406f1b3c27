/** The conformance runs: generated sites, fuzzed documents, real blogs; each built by Jekyll and compared. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Random, caseSeed } from '../fuzz/random';
import { addTally, compareBlog, emptyTally, type Tally } from './compare';
import { documentText, fuzzDocument, FUZZ_SITE, type FuzzDocument } from './fuzzKramdown';
import { generateSite } from './generateSite';
import { buildWithJekyll, JekyllBuildError, jekyllMissing, writeBlog } from './jekyll';
import { BLOCK_HTML_SNIPPETS, compareSnippets, SNIPPETS, snippetBlog, type SnippetDifference } from './previewSnippets';

/**
 * In CI (`CI=true`) a missing Jekyll fails the run; elsewhere one line says why and the caller skips.
 * Returns whether Jekyll is there.
 */
export function requireJekyll(): boolean {
  const missing = jekyllMissing();
  if (missing === undefined) {
    return true;
  }
  if (process.env['CI'] === 'true') {
    throw new Error(`conformance: ${missing}`);
  }
  console.log(`conformance skipped: ${missing}`);
  return false;
}

async function compareFiles(name: string, files: Readonly<Record<string, string>>): Promise<Tally> {
  const blog = writeBlog(files);
  try {
    const build = buildWithJekyll(blog.root);
    try {
      return await compareBlog(name, blog.root, build);
    } finally {
      build.dispose();
    }
  } finally {
    blog.dispose();
  }
}

export async function runGenerated(count: number, firstSeed = 1): Promise<Tally> {
  const tally = emptyTally();
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    addTally(tally, await compareFiles(`generated-${seed}`, generateSite(seed)));
  }
  return tally;
}

const CASES_PER_BLOG = 40;

function fuzzBlog(cases: readonly FuzzDocument[], input: 'GFM' | 'kramdown', autoIds: boolean): Record<string, string> {
  const files: Record<string, string> = { ...FUZZ_SITE, '_config.yml': `kramdown:\n  input: ${input}\n  auto_ids: ${autoIds}\n` };
  cases.forEach((c, i) => {
    files[`_posts/2020-01-01-case-${i}.md`] = documentText(c, `Case ${i}`);
  });
  return files;
}

export interface FuzzResult {
  readonly tally: Tally;
  readonly cases: number;
  readonly blogs: number;
  /** Cases Jekyll could not build (none expected: every Liquid construct is well formed). */
  readonly unbuildable: number;
  /** The smallest document found for each case with an unexpected difference. */
  readonly shrunk: { readonly detail: string; readonly text: string }[];
}

export async function runFuzz(count: number, options: { seed?: number; shrink?: boolean } = {}): Promise<FuzzResult> {
  const seed = options.seed ?? 16;
  const tally = emptyTally();
  const shrunk: FuzzResult['shrunk'] = [];
  let blogs = 0;
  let unbuildable = 0;
  for (let first = 0; first < count; first += CASES_PER_BLOG) {
    const input = blogs % 2 === 0 ? 'GFM' : 'kramdown';
    const autoIds = blogs % 4 !== 3;
    const cases = Array.from({ length: Math.min(CASES_PER_BLOG, count - first) }, (_, i) => fuzzDocument(new Random(caseSeed(seed, first + i))));
    blogs++;
    let result: Tally;
    try {
      result = await compareFiles(`fuzz-${input}-${first}`, fuzzBlog(cases, input, autoIds));
    } catch (error) {
      if (!(error instanceof JekyllBuildError)) {
        throw error;
      }
      unbuildable += cases.length;
      console.log(`fuzz cases ${first}..${first + cases.length - 1}: ${error.message.slice(0, 300)}`);
      continue;
    }
    addTally(tally, result);
    if (options.shrink) {
      for (const difference of result.differences.filter((d) => !d.deliberate)) {
        const index = Number(/case-(\d+)/.exec(difference.path)?.[1]);
        if (Number.isInteger(index) && !shrunk.some((s) => s.detail.startsWith(`${first + index}:`))) {
          const smallest = await shrinkCase(cases[index]!, input, autoIds, difference.kind);
          shrunk.push({ detail: `${first + index}: [${difference.kind}] ${difference.detail}`, text: documentText(smallest) });
        }
      }
    }
  }
  return { tally, cases: count, blogs, unbuildable, shrunk };
}

/** Drops blocks (and then lines) while the case still shows a difference of the same kind. */
async function shrinkCase(document: FuzzDocument, input: 'GFM' | 'kramdown', autoIds: boolean, kind: string): Promise<FuzzDocument> {
  const differs = async (candidate: FuzzDocument) => {
    try {
      const tally = await compareFiles('shrink', fuzzBlog([candidate], input, autoIds));
      return tally.differences.some((d) => d.kind === kind && !d.deliberate);
    } catch {
      return false;
    }
  };
  let blocks = [...document.blocks];
  for (let i = blocks.length - 1; i >= 0 && blocks.length > 1; i--) {
    const without = blocks.filter((_, j) => j !== i);
    if (await differs({ blocks: without })) {
      blocks = without;
    }
  }
  return { blocks };
}

/**
 * A real blog, copied to a temporary folder with what the installed Jekyll cannot build moved aside: the
 * Gemfile (it pins gems that are not installed), Sass entry points (a newer Sass may not compile), a gem
 * theme (not installed); a Ruby symbol in `_config.yml` becomes a string. `_plugins` stays: safe mode does not run it, and Blogwright reads the same copy.
 */
export async function runReal(root: string): Promise<Tally> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'blogwright-real-'));
  try {
    fs.cpSync(root, copy, { recursive: true, filter: (source) => !/(^|\/)(\.git|node_modules|_site|\.jekyll-cache|vendor)$/.test(source) });
    for (const name of ['Gemfile', 'Gemfile.lock']) {
      fs.rmSync(path.join(copy, name), { force: true });
    }
    removeSassEntryPoints(copy);
    const configPath = path.join(copy, '_config.yml');
    if (fs.existsSync(configPath)) {
      // A Ruby symbol as a value (`style: :compressed`, `permalink: :title`) is refused by Jekyll 4.3's safe YAML: quoted, it is a string.
      const config = fs.readFileSync(configPath, 'utf8').replace(/^(theme|remote_theme):/gm, '#$1:').replace(/^(\s*[\w-]+\s*:[ \t]+)(:[^\s'"#][^#\n]*?)[ \t]*$/gm, '$1"$2"');
      fs.writeFileSync(configPath, config);
    }
    const build = buildWithJekyll(copy);
    try {
      return await compareBlog(path.basename(root), copy, build);
    } finally {
      build.dispose();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function removeSassEntryPoints(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removeSassEntryPoints(full);
    } else if (/\.s[ac]ss$/.test(entry.name) && fs.readFileSync(full, 'utf8').startsWith('---')) {
      fs.rmSync(full);
    }
  }
}

export function totalOf(tallies: readonly Tally[]): Tally {
  const all = emptyTally();
  tallies.forEach((t) => addTally(all, t));
  return all;
}

/** `--case N`: fuzz case N alone, with its text, Jekyll's rendering and every difference. */
export async function showFuzzCase(index: number, seed = 16): Promise<void> {
  const document = fuzzDocument(new Random(caseSeed(seed, index)));
  const blog = Math.floor(index / CASES_PER_BLOG);
  const input = blog % 2 === 0 ? 'GFM' : 'kramdown';
  const autoIds = blog % 4 !== 3;
  const files = fuzzBlog([document], input, autoIds);
  console.log(`input ${input}, auto_ids ${autoIds}\n${files['_posts/2020-01-01-case-0.md']}`);
  const written = writeBlog(files);
  try {
    const build = buildWithJekyll(written.root);
    console.log('--- Jekyll:\n' + build.documents.find((d) => d.path.includes('case-0'))?.content);
    const tally = await compareBlog('case', written.root, build);
    for (const d of tally.differences) {
      console.log(`[${d.kind}] ${d.detail}${d.deliberate ? ' (deliberate)' : ''}`);
    }
    build.dispose();
  } finally {
    written.dispose();
  }
}

/** The preview's Markdown against Jekyll's, on the snippets of previewSnippets.ts: both settings of `parse_block_html`. */
export async function runPreviewSnippets(): Promise<{ compared: number; differences: SnippetDifference[] }> {
  let compared = 0;
  const differences: SnippetDifference[] = [];
  for (const [snippets, parseBlockHtml] of [[SNIPPETS, false], [BLOCK_HTML_SNIPPETS, true]] as const) {
    const blog = writeBlog(snippetBlog(snippets, parseBlockHtml));
    try {
      const build = buildWithJekyll(blog.root);
      try {
        const result = await compareSnippets(blog.root, build);
        compared += result.compared;
        differences.push(...result.differences);
      } finally {
        build.dispose();
      }
    } finally {
      blog.dispose();
    }
  }
  return { compared, differences };
}
