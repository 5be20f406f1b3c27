import type { Liquid } from 'liquidjs';
import type { SiteIndex } from '../../site/siteIndex';
import { escapeHtml } from '../sanitizeHtml';

/** Where the engine finds the state of the current render: a global no Liquid variable name can reach. */
export const STATE_KEY = '\u0000blogwright';

/** Private-use characters around a marker's number: a placeholder (`\uE000n\uE001`) or raw HTML (`\uE002n\uE003`). */
const MARKER = /\uE000(\d+)\uE001|\uE002(\d+)\uE003/g;
const ENCODED_MARKER = /%EE%80%80(\d+)%EE%80%81|%EE%80%82(\d+)%EE%80%83/g;

/**
 * What one themed render collects while Liquid runs: placeholders for what the preview cannot run and HTML that
 * must pass Markdown untouched (highlighted code). Both are left as markers in the text and put in at the end,
 * after the page is sanitized, so a placeholder in an attribute shows as text and never as markup.
 */
export class RenderState {
  readonly #placeholders: string[] = [];
  readonly #html: string[] = [];

  constructor(
    readonly site: SiteIndex,
    readonly engine: Liquid,
  ) {}

  placeholder(label: string): string {
    this.#placeholders.push(label);
    return `\uE000${this.#placeholders.length - 1}\uE001`;
  }

  rawHtml(html: string): string {
    this.#html.push(html);
    return `\uE002${this.#html.length - 1}\uE003`;
  }

  /** The document's content with its raw HTML put in, before layouts see it (`content | strip_html` counts its words). */
  fillRawHtml(html: string): string {
    return html.replace(/<p( data-line="\d+")?>(\uE002\d+\uE003)<\/p>/g, '$2').replace(/\uE002(\d+)\uE003/g, (_, n: string) => this.#html[Number(n)] ?? '');
  }

  /** The page with its markers replaced: HTML between tags, text inside them (percent-encoded in an href). */
  fill(html: string, placeholderHtml: (label: string) => string): string {
    // A marker alone in a paragraph stands for a block of its own.
    const unwrapped = html.replace(/<p( data-line="\d+")?>(\uE002\d+\uE003)<\/p>/g, '$2');
    return unwrapped.replace(/<[^>]*>|\uE000(\d+)\uE001|\uE002(\d+)\uE003/g, (match, placeholder?: string, raw?: string) => {
      if (placeholder !== undefined) {
        return placeholderHtml(this.#placeholders[Number(placeholder)] ?? '');
      }
      if (raw !== undefined) {
        return this.#html[Number(raw)] ?? '';
      }
      return match.replace(MARKER, (_, p?: string) => escapeHtml(p !== undefined ? (this.#placeholders[Number(p)] ?? '') : '')).replace(ENCODED_MARKER, (_, p?: string) => escapeHtml(p !== undefined ? (this.#placeholders[Number(p)] ?? '') : ''));
    });
  }
}
