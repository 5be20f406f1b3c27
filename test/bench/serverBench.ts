import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderPreviewRequest, settledRequest } from '../../server/src/protocol';
import { LspTestClient } from '../util/lspClient';
import type { BenchBlog } from './benchBlogs';
import { cpuTimeOf, rssOf, summarize, type Summary } from './stats';
import { serverNodeFlags } from '../../server/src/serverProcess';

export interface ServerFigures {
  readonly startup: Summary;
  /** The server's CPU time from its start to all diagnostics published. */
  readonly startupCpu: Summary | undefined;
  readonly rssAfterIndexing: Summary;
  /** Once the start's work is all done, the persisted index written too: what the server then holds. */
  readonly rssStored: Summary;
  readonly edit: Summary;
  readonly dependants: Summary | string;
  readonly completion: Record<'authors' | 'tags' | 'post_url', Summary & { readonly items: number }>;
  readonly preview: Summary;
  /** The same post as published: through its layouts, includes and site data (after a first render). */
  readonly themedPreview: Summary;
  /**
   * RSS sampled every twentieth of the edits. Collections make it a saw (10-20 MB on 10,000 posts), so a single
   * reading before and after says little: growth is the lowest reading of the last fifth against that of the
   * first fifth, the resident floor after collections, which rises only if edits leave memory behind. The edits
   * start after `warmupEdits` others, whose one-time rise (`before` -> `warm`) is reported apart: typing regrows the
   * young generation the idle start let shrink, and the index's tables, keyed by path, double once as an edit removes
   * and re-adds a post; then the floor stays (30,000 edits: +4 MB).
   */
  readonly rssGrowth: { readonly edits: number; readonly warmupEdits: number; readonly before: number; readonly warm: number; readonly after: number; readonly firstFloor: number; readonly lastFloor: number; readonly low: number; readonly high: number } | undefined;
  /** Requests while the blog is still being read and checked (from 1 s after spawn to `blogwright/indexed`). */
  readonly duringStart: DuringStartFigures;
}

export interface DuringStartFigures {
  /** Completion requests, request to response. */
  readonly completion: readonly number[];
  /** Edits of the open post, sent to the first diagnostics published for that version or a later one. */
  readonly edit: readonly number[];
  /** Completions answered with at least one item. */
  readonly completionsWithItems: number;
  /** Milliseconds from spawn to `blogwright/indexed`, per start. */
  readonly indexedAt: readonly number[];
}

export interface ServerBenchOptions {
  readonly startups: number;
  readonly edits: number;
  readonly completions: number;
  readonly previews: number;
  readonly dependantRounds: number;
  /** Edits for the RSS growth figure; 0 skips it. */
  readonly growthEdits: number;
  /** Server starts during which requests are timed (`DuringStartFigures`). */
  readonly busyStarts: number;
  /** Extra node flags for the server, e.g. `--cpu-prof`. */
  readonly execArgv?: readonly string[];
  /** Extra environment for the server, e.g. `BLOGWRIGHT_INDEX_WORKER`. */
  readonly env?: Readonly<Record<string, string>>;
}

const SETTINGS = { diagnostics: { debounce: 0 } };

/** A cold start: the server's persisted index goes to an empty folder of its own (warmStartBench.ts times the others). */
function withoutStore(env: Readonly<Record<string, string>> = {}): { env: Record<string, string> } {
  return { env: { ...env, XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'blogwright-no-store-')) } };
}

/** Cold starts to all diagnostics, with `options.env` (the index worker's own figures). */
export async function benchColdStarts(blog: BenchBlog, options: Pick<ServerBenchOptions, 'startups' | 'env'>, log: (line: string) => void): Promise<{ readonly startup: Summary; readonly cpu: Summary | undefined }> {
  const startups: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < options.startups; run++) {
    const started = performance.now();
    const client = await LspTestClient.start(blog.root, SETTINGS, serverNodeFlags(), withoutStore(options.env));
    try {
      await withTimeout(client.indexed(), 120_000, 'indexing');
      startups.push(performance.now() - started);
      const used = cpuTimeOf(client.process.pid!);
      if (used !== undefined) {
        cpu.push(used);
      }
      log(`  start to all diagnostics (${JSON.stringify(options.env ?? {})}): ${Math.round(startups.at(-1)!)} ms (CPU ${used ?? '?'} ms)`);
    } finally {
      await client.stop();
    }
  }
  return { startup: summarize(startups), cpu: cpu.length > 0 ? summarize(cpu) : undefined };
}
const TIMEOUT_MS = 20_000;

