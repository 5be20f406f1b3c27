import * as l10n from '@vscode/l10n';
import { scanMarkdownBlocks } from '../render/markdownBlocks';
import { holdsTableBar } from '../links/tableCells';
import type { Finding, Rule, RuleContext } from './rule';

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
    if (!siteDocument || !MARKDOWN_FILE.test(siteDocument.path) || frontMatter.block.kind !== 'closed' || !rendersWithKramdown(site.config.raw['markdown'])) {
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
    const blocks = scanMarkdownBlocks(text, bodyStart, site.config.kramdownInput);
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

const MARKDOWN_FILE = /\.(?:md|markdown|mkdown|mkdn|mkd)$/i;
/** A `---` line of a table: cells of dashes with optional colons, parted by `|` (at least one). */
const SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?$|^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*\r?$/;
/** What another block parser reads before kramdown's tables: headers, quotes, lists, HTML, fences, definitions, IALs. */
const OTHER_BLOCK = /^ {0,3}(?:[#>]|[*+-][ \t]|\d+\.[ \t]|<|\[[^\]\n]*\]:|\{:|~~~|```)/;
const BLANK = /^[ \t]*\r?$/;
/** Where kramdown lets a table end (`BLOCK_BOUNDARY` but the blank line and the end): an attribute list, `^`. */
const BOUNDARY = /^(?: {0,3}\{:(?!:|\/).*\}[ \t]*|\^[ \t]*)\r?$/;

function rendersWithKramdown(engine: unknown): boolean {
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
    // The rows: every line with a `|` from here on.
    let next = end + 1;
    while (next < text.length && holdsTableBar(text.slice(next, lineEnd(next)))) {
      next = lineEnd(next) + 1;
    }
    // Liquid on the line after runs first and may write more rows or nothing (`{% include rows.md %}`, `{% endif %}`).
    const after = next < text.length ? text.slice(next, lineEnd(next)) : '';
    if (next < text.length && !BLANK.test(after) && !BOUNDARY.test(after) && !after.includes('{%') && !after.includes('{{')) {
      found.push({ start: headerStart, headerEnd: start - 1, next });
    }
    bar = next < text.length ? text.indexOf('|', next) : -1;
  }
  return found;
}
