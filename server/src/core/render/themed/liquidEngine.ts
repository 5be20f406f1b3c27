import { Context, Liquid, Tag, TokenKind, toPromise, type Emitter, type FS, type TagToken, type TopLevelToken, type Template } from 'liquidjs';
import type { SiteIndex } from '../../site/siteIndex';
import { linkTagBaseurl } from '../../site/config';
import type { ReadResult } from '../../workspace';
import { highlightCode } from '../highlight';
import { escapeHtml } from '../sanitizeHtml';
import { MISSING_SCHEME } from '../liquid';
import { resolveLink } from '../../features/linkTargets';
import { wellFormed } from '../../wellFormed';
import { jekyllFilters } from './jekyllFilters';
import { RenderState, STATE_KEY } from './renderState';

/**
 * The Liquid engine of the themed preview: liquidjs set up as Jekyll's Liquid 4 (Jekyll's `include` with
 * `include.param`, `{% include {{ var }} %}`, `where` as Jekyll compares), with Jekyll's filters and the common
 * plugins' tags. Templates are data: every file is read through the site's `IWorkspace` (confined to the blog),
 * an unknown tag or filter is a quiet placeholder naming it, and parse size, memory and render time are bounded
 * (the limits are per render, see `RenderState`). No Ruby plugin is ever run.
 */

/** Largest template the engine parses, in characters. */
const PARSE_LIMIT = 4 * 1024 * 1024;

/** Engines by site, then by theme folder ('' for none). */
const engines = new WeakMap<SiteIndex, Map<string, Liquid>>();
/** Files read during the current render: an include is looked up (exists) and then read, and may be included many times. */
const reads = new WeakMap<SiteIndex, Map<string, Promise<ReadResult>>>();

/** Starts a render: files are read afresh, so an edited include shows at once. */
export function beginRender(site: SiteIndex): void {
  reads.set(site, new Map());
}

/** The engine for a site; `themeFolder` (site-relative) adds a local copy of the theme's `_includes`. */
export function liquidEngine(site: SiteIndex, themeFolder = ''): Liquid {
  let bySite = engines.get(site);
  if (!bySite) {
    bySite = new Map();
    engines.set(site, bySite);
  }
  let engine = bySite.get(themeFolder);
  if (!engine) {
    engine = createEngine(site, themeFolder);
    bySite.set(themeFolder, engine);
  }
  return engine;
}

function createEngine(site: SiteIndex, themeFolder: string): Liquid {
  const engine = new Liquid({
    fs: workspaceFs(site),
    root: [''],
    partials: themeFolder ? ['_includes', normalizePath(`${themeFolder}/_includes`)] : ['_includes'],
    layouts: ['_layouts'],
    extname: '',
    jekyllInclude: true,
    jekyllWhere: true,
    relativeReference: true,
    // Jekyll's Liquid is lax: an undefined variable or filter is empty, never an error.
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    // Dates are kept with the site's wall clock in their UTC fields (see siteModel.ts).
    timezoneOffset: 0,
    parseLimit: PARSE_LIMIT,
    // Templates are re-read each render, so an edited include shows at once; reads are of open buffers or small files.
    cache: false,
  });
  for (const [name, filter] of Object.entries(jekyllFilters(site))) {
    engine.registerFilter(name, filter);
  }
  engine.registerTag('highlight', HighlightTag);
  engine.registerTag('post_url', UrlTag);
  engine.registerTag('link', UrlTag);
  const includes = includeTags(engine);
  engine.registerTag('include', includes.include as unknown as Parameters<Liquid['registerTag']>[1]);
  engine.registerTag('include_relative', includes.relative as unknown as Parameters<Liquid['registerTag']>[1]);
  // Plugin tags that write only into <head>: nothing the preview shows.
  for (const name of ['seo', 'feed_meta', 'jekyll_seo', 'github_edit_link_meta']) {
    engine.registerTag(name, SilentTag);
  }
  // Any other tag is a plugin the preview cannot run: a placeholder naming it, its block content rendered.
  const writable = engine as { tags: Liquid['tags']; filters: Liquid['filters'] };
  writable.tags = new Proxy(engine.tags, {
    get: (tags, name: string) => (Object.hasOwn(tags, name) ? tags[name] : name.startsWith('end') ? SilentTag : UnknownTag),
  });
  writable.filters = new Proxy(engine.filters, {
    get: (filters, name: string) => (Object.hasOwn(filters, name) ? filters[name] : unknownFilter(name)),
  });
  return engine;
}

