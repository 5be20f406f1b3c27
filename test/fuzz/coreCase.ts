import type { Position, TextEdit } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { provideQuickFixes } from '../../server/src/core/features/codeActions';
import { provideCompletions, resolveCompletion } from '../../server/src/core/features/completion';
import { provideDefinition } from '../../server/src/core/features/definition';
import { provideDocumentLinks } from '../../server/src/core/features/documentLinks';
import { provideHover } from '../../server/src/core/features/hover';
import { prepareRename, provideReferences, provideRename } from '../../server/src/core/features/rename';
import { renderPost } from '../../server/src/core/render/renderPost';
import { renderThemedPage } from '../../server/src/core/render/themed/themedPage';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { generateBlog } from '../util/generateBlog';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';
import { fuzzDocument } from './documents';
import { Random } from './random';

/** What went wrong in one case; `kind` says how bad. */
export interface Finding {
  readonly kind: 'crash' | 'exception' | 'hang' | 'invariant';
  readonly operation: string;
  readonly message: string;
}

export interface CaseResult {
  readonly cpuMs: number;
  readonly findings: readonly Finding[];
}

/** More CPU than this for one request on one document is a hang (issue 10: no file blocks the server for more than 1 s). */
export const HANG_MS = 1000;
/** Share of the cases that also get hover, definition, references, rename, document links and quick fixes. */
const FULL_SHARE = 0.35;

/** The blog every case edits one file of: a clean synthetic blog, rebuilt from scratch when a case changes its config. */
export class FuzzSite {
  readonly workspace: InMemoryWorkspace;
  readonly site: SiteIndex;
  readonly posts: string[];

  private constructor(workspace: InMemoryWorkspace, site: SiteIndex) {
    this.workspace = workspace;
    this.site = site;
    this.posts = [...workspace.files.keys()].filter((p) => p.startsWith('_posts/'));
  }

  static async create(): Promise<FuzzSite> {
    const workspace = new InMemoryWorkspace(generateBlog({ posts: 40, seed: 3 }));
    const site = new SiteIndex(workspace, withSettings(undefined));
    await site.build();
    return new FuzzSite(workspace, site);
  }
}

/** Where a case's document goes: an existing post, a new one, a draft, a page, a misnamed post, or the config. */
function pathFor(random: Random, fuzz: FuzzSite): string {
  const roll = random.int(100);
  if (roll < 40) {
    return random.pick(fuzz.posts);
  }
  if (roll < 60) {
    return `_posts/2024-0${1 + random.int(9)}-1${random.int(10)}-fuzzed.md`;
  }
  if (roll < 70) {
    return '_drafts/fuzzed-draft.md';
  }
  if (roll < 80) {
    return random.pick(['fuzzed-page.md', 'about/index.md', 'fuzzed.html']);
  }
  if (roll < 86) {
    return random.pick(['_posts/not-a-date.md', '_posts/2024-01-01-x.markdown', '_posts/sub/2024-01-02-nested.md', 'blog/_posts/2024-01-03-category.md']);
  }
  if (roll < 90) {
    // A layout or include: the published preview of a post runs it.
    return random.pick(['_layouts/post.html', '_layouts/default.html', '_includes/fuzz.html', '_includes/footer.html']);
  }
  if (roll < 95) {
    return '_data/authors.yml';
  }
  return '_config.yml';
}

/** Offsets worth asking about: random ones and those right after characters that trigger completion. */
function positionsOf(random: Random, document: TextDocumentSnapshot, count: number): Position[] {
  const text = document.getText();
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    if (random.chance(0.5) || text.length === 0) {
      offsets.push(random.int(text.length + 1));
    } else {
      const trigger = random.pick([': ', '[', ', ', '- ', '(', '/', '#', '{% post_url ', '{% link ', '"']);
      const at = text.indexOf(trigger, random.int(text.length));
      offsets.push(at < 0 ? text.length : at + trigger.length);
    }
  }
  return offsets.map((o) => document.positionAt(o));
}

