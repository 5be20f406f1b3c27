/**
 * The model-based test of issue 22: random (seeded, bounded) sequences of file-system operations and editor events
 * applied to a blog with the real server over stdio; after each sequence, every diagnostic the server has published
 * must equal a fresh `blogwright check --format json` of the same files on disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliDiagnostics, describeDifferences, differences, serverDiagnostics } from '../util/agreement';
import { exampleBlog, writeBlog } from '../util/blogs';
import { LspTestClient } from '../util/lspClient';
import { Random, caseSeed } from '../fuzz/random';

export interface ModelRunOptions {
  readonly seed: number;
  readonly sequences: number;
  /** Operations per sequence, at most. */
  readonly operations: number;
  /** Logs each sequence (the long run). */
  readonly log?: (line: string) => void;
}

export interface ModelRunResult {
  readonly sequences: number;
  readonly operations: number;
  /** Sequences after which the server and the CLI disagreed, with what differed. */
  readonly failures: readonly { readonly sequence: number; readonly steps: readonly string[]; readonly differences: string }[];
  /** Diagnostics compared over all sequences (the CLI's count). */
  readonly compared: number;
}

const TAGS = ['jvm', 'JVM', 'kotlin', 'Kotlin', 'kotiln', 'kafka', 'big-data', 'bigdata', 'microservices', 'microservice', 'testing'];
const AUTHORS = ['jane.doe', 'john.smith', 'ghost.writer'];
const KEYS = ['description', 'descripton', 'image', 'imgae', 'summary', 'sumary'];
const FOLDERS = ['_posts', '_posts', '_posts/archive', '_posts/2021', '_drafts'];
const CONFIGS = [
  'title: Test blog\npermalink: /:year/:month/:title.html\ntimezone: Europe/Warsaw\n',
  'title: Test blog\npermalink: /:year/:title.html\n',
  'title: Test blog\npermalink: /:year/:month/:title.html\nexclude: [_posts/archive]\n',
  'title: Test blog\npermalink: /:year/:month/:title.html\ndefaults:\n  - scope: { path: "" }\n    values: { layout: post }\n',
];
const AUTHOR_FILES = [
  'jane.doe:\n  name: Jane Doe\njohn.smith:\n  name: John Smith\n',
  'jane.doe:\n  name: Jane Doe\nghost.writer:\n  name: Ghost\n',
  'john.smith:\n  name: John Smith\n',
];
const SETTINGS_FILES = ['', 'validate:\n  tag: off\n', 'requiredKeys:\n  post: [title]\n'];

/** One blog on disk and in the editor, as the test sees it. */
class Blog {
  /** Open buffers: text and version. */
  readonly open = new Map<string, { text: string; version: number }>();

  constructor(
    readonly root: string,
    readonly client: LspTestClient,
    /** Seeded afresh for each sequence, so that a sequence can be told by its seed. */
    public random: Random,
  ) {}

