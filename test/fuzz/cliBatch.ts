import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeBlog } from '../util/blogs';
import { CLI_PATH } from '../util/cli';
import { generateBlog } from '../util/generateBlog';
import type { Finding } from './coreCase';
import { fuzzDocument } from './documents';
import { caseSeed, Random } from './random';

const POST_FOLDERS = ['_posts', '_posts/sub', '_drafts', 'blog/_posts', ''];

/** One blog for the CLI: a clean synthetic blog plus `files` fuzzed documents, and now and then a fuzzed `_config.yml`. */
function fuzzBlog(seed: number, files: number): Record<string, string> {
  const random = new Random(seed);
  const blog = generateBlog({ posts: 10, seed });
  for (let i = 0; i < files; i++) {
    const folder = random.pick(POST_FOLDERS);
    const name = folder.includes('_posts') ? `2024-01-${String(1 + (i % 28)).padStart(2, '0')}-fuzz-${i}.md` : `fuzz-${i}.md`;
    blog[folder ? `${folder}/${name}` : name] = fuzzDocument(random);
  }
  if (random.chance(0.2)) {
    blog['_config.yml'] = fuzzDocument(random).replace(/^\ufeff?---[^\n]*\n/, '');
  }
  return blog;
}

export interface CliBlogResult {
  readonly documents: number;
  readonly wallMs: number;
  readonly findings: readonly Finding[];
}

/**
 * Runs `dist/cli.js check --format json` as a process on one fuzzed blog: it must exit 0 or 1 with a JSON report,
 * write nothing to stderr, and take no longer than a second per document.
 */
export async function runCliBlog(runSeed: number, index: number, files: number): Promise<CliBlogResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'blogwright-fuzz-'));
  const blog = fuzzBlog(caseSeed(runSeed, 1_000_000_000 + index), files);
  writeBlog(blog, root);
  const documents = Object.keys(blog).filter((p) => /\.(md|markdown|html)$/.test(p)).length;
  const limitMs = 10_000 + documents * 1000;
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_PATH, 'check', root, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const findings: Finding[] = [];
  const where = `CLI blog ${index} (${root})`;
  if (status === null) {
    findings.push({ kind: 'hang', operation: 'cli', message: `${where}: killed after ${limitMs} ms` });
  } else if (status !== 0 && status !== 1) {
    findings.push({ kind: 'crash', operation: 'cli', message: `${where}: exit ${status}: ${stderr.slice(0, 2000)}` });
  } else {
    try {
      const report = JSON.parse(stdout) as { diagnostics?: unknown };
      if (!Array.isArray(report.diagnostics)) {
        findings.push({ kind: 'crash', operation: 'cli', message: `${where}: the report has no diagnostics list` });
      }
    } catch (error) {
      findings.push({ kind: 'crash', operation: 'cli', message: `${where}: the report is not JSON: ${String(error)}` });
    }
    if (stderr.trim()) {
      findings.push({ kind: 'exception', operation: 'cli', message: `${where}: stderr: ${stderr.slice(0, 2000)}` });
    }
  }
  if (findings.length === 0) {
    rmSync(root, { recursive: true, force: true });
  }
  return { documents, wallMs, findings };
}