/** Drives the built server over stdio as an editor does and times what a user waits for. */
export async function benchServer(blog: BenchBlog, options: ServerBenchOptions, log: (line: string) => void): Promise<ServerFigures> {
  const duringStart = await benchDuringStart(blog, options, log);
  const startups: number[] = [];
  const rss: number[] = [];
  const rssStored: number[] = [];
  const cpu: number[] = [];
  let client: LspTestClient | undefined;
  for (let run = 0; run < options.startups; run++) {
    await client?.stop();
    const started = performance.now();
    // Started as the extension starts it (serverNodeFlags), plus any profiling flags.
    client = await LspTestClient.start(blog.root, SETTINGS, [...serverNodeFlags(), ...(options.execArgv ?? [])], withoutStore(options.env));
    await withTimeout(client.indexed(), 120_000, 'indexing');
    startups.push(performance.now() - started);
    rss.push(rssOf(client.process.pid!));
    const used = cpuTimeOf(client.process.pid!);
    if (used !== undefined) {
      cpu.push(used);
    }
    await client.connection.sendRequest(settledRequest, { store: true });
    rssStored.push(rssOf(client.process.pid!));
    log(`  start to all diagnostics: ${Math.round(startups.at(-1)!)} ms (CPU ${used ?? '?'} ms), RSS ${mb(rss.at(-1)!)} MB, ${mb(rssStored.at(-1)!)} MB once stored`);
  }
  const server = client!;
  try {
    const editor = new Editor(server);
    const edit = await benchEdits(editor, blog.largePost, options.edits);
    log(`  edit in ${blog.largePost}: median ${edit.median.toFixed(1)} ms, p95 ${edit.p95.toFixed(1)} ms`);
    const dependants = await benchDependants(editor, blog, options.dependantRounds);
    log(`  edit to dependants: ${typeof dependants === 'string' ? dependants : `median ${dependants.median.toFixed(1)} ms, p95 ${dependants.p95.toFixed(1)} ms`}`);
    const completion = await benchCompletion(editor, options.completions);
    log(`  completion p95: ${Object.entries(completion).map(([k, s]) => `${k} ${s.p95.toFixed(1)} ms (${s.items} items)`).join(', ')}`);
    const preview = await benchPreview(editor, blog.largePost, options.previews, 'content');
    log(`  preview: median ${preview.median.toFixed(1)} ms, p95 ${preview.p95.toFixed(1)} ms`);
    const themedPreview = await benchPreview(editor, blog.largePost, options.previews, 'published');
    log(`  preview as published: median ${themedPreview.median.toFixed(1)} ms, p95 ${themedPreview.p95.toFixed(1)} ms`);
    let rssGrowth: ServerFigures['rssGrowth'];
    if (options.growthEdits > 0) {
      const before = rssOf(server.process.pid!);
      const warmupEdits = options.growthEdits / 5;
      await benchEdits(editor, blog.largePost, warmupEdits, 0);
      const warm = rssOf(server.process.pid!);
      const samples: number[] = [];
      for (let part = 0; part < 20; part++) {
        await benchEdits(editor, blog.largePost, options.growthEdits / 20, 0);
        samples.push(rssOf(server.process.pid!));
      }
      const after = samples.at(-1)!;
      const firstFloor = Math.min(...samples.slice(0, 4));
      const lastFloor = Math.min(...samples.slice(-4));
      rssGrowth = { edits: options.growthEdits, warmupEdits, before, warm, after, firstFloor, lastFloor, low: Math.min(...samples), high: Math.max(...samples) };
      log(`  RSS over ${options.growthEdits} edits: ${samples.map(mb).join(' ')} MB; floor ${mb(firstFloor)} -> ${mb(lastFloor)} MB`);
    }
    return { startup: summarize(startups), startupCpu: cpu.length > 0 ? summarize(cpu) : undefined, rssAfterIndexing: summarize(rss), rssStored: summarize(rssStored), edit, dependants, completion, preview, themedPreview, rssGrowth, duringStart };
  } finally {
    await server.stop();
  }
}

/** Open documents with their text and version, edited incrementally as an editor does. */
class Editor {
  readonly #versions = new Map<string, number>();
  readonly #lines = new Map<string, string[]>();

  constructor(readonly client: LspTestClient) {}

  async open(relative: string, text?: string): Promise<void> {
    if (this.#versions.has(relative)) {
      return;
    }
    const content = text ?? readFileSync(path.join(this.client.root, relative), 'utf8');
    this.#versions.set(relative, 1);
    this.#lines.set(relative, content.split('\n'));
    const published = this.published(relative, 1);
    await this.client.open(relative, content);
    await published;
  }

  lines(relative: string): readonly string[] {
    return this.#lines.get(relative)!;
  }

  /** Inserts (or deletes) text on one line; resolves once the edited document's new diagnostics are published. */
  async type(relative: string, line: number, character: number, insert: string, deleteCount = 0): Promise<void> {
    await (await this.send(relative, line, character, insert, deleteCount)).published;
  }

