import * as l10n from '@vscode/l10n';
import { TokenKind, toPromise, type Liquid, type Template } from 'liquidjs';
import { frontMatterData, parseFrontMatter } from '../../frontmatter/parse';
import { isMarkdownPath } from '../../site/documentKind';
import { defaultLayoutCandidates } from '../../site/defaultLayout';
import { defaultsTypeOf, withDefaults } from '../../site/frontMatterDefaults';
import type { SiteDocument, SiteIndex } from '../../site/siteIndex';
import type { ITextDocument } from '../../workspace';
import { markdownToHtml, placeholderHtml, renderMarkdown } from '../renderPost';
import { beginRender, liquidEngine, normalizePath, renderContext, renderTemplate } from './liquidEngine';
import { sanitizePage, type SanitizedPage } from './pageHtml';
import { excerptSeparator, excerptSource } from './excerpt';
import { RenderState } from './renderState';
import { DocumentDrop, SiteDrop, SiteModel, type ContentRenderer } from './siteModel';
import { pageStyles, type ISassCompiler } from './styles';

/**
 * The published page without Jekyll: the document's Liquid and Markdown, then its layout, that layout's layout
 * and so on, with the blog's includes, data and styles, as `jekyll build` writes it, sanitized for the preview.
 * When a layout is not in the workspace (a theme gem, `remote_theme`) or the render fails or runs over its
 * limits, the result says so and the preview shows the content alone with that note.
 */
export type ThemedPage =
  | {
      readonly kind: 'page';
      /** `<style>` elements: the blog's CSS (Sass compiled), URLs pointing at the workspace. Only when asked for. */
      readonly head: string;
      /** The `<body>`'s class attribute. */
      readonly bodyClass: string;
      readonly body: string;
      readonly title: string | undefined;
    }
  /** `note` says why, in one line; empty when the page has no layout at all (Jekyll writes its content alone too). */
  | { readonly kind: 'unavailable'; readonly note: string };

export interface ThemedOptions {
  /** The webview URL of the blog root, for images, fonts and CSS `url()`s. */
  readonly resourceRoot?: string;
  /** Also make the styles (a whole page); an update of the body leaves them out. */
  readonly styles?: boolean;
  /** Where layouts and includes are looked for besides the blog: a local copy of the theme (site-relative). */
  readonly themeFolder?: string;
  /** Compiles the blog's Sass (the server's, in a thread of its own); without it Sass is left out with a note. */
  readonly sass?: ISassCompiler;
}

/** Time the document's Liquid may take, and then its layouts' all together; liquidjs checks it between template nodes. */
export const RENDER_TIME_LIMIT = 600;
/** Largest page, after every layout: more is a broken template, not a page. */
export const MAX_PAGE_SIZE = 8 * 1024 * 1024;
/** Layouts above this many are a cycle (`a` uses `b` uses `a`). */
const MAX_LAYOUT_DEPTH = 20;
/** Another document's content rendered for this page (`site.posts[0].content`) is rendered this deep at most. */
const MAX_CONTENT_DEPTH = 2;

