import * as l10n from '@vscode/l10n';
import { pageMarkdownBlocks } from '../links/scanLinks';
import { endsTable, holdsTableBar, tableRowsEnd } from '../links/tableCells';
import { parseBlockHtmlAt } from '../render/kramdownOptions';
import { isMarkdownPath } from '../site/documentKind';
import type { Finding, Rule, RuleContext } from './rule';

/*
 * Markdown that kramdown, as Jekyll runs it, renders otherwise than GitHub's preview does, where authors look at it
 * before the site is built.
 */

/**
 * A table GitHub shows and kramdown does not: kramdown keeps a table only where a block may end after its last row
 * (a blank line, a `{:` attribute list, `^`, the text's end); otherwise the header, the `---` line and the rows are
 * one paragraph of `|`s (the oracle, for a heading, text, a list, a fence, HTML, `***` or a quote right after).
 * Only tables meant as such are looked at: a row and then a `---|---` line where a block starts, outside code and
 * HTML blocks, on a site that renders Markdown with kramdown.
 */
export const tableAsTextRule: Rule = {
  name: 'tables',
  check({ text, frontMatter, siteDocument, site }: RuleContext): Finding[] {
    if (!siteDocument || !isMarkdownPath(siteDocument.path, site.config) || frontMatter.block.kind !== 'closed' || !rendersWithKramdown(site.config.raw['markdown'])) {
      return [];
    }
    const bodyStart = frontMatter.bodyStart;
    if (text.indexOf('|', bodyStart) < 0) {
      return [];
    }
    const tables = tablesRunningOn(text, bodyStart);
    if (tables.length === 0) {
      return [];
    }
    const blocks = pageMarkdownBlocks(text, bodyStart, site.config.kramdownInput, site.config.kramdownParseBlockHtml);
    const shownAsIs = [...blocks.code, ...blocks.html];
    return tables
      .filter((table) => !shownAsIs.some((block) => block.start <= table.start && table.start < block.end))
      .map((table) => ({
        code: 'markdown.table-as-text',
        start: table.start,
        end: table.headerEnd,
        message: l10n.t('kramdown writes this table as a paragraph of | characters: the line after its last row must be blank. (GitHub shows a table.)'),
        // The file's own line ending: a CRLF file gets CRLF.
        data: { title: l10n.t('Add a blank line after the table'), replacement: text[table.next - 2] === '\r' ? '\r\n' : '\n', start: table.next, end: table.next },
      }));
  },
};

/**
 * Markdown in an HTML block: kramdown (Jekyll leaves `parse_block_html` off) reads no Markdown in an HTML element
 * without `markdown="1"`, so `**bold**`, `## Heading`, `- item` or `[a](/x)` there reach the page as written; GitHub
 * renders them after a blank line (a `<details>` section). The oracle: `<details>`, `<div>` keep them as text,
 * `<div markdown="1">` makes them Markdown. One finding per block, on its opening tag, with `markdown="1"` as the fix.
 * Only for the elements authors wrap Markdown in (`CONTAINERS`), for Markdown before the element's own closing tag
 * and outside code-like elements in it; not in a page with `{::nomarkdown}`, whose content the scan takes for HTML,
 * nor after `{::options parse_block_html="true" /}` (until options turn it off).
 * Also Markdown after an HTML block's closing tag when an element inside was never closed (a `<td>`, `<li>` or `<p>`
 * without its end tag, `<jim at example.com>`): kramdown shows the closing tag as text and reads on as HTML (the oracle:
 * `&lt;/div&gt;` then `## Heading` as written); reported on that element, whatever the block's element.
 */
