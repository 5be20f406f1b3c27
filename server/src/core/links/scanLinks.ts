/**
 * Finds every link a reader could click (and every image) in a post or page, with exact offsets, by a
 * fast scan instead of a full Markdown parse: the block scanner removes code blocks and comments, code
 * spans are skipped, and the link forms are matched where kramdown would see them.
 */
import { headerIds, type HeaderIdOptions } from '../render/headerIds';
import { scanMarkdownBlocks, type MarkdownInput } from '../render/markdownBlocks';
import { LINK_TAG_SOURCE } from './linkTags';

export type LinkForm =
  | 'inline' // [text](url)
  | 'image' // ![alt](src)
  | 'reference' // [text][ref] (checked through its definition)
  | 'definition' // [ref]: url
  | 'autolink' // <https://...>
  | 'html' // <a href>, <img src>, srcset, ...
  | 'post_url' // {% post_url name %}
  | 'link'; // {% link path %}

export interface LinkOccurrence {
  readonly form: LinkForm;
  /** Offsets of the target text (the URL, the post name, the reference label) in the document. */
  readonly start: number;
  readonly end: number;
  /** Always the text from `start` to `end`: the site index keeps only the offsets (site/documentAnalysis.ts). */
  readonly target: string;
  /** For `reference`: the label as written (the same as `target`), to look up in the definitions. */
  readonly label?: string;
  /** For `post_url` and `link`: the tag stands in code or a comment, where Liquid renders it but nobody can click it. */
  readonly inCode?: true;
}

/** A `{{ ... }}` or `{% ... %}` that Liquid renders although it stands in code. */
export interface LiquidInCode {
  readonly start: number;
  readonly end: number;
}

export interface ScannedLinks {
  readonly links: readonly LinkOccurrence[];
  /** Reference definitions by normalised label. */
  readonly definitions: ReadonlySet<string>;
  /** Every id a fragment may point to: header ids, ids in raw HTML, footnotes, IAL ids. */
  readonly ids: ReadonlySet<string>;
  /** False when some id cannot be known (Liquid in a header). */
  readonly idsComplete: boolean;
  /** The headings with a known id, in order, for navigation to a `#fragment`. */
  readonly headings: readonly { readonly id: string; readonly start: number; readonly text: string }[];
  readonly liquidInCode: readonly LiquidInCode[];
}

export interface ScanOptions {
  readonly headerIds: HeaderIdOptions;
  /** Front matter `render_with_liquid: false`: Liquid is left alone. */
  readonly liquid: boolean;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

const HTML_TAG = /<(a|img|source|video|audio|iframe|link|area|embed|track|script)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const HTML_ATTRIBUTE = /\s(href|src|srcset|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const HTML_ID = /\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const LIQUID_LINK_TAG = new RegExp(LINK_TAG_SOURCE, 'g');
const LIQUID_ANY = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}[\s\S]*?(?:\{%-?\s*endraw\s*-?%\}|$)/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const DEFINITION = /^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*(<[^>\n]*>|\S+)/gm;
const AUTOLINK = /<((?:https?|ftp):\/\/[^\s<>]+)>/gi;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]]+)\]:/gm;
const IAL_ID = /\{:[^}\n]*?#([A-Za-z_][\w:.-]*)[^}\n]*\}/g;

