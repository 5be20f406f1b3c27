/**
 * One scan of a document's text, for everything that reads one: indexing, the rules, navigation (document links,
 * definition, hover, rename), completion, the preview and the adapters' external link checks. The scan is the
 * checker's: code blocks, code spans and comments are skipped, so nothing in code is a link anywhere.
 */
import { frontMatterData, parseFrontMatter, type ParsedFrontMatter } from '../frontmatter/parse';
import { scanLinks, type ScannedLinks, type ScanOptions } from '../links/scanLinks';
import { headerIdOptions } from '../render/headerIds';
import type { SiteConfig } from './config';
import { extensionOf, isMarkdownPath } from './documentKind';

export interface DocumentScan {
  readonly frontMatter: ParsedFrontMatter;
  /** Links, ids and headings of a Markdown or HTML file; undefined for any other file. */
  readonly links: ScannedLinks | undefined;
}

/** Extensions of HTML pages, whose links are scanned like Markdown's. */
const HTML_EXTENSIONS = new Set(['.html', '.htm']);

/** Whether a file's body has links worth scanning: Markdown and HTML. */
export function hasScannableBody(path: string, config: SiteConfig): boolean {
  return isMarkdownPath(path, config) || HTML_EXTENSIONS.has(extensionOf(path).toLowerCase());
}

/**
 * Text types that are often pages with a `permalink:` of their own: feeds and data. Jekyll makes a page of any file
 * that starts with front matter; media are left unread as static files, and so are scripts and styles: a blog may
 * vendor hundreds of them (MathJax, jQuery plugins), read whole for the rare page among them, and a style's page
 * keeps its own path (Sass's output is modelled apart).
 */
const TEXT_PAGE_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.xsl', '.xslt', '.json', '.webmanifest', '.txt', '.csv', '.tsv', '.ics', '.yml', '.yaml']);

/** Whether a file outside `_` folders is read to learn if it is a page (front matter) or a static file. */
export function mayBePage(path: string, config: SiteConfig): boolean {
  return hasScannableBody(path, config) || TEXT_PAGE_EXTENSIONS.has(extensionOf(path).toLowerCase());
}

/** A document's scan options with Liquid rendered and not (`render_with_liquid: false`). */
interface LiquidOnOrOff {
  readonly on: ScanOptions;
  readonly off: ScanOptions;
}

/**
 * Scans texts for one config, keeping the last result: the checker, hover and completion asking about the same
 * text in a row cost one scan.
 */
export class DocumentScanner {
  #options: { config: SiteConfig; markdown: LiquidOnOrOff; html: LiquidOnOrOff } | undefined;
  #last: { path: string; text: string; options: ScanOptions; scan: DocumentScan } | undefined;

  /**
   * The scan of `text` as the document at `path`. `data` is its front matter as the index read it (Liquid is off
   * with `render_with_liquid: false`); without it, the text's own front matter decides.
   */
  scan(config: SiteConfig, path: string, text: string, data?: Readonly<Record<string, unknown>>, frontMatter?: ParsedFrontMatter): DocumentScan {
    const last = this.#last;
    if (last && last.text === text && last.path === path && (data === undefined || last.options === this.options(config, path, data))) {
      return last.scan;
    }
    const parsed = frontMatter ?? parseFrontMatter(text);
    const options = this.options(config, path, data ?? frontMatterData(parsed));
    const scan = { frontMatter: parsed, links: hasScannableBody(path, config) ? scanLinks(text, parsed.bodyStart, options) : undefined };
    this.#last = { path, text, options, scan };
    return scan;
  }

  /** How `scanLinks` reads the document at `path` with this front matter. */
  options(config: SiteConfig, path: string, data: Readonly<Record<string, unknown>>): ScanOptions {
    if (this.#options?.config !== config) {
      const headerIds = headerIdOptions(config);
      const forLiquid = (parseBlockHtml: boolean, html: boolean): LiquidOnOrOff => ({ on: { headerIds, liquid: true, parseBlockHtml, html }, off: { headerIds, liquid: false, parseBlockHtml, html } });
      // An HTML page never meets kramdown.
      this.#options = { config, markdown: forLiquid(config.kramdownParseBlockHtml, false), html: forLiquid(false, true) };
    }
    const options = isMarkdownPath(path, config) ? this.#options.markdown : this.#options.html;
    return data['render_with_liquid'] === false ? options.off : options.on;
  }

  /** Forgets the last text: the index was rebuilt. */
  clear(): void {
    this.#last = undefined;
  }
}
