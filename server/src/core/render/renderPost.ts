import * as l10n from '@vscode/l10n';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { frontMatterData } from '../frontmatter/parse';
import { authorIdsOf } from '../site/authors';
import { tagsOf } from '../site/tags';
import { datedFileName } from '../site/postName';
import type { DocumentScan } from '../site/documentScan';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';
import { resolveLink } from '../features/linkTargets';
import { documentAnchors } from '../site/documentAnchors';
import { highlightCode } from './highlight';
import type { MarkdownInput } from './markdownBlocks';
import { imageSource, type ImageContext } from './imageSource';
import { kramdownAbbreviations } from './kramdownAbbreviations';
import { kramdownAttributes } from './kramdownAttributes';
import { kramdownCode } from './kramdownCode';
import { kramdownDefinitions } from './kramdownDefinitions';
import { kramdownExtensions } from './kramdownExtensions';
import { kramdownFootnotes } from './kramdownFootnotes';
import { kramdownHtmlBlocks } from './kramdownHtmlBlocks';
import { kramdownOwnInput } from './kramdownInput';
import { kramdownLineBreak } from './kramdownLineBreak';
import { kramdownLinks } from './kramdownLinks';
import { kramdownLists } from './kramdownLists';
import { kramdownMath } from './kramdownMath';
import { kramdownQuotes } from './kramdownQuotes';
import { kramdownTables } from './kramdownTables';
import { kramdownTaskLists } from './kramdownTaskLists';
import { kramdownTypography } from './kramdownTypography';
import { applyLiquid, MISSING_SCHEME, type LiquidContext } from './liquid';
import { escapeHtml, sanitizeHtml, type HtmlPolicy } from './sanitizeHtml';
import { wellFormed } from '../wellFormed';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface RenderedPost {
  /** HTML of the header (title, authors, date, tags) and body; no scripts, no event handlers. */
  readonly html: string;
  readonly title: string | undefined;
}

export interface RenderOptions {
  /**
   * The URL under which the preview loads the blog's files (the webview URI of the blog root): an image
   * `assets/x.png` becomes `${resourceRoot}/assets/x.png`. Without it images point at their site path.
   */
  readonly resourceRoot?: string;
}

/** What the markdown-it rules need of one render; passed as markdown-it's `env`. */
interface RenderEnv {
  readonly lineOffset: number;
  /** Maps a line of the rendered text back to the body's source line; -1 for text with no source (no `data-line`). */
  readonly sourceLine: (line: number) => number;
  readonly headerIds: ReadonlyMap<number, string>;
  readonly html: HtmlPolicy;
}

/** One reader per kramdown input (`kramdown: input:`) and `parse_block_html`, made when a blog first needs it. */
const markdowns = new Map<string, MarkdownIt>();
function markdownFor(site: SiteIndex): MarkdownIt {
  const input = site.config.kramdownInput;
  const parseBlockHtml = site.config.kramdownParseBlockHtml;
  const key = `${input} ${parseBlockHtml}`;
  let markdown = markdowns.get(key);
  if (!markdown) {
    markdown = createMarkdown(input, parseBlockHtml);
    markdowns.set(key, markdown);
  }
  return markdown;
}

/**
 * Renders a post (or page) as the blog shows it, for the preview: Liquid resolved where it can be known,
 * Markdown as kramdown would render it, raw HTML rebuilt from allow-lists, images mapped to the blog's files.
 * Block elements carry `data-line` (the source line) for scroll sync. Pure: the benchmark times it directly.
 */
/** Bodies longer than this are not rendered: the largest real posts are under 100 KB. */
const MAX_PREVIEW_BODY = 512 * 1024;

export function renderPost(site: SiteIndex, document: ITextDocument, options: RenderOptions = {}): RenderedPost {
  const text = document.getText();
  const scan = site.scan(document.path, text);
  const frontMatter = scan.frontMatter;
  const data = frontMatterData(frontMatter);
  const title = typeof data['title'] === 'string' ? data['title'] : undefined;
  const bodyLine = document.positionAt(frontMatter.bodyStart).line;
  const body = text.slice(frontMatter.bodyStart);
  if (body.length > MAX_PREVIEW_BODY) {
    // Rendering a megabyte of Markdown blocks the server for seconds (the fuzzer measured 1.5 s); no post is this long.
    const notice = `<p class="bw-placeholder" data-line="${bodyLine}">${escapeHtml(l10n.t('This post is {0} KB of text, too long to preview.', Math.round(body.length / 1024)))}</p>`;
    return { html: renderHeader(site, document.path, data, title) + notice, title };
  }
  // `render_with_liquid: false` (Jekyll 4): the post's Liquid is shown as written.
  const liquid = data['render_with_liquid'] === false ? { text: body.replace(/[\uE000\uE001]/g, '\uFFFD'), placeholders: [] } : applyLiquid(body, liquidContext(site, data));
  const html = withPlaceholders(renderMarkdown(site, document, scan, liquid.text, options), liquid.placeholders);
  const header = renderHeader(site, document.path, data, title);
  // The body's blocks stay top-level beside the header: the webview diffs top-level blocks to update without flicker.
  return { html: header + html, title };
}