export function scanLinks(text: string, bodyStart: number, options: ScanOptions): ScannedLinks {
  const input: MarkdownInput = options.headerIds.input;
  const body = text.slice(bodyStart);
  /** Matches in the body; none when it lacks `needle`, which every match contains: most posts skip most scans. */
  const matches = (pattern: RegExp, needle: string): Iterable<RegExpMatchArray> => (body.includes(needle) ? body.matchAll(pattern) : []);
  const ranges = (pattern: RegExp, needle: string): Range[] => [...matches(pattern, needle)].map((m) => ({ start: bodyStart + m.index!, end: bodyStart + m.index! + m[0].length }));
  const blocks = scanMarkdownBlocks(text, bodyStart, input);
  const raw = ranges(RAW_BLOCK, 'raw');
  const comments = [...blocks.code.filter((b) => b.kind === 'comment'), ...ranges(/\{%-?\s*comment\s*-?%\}[\s\S]*?(?:\{%-?\s*endcomment\s*-?%\}|$)/g, 'comment')];
  const htmlComments = ranges(HTML_COMMENT, '<!--');
  const codeBlocks = blocks.code.filter((b) => b.kind !== 'comment');
  const codeSpans = findCodeSpans(text, bodyStart, [...blocks.code, ...htmlComments]);
  // Markdown syntax means nothing in code, Liquid comments and HTML comments.
  const notMarkdown = sortRanges([...codeBlocks, ...codeSpans, ...comments, ...htmlComments, ...raw]);
  const inside = (ranges: readonly Range[], offset: number) => containing(ranges, offset) !== undefined;
  const links: LinkOccurrence[] = [];

  // Liquid tags are rendered everywhere, code included, except in raw and comment blocks.
  const liquidOff = sortRanges([...raw, ...comments]);
  for (const match of matches(LIQUID_LINK_TAG, '{%')) {
    const start = bodyStart + match.index!;
    if (!options.liquid || inside(liquidOff, start)) {
      continue;
    }
    const argument = match[2]!;
    const argumentStart = start + match[0].indexOf(argument, match[0].indexOf(match[1]!) + match[1]!.length);
    const tag = { form: match[1] === 'post_url' ? 'post_url' : 'link', start: argumentStart, end: argumentStart + argument.length, target: argument } as const;
    links.push(inside(notMarkdown, start) ? { ...tag, inCode: true } : tag);
  }

  /** Matches of `pattern` (starting at a `]`) that close a link text outside code. */
  function* linkTexts(pattern: RegExp): Generator<{ match: RegExpMatchArray; open: number; close: number }> {
    for (const match of text.slice(bodyStart).matchAll(pattern)) {
      const close = bodyStart + match.index!;
      const open = inside(notMarkdown, close) ? undefined : openingBracket(text, close, bodyStart);
      if (open !== undefined) {
        yield { match, open, close };
      }
    }
  }

  for (const { open, close } of linkTexts(/\]\(/g)) {
    const destination = parseDestination(text, close + 2);
    if (!destination) {
      continue;
    }
    const image = open > 0 && text[open - 1] === '!' && text[open - 2] !== '\\';
    links.push({ form: image ? 'image' : 'inline', ...destination });
  }

  for (const { match, open, close } of linkTexts(/\]\[([^\]\n]*)\]/g)) {
    const label = match[1]!.trim() === '' ? text.slice(open + 1, close) : match[1]!;
    const labelStart = match[1]!.trim() === '' ? open + 1 : close + 2;
    links.push({ form: 'reference', start: labelStart, end: labelStart + label.length, target: label, label });
  }

  const definitions = new Set<string>();
  for (const match of matches(DEFINITION, ']:')) {
    const start = bodyStart + match.index!;
    if (inside(notMarkdown, start)) {
      continue;
    }
    definitions.add(normalizeLabel(match[1]!));
    let target = match[2]!;
    let targetStart = start + match[0].length - target.length;
    if (target.startsWith('<')) {
      target = target.slice(1, -1);
      targetStart++;
    }
    links.push({ form: 'definition', start: targetStart, end: targetStart + target.length, target });
  }

  for (const match of matches(AUTOLINK, '<')) {
    const start = bodyStart + match.index! + 1;
    if (!inside(notMarkdown, start)) {
      links.push({ form: 'autolink', start, end: start + match[1]!.length, target: match[1]! });
    }
  }

  const ids = new Set<string>();
  const htmlOff = sortRanges([...codeBlocks, ...codeSpans, ...comments, ...htmlComments]);
  for (const tag of matches(HTML_TAG, '<')) {
    const tagStart = bodyStart + tag.index!;
    if (inside(htmlOff, tagStart)) {
      continue;
    }
    const attributesStart = tagStart + 1 + tag[1]!.length;
    for (const attribute of tag[2]!.matchAll(HTML_ATTRIBUTE)) {
      const value = attribute[3] ?? attribute[4] ?? attribute[5] ?? '';
      const valueStart = attributesStart + attribute.index! + attribute[0].length - value.length - (attribute[5] === undefined ? 1 : 0);
      if (attribute[1]!.toLowerCase() === 'srcset') {
        for (const candidate of value.matchAll(/[^\s,][^\s]*/g)) {
          // Each candidate is `url [descriptor]`; descriptors (`2x`, `640w`) are skipped.
          const url = candidate[0].replace(/,$/, '');
          if (/^\d+(?:\.\d+)?[wx]$/.test(url)) {
            continue;
          }
          links.push({ form: 'html', start: valueStart + candidate.index!, end: valueStart + candidate.index! + url.length, target: url });
        }
      } else {
        links.push({ form: 'html', start: valueStart, end: valueStart + value.length, target: value });
      }
    }
  }

  // Ids a fragment may point to.
  let idsComplete = true;
  const headings: { id: string; start: number; text: string }[] = [];
  const markdownHtml = body.includes('markdown=') ? markdownHtmlBlocks(text, bodyStart) : [];
  for (const header of headerIds(blocks.headings.filter((h) => !inside(notMarkdown, h.start)), options.headerIds, (offset) => inside(markdownHtml, offset))) {
    if (header.id === undefined) {
      idsComplete = false;
    } else {
      ids.add(header.id);
      headings.push({ id: header.id, start: header.heading.start, text: header.heading.text });
    }
  }
  // HTML in code is shown, not parsed: its ids are not on the page (in `{% raw %}` they are).
  const shown = sortRanges([...codeBlocks, ...codeSpans, ...comments, ...htmlComments]);
  for (const match of matches(/<[A-Za-z][^>]*>/g, '<')) {
    if (inside(shown, bodyStart + match.index!)) {
      continue;
    }
    for (const id of match[0].matchAll(HTML_ID)) {
      const value = id[2] ?? id[3] ?? id[4] ?? '';
      if (/\{\{|\{%/.test(value)) {
        idsComplete = false;
      } else {
        ids.add(value);
      }
    }
  }
  for (const match of matches(IAL_ID, '{:')) {
    ids.add(match[1]!);
  }
  // kramdown writes a footnote only when it is both defined and referenced; the n-th repeat of a reference is `fnref:x:n`.
  const footnoteDefinitions = [...matches(FOOTNOTE_DEFINITION, '[^')].filter((m) => !inside(notMarkdown, bodyStart + m.index!));
  const footnotes = new Set(footnoteDefinitions.map((m) => m[1]!));
  const definitionMarkers = new Set(footnoteDefinitions.map((m) => bodyStart + m.index! + m[0].indexOf('[^')));
  const references = new Map<string, number>();
  for (const match of matches(/\[\^([^\]\s]+)\]/g, '[^')) {
    const name = match[1]!;
    const at = bodyStart + match.index!;
    if (footnotes.has(name) && !definitionMarkers.has(at) && !inside(notMarkdown, at)) {
      const repeat = references.get(name) ?? 0;
      references.set(name, repeat + 1);
      ids.add(repeat === 0 ? `fnref:${name}` : `fnref:${name}:${repeat}`);
      ids.add(`fn:${name}`);
    }
  }
  if (/\{:\s*toc\s*\}/.test(body)) {
    ids.add('markdown-toc');
  }

  const liquidInCode: LiquidInCode[] = [];
  if (options.liquid) {
    const code = sortRanges([...codeBlocks.map((b) => ({ start: b.contentStart, end: b.contentEnd })), ...codeSpans]);
    for (const range of code) {
      for (const match of text.slice(range.start, range.end).matchAll(LIQUID_ANY)) {
        const start = range.start + match.index!;
        if (!inside(raw, start) && !inside(comments, start) && !/^\{%-?\s*(?:end)?raw\b/.test(match[0])) {
          liquidInCode.push({ start, end: start + match[0].length });
        }
      }
    }
  }

  links.sort((a, b) => a.start - b.start);
  return { links, definitions, ids, idsComplete, headings, liquidInCode };
}

const MARKDOWN_HTML_OPEN = /^ {0,3}<([A-Za-z][\w-]*)\b[^>\n]*\smarkdown\s*=\s*(["']?)(?:1|block|span)\2[^>\n]*>/gm;

/** HTML blocks whose content kramdown parses as Markdown (`<div markdown="1">`), to their closing tag. */
function markdownHtmlBlocks(text: string, bodyStart: number): Range[] {
  const blocks: Range[] = [];
  const body = text.slice(bodyStart);
  for (const open of body.matchAll(MARKDOWN_HTML_OPEN)) {
    const start = bodyStart + open.index!;
    if (blocks.length > 0 && start < blocks[blocks.length - 1]!.end) {
      continue;
    }
    // Same-name tags nest; the block ends at the tag that closes this one, or at the end of the document.
    const tags = new RegExp(`<(/?)${open[1]}\\b[^>]*>`, 'gi');
    tags.lastIndex = start + open[0].length;
    let depth = 1;
    let end = text.length;
    for (let tag = tags.exec(text); tag; tag = tags.exec(text)) {
      depth += tag[1] ? -1 : 1;
      if (depth === 0) {
        end = tag.index + tag[0].length;
        break;
      }
    }
    blocks.push({ start, end });
  }
  return blocks;
}

/** kramdown's reference label matching: case-insensitive, runs of white space as one space. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The `[` that opens the link text ending at `close` (a `]`), within the same paragraph. */
function openingBracket(text: string, close: number, limit: number): number | undefined {
  let depth = 0;
  for (let i = close - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 93 /* ] */ && text[i - 1] !== '\\') {
      depth++;
    } else if (c === 91 /* [ */ && text[i - 1] !== '\\') {
      if (depth === 0) {
        return i;
      }
      depth--;
    } else if (c === 10 && /\n[ \t]*\r?$/.test(text.slice(Math.max(limit, i - 200), i))) {
      return undefined; // a blank line ends the paragraph
    }
  }
  return undefined;
}

/** No link destination is longer; past it a `](` without its `)` is text, and scanning stays linear. */
const MAX_DESTINATION = 2_000;

/**
 * The link destination after `](`, as kramdown reads it: `<...>`, or everything up to the `)` that balances
 * the opening one, spaces included (`[a](/my file.png)`), except a title after white space (`"t"`, `'t'`).
 * Undefined when no `)` closes it within the paragraph: kramdown then prints the text.
 */
function parseDestination(text: string, from: number): { start: number; end: number; target: string } | undefined {
  let i = from;
  // White space, one line break included, may come before the destination.
  const lead = /^[ \t]*(?:\r?\n[ \t]*)?/.exec(text.slice(from, from + 200))![0];
  i += lead.length;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    const newline = text.indexOf('\n', i);
    if (close < 0 || (newline >= 0 && newline < close)) {
      return undefined;
    }
    return { start: i + 1, end: close, target: text.slice(i + 1, close) };
  }
  const start = i;
  const limit = Math.min(text.length, start + MAX_DESTINATION);
  let depth = 0;
  let end: number | undefined;
  // Liquid in the destination is one unit: `{{ "/a b" | relative_url }}` has spaces but is not a title.
  while (i < limit) {
    if (text.startsWith('{{', i) || text.startsWith('{%', i)) {
      const close = text.indexOf(text[i + 1] === '{' ? '}}' : '%}', i + 2);
      if (close < 0) {
        break;
      }
      i = close + 2;
      continue;
    }
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (c === '\n' && /^\n[ \t]*\r?\n/.test(text.slice(i, i + 200))) {
        return undefined; // a blank line ends the paragraph
      }
      if (depth === 0 && (text[i + 1] === '"' || text[i + 1] === "'")) {
        end = i;
        break;
      }
      i++;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    }
    i++;
  }
  if (end === undefined) {
    return undefined;
  }
  while (end > start && /\s/.test(text[end - 1]!)) {
    end--;
  }
  return { start, end, target: text.slice(start, end) };
}

/** Inline code spans: a run of backticks up to the next run of the same length, within a paragraph. */
function findCodeSpans(text: string, from: number, skip: readonly Range[]): Range[] {
  const spans: Range[] = [];
  const sortedSkip = sortRanges([...skip]);
  let i = from;
  while (i < text.length) {
    const tick = text.indexOf('`', i);
    if (tick < 0) {
      break;
    }
    const inBlock = containing(sortedSkip, tick);
    if (inBlock) {
      i = inBlock.end;
      continue;
    }
    if (text[tick - 1] === '\\') {
      i = tick + 1;
      continue;
    }
    let runEnd = tick;
    while (text[runEnd] === '`') {
      runEnd++;
    }
    const run = runEnd - tick;
    const paragraphEnd = findParagraphEnd(text, runEnd);
    let search = runEnd;
    let closed = -1;
    while (search < paragraphEnd) {
      const next = text.indexOf('`', search);
      if (next < 0 || next >= paragraphEnd) {
        break;
      }
      let end = next;
      while (text[end] === '`') {
        end++;
      }
      if (end - next === run) {
        closed = next;
        break;
      }
      search = end;
    }
    if (closed < 0) {
      i = runEnd;
      continue;
    }
    spans.push({ start: runEnd, end: closed });
    i = closed + run;
  }
  return spans;
}

function findParagraphEnd(text: string, from: number): number {
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = from;
  const match = blank.exec(text);
  return match ? match.index : text.length;
}


/** Sorted, disjoint ranges covering the same offsets. */
function sortRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      if (range.end > last.end) {
        merged[merged.length - 1] = { start: last.start, end: range.end };
      }
    } else {
      merged.push(range);
    }
  }
  return merged;
}

/** The range holding `offset`, by binary search over sorted, disjoint ranges. */
function containing(ranges: readonly Range[], offset: number): Range | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (offset < range.start) {
      high = mid - 1;
    } else if (offset >= range.end) {
      low = mid + 1;
    } else {
      return range;
    }
  }
  return undefined;
}