export async function renderThemedPage(site: SiteIndex, document: ITextDocument, options: ThemedOptions = {}): Promise<ThemedPage> {
  const text = document.getText();
  const scan = site.scan(document.path, text);
  const frontMatter = scan.frontMatter;
  const indexed = site.document(document.path);
  const own = frontMatterData(frontMatter);
  const data = withDefaults(site.config, document.path, defaultsTypeOf(indexed), own);
  const themeFolder = options.themeFolder?.replace(/^\/+|\/+$/g, '') ?? '';
  const layoutPath = async (name: string): Promise<string | undefined> => {
    const own = site.layouts.get(name);
    if (own !== undefined || !themeFolder) {
      return own;
    }
    const path = normalizePath(`${themeFolder}/_layouts/${name}.html`);
    return (await site.workspace.readText(path)).kind === 'text' ? path : undefined;
  };
  const layoutName = await firstLayout(site, data, indexed, layoutPath);
  if (layoutName === undefined) {
    return { kind: 'unavailable', note: '' };
  }
  if ((await layoutPath(layoutName)) === undefined) {
    return { kind: 'unavailable', note: missingLayoutNote(site, layoutName, themeFolder) };
  }
  const engine = liquidEngine(site, themeFolder);
  beginRender(site);
  const state = new RenderState(site, engine);
  const model = modelOf(site, options.resourceRoot);
  // Reading `_data` and sorting `site.posts` are done once per generation of the blog: not the templates' time.
  await model.data();
  model.posts();
  // The URL map is made on its first use (seconds on a 10,000-post blog under load): before the clock starts too.
  site.urls.urlOf(document.path);
  // The document's Liquid, then the layouts' (after Markdown, which is bounded by the body's size), each in the limit.
  let deadline = performance.now() + RENDER_TIME_LIMIT;
  const current: SiteDocument = { ...(indexed ?? emptyDocument(document.path)), data: own };
  const page = new DocumentDrop(model, current, { content: text.slice(frontMatter.bodyStart) });
  try {
    const body = text.slice(frontMatter.bodyStart);
    const siteDrop = new SiteDrop(model, current);
    const scope = { site: siteDrop, page, paginator: paginator(site, model, document.path) };
    let content: string;
    if (isMarkdownPath(document.path, site.config)) {
      const { output, sourceLine } = data['render_with_liquid'] === false ? { output: body, sourceLine: (l: number) => l } : await renderWithLines(engine, body, document.path, scope, state, deadline);
      content = state.fillRawHtml(renderMarkdown(site, document, scan, output, { sourceLine, ...(options.resourceRoot ? { resourceRoot: options.resourceRoot } : {}) }));
    } else {
      content = state.fillRawHtml(data['render_with_liquid'] === false ? body : await renderLiquid(body, document.path, scope, state, deadline));
    }
    const rendered = new DocumentDrop(model, current, { content });
    deadline = performance.now() + RENDER_TIME_LIMIT;
    let html = content;
    const seen = new Set<string>();
    for (let name: string | undefined = layoutName; name !== undefined; ) {
      const path = await layoutPath(name);
      if (path === undefined || seen.size >= MAX_LAYOUT_DEPTH) {
        break;
      }
      if (seen.has(name)) {
        throw new Error(l10n.t('The layout {0} uses itself through its layout chain.', name));
      }
      seen.add(name);
      const read = await site.workspace.readText(path);
      if (read.kind !== 'text') {
        break;
      }
      const layout = parseFrontMatter(read.text);
      const layoutData = frontMatterData(layout);
      html = await renderLiquid(read.text.slice(layout.bodyStart), path, { site: siteDrop, page: rendered, layout: layoutData, content: html, paginator: scope.paginator }, state, deadline);
      checkSize(html);
      name = typeof layoutData['layout'] === 'string' && layoutData['layout'] !== 'none' ? layoutData['layout'] : undefined;
    }
    const sanitized: SanitizedPage = sanitizePage(html, site, document.path, options.resourceRoot, content);
    const head = options.styles ? await pageStyles(site, sanitized.styles, options.resourceRoot, deadline, options.sass) : '';
    const title = typeof data['title'] === 'string' ? data['title'] : undefined;
    return { kind: 'page', head, bodyClass: sanitized.bodyClass, body: state.fill(sanitized.body, placeholderHtml), title };
  } catch (error) {
    return { kind: 'unavailable', note: l10n.t('The page could not be rendered with its layout: {0}', messageOf(error)) };
  }
}

/** The model of the blog as it is; a new one after documents, data or config change. */
function modelOf(site: SiteIndex, resourceRoot: string | undefined): SiteModel {
  return site.derived('themed:model', () => new SiteModel(site, contentRenderer(site, resourceRoot)), 'any-data');
}

/** Another document's `content` and `excerpt`, read and rendered when a template asks for them. */
function contentRenderer(site: SiteIndex, resourceRoot: string | undefined): ContentRenderer {
  let depth = 0;
  const render = async (document: SiteDocument, excerptOnly: boolean): Promise<string> => {
    const read = await site.workspace.readText(document.path);
    if (read.kind !== 'text' || depth >= MAX_CONTENT_DEPTH) {
      return '';
    }
    const frontMatter = parseFrontMatter(read.text);
    let body = read.text.slice(frontMatter.bodyStart);
    if (excerptOnly) {
      body = excerptSource(body, excerptSeparator(document.data, site.config.raw));
    }
    depth++;
    try {
      const model = modelOf(site, resourceRoot);
      const state = new RenderState(site, liquidEngine(site));
      const output = await renderLiquid(body, document.path, { site: model.siteDrop, page: model.drop(document) }, state, performance.now() + RENDER_TIME_LIMIT);
      const html = isMarkdownPath(document.path, site.config) ? markdownToHtml(site, document.path, output, resourceRoot) : output;
      return state.fill(html, () => '');
    } catch {
      return '';
    } finally {
      depth--;
    }
  };
  return { content: (d) => render(d, false), excerpt: (d) => render(d, true) };
}