export interface MarkdownOptions extends RenderOptions {
  /** The source line (from the body's start) of a line of `markdownText`, when Liquid changed the line count. */
  readonly sourceLine?: (line: number) => number;
}

/**
 * A document's body after Liquid, as kramdown renders it: top-level blocks carry `data-line` (the line in the
 * document), headings the link checker's ids (from `scan`, the document's one scan), images the blog's files,
 * raw HTML rebuilt from allow-lists.
 */
export function renderMarkdown(site: SiteIndex, document: ITextDocument, scan: DocumentScan, markdownText: string, options: MarkdownOptions = {}): string {
  const images = imageContext(site, document.path);
  const env: RenderEnv = {
    lineOffset: document.positionAt(scan.frontMatter.bodyStart).line,
    sourceLine: options.sourceLine ?? ((line) => line),
    // The link checker's scan of this very text, so ids match its anchors even before the index catches up.
    headerIds: new Map((scan.links ? documentAnchors(document.getText(), scan.links) : []).map((a) => [a.line, a.id])),
    html: {
      image: (attributes) => imageHtml(attributes, images, options.resourceRoot),
      placeholder: placeholderHtml,
    },
  };
  return markdownFor(site).render(markdownText, env);
}

/** Markdown of a site's own text (`markdownify`, another post's content): no source lines, the same HTML policy. */
export function markdownToHtml(site: SiteIndex, path: string, markdownText: string, resourceRoot: string | undefined): string {
  const images = imageContext(site, path);
  const env: RenderEnv = {
    lineOffset: 0,
    sourceLine: () => -1,
    headerIds: new Map(),
    html: { image: (attributes) => imageHtml(attributes, images, resourceRoot), placeholder: placeholderHtml },
  };
  return markdownFor(site).render(markdownText, env);
}

/** An `<img>` of a layout or include, by the same rules as the post's own images. */
export function imageHtmlFor(site: SiteIndex, path: string, attributes: ReadonlyMap<string, string>, resourceRoot: string | undefined): string {
  return imageHtml(attributes, imageContext(site, path), resourceRoot);
}

function liquidContext(site: SiteIndex, page: Record<string, unknown>): LiquidContext {
  return {
    config: site.config,
    page,
    postUrl: (name) => urlOfTarget(site, 'post_url', name),
    linkUrl: (path) => urlOfTarget(site, 'link', path),
  };
}

/** The URL Jekyll writes for `{% post_url %}` or `{% link %}`, without baseurl. */
function urlOfTarget(site: SiteIndex, kind: 'post_url' | 'link', target: string): string | undefined {
  const resolved = resolveLink(site, { kind, target });
  return resolved.kind === 'document' || resolved.kind === 'static' ? site.urls.urlOf(resolved.path) : undefined;
}

function imageContext(site: SiteIndex, path: string): ImageContext {
  return {
    config: site.config,
    // A draft has no URL; its images resolve as if it were served at its path.
    pageUrl: site.urls.urlOf(path) ?? '/' + path,
    exists: (p) => site.staticFiles.has(p),
  };
}

function renderHeader(site: SiteIndex, path: string, data: Record<string, unknown>, title: string | undefined): string {
  const authors = authorIdsOf(data).map((id) => site.authors?.authors.get(id)?.name ?? id);
  const date = dateOf(path, data);
  const tags = tagsOf(data);
  const parts = [`<h1 class="bw-title" data-line="0">${escapeHtml(title ?? '(no title)')}</h1>`];
  const meta = [date ? `<time>${escapeHtml(date)}</time>` : '', authors.length ? `<span class="bw-authors">${authors.map(escapeHtml).join(', ')}</span>` : ''].filter(Boolean);
  if (meta.length) {
    parts.push(`<p class="bw-meta">${meta.join(' · ')}</p>`);
  }
  if (tags.length) {
    parts.push(`<ul class="bw-tags">${tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`);
  }
  return `<header class="bw-header">${parts.join('')}</header>`;
}

function dateOf(path: string, data: Record<string, unknown>): string | undefined {
  const value = data['date'];
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string') {
    return value;
  }
  return datedFileName(path.slice(path.lastIndexOf('/') + 1))?.date;
}

const IMAGE_ATTRIBUTES = ['alt', 'title', 'width', 'height', 'class', 'id', 'align'];

