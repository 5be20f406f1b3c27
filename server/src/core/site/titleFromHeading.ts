/**
 * jekyll-titles-from-headings (in `plugins:`, or a GitHub Pages default) titles a Markdown page, and with
 * `titles_from_headings: { collections: true }` a post or collection document too, from a heading that opens its
 * content: `#` to `###` and a space, or a line underlined with `=` or `-` (its source; the oracle titles a post
 * "Heading One" from `\n# Heading One`, and keeps the slug title for `#### Four`, `#Tight` or text first).
 */
import { asRecord, type SiteConfig } from './config';
import { isMarkdownPath } from './documentKind';
import type { SiteDocumentKind } from './siteDocument';

const PLUGIN = 'jekyll-titles-from-headings';

/** Whether the plugin gives this document its title; its content starts at `bodyStart` of `text`. */
export function givesTitleFromHeading(config: SiteConfig, path: string, kind: SiteDocumentKind, text: string, bodyStart: number): boolean {
  if (!config.plugins.includes(PLUGIN) || !isMarkdownPath(path, config)) {
    return false;
  }
  const options = asRecord(config.raw['titles_from_headings']);
  if (options['enabled'] === false || (kind !== 'page' && options['collections'] !== true)) {
    return false;
  }
  return opensWithHeading(text, bodyStart);
}

/** The plugin's pattern, read line by line from the first one that is not blank (no backtracking over the text). */
function opensWithHeading(text: string, from: number): boolean {
  let start = from;
  while (start < text.length && /\s/.test(text[start]!)) {
    start++;
  }
  const end = lineEndAt(text, start);
  if (/^#{1,3}[ \t]+\S/.test(text.slice(start, end))) {
    return true;
  }
  const next = end + 1;
  return end < text.length && /^[-=]+\s*$/.test(text.slice(next, lineEndAt(text, next)).replace(/\r$/, ''));
}

function lineEndAt(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}
