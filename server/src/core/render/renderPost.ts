import MarkdownIt from 'markdown-it';
import { parseFrontMatter, frontMatterData } from '../frontmatter/parse';
import { authorIdsOf } from '../site/authors';
import { tagsOf } from '../site/tags';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';

export interface RenderedPost {
  /** HTML of the header (title, authors, date, tags) and body; no scripts of its own. */
  readonly html: string;
  readonly title: string | undefined;
}

const markdown = createMarkdown();

/** Renders a post as the blog shows it, for the preview. Lines are marked with `data-line` for scroll sync. */
export function renderPost(site: SiteIndex, document: ITextDocument): RenderedPost {
  const text = document.getText();
  const frontMatter = parseFrontMatter(text);
  const data = frontMatterData(frontMatter);
  const title = typeof data['title'] === 'string' ? data['title'] : undefined;
  const bodyLine = document.positionAt(frontMatter.bodyStart).line;
  const body = text.slice(frontMatter.bodyStart);
  const env = { lineOffset: bodyLine };
  const header = renderHeader(site, document.path, data, title);
  return { html: header + `<div class="bw-body">${markdown.render(body, env)}</div>`, title };
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
  return /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(path)?.[1];
}

function createMarkdown(): MarkdownIt {
  // Posts carry raw HTML; the preview's Content Security Policy, not the renderer, keeps their scripts from running.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.core.ruler.push('blogwright_source_lines', (state) => {
    const offset = (state.env as { lineOffset?: number }).lineOffset ?? 0;
    for (const token of state.tokens) {
      if (token.map && token.nesting >= 0 && token.level === 0) {
        token.attrSet('data-line', String(token.map[0] + offset));
      }
    }
  });
  return md;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
