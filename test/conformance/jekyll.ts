/**
 * The oracle: builds a blog with the real Jekyll (`jekyllFacts.rb`, the equivalent of `jekyll build --safe`)
 * into a temporary folder and returns what Jekyll read and wrote.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface JekyllDocument {
  readonly path: string;
  readonly kind: 'post' | 'collection' | 'page';
  readonly url: string;
  readonly title: unknown;
  readonly date: string | null;
  readonly slug: string | null;
  readonly categories: unknown;
  readonly tags: unknown;
  readonly published: unknown;
  readonly layout: string | null;
  readonly excerpt: unknown;
  /** The excerpt's text as Jekyll cuts it from the body before Liquid; null where Jekyll makes none. */
  readonly excerptSource: string | null;
  readonly markdown: boolean;
  /** The rendered body (Liquid, then the converter), without the layout. */
  readonly content: string;
  /** The body converted without Liquid. */
  readonly plain: string | null;
}

export interface JekyllBuild {
  readonly documents: readonly JekyllDocument[];
  /** Every file Jekyll wrote, relative to the destination, with `/` separators. */
  readonly files: ReadonlySet<string>;
  readonly destination: string;
  /** `site.baseurl` as Jekyll read it ('' without one). */
  readonly baseurl: string;
  /** `site.url` ('' without one): links that start with it are the site's own. */
  readonly url: string;
  /** Reads a file Jekyll wrote. */
  read(file: string): string;
  dispose(): void;
}

const SCRIPT = path.join(__dirname, '..', '..', '..', 'test', 'conformance', 'jekyllFacts.rb');

/** Why the real Jekyll cannot run here, or undefined when it can. */
export function jekyllMissing(): string | undefined {
  const result = spawnSync('ruby', ['-e', 'require "jekyll"; require "kramdown-parser-gfm"; print Jekyll::VERSION'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    return `the real Jekyll is not installed (ruby -e 'require "jekyll"' failed: ${result.error?.message ?? result.stderr.trim().split('\n')[0]}); scripts/setup.sh installs it`;
  }
  return undefined;
}

export class JekyllBuildError extends Error {}

/** Builds `source` into a fresh temporary folder. Throws JekyllBuildError when Jekyll fails the build. */
export function buildWithJekyll(source: string): JekyllBuild {
  const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'blogwright-jekyll-'));
  const dispose = () => fs.rmSync(destination, { recursive: true, force: true });
  const result = spawnSync('ruby', [SCRIPT, source, destination], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 300_000 });
  if (result.error || result.status !== 0) {
    dispose();
    throw new JekyllBuildError(`jekyll failed on ${source}: ${result.error?.message ?? result.stderr.slice(0, 2000)}`);
  }
  const output = JSON.parse(result.stdout) as { documents?: JekyllDocument[]; baseurl?: string; url?: string; error?: string };
  if (output.error !== undefined) {
    dispose();
    throw new JekyllBuildError(`jekyll failed on ${source}: ${output.error}`);
  }
  const files = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        walk(path.join(dir, entry.name), prefix + entry.name + '/');
      } else {
        files.add(prefix + entry.name);
      }
    }
  };
  walk(destination, '');
  return {
    documents: output.documents ?? [],
    files,
    destination,
    baseurl: output.baseurl ?? '',
    url: (output.url ?? '').replace(/\/$/, ''),
    read: (file) => fs.readFileSync(path.join(destination, file), 'utf8'),
    dispose,
  };
}

/** Writes a blog given as path -> text into a fresh temporary folder. */
export function writeBlog(files: Readonly<Record<string, string>>): { root: string; dispose(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blogwright-blog-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return { root, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}