async function renderLiquid(source: string, path: string, scope: object, state: RenderState, deadline: number): Promise<string> {
  const output = await renderTemplate(source, path, scope, state, deadline);
  checkSize(output);
  return output;
}

/**
 * Liquid over a Markdown body, node by node at the top level, so that each line of the output knows the source
 * line it came from: text passes through line for line, a tag's output maps to the tag's line. `data-line` and
 * scroll sync stay right when an include or a loop adds or removes lines.
 */
async function renderWithLines(engine: Liquid, source: string, path: string, scope: object, state: RenderState, deadline: number): Promise<{ output: string; sourceLine: (line: number) => number }> {
  const templates: Template[] = engine.parse(source, path);
  const ctx = renderContext(engine, scope, state, deadline);
  /** For each output line, its source line. */
  const lines: number[] = [0];
  let output = '';
  let sourceAt = 0;
  let sourceLineAt = 0;
  for (const template of templates) {
    const begin = template.token.begin;
    sourceLineAt += countLines(source, sourceAt, begin);
    sourceAt = begin;
    const start = sourceLineAt;
    const piece = String(await toPromise(engine.renderer.renderTemplates([template], ctx)));
    const isText = template.token.kind === TokenKind.HTML; // the source itself
    let line = start;
    for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) {
      lines.push(isText ? ++line : start);
    }
    output += piece;
    if (output.length > MAX_PAGE_SIZE) {
      checkSize(output);
    }
  }
  return { output, sourceLine: (line) => lines[line] ?? lines[lines.length - 1] ?? 0 };
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}

function checkSize(html: string): void {
  if (html.length > MAX_PAGE_SIZE) {
    throw new Error(l10n.t('The page is larger than {0} MB; a layout or include repeats without end.', MAX_PAGE_SIZE / 1024 / 1024));
  }
}

/**
 * The layout the document names, after `defaults`; none for `layout: null`/`none`. Without a `layout` key, the one
 * jekyll-default-layout gives it, if any (`defaultLayout.ts`): the first candidate the blog or its theme has.
 */
async function firstLayout(site: SiteIndex, data: Readonly<Record<string, unknown>>, document: SiteDocument | undefined, layoutPath: (name: string) => Promise<string | undefined>): Promise<string | undefined> {
  if ('layout' in data) {
    const value = data['layout'];
    return typeof value === 'string' && value !== '' && value !== 'none' && value !== 'null' ? value : undefined;
  }
  for (const name of document ? defaultLayoutCandidates(site.config, document.path, document.kind, site.urls.urlOf(document.path)) : []) {
    if ((await layoutPath(name)) !== undefined) {
      return name;
    }
  }
  return undefined;
}

function missingLayoutNote(site: SiteIndex, name: string, themeFolder: string): string {
  if (themeFolder) {
    return l10n.t('The layout "{0}" is neither in _layouts nor in {1}/_layouts: showing the content alone.', name, themeFolder);
  }
  return site.config.hasTheme
    ? l10n.t('The layout "{0}" comes from the blog\'s theme, which is not in the workspace: showing the content alone. Set blogwright.preview.themeFolder to a local copy of the theme.', name)
    : l10n.t('There is no layout "{0}" in _layouts: showing the content alone.', name);
}

/** `paginator` for a blog's index page with `paginate:` set (jekyll-paginate): the first page of posts. */
function paginator(site: SiteIndex, model: SiteModel, path: string): Record<string, unknown> | undefined {
  const perPage = Number(site.config.raw['paginate']);
  if (!(perPage > 0) || !/(^|\/)index\.(html|md|markdown)$/.test(path)) {
    return undefined;
  }
  const posts = model.posts();
  const totalPages = Math.ceil(posts.length / perPage);
  const pathTemplate = typeof site.config.raw['paginate_path'] === 'string' ? site.config.raw['paginate_path'] : '/page:num';
  return {
    page: 1,
    per_page: perPage,
    posts: posts.slice(0, perPage),
    total_posts: posts.length,
    total_pages: totalPages,
    previous_page: null,
    previous_page_path: null,
    next_page: totalPages > 1 ? 2 : null,
    next_page_path: totalPages > 1 ? site.config.baseurl + pathTemplate.replace(':num', '2').replace(/\/?$/, '/') : null,
  };
}

function emptyDocument(path: string): SiteDocument {
  return { path, kind: 'page', ext: '', data: {}, hasFrontMatter: true, tokens: [], anchors: [], skipped: undefined };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