/**
 * The engine's file system: site-relative paths with `/`, resolved without leaving the site, read through the
 * workspace (open editors' buffers first). Nothing here touches node:fs.
 */
function workspaceFs(site: SiteIndex): FS {
  const read = (path: string): Promise<ReadResult> => {
    if (!isInside(path)) {
      return Promise.resolve({ kind: 'missing' });
    }
    let cache = reads.get(site);
    if (!cache) {
      cache = new Map();
      reads.set(site, cache);
    }
    let result = cache.get(path);
    if (!result) {
      result = site.workspace.readText(path);
      cache.set(path, result);
    }
    return result;
  };
  return {
    exists: async (path) => (await read(path)).kind === 'text',
    readFile: async (path) => {
      const result = await read(path);
      if (result.kind !== 'text') {
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      }
      return result.text;
    },
    existsSync: () => false,
    readFileSync: (path) => {
      throw new Error(`The preview reads templates asynchronously only: ${path}`);
    },
    resolve: (dir, file) => normalizePath(dir ? `${dir}/${file}` : file),
    contains: async (_root, file) => isInside(file),
    containsSync: (_root, file) => isInside(file),
    dirname: (path) => path.slice(0, Math.max(0, path.lastIndexOf('/'))),
    sep: '/',
  };
}

/** `a/./b/../c` -> `a/c`; a path that climbs out of the site becomes one that never exists. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') {
      if (parts.length === 0) {
        return '\u0000outside';
      }
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

function isInside(path: string): boolean {
  return path !== '' && !path.startsWith('\u0000') && !path.split('/').includes('..');
}

function stateOf(ctx: Context): RenderState {
  return ctx.globals[STATE_KEY] as RenderState;
}

/** `{% highlight lang [linenos] %}`: Rouge's markup (`figure.highlight > pre > code`) with our highlighter's spans. */
class HighlightTag extends Tag {
  readonly #language: string;
  readonly #code: string;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.#language = token.args.trim().split(/\s+/)[0] ?? '';
    let code = '';
    for (let next = remainTokens.shift(); next; next = remainTokens.shift()) {
      if (next.kind === TokenKind.Tag && (next as TagToken).name === 'endhighlight') {
        break;
      }
      code += next.getText();
    }
    this.#code = code.replace(/^\r?\n/, '').replace(/\s+$/, '');
  }
  render(ctx: Context, emitter: Emitter): void {
    const language = this.#language.replace(/[^\w+#.-]/g, '');
    const code = highlightCode(this.#code + '\n', language) ?? escapeHtml(this.#code + '\n');
    const html = `<figure class="highlight"><pre><code class="language-${escapeHtml(language)}" data-lang="${escapeHtml(language)}">${code}</code></pre></figure>`;
    emitter.write(stateOf(ctx).rawHtml(html));
  }
}