  files(under = ''): string[] {
    const out: string[] = [];
    const walk = (rel: string) => {
      const abs = path.join(this.root, rel);
      if (!existsSync(abs)) {
        return;
      }
      for (const entry of readdirSync(abs, { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          walk(child);
        } else {
          out.push(child);
        }
      }
    };
    walk(under);
    return out.sort();
  }

  documents(): string[] {
    return this.files().filter((f) => /\.md$/.test(f));
  }

  postNames(): string[] {
    return this.documents()
      .filter((f) => f.includes('_posts/'))
      .map((f) => path.basename(f, '.md'));
  }

  /** A post's text: front matter from the pools, links to posts that exist now (or did once). */
  postText(): string {
    const r = this.random;
    const lines = ['---'];
    if (r.chance(0.7)) {
      lines.push('layout: post');
    }
    if (r.chance(0.85)) {
      lines.push(`title: Post ${r.int(1000)}`);
    }
    if (r.chance(0.8)) {
      lines.push(`author: ${r.pick(AUTHORS)}`);
    }
    if (r.chance(0.8)) {
      lines.push(`tags: [${Array.from({ length: 1 + r.int(3) }, () => r.pick(TAGS)).join(', ')}]`);
    }
    if (r.chance(0.3)) {
      lines.push(`${r.pick(KEYS)}: x`);
    }
    lines.push('---', '', `# Heading ${r.int(3)}`, '');
    const names = [...this.postNames(), '2019-01-01-gone', '2020-02-01-secnd'];
    for (let i = r.int(4); i > 0; i--) {
      const name = r.pick(names);
      const [, year, month, slug] = /^(\d{4})-(\d{2})-\d{2}-(.*)$/.exec(name) ?? [];
      lines.push(
        r.pick([
          `See {% post_url ${name} %}.`,
          `See [it](/${year}/${month}/${slug}.html).`,
          `See [it](/${year}/${month}/${slug}.html#heading-${r.int(3)}).`,
          `See [about](/about.html) and [top](#heading-${r.int(3)}).`,
        ]),
      );
    }
    return lines.join('\n') + '\n';
  }

  newPostPath(): string {
    const r = this.random;
    const day = `20${10 + r.int(12)}-0${1 + r.int(9)}-1${r.int(10)}`;
    return `${r.pick(FOLDERS)}/${day}-post-${r.int(40)}.md`;
  }

  write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
    writeFileSync(path.join(this.root, file), text);
  }
}

type Operation = (blog: Blog) => Promise<string | undefined>;

/** File-system operations, each followed by the watcher events VS Code sends for it (one per folder). */
const OPERATIONS: readonly [weight: number, Operation][] = [
  [
    4,
    async (blog) => {
      const file = blog.newPostPath();
      blog.write(file, blog.postText());
      await blog.client.filesChanged([{ relative: file, type: 1 }]);
      return `create ${file}`;
    },
  ],
  [
    5,
    async (blog) => {
      const file = closedDocument(blog);
      if (!file) {
        return undefined;
      }
      blog.write(file, blog.postText());
      await blog.client.filesChanged([{ relative: file, type: 2 }]);
      return `edit ${file}`;
    },
  ],
  [
    3,
    async (blog) => {
      const file = closedDocument(blog);
      if (!file) {
        return undefined;
      }
      rmSync(path.join(blog.root, file));
      await blog.client.filesChanged([{ relative: file, type: 3 }]);
      return `delete ${file}`;
    },
  ],
  [
    2,
    async (blog) => {
      const file = closedDocument(blog);
      const to = blog.newPostPath();
      if (!file || existsSync(path.join(blog.root, to))) {
        return undefined;
      }
      mkdirSync(path.dirname(path.join(blog.root, to)), { recursive: true });
      renameSync(path.join(blog.root, file), path.join(blog.root, to));
      await blog.client.filesChanged([
        { relative: file, type: 3 },
        { relative: to, type: 1 },
      ]);
      return `rename ${file} ${to}`;
    },
  ],
  [
    1,
    async (blog) => {
      const folder = `_posts/folder-${blog.random.int(5)}`;
      for (let i = 1 + blog.random.int(3); i > 0; i--) {
        blog.write(`${folder}/20${10 + blog.random.int(12)}-0${1 + blog.random.int(9)}-0${1 + blog.random.int(9)}-in-folder-${i}.md`, blog.postText());
      }
      await blog.client.filesChanged([{ relative: folder, type: 1 }]);
      return `create folder ${folder}`;
    },
  ],
  [
    1,
    async (blog) => {
      const folder = closedFolder(blog);
      if (!folder) {
        return undefined;
      }
      rmSync(path.join(blog.root, folder), { recursive: true });
      await blog.client.filesChanged([{ relative: folder, type: 3 }]);
      return `delete folder ${folder}`;
    },
  ],
  [
    1,
    async (blog) => {
      const folder = closedFolder(blog);
      const to = `_posts/moved-${blog.random.int(5)}`;
      if (!folder || existsSync(path.join(blog.root, to)) || to.startsWith(folder + '/') || folder === to) {
        return undefined;
      }
      renameSync(path.join(blog.root, folder), path.join(blog.root, to));
      await blog.client.filesChanged([
        { relative: folder, type: 3 },
        { relative: to, type: 1 },
      ]);
      return `rename folder ${folder} ${to}`;
    },
  ],
  [
    1,
    async (blog) => {
      const text = blog.random.pick(CONFIGS);
      blog.write('_config.yml', text);
      // Sometimes the watcher reports it twice in a row.
      const twice = blog.random.chance(0.5);
      void blog.client.filesChanged([{ relative: '_config.yml', type: 2 }]);
      if (twice) {
        await blog.client.filesChanged([{ relative: '_config.yml', type: 2 }]);
      }
      return `config ${CONFIGS.indexOf(text)}${twice ? ' twice' : ''}`;
    },
  ],
  [
    1,
    async (blog) => {
      const text = blog.random.pick(AUTHOR_FILES);
      blog.write('_data/authors.yml', text);
      await blog.client.filesChanged([{ relative: '_data/authors.yml', type: 2 }]);
      return `authors ${AUTHOR_FILES.indexOf(text)}`;
    },
  ],
  [
    1,
    async (blog) => {
      const text = blog.random.pick(SETTINGS_FILES);
      blog.write('.blogwright.yml', text);
      await blog.client.filesChanged([{ relative: '.blogwright.yml', type: 2 }]);
      return `settings ${SETTINGS_FILES.indexOf(text)}`;
    },
  ],
  // Editor events: open, change, save, close.
  [
    3,
    async (blog) => {
      const candidates = blog.documents().filter((f) => !blog.open.has(f));
      const file = blog.random.chance(0.2) ? blog.newPostPath() : candidates.length > 0 ? blog.random.pick(candidates) : undefined;
      if (!file || blog.open.has(file)) {
        return undefined;
      }
      const text = existsSync(path.join(blog.root, file)) ? readFileSync(path.join(blog.root, file), 'utf8') : blog.postText();
      blog.open.set(file, { text, version: 1 });
      await blog.client.open(file, text);
      return `open ${file}`;
    },
  ],
  [
    5,
    async (blog) => {
      const file = openFile(blog);
      if (!file) {
        return undefined;
      }
      const buffer = blog.open.get(file)!;
      buffer.text = blog.postText();
      buffer.version++;
      await blog.client.change(file, buffer.version, buffer.text);
      return `type in ${file}`;
    },
  ],
  [2, async (blog) => save(blog, openFile(blog))],
  [2, async (blog) => close(blog, openFile(blog))],
];