export const markdownInHtmlRule: Rule = {
  name: 'markdown in HTML',
  check({ text, frontMatter, siteDocument, site }: RuleContext): Finding[] {
    if (!siteDocument || !isMarkdownPath(siteDocument.path, site.config) || frontMatter.block.kind !== 'closed' || !rendersWithKramdown(site.config.raw['markdown']) || site.config.kramdownParseBlockHtml) {
      return [];
    }
    if (text.indexOf('<', frontMatter.bodyStart) < 0 || text.includes('{::nomarkdown')) {
      return [];
    }
    const findings: Finding[] = [];
    const readsMarkdownInHtml = parseBlockHtmlAt(text, frontMatter.bodyStart, site.config.kramdownParseBlockHtml);
    for (const block of pageMarkdownBlocks(text, frontMatter.bodyStart, site.config.kramdownInput, site.config.kramdownParseBlockHtml).html) {
      if (readsMarkdownInHtml(block.start)) {
        continue;
      }
      const runOn = block.leftOpen && markdownLineIn(text, block.leftOpen.after, block.end);
      if (runOn) {
        // No fix: where the element should close is the author's call.
        const tag = text.slice(block.leftOpen!.start, block.leftOpen!.end);
        findings.push({
          code: 'markdown.in-html',
          start: block.leftOpen!.start,
          end: block.leftOpen!.end,
          message: l10n.t('This {0} is never closed, so kramdown reads the page after its HTML block as HTML: the Markdown there shows as written ({1}). Close it.', tag.length > 40 ? tag.slice(0, 39) + '…' : tag, excerpt(runOn)),
        });
      }
      const open = block.content === 'raw' ? OPENING_TAG.exec(text.slice(block.start, block.end)) : null;
      if (!open || !CONTAINERS.has(open[2]!.toLowerCase())) {
        continue;
      }
      const name = open[2]!;
      const tagStart = block.start + open[1]!.length;
      const contentStart = block.start + open[0].length;
      const close = text.slice(contentStart, block.end).toLowerCase().indexOf('</' + name.toLowerCase());
      const inside = markdownLineIn(text, contentStart, close < 0 ? block.end : contentStart + close);
      if (inside) {
        const tagEnd = contentStart - 1;
        findings.push({
          code: 'markdown.in-html',
          start: tagStart,
          end: contentStart,
          message: l10n.t('kramdown shows the Markdown in this <{0}> as written ({1}): it reads none in HTML (GitHub does). Add markdown="1" to the tag.', name, excerpt(inside)),
          data: { title: l10n.t('Add markdown="1" to <{0}>', name), replacement: ' markdown="1"', start: tagEnd, end: tagEnd },
        });
      }
    }
    return findings;
  },
};

/** Elements authors put Markdown in, expecting GitHub's rendering: sections, boxes, quotes, list items. */
const CONTAINERS = new Set(['details', 'div', 'section', 'article', 'aside', 'blockquote', 'center', 'figure', 'li', 'dd', 'main']);
/**
 * Elements whose content stays text or code wherever they are, and the Liquid blocks Jekyll turns into code
 * (`{% highlight %}`: a `<figure><pre><code>`) or drops (`{% comment %}`) before kramdown reads the page.
 */