/** `{% post_url name %}` and `{% link path %}`: the URL Jekyll writes, with baseurl (Jekyll 4); a missing target shows as a broken link. */
class UrlTag extends Tag {
  readonly #kind: 'post_url' | 'link';
  readonly #target: string;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.#kind = token.name === 'post_url' ? 'post_url' : 'link';
    this.#target = token.args.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  *render(ctx: Context): Generator<unknown, string, unknown> {
    const site = stateOf(ctx).site;
    // `{% link {{ page.x }} %}`: Jekyll renders the argument first.
    const target = this.#target.includes('{{') ? String(yield this.liquid.parseAndRender(this.#target, ctx.getAll() as object)) : this.#target;
    const resolved = resolveLink(site, { kind: this.#kind, target: this.#kind === 'link' ? target.replace(/^\/+/, '') : target });
    const url = resolved.kind === 'document' || resolved.kind === 'static' ? site.urls.urlOf(resolved.path) : undefined;
    return url === undefined ? `${MISSING_SCHEME}${this.#kind}/${encodeURIComponent(wellFormed(target))}` : linkTagBaseurl(site.config) + url;
  }
}

class SilentTag extends Tag {
  render(): string {
    return '';
  }
}

/** A tag from a plugin the preview cannot run: a quiet placeholder with its name. */
class UnknownTag extends Tag {
  readonly #name: string;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.#name = token.name;
  }
  render(ctx: Context): string {
    return stateOf(ctx).placeholder(`{% ${this.#name} %}`);
  }
}

function unknownFilter(name: string) {
  return function (this: { context: Context }): string {
    return stateOf(this.context).placeholder(`| ${name}`);
  };
}

/** Includes inside includes deeper than this are a loop (an include that includes itself). */
const MAX_INCLUDE_DEPTH = 50;

type TagConstructor = new (token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: never) => Tag & { file: unknown };

/**
 * Jekyll's `include`, and `include_relative` (from the including file's folder instead of `_includes`): liquidjs's
 * include, nested at most `MAX_INCLUDE_DEPTH` deep, and a file that is not there (or outside the site) is a
 * placeholder naming it rather than a failed page.
 */
function includeTags(engine: Liquid): { include: TagConstructor; relative: TagConstructor } {
  const Include = engine.tags['include'] as unknown as TagConstructor;
  class JekyllInclude extends Include {
    readonly #source: string;
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: never) {
      super(token, remainTokens, liquid, parser);
      this.#source = token.getText();
    }
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const depth = (ctx.getRegister(DEPTH_REGISTER) as number | undefined) ?? 0;
      if (depth >= MAX_INCLUDE_DEPTH) {
        throw new Error(`includes nested ${MAX_INCLUDE_DEPTH} deep: an include includes itself`);
      }
      ctx.setRegister(DEPTH_REGISTER, depth + 1);
      try {
        yield (Include.prototype as unknown as { render(ctx: Context, emitter: Emitter): unknown }).render.call(this, ctx, emitter);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT' && !/ENOENT/.test(String((error as Error).message))) {
          throw error;
        }
        emitter.write(stateOf(ctx).placeholder(`${this.#source} (not found)`));
      } finally {
        ctx.setRegister(DEPTH_REGISTER, depth);
      }
    }
  }
  class IncludeRelative extends JekyllInclude {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: never) {
      super(token, remainTokens, liquid, parser);
      if (typeof this.file === 'string' && !this.file.startsWith('.')) {
        this.file = './' + this.file;
      }
    }
  }
  return { include: JekyllInclude, relative: IncludeRelative };
}

const DEPTH_REGISTER = 'blogwright.includeDepth';

/** Memory a render may allocate in strings and arrays (liquidjs's accounting). */
const MEMORY_LIMIT = 64 * 1024 * 1024;

/** A context for one render: the scope, the render's state, and what is left of its time. */
export function renderContext(engine: Liquid, scope: object, state: RenderState, deadline: number): Context {
  return new Context(scope, engine.options, { globals: { [STATE_KEY]: state }, renderLimit: Math.max(1, deadline - performance.now()), memoryLimit: MEMORY_LIMIT }, { liquid: engine });
}

/** Liquid over a whole template (a layout, a stylesheet, another post), within the deadline. */
export async function renderTemplate(source: string, path: string, scope: object, state: RenderState, deadline: number): Promise<string> {
  const engine = state.engine;
  return String(await toPromise(engine.renderer.renderTemplates(engine.parse(source, path), renderContext(engine, scope, state, deadline))));
}

export type { Template };