/** An edit keeps the rest of the file byte for byte: inside the text, no CRLF split, no BOM lost, the file's own line endings. */
function editProblem(text: string, document: TextDocumentSnapshot, edit: TextEdit): string | undefined {
  const start = document.offsetAt(edit.range.start);
  const end = document.offsetAt(edit.range.end);
  const { start: s, end: e } = edit.range;
  if (start > end || s.line > e.line || (s.line === e.line && s.character > e.character)) {
    return `edit range is reversed: ${JSON.stringify(edit.range)}`;
  }
  if (document.positionAt(start).line !== s.line || document.positionAt(start).character !== s.character) {
    return `edit starts outside the text: ${JSON.stringify(edit.range)}`;
  }
  if ((text[start - 1] === '\r' && text[start] === '\n') || (text[end - 1] === '\r' && text[end] === '\n')) {
    return `edit splits a CRLF: ${JSON.stringify(edit.range)}`;
  }
  if (text.startsWith('\ufeff') && start === 0 && end > 0 && !edit.newText.startsWith('\ufeff')) {
    return 'edit removes the BOM';
  }
  const crlf = text.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  if (crlf && !lf && /(^|[^\r])\n/.test(edit.newText)) {
    return `edit writes LF into a CRLF file: ${JSON.stringify(edit.newText)}`;
  }
  if (lf && !crlf && edit.newText.includes('\r')) {
    return `edit writes CR into an LF file: ${JSON.stringify(edit.newText)}`;
  }
  return undefined;
}

/**
 * One case: a generated or mutated document put into the blog, then everything the editor asks of it: diagnostics,
 * completion (and resolve), hover, definition, references, rename, document links, quick fixes (applied and
 * checked), and the preview. Exceptions a rule throws are caught by the core and reported here through its logger.
 */