const CODE_LIKE = /<(\/?)(?:pre|code|script|style|textarea)\b|\{%-?\s*(end)?(?:highlight|comment)\b[^%]*%\}/gi;
/** The opening tag of an HTML block: its indentation, its name. */
const OPENING_TAG = /^( {0,3})<([A-Za-z][\w-]*)\b[^>\n]*(?<!\/)>/;
/** A line GitHub would render as Markdown: a header, a list item, a quote, a fence, strong text, a link or an image. */
const MARKDOWN_LINE = /^ {0,3}(?:#{1,6}[ \t]+\S|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S|>[ \t]?[^\s<]|```|~~~)|\*\*[^*\n]+\*\*|!?\[[^\]\n]+\]\([^)\s]+\)/;

/**
 * The first line after the one at `from`, up to `to`, that GitHub would render as Markdown: after a blank line (which
 * ends GitHub's HTML block), not starting with a tag. Its offsets and text.
 */
function markdownLineIn(text: string, from: number, to: number): { start: number; end: number; line: string } | undefined {
  let afterBlank = false;
  const codeLike = new CodeLikeDepth(text, from);
  for (let start = text.indexOf('\n', from) + 1; start > 0 && start < to; ) {
    const eol = text.indexOf('\n', start);
    const end = eol < 0 || eol > to ? to : eol;
    const line = text.slice(start, end);
    if (BLANK.test(line)) {
      afterBlank = true;
    } else {
      if (afterBlank && !/^\s*</.test(line) && MARKDOWN_LINE.test(line) && !codeLike.inside(start)) {
        return { start, end: start + line.trimEnd().length, line: line.trim() };
      }
      afterBlank = false;
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * Whether offsets, asked in order, lie in a `<pre>`, `<code>`, `<script>`, `<style>`, `<textarea>`, `{% highlight %}`
 * or `{% comment %}` opened after `from`: the tags are counted on from the last offset asked, so a block run on to the page's end is read once.
 */
class CodeLikeDepth {
  #scanned: number;
  #open = 0;

  constructor(private readonly text: string, from: number) {
    this.#scanned = from;
  }

  inside(at: number): boolean {
    for (const tag of this.text.slice(this.#scanned, at).matchAll(CODE_LIKE)) {
      this.#open = Math.max(0, this.#open + (tag[1] || tag[2] ? -1 : 1));
    }
    this.#scanned = at;
    return this.#open > 0;
  }
}

function excerpt({ line }: { line: string }): string {
  return line.length > 40 ? line.slice(0, 39) + '…' : line;
}

/** A `---` line of a table: cells of dashes with optional colons, parted by `|` (at least one). */
const SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?$|^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*\r?$/;
/** What another block parser reads before kramdown's tables: headers, quotes, lists, HTML, fences, definitions, IALs. */
const OTHER_BLOCK = /^ {0,3}(?:[#>]|[*+-][ \t]|\d+\.[ \t]|<|\[[^\]\n]*\]:|\{:|~~~|```)/;
const BLANK = /^[ \t]*\r?$/;

/** `markdown:` in `_config.yml` left at kramdown, Jekyll's default. */
export function rendersWithKramdown(engine: unknown): boolean {
  return engine === undefined || engine === null || (typeof engine === 'string' && engine.trim().toLowerCase() === 'kramdown');
}

/**
 * Tables (a row where a block starts, then a `---` line) whose rows run on into a line where no block may end. Found
 * from the `|`s of the text: most lines of a post have none.
 */
function tablesRunningOn(text: string, bodyStart: number): { start: number; headerEnd: number; next: number }[] {
  const found: { start: number; headerEnd: number; next: number }[] = [];
  const lineEnd = (at: number) => {
    const eol = text.indexOf('\n', at);
    return eol < 0 ? text.length : eol;
  };
  const lineStart = (at: number) => Math.max(bodyStart, text.lastIndexOf('\n', at - 1) + 1);
  for (let bar = text.indexOf('|', bodyStart); bar >= 0; ) {
    const start = lineStart(bar);
    const end = lineEnd(bar);
    bar = text.indexOf('|', end);
    if (start === bodyStart || !SEPARATOR.test(text.slice(start, end))) {
      continue;
    }
    const headerStart = lineStart(start - 1);
    const header = text.slice(headerStart, start - 1);
    const blockStart = headerStart === bodyStart || BLANK.test(text.slice(lineStart(headerStart - 1), headerStart - 1));
    if (!blockStart || header.startsWith('    ') || header.startsWith('\t') || !holdsTableBar(header) || OTHER_BLOCK.test(header)) {
      continue;
    }
    const next = tableRowsEnd(text, end);
    // Liquid on the line after runs first and may write more rows or nothing (`{% include rows.md %}`, `{% endif %}`).
    const after = text.slice(next, lineEnd(next));
    if (!endsTable(text, next) && !after.includes('{%') && !after.includes('{{')) {
      found.push({ start: headerStart, headerEnd: start - 1, next });
    }
    bar = next < text.length ? text.indexOf('|', next) : -1;
  }
  return found;
}