  /** Sends the edit; `published` resolves when its diagnostics are. */
  async send(relative: string, line: number, character: number, insert: string, deleteCount = 0): Promise<{ published: Promise<void> }> {
    const version = this.#versions.get(relative)! + 1;
    this.#versions.set(relative, version);
    const lines = this.#lines.get(relative)!;
    const old = lines[line]!;
    lines[line] = old.slice(0, character) + insert + old.slice(character + deleteCount);
    const published = this.published(relative, version);
    await this.client.edit(relative, version, { start: { line, character }, end: { line, character: character + deleteCount } }, insert);
    return { published };
  }

  /**
   * Resolves when diagnostics for `relative` are published, for `version` or a later one when given (a closed file
   * has none): the server checks only the last of edits that queued up behind others.
   */
  published(relative: string, version?: number): Promise<void> {
    const uri = this.client.uri(relative);
    return withTimeout(
      new Promise<void>((resolve) => {
        const stop = this.client.onPublish((params) => {
          if (params.uri === uri && (version === undefined || (params.version ?? -1) >= version)) {
            stop();
            resolve();
          }
        });
      }),
      TIMEOUT_MS,
      `diagnostics of ${relative}`,
    );
  }
}

/** Types a character into the middle of the post's body and deletes it again, timing each edit to its diagnostics. */
async function benchEdits(editor: Editor, post: string, edits: number, warmup = Math.min(20, Math.floor(edits / 10))): Promise<Summary> {
  await editor.open(post);
  const lines = editor.lines(post);
  const line = Math.floor(lines.length * 0.6);
  const samples: number[] = [];
  for (let i = 0; i < edits + warmup; i++) {
    const insert = i % 2 === 0;
    const started = performance.now();
    await editor.type(post, line, 0, insert ? 'x' : '', insert ? 0 : 1);
    if (i >= warmup) {
      samples.push(performance.now() - started);
    }
  }
  return summarize(samples);
}