async function save(blog: Blog, file: string | undefined): Promise<string | undefined> {
  if (!file) {
    return undefined;
  }
  const existed = existsSync(path.join(blog.root, file));
  blog.write(file, blog.open.get(file)!.text);
  await blog.client.filesChanged([{ relative: file, type: existed ? 2 : 1 }]);
  return `save ${file}`;
}

async function close(blog: Blog, file: string | undefined): Promise<string | undefined> {
  if (!file) {
    return undefined;
  }
  blog.open.delete(file);
  await blog.client.close(file);
  return `close ${file}`;
}

function openFile(blog: Blog): string | undefined {
  return blog.open.size > 0 ? blog.random.pick([...blog.open.keys()]) : undefined;
}

/** A document on disk that no editor holds (the editor's buffer wins over the disk while open). */
function closedDocument(blog: Blog): string | undefined {
  const files = blog.documents().filter((f) => !blog.open.has(f) && f !== 'about.md');
  return files.length > 0 ? blog.random.pick(files) : undefined;
}

function closedFolder(blog: Blog): string | undefined {
  const folders = [...new Set(blog.documents().map((f) => path.dirname(f)))].filter((d) => d.startsWith('_posts/') && ![...blog.open.keys()].some((f) => f.startsWith(d + '/')));
  return folders.length > 0 ? blog.random.pick(folders) : undefined;
}