/** An image from the post, Markdown or HTML: the blog's files through the preview's resource URL, others as placeholders. */
function imageHtml(attributes: ReadonlyMap<string, string>, context: ImageContext, resourceRoot: string | undefined): string {
  const alt = attributes.get('alt') ?? '';
  const source = imageSource(attributes.get('src') ?? '', context);
  if (source.kind === 'remote') {
    return placeholderHtml(`remote image (not loaded): ${alt || source.url}`);
  }
  if (source.kind === 'unknown') {
    return placeholderHtml(`image made by Liquid${alt ? ': ' + alt : ''}`);
  }
  const extra = new Map<string, string>();
  const src = source.kind === 'inline' ? source.url : (resourceRoot ?? '') + '/' + wellFormed(source.path).split('/').map(encodeURIComponent).join('/');
  if (source.kind === 'workspace') {
    if (!source.exists) {
      extra.set('class', ((attributes.get('class') ?? '') + ' bw-missing').trim());
      extra.set('title', `Image not found: /${source.path}`);
    }
  }
  let html = `<img src="${escapeHtml(src)}"`;
  for (const name of IMAGE_ATTRIBUTES) {
    const value = extra.get(name) ?? attributes.get(name);
    if (value !== undefined) {
      html += ` ${name}="${escapeHtml(value)}"`;
    }
  }
  return html + '>';
}

export function placeholderHtml(label: string): string {
  return `<span class="bw-placeholder" title="Not rendered in the preview">${escapeHtml(label)}</span>`;
}

/** Puts the placeholders' HTML where their markers are in text; inside a tag (an attribute, maybe percent-encoded by markdown-it) the Liquid source stays as text. */
function withPlaceholders(html: string, placeholders: readonly string[]): string {
  if (placeholders.length === 0) {
    return html;
  }
  const sourceOf = (n: string) => placeholders[Number(n)] ?? '';
  return html.replace(/<[^>]*>|\uE000(\d+)\uE001/g, (match, n: string | undefined) =>
    n === undefined ? match.replace(/\uE000(\d+)\uE001|%EE%80%80(\d+)%EE%80%81/g, (_, m?: string, encoded?: string) => escapeHtml(sourceOf(m ?? encoded ?? ''))) : placeholderHtml(sourceOf(n)),
  );
}

function createMarkdown(input: MarkdownInput, parseBlockHtml: boolean): MarkdownIt {
  // kramdown's defaults as Jekyll sets them: raw HTML allowed, smart quotes and typographic symbols, no autolinking of bare URLs.
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true });
  md.use(footnote);
  md.use(kramdownFootnotes);
  md.use(kramdownTables);
  md.use(kramdownLists);
  md.use(kramdownCode);
  md.use(kramdownDefinitions);
  md.use(kramdownExtensions);
  md.use(kramdownHtmlBlocks, parseBlockHtml);
  md.use(kramdownLinks);
  if (input === 'kramdown') {
    md.use(kramdownOwnInput);
  }
  md.use(kramdownAttributes);
  md.use(kramdownTypography);
  md.use(kramdownQuotes);
  md.use(kramdownMath);
  md.use(kramdownLineBreak);
  md.use(kramdownTaskLists);
  md.use(kramdownAbbreviations);
  md.core.ruler.push('blogwright_source_lines', (state) => {
    const env = state.env as RenderEnv;
    for (const token of state.tokens) {
      if (token.map && token.nesting >= 0 && token.block) {
        const sourceLine = env.sourceLine(token.map[0]);
        if (sourceLine < 0) {
          continue;
        }
        const line = sourceLine + env.lineOffset;
        if (token.level === 0) {
          token.attrSet('data-line', String(line));
        }
        const id = token.type === 'heading_open' ? env.headerIds.get(line) : undefined;
        if (id !== undefined) {
          token.attrSet('id', id);
        }
      }
    }
  });
  const html = (tokens: Token[], idx: number, _options: unknown, env: RenderEnv) => sanitizeHtml(tokens[idx]!.content, env.html);
  md.renderer.rules.html_block = html;
  md.renderer.rules.html_inline = html;
  md.renderer.rules.image = (tokens, idx, _options, env: RenderEnv) => {
    const token = tokens[idx]!;
    const attributes = new Map((token.attrs ?? []).map(([k, v]) => [k, v]));
    // kramdown's alt is the text as written (`![a *b*](x)` is `alt="a *b*"`), not its rendering.
    attributes.set('alt', token.content);
    return env.html.image(attributes);
  };
  md.renderer.rules.fence = (tokens, idx, _options, _env, self) => {
    const token = tokens[idx]!;
    const language = token.info.trim().split(/\s+/)[0] ?? '';
    const highlighted = highlightCode(token.content, language) ?? escapeHtml(token.content);
    const codeClass = language ? ` class="language-${escapeHtml(language)}"` : '';
    return `<pre${self.renderAttrs(token)}><code${codeClass}>${highlighted}</code></pre>\n`;
  };
  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    if (tokens[idx]!.attrGet('href')?.startsWith(MISSING_SCHEME)) {
      tokens[idx]!.attrJoin('class', 'bw-broken');
    }
    return renderLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

export { escapeHtml };