export async function runCase(fuzz: FuzzSite, seed: number, measureCpu = false): Promise<CaseResult> {
  const random = new Random(seed);
  const findings: Finding[] = [];
  const caseStarted = process.cpuUsage();
  const { path, text } = caseInput(random, fuzz);
  const original = fuzz.workspace.files.get(path);
  let operation = 'index';
  const logger = { error: (message: string) => findings.push({ kind: 'exception', operation, message }) };
  let slowStep = false;
  /**
   * One request as the server would serve it: a separate task, held to the 1 s budget on its own. Wall time first
   * (asking for CPU time is a system call, slow on a busy machine); a step that looks slow makes the case run
   * again with CPU time measured, so load on the machine never counts as a hang.
   */
  const step = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    operation = name;
    const wall = performance.now();
    const cpu = measureCpu ? process.cpuUsage() : undefined;
    const result = await work();
    if (cpu) {
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      if (cpuMs > HANG_MS) {
        findings.push({ kind: 'hang', operation: name, message: `${cpuMs.toFixed(0)} ms of CPU on ${path} (${text.length} characters)` });
      }
    } else if (performance.now() - wall > HANG_MS) {
      slowStep = true;
    }
    return result;
  };
  try {
    fuzz.workspace.files.set(path, text);
    const document = new TextDocumentSnapshot(path, 1, text);
    const site = fuzz.site;
    await step('index', () => site.update(path, text));
    const diagnostics = await step('diagnostics', () => computeDiagnostics(site, document, { logger }));
    for (const diagnostic of diagnostics) {
      const { start, end } = diagnostic.range;
      if (start.line < 0 || end.line < start.line || (end.line === start.line && end.character < start.character) || document.offsetAt(end) > text.length) {
        findings.push({ kind: 'invariant', operation, message: `${diagnostic.code} has a bad range ${JSON.stringify(diagnostic.range)}` });
      }
    }
    for (const position of positionsOf(random, document, 2)) {
      const items = await step('completion', () => provideCompletions(site, document, position));
      if (items.length > 0) {
        await step('completion resolve', () => resolveCompletion(site, random.pick(items)));
      }
    }
    // The other requests on a share of the cases: 100,000 cases must fit in a run on a busy machine.
    const everything = random.chance(FULL_SHARE);
    for (const position of everything ? positionsOf(random, document, 1) : []) {
      await step('hover', () => provideHover(site, document, position));
      await step('definition', () => provideDefinition(site, document, position));
      await step('references', () => provideReferences(site, document, position, true));
      const prepared = await step('prepare rename', () => prepareRename(site, document, position));
      if (prepared && !('error' in prepared)) {
        const renamed = await step('rename', () => provideRename(site, document, position, random.pick(['new-name', 'x', 'a b', ''])));
        for (const edit of renamed && 'changes' in renamed ? (renamed.changes.get(path) ?? []) : []) {
          const problem = editProblem(text, document, edit);
          if (problem) {
            findings.push({ kind: 'invariant', operation, message: problem });
          }
        }
      }
    }
    if (everything) {
      await step('document links', () => provideDocumentLinks(site, document));
    }
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    for (const fix of everything ? await step('quick fixes', () => provideQuickFixes(site, document, whole)) : []) {
      const problem = editProblem(text, document, fix.edit);
      if (problem) {
        findings.push({ kind: 'invariant', operation: 'quick fixes', message: `${fix.title}: ${problem}` });
        continue;
      }
      const fixed = text.slice(0, document.offsetAt(fix.edit.range.start)) + fix.edit.newText + text.slice(document.offsetAt(fix.edit.range.end));
      await step('diagnostics after a quick fix', () => computeDiagnostics(site, new TextDocumentSnapshot(path, 2, fixed), { logger }));
    }
    // The preview is offered for Markdown and HTML, not for YAML files; as published, a layout or include is run by a post.
    if (!path.endsWith('.yml')) {
      await step('preview', () => renderPost(site, document));
      const previewed = /^_(layouts|includes)\//.test(path) ? random.pick(fuzz.posts) : path;
      const previewedText = fuzz.workspace.files.get(previewed) ?? text;
      const themed = await step('preview as published', () => renderThemedPage(site, new TextDocumentSnapshot(previewed, 1, previewedText), { styles: true }));
      if (themed.kind === 'page' && /<script|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*["']?\s*javascript:/i.test(themed.body)) {
        findings.push({ kind: 'invariant', operation: 'preview as published', message: 'a script, handler or javascript: URL is in the page' });
      }
    }
  } catch (error) {
    findings.push({ kind: 'crash', operation, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    // Put the blog back, so every case starts from the same site.
    try {
      if (original === undefined) {
        fuzz.workspace.files.delete(path);
      } else {
        fuzz.workspace.files.set(path, original);
      }
      await step('restore', () => fuzz.site.update(path, original));
    } catch (error) {
      findings.push({ kind: 'crash', operation, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  if (slowStep) {
    return runCase(fuzz, seed, true);
  }
  const used = process.cpuUsage(caseStarted);
  return { cpuMs: (used.user + used.system) / 1000, findings };
}

/** The case's file and text, for a failure report. */
export function describeCase(fuzz: FuzzSite, seed: number): { path: string; text: string } {
  return caseInput(new Random(seed), fuzz);
}

/** A YAML file gets YAML (a mutated front matter without its `---`); every other file a document. */
function caseInput(random: Random, fuzz: FuzzSite): { path: string; text: string } {
  const path = pathFor(random, fuzz);
  const text = path.endsWith('.yml') ? fuzzDocument(random).replace(/^\ufeff?---[^\n]*\n/, '') : /^_(layouts|includes)\//.test(path) && random.chance(0.7) ? hostileTemplate(random) : fuzzDocument(random);
  return { path, text };
}

/** Pieces of a hostile layout or include: endless loops, self-inclusion, output and memory bombs, scripts, broken tags. */
const HOSTILE_PIECES = [
  '{% for a in (1..100000) %}{% for b in (1..100000) %}{{ b }}{% endfor %}{% endfor %}',
  '{% include fuzz.html %}',
  '{% include footer.html %}{% include fuzz.html x=1 %}',
  '{% capture s %}{% for i in (1..1000) %}0123456789{% endfor %}{% endcapture %}{% for i in (1..100000) %}{{ s }}{% endfor %}',
  '{% assign s = "ab" %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}',
  '{% for i in (1..999999999) %}{% endfor %}',
  '{% assign list = site.posts | sort: "title" | reverse %}{% for p in list %}{{ p.content | size }}{% endfor %}',
  '{% for p in site.posts %}{% for q in site.posts %}{{ q.url }}{% endfor %}{% endfor %}',
  '{{ content }}{{ content }}{{ content | markdownify | markdownify }}',
  '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><svg onload=alert(4)><script>alert(5)</script></svg>',
  '{% if %}{% endfor %}{% unknown_plugin_tag a b %}{{ x | no_such_filter: 1 }}{% include {{ page.nothing }} %}',
  '{% include ../../../../etc/passwd %}{% include_relative ../../x %}',
  '{% tablerow i in (1..100000) cols:3 %}{{ i }}{% endtablerow %}',
  '{% raw %}{{ not rendered }}{% endraw %}{% comment %}{% endcomment %}',
  '---\nlayout: default\n---\n',
  '---\nlayout: post\n---\n{{ content }}',
];

function hostileTemplate(random: Random): string {
  const pieces = Array.from({ length: 1 + random.int(4) }, () => random.pick(HOSTILE_PIECES));
  // Front matter first when a piece has it, as Jekyll reads it.
  return pieces.sort((a, b) => Number(b.startsWith('---')) - Number(a.startsWith('---'))).join('\n');
}