function pickOperation(random: Random): Operation {
  const total = OPERATIONS.reduce((sum, [weight]) => sum + weight, 0);
  let at = random.int(total);
  for (const [weight, operation] of OPERATIONS) {
    if (at < weight) {
      return operation;
    }
    at -= weight;
  }
  return OPERATIONS[0]![1];
}

/** Runs the sequences on one blog and one server; the blog keeps what each sequence left. */
export async function runModel({ seed, sequences, operations, log }: ModelRunOptions): Promise<ModelRunResult> {
  const root = writeBlog(
    exampleBlog({
      '_posts/2020-04-01-linker.md': '---\nlayout: post\ntitle: Linker\nauthor: jane.doe\ntags: [JVM]\n---\n# Heading 1\nSee {% post_url 2020-02-01-second %} and [first](/2020/01/first.html#hello).\n',
      '_posts/archive/2019-05-01-old.md': '---\nlayout: post\ntitle: Old\nauthor: john.smith\ntags: [kafka]\n---\nText.\n',
    }),
  );
  const client = await LspTestClient.start(root);
  const failures: { sequence: number; steps: string[]; differences: string }[] = [];
  let applied = 0;
  let compared = 0;
  try {
    await client.indexed();
    if (process.env.MODEL_DEBUG) {
      client.onPublish((p) => log?.(`publish ${p.uri.slice(p.uri.indexOf('/_') + 1)} v${p.version}: ${p.diagnostics.map((d) => d.code).join(',')}`));
    }
    // Buffers saved at the end of a sequence stay open in the editor for the next ones.
    const blog = new Blog(root, client, new Random(seed));
    for (let sequence = 0; sequence < sequences; sequence++) {
      blog.random = new Random(caseSeed(seed, sequence));
      const steps: string[] = [];
      const length = 1 + blog.random.int(operations);
      for (let i = 0; i < length; i++) {
        const step = await pickOperation(blog.random)(blog);
        if (step) {
          steps.push(step);
          if (process.env.MODEL_DEBUG) {
            log?.(`step ${step}`);
          }
        }
      }
      // The comparison is with the disk: each buffer is saved or closed first.
      for (const file of [...blog.open.keys()]) {
        steps.push((await (blog.random.chance(0.5) ? save(blog, file) : close(blog, file)))!);
      }
      await client.settled();
      applied += steps.length;
      const expected = await cliDiagnostics(root);
      compared += expected.length;
      const lines = differences(expected, serverDiagnostics(client));
      log?.(`sequence ${sequence}: ${steps.length} operations, ${expected.length} diagnostics, ${lines.length} differences`);
      if (lines.length > 0) {
        if (process.env.MODEL_DEBUG) {
          for (const file of new Set(lines.map((l) => JSON.parse(l.slice(2))[0] as string))) {
            log?.(`--- ${file} on disk:\n${existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : '(missing)'}\n--- server: ${JSON.stringify(client.diagnostics.get(client.uri(file)))}`);
          }
          log?.(blog.files().join('\n'));
          log?.(`config: ${readFileSync(path.join(root, '_config.yml'), 'utf8')}\nsettings: ${existsSync(path.join(root, '.blogwright.yml')) ? readFileSync(path.join(root, '.blogwright.yml'), 'utf8') : ''}`);
          const fresh = await LspTestClient.start(root);
          await fresh.indexed();
          log?.(`a fresh server differs from the CLI in ${differences(expected, serverDiagnostics(fresh)).length}`);
          await fresh.stop();
        }
        failures.push({ sequence, steps, differences: [describeDifferences(lines), ...client.logs.map((l) => `server log: ${l}`)].join('\n') });
        break;
      }
    }
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
  return { sequences: failures.length > 0 ? failures[0]!.sequence + 1 : sequences, operations: applied, failures, compared };
}

/** For a failure message: the sequence, its seed and its steps, so it can be replayed. */
export function describeFailure(seed: number, failure: ModelRunResult['failures'][number]): string {
  return `sequence ${failure.sequence} of seed ${seed} (${failure.steps.length} steps):\n  ${failure.steps.join('\n  ')}\ndifferences (- CLI only, + server only):\n${failure.differences}`;
}