/** Renames a heading other posts link to (breaking their anchors) and back, timing until every linker is re-published. */
async function benchDependants(editor: Editor, blog: BenchBlog, rounds: number): Promise<Summary | string> {
  const linked = blog.linked;
  if (!linked) {
    return 'no post in this blog is linked to with an #anchor';
  }
  await editor.open(linked.path);
  const samples: number[] = [];
  const heading = editor.lines(linked.path)[linked.headingLine]!;
  for (let round = 0; round < rounds; round++) {
    const breaking = round % 2 === 0;
    const started = performance.now();
    const republished = Promise.all(linked.linkers.map((linker) => editor.published(linker)));
    republished.catch(() => undefined);
    await editor.type(linked.path, linked.headingLine, heading.length, breaking ? ' renamed' : '', breaking ? 0 : ' renamed'.length);
    try {
      await withTimeout(republished, 3_000, 'linkers');
    } catch {
      return `not measured: the ${linked.linkers.length} posts linking to ${linked.path}#... were not re-checked within 3 s of the edit`;
    }
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const COMPLETION_POST = '_posts/2025-12-31-benchmark-completion.md';
const COMPLETION_TEXT = '---\nlayout: post\ntitle: Completion\nauthor: \ntags: []\n---\n\nRead {% post_url  %}.\n';
const COMPLETION_POSITIONS = {
  authors: { line: 3, character: 'author: '.length },
  tags: { line: 4, character: 'tags: ['.length },
  post_url: { line: 7, character: 'Read {% post_url '.length },
} as const;

/**
 * Completion as it is used: the editor sends each keystroke, then asks for completions at once. Every request
 * follows an edit of the value being completed (a letter typed, then deleted), so the front matter keeps changing
 * as it does while typing; the time is from the request to its response.
 */
async function benchCompletion(editor: Editor, requests: number): Promise<ServerFigures['completion']> {
  await editor.open(COMPLETION_POST, COMPLETION_TEXT);
  const figures: Partial<Record<keyof typeof COMPLETION_POSITIONS, Summary & { items: number }>> = {};
  const pending: Promise<void>[] = [];
  for (const [kind, position] of Object.entries(COMPLETION_POSITIONS) as [keyof typeof COMPLETION_POSITIONS, { line: number; character: number }][]) {
    const samples: number[] = [];
    let items = 0;
    for (let i = 0; i < requests + 10; i++) {
      const typed = i % 2 === 0;
      pending.push((await editor.send(COMPLETION_POST, position.line, position.character, typed ? 'm' : '', typed ? 0 : 1)).published);
      const started = performance.now();
      items = (await editor.client.complete(COMPLETION_POST, position.line, position.character + (typed ? 1 : 0))).length;
      if (i >= 10) {
        samples.push(performance.now() - started);
      }
    }
    figures[kind] = { ...summarize(samples), items };
  }
  await Promise.all(pending);
  return figures as ServerFigures['completion'];
}

/** From this long after spawn, requests are timed while the blog is still being read and checked. */
const BUSY_FROM_MS = 1000;
/** One edit or one completion every this many milliseconds, in turn, sent whether or not the last was answered. */
const BUSY_TICK_MS = 20;

/**
 * An editor's requests while the server starts cold (no persisted index): the 40 KB post and the completion post are opened at once, as an
 * editor restores its tabs; from 1 s after spawn until `blogwright/indexed`, a character is typed into (or deleted
 * from) the post and a completion is asked for (authors, tags, `post_url` in turn), alternating at a steady rate.
 * An edit is timed to the first diagnostics published for its version or a later one (what the user sees).
 */
export async function benchDuringStart(blog: BenchBlog, options: ServerBenchOptions, log: (line: string) => void): Promise<DuringStartFigures> {
  const completion: number[] = [];
  const edit: number[] = [];
  const indexedAt: number[] = [];
  let completionsWithItems = 0;
  const kinds = Object.values(COMPLETION_POSITIONS);
  for (let run = 0; run < options.busyStarts; run++) {
    const spawned = performance.now();
    // A storage folder of its own: a cold start, with no persisted index to start from.
    const client = await LspTestClient.start(blog.root, SETTINGS, serverNodeFlags(), { env: { ...options.env }, initializationOptions: { storagePath: mkdtempSync(path.join(tmpdir(), 'bench-storage-')) } });
    try {
      let indexed = false;
      const done = client.indexed().then(() => {
        indexed = true;
        indexedAt.push(performance.now() - spawned);
      });
      const post = blog.largePost;
      const lines = readFileSync(path.join(blog.root, post), 'utf8').split('\n');
      const line = Math.floor(lines.length * 0.6);
      await client.open(post, lines.join('\n'));
      await client.open(COMPLETION_POST, COMPLETION_TEXT);
      // Versions sent and not yet answered by a publish of that version or a later one.
      const sent = new Map<number, number>();
      const uri = client.uri(post);
      const answered: Promise<void>[] = [];
      let allAnswered: () => void = () => undefined;
      const stop = client.onPublish((params) => {
        if (params.uri !== uri || params.version === undefined) {
          return;
        }
        for (const [version, at] of sent) {
          if (version <= params.version) {
            edit.push(performance.now() - at);
            sent.delete(version);
          }
        }
        if (sent.size === 0) {
          allAnswered();
        }
      });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, BUSY_FROM_MS - (performance.now() - spawned))));
      let version = 1;
      let tick = 0;
      let inserted = false;
      let edits = 0;
      while (!indexed) {
        if (tick % 2 === 0) {
          version++;
          inserted = !inserted;
          sent.set(version, performance.now());
          edits++;
          void client.edit(post, version, { start: { line, character: 0 }, end: { line, character: inserted ? 0 : 1 } }, inserted ? 'x' : '');
        } else {
          const position = kinds[Math.floor(tick / 2) % kinds.length]!;
          const started = performance.now();
          answered.push(
            client.complete(COMPLETION_POST, position.line, position.character).then((items) => {
              completion.push(performance.now() - started);
              completionsWithItems += items.length > 0 ? 1 : 0;
            }),
          );
        }
        tick++;
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, BUSY_TICK_MS))]);
      }
      await done;
      await Promise.all(answered);
      if (sent.size > 0) {
        await withTimeout(new Promise<void>((resolve) => (allAnswered = resolve)), TIMEOUT_MS, 'the diagnostics of the last edits sent while indexing');
      }
      stop();
      log(`  while starting (${Math.round(BUSY_FROM_MS)} ms to ${Math.round(indexedAt.at(-1)!)} ms): ${edits} edits, ${answered.length} completions sent`);
    } finally {
      await client.stop();
    }
  }
  if (completion.length > 0) {
    const c = summarize(completion);
    const e = summarize(edit);
    log(`  while starting: completion median ${c.median.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms, max ${Math.max(...completion).toFixed(1)} ms; edit to diagnostics median ${e.median.toFixed(1)} ms, p95 ${e.p95.toFixed(1)} ms, max ${Math.max(...edit).toFixed(1)} ms`);
  }
  return { completion, edit, completionsWithItems, indexedAt };
}

async function benchPreview(editor: Editor, post: string, requests: number, view: 'content' | 'published'): Promise<Summary> {
  await editor.open(post);
  const samples: number[] = [];
  for (let i = 0; i < requests + 5; i++) {
    const started = performance.now();
    await editor.client.connection.sendRequest(renderPreviewRequest, { uri: editor.client.uri(post), view });
    if (i >= 5) {
      samples.push(performance.now() - started);
    }
  }
  return summarize(samples);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

export function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
