/**
 * Finds every link a reader could click (and every image) in a post or page, with exact offsets, by a
 * fast scan instead of a full Markdown parse: the block scanner removes code blocks and comments, code
 * spans are skipped, and the link forms are matched where kramdown would see them. Every search is linear in the
 * text: none restarts from each opener (a line of `[a](` repeated once made the check quadratic, issue 22).
 */
import { containing } from '../sortedSearch';
import { afterBlanks } from '../blanks';
import { ForwardSearch } from '../forwardSearch';
import { headerIds, type HeaderIdOptions, type IdScope } from '../render/headerIds';
import { openingTagAt } from '../render/kramdownHtml';
import { rubyDowncase } from '../rubyDowncase';
import { scanMarkdownBlocks, type MarkdownBlocks, type MarkdownInput } from '../render/markdownBlocks';
import { scanFootnotes } from './footnotes';
import { linkTagsIn } from './linkTags';
import { mathContents } from './mathSpans';
import { rawSpanContents } from './rawSpanHtml';
import { scriptContents } from './scriptContent';
import { paragraphGoesOnAfter, readLinkDefinition, type LinkDefinition } from './linkDefinition';
import { atBlockStart, crossesEdge, holdsTableBar, keptTableEnd, tableCellEdges } from './tableCells';
import { liquidEndTag, liquidOpenTag, pluginBlocks } from '../render/liquidBlockTags';

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
  /** In an indented code block, which only the indentation makes code (not a fence or highlight). */
  readonly indented: boolean;
  /** In `$$` math, which kramdown shows as written as it does code. */
  readonly inMath: boolean;
  /** A `{{` whose first `}` is single: Liquid reads the output to there, finds no `}}`, and fails the build. */
  readonly unterminated: boolean;
}

export interface ScannedLinks {
  readonly links: readonly LinkOccurrence[];
  /** Reference definitions by normalised label. */
  readonly definitions: ReadonlySet<string>;
  /**
   * False when other definitions may come in as Jekyll builds the page: written with Liquid (`[#{{ n }}]: …` in a
   * loop), or in a Markdown file the page includes (`{% include references.md %}`, `{% include_relative %}`).
   */
  readonly definitionsComplete: boolean;
  /** Every id a fragment may point to: header ids, ids in raw HTML, footnotes, IAL ids. */
  readonly ids: ReadonlySet<string>;
  /** False when some id cannot be known (Liquid in a header). */
  readonly idsComplete: boolean;
  /** The headings with a known id, in order, for navigation to a `#fragment`. */
  readonly headings: readonly { readonly id: string; readonly start: number; readonly text: string }[];
  /** What the text includes (`includedNames`): the includes whose ids are on its page too. */
  readonly includes: readonly string[];
  readonly liquidInCode: readonly LiquidInCode[];
}

export interface ScanOptions {
  readonly headerIds: HeaderIdOptions;
  /** Front matter `render_with_liquid: false`: Liquid is left alone. */
  readonly liquid: boolean;
  /** kramdown `parse_block_html`: HTML blocks hold Markdown. */
  readonly parseBlockHtml?: boolean;
  /** An HTML page: kramdown never reads it, so its body is all HTML (an indented line is no code, `# x` no header). */
  readonly html?: boolean;
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** How an inline link or a reference is written: from the `[` of its text (`open`), through the `]` that ends it, to its end. */
interface BracketedLink {
  readonly open: number;
  /** Where kramdown starts reading it as a link. */
  readonly close: number;
  /** What must stay in one table cell. */
  readonly end: number;
  /** An inline link, whose text's `[` a reference link's label may be (`[a][b](c)`). */
  readonly inline: boolean;
}

const HTML_TAG_NAME = /<(a|img|source|video|audio|iframe|link|area|embed|track|script)\b/gi;
const HTML_ATTRIBUTE = /\s(href|src|srcset|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
/** A word of a `srcset`: Liquid (`{{ site.baseurl }}/a.png`) is one unit with the text around it. */
const SRCSET_WORD = /(?:\{\{[^}]{0,200}\}\}|\{%[^%]{0,200}%\}|[^\s,{]|\{)(?:\{\{[^}]{0,200}\}\}|\{%[^%]{0,200}%\}|[^\s{]|\{)*/g;
const HTML_ID = /\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const DEFINITION_START = /^ {0,3}\[/gm;
const AUTOLINK = /<((?:https?|ftp):\/\/[^\s<>]+)>/gi;
const IAL_ID = /#([A-Za-z_][\w:.-]*)/;

/** The values of the `id` and `name` attributes in `html`, quoted or not (`<div id=signup>`), as written. */
export function* htmlIds(html: string): Generator<string> {
  for (const match of html.matchAll(HTML_ID)) {
    yield match[2] ?? match[3] ?? match[4] ?? '';
  }
}

/**
 * The Markdown blocks of a page as kramdown reads them after Liquid ran: an HTML block opened in a `{% capture %}`
 * ends with it (the capture's text leaves the page), as the link scan reads them.
 */
export function pageMarkdownBlocks(text: string, bodyStart: number, input: MarkdownInput, parseBlockHtml: boolean): MarkdownBlocks {
  return scanMarkdownBlocks(text, bodyStart, input, liquidBlocksIn(text, bodyStart).capture, parseBlockHtml);
}

/**
 * Where a `<` reaches the page as text or not at all, sorted: code blocks and spans and `{% highlight %}` (kramdown
 * escapes them), math (escaped too), Liquid and HTML comments, Liquid tags and outputs (they print what they print),
 * `{::nomarkdown}` (HTML the author wrote as such), `<script>` content, a plugin's Liquid block (the plugin decides what
 * its content becomes). Not `<pre>` blocks: their content is raw HTML
 * for the browser. With the page's blocks, for rules on tags written in the text.
 */
export function tagsAsText(text: string, bodyStart: number, input: MarkdownInput): { readonly asText: readonly Range[]; readonly blocks: MarkdownBlocks } {
  const liquidBlocks = liquidBlocksIn(text, bodyStart);
  const blocks = scanMarkdownBlocks(text, bodyStart, input, liquidBlocks.capture);
  const { codeSpans, htmlComments } = findCodeSpans(text, bodyStart, blocks.code, blocks.html.filter((b) => b.content === 'raw'));
  const comments = [...blocks.code.filter((b) => b.kind !== 'pre'), ...codeSpans, ...htmlComments, ...liquidBlocks.comment];
  const code = sortRanges([...comments]);
  const isText = (offset: number) => containing(code, offset) !== undefined;
  const tagEnds = new HtmlTagEnds(text);
  const asText = [...comments, ...mathContents(text, bodyStart, isText), ...liquidRanges(text, bodyStart, isText), ...noMarkdownBlocks(text, bodyStart)];
  asText.push(...scriptContents(text, bodyStart, isText, (from) => tagEnds.endFrom(from)));
  asText.push(...capturesHandedToIncludes(text, bodyStart, liquidBlocks.capture), ...pluginBlocks(text, bodyStart));
  return { asText: sortRanges(asText), blocks };
}

/**
 * The captures a page hands to an include (`{% capture rest %}...{% endcapture %}`, then `{% include code.html
 * rest=rest %}`): the include prints them as it says, as it does a parameter written in place (`content="<v>"`).
 * The oracle: OpenSearch's code-block.html highlights `include.rest`, writing `&lt;YOUR_TASK_ID&gt;`.
 */
function capturesHandedToIncludes(text: string, bodyStart: number, captures: readonly Range[]): Range[] {
  if (captures.length === 0) {
    return [];
  }
  const handed = new Set<string>();
  for (const tag of text.slice(bodyStart).matchAll(/\{%-?\s*include(?:_cached)?\s[^%]*%\}/g)) {
    for (const parameter of tag[0].matchAll(/[\w-]+\s*=\s*([A-Za-z_][\w-]*)/g)) {
      handed.add(parameter[1]!);
    }
  }
  return captures.filter((capture) => {
    const name = /^\{%-?\s*capture\s+([\w-]+)/.exec(text.slice(capture.start, capture.start + 100))?.[1];
    return name !== undefined && handed.has(name);
  });
}

/** An HTML page's body as one raw HTML block: Jekyll writes it as it is (the oracle keeps a tab-indented `<h2 id>`). */
function htmlPageBlocks(text: string, bodyStart: number): MarkdownBlocks {
  return { code: [], headings: [], html: [{ start: bodyStart, end: text.length, content: 'raw' }] };
}

/** `{::nomarkdown}` to its `{:/nomarkdown}` or `{:/}`, or the text's end. */
function noMarkdownBlocks(text: string, from: number): Range[] {
  const blocks: Range[] = [];
  for (let open = text.indexOf('{::nomarkdown', from); open >= 0; ) {
    const close = /\{:\/(?:nomarkdown)?\}/g;
    close.lastIndex = open;
    const end = close.exec(text) ? close.lastIndex : text.length;
    blocks.push({ start: open, end });
    open = text.indexOf('{::nomarkdown', end);
  }
  return blocks;
}

export function scanLinks(text: string, bodyStart: number, options: ScanOptions): ScannedLinks {
  const input: MarkdownInput = options.headerIds.input;
  const body = text.slice(bodyStart);
  /** Matches in the body; none when it lacks `needle`, which every match contains: most posts skip most scans. */
  const matches = (pattern: RegExp, needle: string): Iterable<RegExpMatchArray> => (body.includes(needle) ? body.matchAll(pattern) : []);
  const liquidBlocks = liquidBlocksIn(text, bodyStart);
  const blocks = options.html === true ? htmlPageBlocks(text, bodyStart) : scanMarkdownBlocks(text, bodyStart, input, liquidBlocks.capture, options.parseBlockHtml === true);
  const raw = liquidBlocks.raw;
  const comments = [...blocks.code.filter((b) => b.kind === 'comment'), ...liquidBlocks.comment];
  const codeBlocks = blocks.code.filter((b) => b.kind !== 'comment');
  // An HTML block without `markdown="1"`: its Markdown is text, its HTML is HTML.
  const rawHtml = blocks.html.filter((b) => b.content === 'raw');
  const { codeSpans, htmlComments } = findCodeSpans(text, bodyStart, blocks.code, rawHtml);
  // Markdown syntax means nothing in code, Liquid comments, HTML comments, raw HTML blocks and `<code>`-like elements.
  const shownAsIs = sortRanges([...codeBlocks, ...codeSpans, ...comments, ...htmlComments, ...rawHtml]);
  const rawSpans = body.includes('<') ? rawSpanContents(text, bodyStart, (offset) => containing(shownAsIs, offset) !== undefined) : [];
  // Nor in math, whose text kramdown escapes, tags included.
  const maths = mathContents(text, bodyStart, (offset) => containing(shownAsIs, offset) !== undefined);
  const notRawMarkdown = rawSpans.length === 0 && maths.length === 0 ? shownAsIs : sortRanges([...shownAsIs, ...rawSpans, ...maths]);
  const notMarkdown = sortRanges([...notRawMarkdown, ...raw]);
  const inside = (ranges: readonly Range[], offset: number) => containing(ranges, offset) !== undefined;
  const links: LinkOccurrence[] = [];

  // Liquid tags are rendered everywhere, code included, except in raw and comment blocks.
  const liquidOff = sortRanges([...raw, ...comments]);
  for (const found of linkTagsIn(text, bodyStart)) {
    if (!options.liquid || inside(liquidOff, found.tagStart)) {
      continue;
    }
    const tag = { form: found.name, start: found.argumentStart, end: found.argumentEnd, target: text.slice(found.argumentStart, found.argumentEnd) } as const;
    links.push(inside(notMarkdown, found.tagStart) ? { ...tag, inCode: true } : tag);
  }

  const openers = bracketOpeners(text, bodyStart);
  /** Matches of `pattern` (sticky, starting with `needle`) that close a link text outside code, with that text's `[`. */
  /**
   * Each `needle` (followed by `pattern`, sticky, when given: no match array is made for a needle alone) that closes
   * a link text outside code, with that text's `[`.
   */
  const linkTexts = (needle: string, pattern?: RegExp): { close: number; match: RegExpExecArray | undefined; open: number }[] => {
    const found: { close: number; match: RegExpExecArray | undefined; open: number }[] = [];
    // `close` only grows: the cursor into the closing brackets moves with it.
    let at = 0;
    for (let close = text.indexOf(needle, bodyStart); close >= 0; ) {
      let match: RegExpExecArray | undefined;
      if (pattern) {
        pattern.lastIndex = close;
        match = pattern.exec(text) ?? undefined;
      }
      const matched = !pattern || match !== undefined;
      while (at < openers.closes.length && openers.closes[at]! < close) {
        at++;
      }
      const open = !matched || inside(notMarkdown, close) || openers.closes[at] !== close ? undefined : openers.opens[at];
      if (open !== undefined) {
        found.push({ close, match, open });
      }
      close = text.indexOf(needle, !matched ? close + 1 : pattern ? pattern.lastIndex : close + needle.length);
    }
    return found;
  };

  const destinations = new Destinations(text);
  /** Where each inline link and reference is written (one entry each: a map per fact cost a tenth of the scan's memory). */
  const syntax = new Map<LinkOccurrence, BracketedLink>();
  /** From each inline link's `(` to its `)`: brackets there are part of the URL or title (`/a?op[x][y]=1`). */
  const literal: Range[] = [];
  /** Liquid's own text (`{{ site.data["x"][1] }}`, `{% assign li = "[" | append: t | append: "](" %}`): Liquid renders first, so kramdown never reads it. */
  let liquid: readonly Range[] | undefined;
  const liquidAt = (offset: number) => (options.liquid ? containing((liquid ??= liquidRanges(text, bodyStart, (at) => inside(liquidOff, at))), offset) : undefined);
  const inLiquid = (offset: number) => liquidAt(offset) !== undefined;
  for (const { close, open } of linkTexts('](')) {
    if (inLiquid(close)) {
      continue;
    }
    const destination = destinations.after(close + 2);
    if (!destination) {
      continue;
    }
    const image = open > 0 && text[open - 1] === '!' && text[open - 2] !== '\\';
    const link: LinkOccurrence = { form: image ? 'image' : 'inline', start: destination.start, end: destination.end, target: destination.target };
    links.push(link);
    syntax.set(link, { open, close, end: destination.linkEnd, inline: true });
    literal.push({ start: close + 2, end: destination.linkEnd });
  }

  /** The `[` of each reference's label, with the label. */
  const labelOpens: { open: number; label: string; link: LinkOccurrence }[] = [];
  for (const { close, match: labelMatch, open } of linkTexts('][', /\]\[([^\]\n]*)\]/y)) {
    const match = labelMatch!; // given a pattern, every text found matched it
    if (inLiquid(close)) {
      continue;
    }
    const label = match[1]!.trim() === '' ? text.slice(open + 1, close) : match[1]!;
    const labelStart = match[1]!.trim() === '' ? open + 1 : close + 2;
    // `[a][^b]`: no definition is named `^b` (`[^b]:` defines a footnote), so kramdown writes `[a]` as text and
    // `[^b]` as a footnote marker.
    if (label.startsWith('^')) {
      continue;
    }
    const link: LinkOccurrence = { form: 'reference', start: labelStart, end: labelStart + label.length, target: label, label };
    links.push(link);
    labelOpens.push({ open: close + 1, label, link });
    syntax.set(link, { open, close, end: close + match[0].length, inline: false });
  }

  const definitions = new Set<string>();
  const lastDefinitions = new Map<string, LinkOccurrence>();
  const overwritten = new Set<LinkOccurrence>();
  let definitionsFrom = bodyStart;
  /** Where a line starts that goes on a paragraph, whose `[a]: b` is text: after a line kramdown takes for none. */
  let paragraphGoesOn = -1;
  for (const line of matches(DEFINITION_START, ']:')) {
    const start = bodyStart + line.index!;
    if (start < definitionsFrom || text[start + line[0].length] === '^') {
      continue;
    }
    // kramdown's definition: the URL to the line's end or a quoted title; none with a quote after a space in it.
    const definition = definitionAt(text, start);
    const hidden = inside(raw, start) ? inside(notRawMarkdown, start) : inside(notMarkdown, start);
    const eol = text.indexOf('\n', start);
    const tableBar = holdsTableBar(text.slice(start, eol < 0 ? text.length : eol));
    if (!definition || hidden) {
      paragraphGoesOn = !hidden && eol >= 0 && !tableBar ? eol + 1 : -1;
      continue;
    }
    definitionsFrom = definition.end;
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    const afterParagraphLine = start - 1 > bodyStart && previousStart >= bodyStart && !inside(notMarkdown, previousStart) && paragraphGoesOnAfter(text.slice(previousStart, start - 1), input);
    const onParagraph = start === paragraphGoesOn || afterParagraphLine;
    paragraphGoesOn = -1;
    // A line with a `|` where a block starts is a table row when the table ends where a block may: kramdown reads
    // tables before definitions (the oracle: `<td>[r1]: /search?q=a</td><td>b</td>`, but a definition when another
    // follows on the next line); so is each line with a `|` after it. After a paragraph's line it is text.
    const tableEnd = tableBar && atBlockStart(text, start, bodyStart) ? keptTableEnd(text, eol) : -1;
    if (onParagraph || tableEnd >= 0) {
      paragraphGoesOn = onParagraph ? definition.end : -1;
      definitionsFrom = Math.max(definitionsFrom, tableEnd);
      continue;
    }
    const label = normalizeLabel(text.slice(definition.labelStart, definition.labelEnd));
    definitions.add(label);
    // kramdown keeps a label's last definition (the oracle: `[a]: /first`, `[A]: /second` link to /second): an
    // earlier one's URL is never on the page.
    const earlier = lastDefinitions.get(label);
    if (earlier) {
      overwritten.add(earlier);
    }
    // `{% raw %}` prints its text for kramdown to read: a definition there defines its label, though its URL is not checked.
    if (inside(raw, start)) {
      lastDefinitions.delete(label);
      continue;
    }
    const link: LinkOccurrence = { form: 'definition', start: definition.urlStart, end: definition.urlEnd, target: text.slice(definition.urlStart, definition.urlEnd) };
    links.push(link);
    lastDefinitions.set(label, link);
  }

  for (const match of matches(AUTOLINK, '<')) {
    const start = bodyStart + match.index! + 1;
    if (!inside(notMarkdown, start)) {
      links.push({ form: 'autolink', start, end: start + match[1]!.length, target: match[1]! });
      literal.push({ start: start - 1, end: start + match[1]!.length + 1 });
    }
  }

  const ids = new Set<string>();
  // HTML in code is shown, not parsed: no link nor id in it is on the page (in `{% raw %}` they are).
  const htmlAsText = sortRanges([...codeBlocks, ...codeSpans, ...comments, ...htmlComments, ...maths]);
  const tagEnds = new HtmlTagEnds(text);
  let tagsFrom = bodyStart;
  for (const tag of matches(HTML_TAG_NAME, '<')) {
    const tagStart = bodyStart + tag.index!;
    const attributesStart = tagStart + tag[0].length;
    const tagEnd = tagStart < tagsFrom ? -1 : tagEnds.endFrom(attributesStart);
    if (tagEnd < 0) {
      continue;
    }
    tagsFrom = tagEnd + 1;
    // A tag in a Liquid tag's string (`{% assign s = "<a href='" | append: id %}`) is text Liquid builds a tag from.
    const liquidAround = liquidAt(tagStart);
    if (inside(htmlAsText, tagStart) || (liquidAround !== undefined && text[liquidAround.start + 1] === '%')) {
      continue;
    }
    for (const attribute of text.slice(attributesStart, tagEnd).matchAll(HTML_ATTRIBUTE)) {
      const value = attribute[3] ?? attribute[4] ?? attribute[5] ?? '';
      const valueStart = attributesStart + attribute.index! + attribute[0].length - value.length - (attribute[5] === undefined ? 1 : 0);
      if (attribute[1]!.toLowerCase() === 'srcset') {
        for (const candidate of value.matchAll(SRCSET_WORD)) {
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
  // Every `markdown=` attribute is in a tag: the rare `<` is searched for first.
  const markdownHtml = text.includes('<', bodyStart) && body.includes('markdown=') ? markdownHtmlBlocks(text, bodyStart) : [];
  // Captured Markdown is output where and how the template says (`{{ x | markdownify }}` converts it on its own).
  const captures = liquidBlocks.capture;
  const scopeOf = (offset: number): IdScope => (inside(markdownHtml, offset) ? 'html' : containing(captures, offset)?.start);
  for (const header of headerIds(blocks.headings.filter((h) => !inside(notRawMarkdown, h.start)), options.headerIds, scopeOf)) {
    // A generated id in a capture depends on where it is printed; a `{#custom}` one does not.
    if (header.id === undefined || (typeof scopeOf(header.heading.start) === 'number' && header.heading.customId === undefined)) {
      idsComplete = false;
    }
    // kramdown writes no `id` attribute for an empty one (a GFM header of punctuation: `## &amp;`).
    if (header.id !== undefined && header.id !== '') {
      ids.add(header.id);
      headings.push({ id: header.id, start: header.heading.start, text: header.heading.text });
    }
  }
  // A `<pre>` block's own tag is HTML, not code: `<pre id="x">` writes its id.
  const preTags = new Set(codeBlocks.filter((b) => b.kind === 'pre').map((b) => text.indexOf('<', b.start)));
  for (const { start: tagStart, tag } of htmlTags(text, bodyStart)) {
    // Only a tag kramdown reads as one (`a<b [x](y) <br>` is text up to `<br>`); tried on the tag's own text, which bounds the work.
    if (tag.includes('[') && openingTagAt(tag, 0)?.end === tag.length) {
      literal.push({ start: tagStart, end: tagStart + tag.length });
    }
    if (inside(htmlAsText, tagStart) && !preTags.has(tagStart)) {
      continue;
    }
    for (const value of htmlIds(tag)) {
      if (/\{\{|\{%/.test(value)) {
        idsComplete = false;
      } else {
        ids.add(value);
      }
    }
  }
  // `{: ... #id ...}` on one line: the content ends at the first `}`; without an id there, no `{:` before it has one.
  const ialEnds = new ForwardSearch(text, /[}\n]/g);
  const firstIal = text.indexOf('{:', bodyStart);
  for (let open = firstIal; open >= 0; ) {
    const end = ialEnds.next(open + 2);
    if (end < 0) {
      break;
    }
    const id = text[end] === '}' && !inside(notMarkdown, open) ? IAL_ID.exec(text.slice(open + 2, end)) : null;
    if (id) {
      ids.add(id[1]!);
    }
    open = text.indexOf('{:', end + 1);
  }
  const footnotes = scanFootnotes(text, bodyStart, (offset) => !inside(notMarkdown, offset));
  footnotes.ids.forEach((id) => ids.add(id));
  if (firstIal >= 0 && /\{:\s*toc\s*\}/.test(body)) {
    // The table of contents, and in it a link with an id for each header.
    ids.add('markdown-toc');
    headings.forEach((h) => ids.add('markdown-toc-' + h.id));
  }

  const liquidInCode: LiquidInCode[] = [];
  if (options.liquid) {
    // Indented lines in a capture are the template's layout, printed where the capture is, often as no code at all
    // (bitcoinops.org); a fence or highlight there is code wherever it is printed.
    const shownCode = codeBlocks.filter((b) => b.kind !== 'indented' || !inside(captures, b.start));
    const indented = sortRanges(shownCode.filter((b) => b.kind === 'indented'));
    const code = sortRanges([
      ...shownCode.map((b) => ({ start: b.contentStart, end: b.contentEnd, fenced: b.kind === 'fence' || b.kind === 'highlight' })),
      ...codeSpans,
      // Math's braces make outputs of LaTeX: `\frac{{a}}{b}` prints a's value (the oracle: `\(\frac{b}\)`).
      ...maths.map((m) => ({ ...m, math: true })),
    ]);
    const outputOpens = new ForwardSearch(text, '{{');
    const tagOpens = new ForwardSearch(text, '{%');
    /** The next `{{` or `{%`. */
    const opens = { next: (from: number) => earliest(outputOpens.next(from), tagOpens.next(from)) };
    const closes = { output: new ForwardSearch(text, '}}'), tag: new ForwardSearch(text, '%}'), brace: new ForwardSearch(text, '}') };
    for (const range of code) {
      // `{{ ... }}` or `{% ... %}` up to its first closer, within the range.
      for (let start = opens.next(range.start); start >= 0 && start < range.end; ) {
        const firstBrace = text[start + 1] === '{' ? closes.brace.next(start + 2) : -1;
        if (firstBrace >= 0 && firstBrace < range.end && text[firstBrace + 1] !== '}') {
          // Liquid's tokenizer ends an output at its first `}` (`{{n}\choose{k}}` is `{{n}`), then wants `}}` there.
          if (!inside(raw, start) && !inside(comments, start)) {
            liquidInCode.push({ start, end: firstBrace + 1, indented: inside(indented, start), inMath: 'math' in range, unterminated: true });
          }
          start = opens.next(firstBrace + 1);
          continue;
        }
        const close = (text[start + 1] === '{' ? closes.output : closes.tag).next(start + 2);
        if (close < 0 || close + 2 > range.end) {
          start = opens.next(start + 1);
          continue;
        }
        const tag = text.slice(start, close + 2);
        // A comment in code, its tags included, is there to be taken out (a marker for the blog's own tools): as Jekyll does.
        if (!inside(raw, start) && !inside(comments, start) && !inside(footnotes.dropped, start) && !/^\{%-?\s*(?:end)?raw\b/.test(tag) && !showsSource(text, range, start, close + 2)) {
          liquidInCode.push({ start, end: close + 2, indented: inside(indented, start), inMath: 'math' in range, unterminated: false });
        }
        start = opens.next(close + 2);
      }
    }
  }

  // Included Markdown brings its own definitions and headings (swift.org's pages are made of `{% include_relative %}` parts).
  const includes = scanIncludes(text, bodyStart, (offset) => inside(notMarkdown, offset));
  const definitionsComplete = ![...definitions].some((d) => d.includes('{{') || d.includes('{%')) && !includes.markdown;
  if (includes.markdown) {
    idsComplete = false;
  }
  // `[a][b](c)`: with `b` defined, kramdown reads the reference and `(c)` is text; without, `[a]` is text and `[b](c)`
  // a link, so `[b]` is no reference (the oracle: `[a]<a href="c">b</a>`).
  const consumed = new Set(labelOpens.filter(({ label }) => !definitionsComplete || definitions.has(normalizeLabel(label))).map(({ open }) => open));
  const inlineTexts = new Set<number>();
  for (const { open, inline } of syntax.values()) {
    if (inline && !consumed.has(open)) {
      inlineTexts.add(open);
    }
  }
  const notReferences = new Set(labelOpens.filter(({ open }) => inlineTexts.has(open)).map(({ link }) => link));
  // Brackets in a link's URL or title, an HTML tag or an autolink belong to it: no link starts there.
  const literalRanges = sortRanges(literal);
  const isText = (link: LinkOccurrence) => {
    const written = syntax.get(link);
    return notReferences.has(link) || (written !== undefined && ((written.inline && consumed.has(written.open)) || inside(literalRanges, written.close)));
  };
  // kramdown drops a footnote that no reference uses, with the links in it: they are never on the page.
  const dropped = (link: LinkOccurrence) => footnotes.dropped.length > 0 && inside(footnotes.dropped, link.start);
  // Nor is what a script holds, though Liquid renders its tags there (a missing post still fails the build).
  const scripts = scriptContents(text, bodyStart, (offset) => inside(htmlAsText, offset), (from) => tagEnds.endFrom(from));
  const scripted = (link: LinkOccurrence) => scripts.length > 0 && link.form !== 'post_url' && link.form !== 'link' && inside(scripts, link.start);
  // A table cell's edge cuts the link in two: neither part is one (the oracle: `<td>[b](/p</td><td>x)</td>`).
  // The rows are found only when a link holds a `|`: most documents have none, and finding rows reads every line.
  const bars: number[] = [];
  for (let bar = text.indexOf('|', bodyStart); bar >= 0; bar = text.indexOf('|', bar + 1)) {
    bars.push(bar);
  }
  const holdsBar = bars.length > 0 && [...syntax.values()].some(({ open, end }) => crossesEdge(bars, open - 1, end));
  const edges = holdsBar ? tableCellEdges(text, bodyStart, (offset) => inside(shownAsIs, offset), codeSpans, input === 'GFM') : [];
  const cut = (link: LinkOccurrence) => {
    const written = edges.length > 0 ? syntax.get(link) : undefined;
    return written !== undefined && crossesEdge(edges, written.open, written.end);
  };
  const kept = links.filter((link) => !isText(link) && !dropped(link) && !scripted(link) && !cut(link) && !overwritten.has(link));
  sortByStart(kept);
  return { links: kept, definitions, definitionsComplete, ids, idsComplete, headings, includes: includes.names, liquidInCode };
}

const LIQUID_IN_LINE = /\{\{[^\n]{0,500}?\}\}|\{%[^\n]{0,500}?%\}/g;

/**
 * The link definition at `start` as kramdown reads it after Liquid ran: a tag or an output stands for a word, since
 * what it writes is unknown (`[a]: {{ "/p" | relative_url }}` is a definition, its quote and spaces gone).
 */
function definitionAt(text: string, start: number): LinkDefinition | undefined {
  const eol = text.indexOf('\n', start);
  const nextEol = eol < 0 ? -1 : text.indexOf('\n', eol + 1);
  const lines = text.slice(start, nextEol < 0 ? text.length : nextEol + 1);
  if (!lines.includes('{')) {
    return readLinkDefinition(text, start);
  }
  const read = readLinkDefinition(lines.replace(LIQUID_IN_LINE, (liquid) => 'x'.repeat(liquid.length)), 0);
  return read && { labelStart: start + read.labelStart, labelEnd: start + read.labelEnd, urlStart: start + read.urlStart, urlEnd: start + read.urlEnd, end: start + read.end };
}

const INCLUDE_TAG = /\{%-?\s*(include_relative|include_cached|include|liquid)\s+([^\s%]+)/y;
const MARKDOWN_NAME = /\.(?:md|markdown|mkdown|mkdn|mkd)$/i;
/** The names Jekyll's include tag takes as written; any other is made by Liquid (`{{ x }}`) or fails the build. */
const INCLUDE_NAME = /^[\w/.\-()+~#@]+$/;
/**
 * Stands in `includedNames` for an include that may be any file: its name made by Liquid, `include_relative`'s, or
 * one in a `{% liquid %}` tag's lines (Liquid 5, which Jekyll may run: the oracle includes there).
 */
export const ANY_INCLUDE = '*';
/** Most texts include nothing: one empty list for all of them. */
const NO_INCLUDES: readonly string[] = [];

/**
 * What a text includes: the names of its `{% include %}` tags (and jekyll-include-cache's `include_cached`), each
 * once, as `_includes/` holds them; `ANY_INCLUDE` for a name Liquid makes, or an `include_relative` (a file beside
 * the page, which may include others). Tags in code count too: Liquid renders them there as well.
 */
export function includedNames(text: string, from = 0): readonly string[] {
  return scanIncludes(text, from, () => false).names;
}

/**
 * `includedNames`, and whether the page includes Markdown that may define references: an `{% include_relative %}`
 * (a page's parts), an `{% include %}` of a Markdown file, or one whose name Liquid makes. An included `.html` file
 * is taken to define none.
 */
function scanIncludes(text: string, from: number, hidden: (offset: number) => boolean): { readonly names: readonly string[]; readonly markdown: boolean } {
  let names: Set<string> | undefined;
  let markdown = false;
  // Tag by tag: a search for one word (or a pattern) reads the whole text several times slower than for `{%`.
  for (let open = text.indexOf('{%', from); open >= 0; open = text.indexOf('{%', open + 2)) {
    INCLUDE_TAG.lastIndex = open;
    const tag = INCLUDE_TAG.exec(text);
    if (!tag) {
      continue;
    }
    const name = tag[2]!;
    const unknown = tag[1] === 'include_relative' || tag[1] === 'liquid';
    (names ??= new Set()).add(unknown || !INCLUDE_NAME.test(name) ? ANY_INCLUDE : name);
    if (!markdown && (unknown || MARKDOWN_NAME.test(name) || name.includes('{{')) && !hidden(open)) {
      markdown = true;
    }
  }
  return { names: names ? [...names] : NO_INCLUDES, markdown };
}

// An opening tag on its own line, then its attributes: two steps, since one pattern with `markdown=` between two
// `[^>\n]*` runs searched the rest of the line again from every `markdown=` of a tag with no `>`.
const HTML_BLOCK_OPEN = /^ {0,3}<([A-Za-z][\w-]*)\b([^>\n]*)>/gm;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(["']?)(?:1|block|span)\1/;

/** HTML blocks whose content kramdown parses as Markdown (`<div markdown="1">`), to their closing tag. */
function markdownHtmlBlocks(text: string, bodyStart: number): Range[] {
  const blocks: Range[] = [];
  const body = text.slice(bodyStart);
  for (const open of body.matchAll(HTML_BLOCK_OPEN)) {
    if (!MARKDOWN_ATTRIBUTE.test(open[2]!)) {
      continue;
    }
    const start = bodyStart + open.index!;
    if (blocks.length > 0 && start < blocks[blocks.length - 1]!.end) {
      continue;
    }
    // Same-name tags nest; the block ends at the tag that closes this one, or at the end of the document.
    const tags = new RegExp(`<(/?)${open[1]}\\b[^>]*>`, 'gi');
    tags.lastIndex = start + open[0].length;
    let depth = 1;
    let end = text.length;
    // A tag opened after the last `>` cannot close: stop there rather than search to the end from each one.
    const lastClose = text.lastIndexOf('>');
    for (let tag = tags.lastIndex <= lastClose ? tags.exec(text) : null; tag; tag = tags.lastIndex <= lastClose ? tags.exec(text) : null) {
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

type LiquidBlockKind = 'raw' | 'comment' | 'capture';

/** Each Liquid block's opening tag (tried where a `{%` is) and its closing tag; an unclosed block runs to the end. */
const LIQUID_BLOCKS: readonly { readonly kind: LiquidBlockKind; readonly open: RegExp; readonly close: RegExp }[] = [
  { kind: 'raw', open: /\{%-?\s*raw\s*-?%\}/y, close: liquidEndTag('raw', 'g') },
  { kind: 'comment', open: liquidOpenTag('comment', 'y'), close: liquidEndTag('comment', 'g') },
  { kind: 'capture', open: /\{%-?\s*capture\b/y, close: liquidEndTag('capture', 'g') },
];

/**
 * The `{% raw %}`, `{% comment %}` and `{% capture %}` blocks from `from` on, each kind apart (blocks of one kind do
 * not overlap; of different kinds they may). One walk over the `{%`s, rarer than the letters a search for the names
 * would stop at.
 */
function liquidBlocksIn(text: string, from: number): Record<LiquidBlockKind, Range[]> {
  const found: Record<LiquidBlockKind, Range[]> = { raw: [], comment: [], capture: [] };
  const after: Record<LiquidBlockKind, number> = { raw: from, comment: from, capture: from };
  for (let tag = text.indexOf('{%', from); tag >= 0; tag = text.indexOf('{%', tag + 2)) {
    for (const { kind, open, close } of LIQUID_BLOCKS) {
      open.lastIndex = tag;
      if (tag < after[kind] || !open.test(text)) {
        continue;
      }
      const end = kind === 'raw' ? closeOf(text, open.lastIndex, close) : nestedCloseOf(text, open.lastIndex, open, close);
      found[kind].push({ start: tag, end });
      after[kind] = end;
    }
  }
  return found;
}

/** The end of the first `close` from `from`, or the text's end. */
function closeOf(text: string, from: number, close: RegExp): number {
  close.lastIndex = from;
  return close.test(text) ? close.lastIndex : text.length;
}

/**
 * The end of the `close` that matches an `open` before `from`, blocks of the kind nested in it counted (a one-line
 * `{% capture x %}...{% endcapture %}` in a larger capture, as Liquid nests them); or the text's end.
 */
function nestedCloseOf(text: string, from: number, open: RegExp, close: RegExp): number {
  // Tried at each `{%` only (sticky): a search from each tag would run ahead to the next close every time.
  const closeAt = new RegExp(close.source, 'y');
  let depth = 1;
  for (let tag = text.indexOf('{%', from); tag >= 0; tag = text.indexOf('{%', tag + 2)) {
    closeAt.lastIndex = tag;
    if (closeAt.test(text)) {
      if (--depth === 0) {
        return closeAt.lastIndex;
      }
      continue;
    }
    open.lastIndex = tag;
    if (open.test(text)) {
      depth++;
    }
  }
  return text.length;
}

/** kramdown's reference label matching: case-insensitive, runs of white space as one space. */
export function normalizeLabel(label: string): string {
  return rubyDowncase(label.trim().replace(/\s+/g, ' '));
}

/**
 * Each `]` that closes a link text (ascending) and the `[` that opens it. Two arrays read with a cursor, not a map:
 * a Map of 500,000 positions (a line of a megabyte of `[a][`) made the scan slower per byte as the text grew.
 */
interface BracketOpeners {
  readonly closes: number[];
  readonly opens: number[];
}

/**
 * The `[` that opens the link text ending at each `]`, within its paragraph (a blank line ends it): the innermost
 * unmatched `[` before it, brackets escaped with `\\` left out. One pass with a stack; line breaks are looked at only
 * while a `[` is open, since a blank line matters only then.
 */
function bracketOpeners(text: string, from: number): BracketOpeners {
  const openers: BracketOpeners = { closes: [], opens: [] };
  const stack: number[] = [];
  const blankLine = /[ \t]*\r?\n/y;
  // Single characters, each searched for on its own: faster than one pattern for the three.
  let open = text.indexOf('[', from);
  let close = text.indexOf(']', from);
  // Searched for again from each `[` that opens on an empty stack: a line of `[a](` would read the rest of the line from each.
  const lineBreaks = new ForwardSearch(text, '\n');
  /** The next line break while the stack is not empty, else -1; `lineBreak` the one before it (below `from` on the line of the stack's first `[`). */
  let newline = -1;
  let lineBreak = from - 1;
  for (;;) {
    const i = Math.min(open < 0 ? Infinity : open, close < 0 ? Infinity : close, newline < 0 ? Infinity : newline);
    if (i === Infinity) {
      break;
    }
    const escaped = text[i - 1] === '\\';
    if (i === newline) {
      blankLine.lastIndex = lineBreak + 1;
      if (lineBreak >= from && i - lineBreak <= 200 && blankLine.test(text) && blankLine.lastIndex === i + 1) {
        stack.length = 0;
      }
      lineBreak = i;
      newline = stack.length > 0 ? lineBreaks.next(i + 1) : -1;
    } else if (i === open) {
      open = text.indexOf('[', i + 1);
      if (!escaped) {
        if (stack.length === 0) {
          newline = lineBreaks.next(i + 1);
          lineBreak = from - 1;
        }
        stack.push(i);
      }
    } else {
      close = text.indexOf(']', i + 1);
      if (stack.length > 0) {
        openers.closes.push(i);
        openers.opens.push(stack[stack.length - 1]!);
      }
      if (!escaped) {
        stack.pop();
        if (stack.length === 0) {
          newline = -1;
        }
      }
    }
  }
  return openers;
}

/**
 * An `{% include %}` or `{% include_relative %}` alone on its line as all of a fenced or highlight block shows a
 * file's source (azure-sdk's ```` ```python ```` around `{% include_relative _includes/example_client.py %}`): the
 * oracle puts the file's text in the block, as the author meant. A tutorial showing the syntax writes it in `{% raw %}`.
 */
function showsSource(text: string, block: Range & { readonly fenced?: boolean }, start: number, end: number): boolean {
  return block.fenced === true && text[block.start - 1] === '\n' && /^[ \t]*$/.test(text.slice(block.start, start)) && /^[ \t]*\r?\n?$/.test(text.slice(end, block.end)) && /^\{%-?\s*include(?:_relative)?\s/.test(text.slice(start, end));
}

/** No link destination is longer; past it a `](` without its `)` is text. */
const MAX_DESTINATION = 2_000;
/** A title and the `)` after it, on one line; bounded, so that a line of unclosed titles is not read from each. */
const LINK_TITLE = /\s*(["'])[^\n]{0,500}?\1[ \t]*\)/y;

/**
 * Link destinations after `](`, as kramdown reads them: `<...>`, or everything up to the `)` that balances the
 * opening one, spaces included (`[a](/my file.png)`), except a title after white space (`"t"`, `'t'`); none when no
 * `)` closes it within the paragraph (kramdown then prints the text). Inside a nested `(` group the scan does not
 * depend on how it was reached, so where each group closes (or that it never does) is remembered: a run of nested
 * openers (`[a]([a]([a](`) is read once, not once per opener.
 */
class Destinations {
  /** By the offset after a `(`: where its `)` is, or -1 when none closes it in the paragraph. */
  readonly #groupEnds = new Map<number, number>();
  readonly #outputEnds: ForwardSearch;
  readonly #tagEnds: ForwardSearch;
  readonly #angleEnds: ForwardSearch;
  readonly #lineEnds: ForwardSearch;

  constructor(private readonly text: string) {
    this.#outputEnds = new ForwardSearch(text, '}}');
    this.#tagEnds = new ForwardSearch(text, '%}');
    this.#angleEnds = new ForwardSearch(text, '>');
    this.#lineEnds = new ForwardSearch(text, '\n');
  }

  /** The destination after the `(` that ends at `from`, and where the link ends (after its `)`, if found). */
  after(from: number): { start: number; end: number; target: string; linkEnd: number } | undefined {
    const text = this.text;
    // White space, one line break included, may come before the destination.
    const start = afterSpace(text, from, Math.min(from + 200, text.length));
    if (text[start] === '<') {
      const close = this.#angleEnds.next(start);
      const newline = this.#lineEnds.next(start);
      if (close < 0 || (newline >= 0 && newline < close)) {
        return undefined;
      }
      return { start: start + 1, end: close, target: text.slice(start + 1, close), linkEnd: this.#linkEnd(close + 1) };
    }
    const stop = this.#scan(start, true);
    if (stop < 0 || stop >= start + MAX_DESTINATION) {
      return undefined;
    }
    let end = stop;
    while (end > start && /\s/.test(text[end - 1]!)) {
      end--;
    }
    return { start, end, target: text.slice(start, end), linkEnd: this.#linkEnd(stop) };
  }

  /** After the `)` that closes a link whose destination ends at `from`, past a title; `from` when none is found. */
  #linkEnd(from: number): number {
    if (this.text[from] === ')') {
      return from + 1;
    }
    LINK_TITLE.lastIndex = from;
    return LINK_TITLE.test(this.text) ? LINK_TITLE.lastIndex : from;
  }

  /**
   * Where the destination (`top`) or the nested group starting at `start` ends: its `)`, or for the destination a
   * space before a title; -1 at a blank line, the text's end or unclosed Liquid, which is one unit
   * (`{{ "/a b" | relative_url }}` has spaces but is no title).
   */
  #scan(start: number, top: boolean): number {
    const text = this.text;
    const known = top ? undefined : this.#groupEnds.get(start);
    if (known !== undefined) {
      return known;
    }
    const outer: number[] = [];
    let group = start;
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 123 /* { */ && (text.charCodeAt(i + 1) === 123 || text.charCodeAt(i + 1) === 37)) {
        const close = (text.charCodeAt(i + 1) === 123 ? this.#outputEnds : this.#tagEnds).next(i + 2);
        if (close < 0) {
          break;
        }
        i = close + 2;
      } else if (c === 32 || c === 9 || c === 10 || c === 13) {
        if (c === 10 && /^\n[ \t]*\r?\n/.test(text.slice(i, i + 200))) {
          break; // a blank line ends the paragraph
        }
        if (top && outer.length === 0 && group === start && (text[i + 1] === '"' || text[i + 1] === "'")) {
          return i;
        }
        i++;
      } else if (c === 92 /* \\ */) {
        i += 2;
      } else if (c === 40 /* ( */) {
        const inner = this.#groupEnds.get(i + 1);
        if (inner === undefined) {
          outer.push(group);
          group = i + 1;
          i++;
        } else if (inner >= 0) {
          i = inner + 1;
        } else {
          break;
        }
      } else if (c === 41 /* ) */) {
        if (outer.length === 0) {
          if (!top || group !== start) {
            this.#groupEnds.set(group, i);
          }
          return i;
        }
        this.#groupEnds.set(group, i);
        group = outer.pop()!;
        i++;
      } else {
        i++;
      }
    }
    // No `)` closes this group nor any group still open around it.
    for (const open of [group, ...outer]) {
      if (!top || open !== start) {
        this.#groupEnds.set(open, -1);
      }
    }
    return -1;
  }
}

/** After the spaces and tabs from `from`, and one line break with the spaces and tabs after it, within `limit`. */
function afterSpace(text: string, from: number, limit: number): number {
  const end = afterBlanks(text, from, limit);
  const lineBreak = text.charCodeAt(end) === 13 /* \r */ ? end + 1 : end;
  return lineBreak < limit && text.charCodeAt(lineBreak) === 10 ? afterBlanks(text, lineBreak + 1, limit) : end;
}

/**
 * Where an HTML tag whose attributes start at an offset ends: its `>` outside quoted values, or -1 (an unclosed
 * quote, the text's end). The walk from an offset outside quotes does not depend on how it was reached, so each
 * offset is walked once: a later walk that reaches it takes that walk's answer.
 */
class HtmlTagEnds {
  /** The walk (numbered from 1) that passed each offset outside quotes; 0 for none yet. */
  #walkAt: Int32Array | undefined;
  readonly #ends: number[] = [];

  constructor(private readonly text: string) {}

  endFrom(from: number): number {
    const text = this.text;
    const walkAt = (this.#walkAt ??= new Int32Array(text.length + 1));
    const walk = this.#ends.push(-1);
    let end = -1;
    for (let i = from; i < text.length; ) {
      if (walkAt[i] !== 0) {
        end = this.#ends[walkAt[i]! - 1]!;
        break;
      }
      walkAt[i] = walk;
      const c = text.charCodeAt(i);
      if (c === 62 /* > */) {
        end = i;
        break;
      }
      if (c === 34 /* " */ || c === 39 /* ' */) {
        const close = text.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close < 0) {
          break;
        }
        i = close + 1;
      } else {
        i++;
      }
    }
    this.#ends[walk - 1] = end;
    return end;
  }
}

/** Every `<name ...>` from `from` on, as text: each up to the first `>`. */
function* htmlTags(text: string, from: number): Generator<{ start: number; tag: string }> {
  const closes = new ForwardSearch(text, '>');
  for (let open = text.indexOf('<', from); open >= 0; ) {
    if (!isAsciiLetter(text.charCodeAt(open + 1))) {
      open = text.indexOf('<', open + 1);
      continue;
    }
    const close = closes.next(open + 2);
    if (close < 0) {
      return;
    }
    yield { start: open, tag: text.slice(open, close + 1) };
    open = text.indexOf('<', close + 1);
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Code spans and HTML comments, in one pass from left to right as kramdown reads them: whichever opens first
 * wins, so `<!--` in a code span is text and a backtick in a comment opens nothing. Code blocks hold neither;
 * raw HTML blocks hold comments but no code spans. A code span is a run of backticks up to the next run of the same
 * length, within a paragraph; the runs are listed once, by length, so finding a closer never reads the paragraph again.
 */
function findCodeSpans(text: string, from: number, code: readonly Range[], rawHtml: readonly Range[]): { codeSpans: Range[]; htmlComments: Range[] } {
  const spans: Range[] = [];
  const comments: Range[] = [];
  const sortedCode = sortRanges([...code]);
  const sortedRawHtml = sortRanges([...rawHtml]);
  const runsByLength = new Map<number, { starts: number[]; next: number }>();
  for (let tick = text.indexOf('`', from); tick >= 0; ) {
    let end = tick;
    while (text.charCodeAt(end) === 96) {
      end++;
    }
    let runs = runsByLength.get(end - tick);
    if (!runs) {
      runsByLength.set(end - tick, (runs = { starts: [], next: 0 }));
    }
    runs.starts.push(tick);
    tick = text.indexOf('`', end);
  }
  const paragraphEnds = new ForwardSearch(text, /\n[ \t]*\r?\n/g);
  const ticks = new ForwardSearch(text, '`');
  const commentStarts = new ForwardSearch(text, '<!--');
  const commentEnds = new ForwardSearch(text, '-->');
  let i = from;
  while (i < text.length) {
    const tick = ticks.next(i);
    const comment = commentStarts.next(i);
    const at = comment >= 0 && (tick < 0 || comment < tick) ? comment : tick;
    if (at < 0) {
      break;
    }
    const inCode = containing(sortedCode, at);
    if (inCode) {
      i = inCode.end;
      continue;
    }
    if (at === comment) {
      const close = commentEnds.next(comment + 4);
      const end = close < 0 ? text.length : close + 3;
      comments.push({ start: comment, end });
      i = end;
      continue;
    }
    // A backtick in raw HTML opens nothing; a comment there is still a comment.
    if (text[tick - 1] === '\\' || containing(sortedRawHtml, tick)) {
      i = tick + 1;
      continue;
    }
    let runEnd = tick;
    while (text[runEnd] === '`') {
      runEnd++;
    }
    const run = runEnd - tick;
    const paragraphEnd = paragraphEnds.next(runEnd);
    // The closer: the first run of the same length after this one (openers come in order, so `next` only moves on).
    const runs = runsByLength.get(run);
    while (runs && runs.next < runs.starts.length && runs.starts[runs.next]! < runEnd) {
      runs.next++;
    }
    const closed = runs?.starts[runs.next] ?? -1;
    if (closed < 0 || (paragraphEnd >= 0 && closed >= paragraphEnd)) {
      i = runEnd;
      continue;
    }
    spans.push({ start: runEnd, end: closed });
    i = closed + run;
  }
  return { codeSpans: spans, htmlComments: comments };
}

/** Sorted, disjoint ranges covering the same offsets. */
/** Each Liquid output or tag (`{{` to the first `}}`, `{%` to the first `%}`) Liquid renders, in order. */
function liquidRanges(text: string, bodyStart: number, off: (offset: number) => boolean): Range[] {
  const ranges: Range[] = [];
  const outputs = new ForwardSearch(text, '{{');
  const tags = new ForwardSearch(text, '{%');
  for (let start = earliest(outputs.next(bodyStart), tags.next(bodyStart)); start >= 0; ) {
    const close = text.indexOf(text[start + 1] === '{' ? '}}' : '%}', start + 2);
    if (close < 0) {
      break;
    }
    if (!off(start)) {
      ranges.push({ start, end: close + 2 });
    }
    start = earliest(outputs.next(close + 2), tags.next(close + 2));
  }
  return ranges;
}

export function sortRanges(ranges: Range[]): Range[] {
  sortByStart(ranges);
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

/**
 * Sorts by `start`, stably, in place. A document's lists are short and often sorted already: an insertion sort
 * takes them without the copy the built-in sort makes; a long list (which could make it quadratic) takes the built-in one.
 */
function sortByStart<T extends { readonly start: number }>(items: T[]): void {
  if (items.length > 32) {
    items.sort((a, b) => a.start - b.start);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    while (j > 0 && items[j - 1]!.start > item.start) {
      items[j] = items[j - 1]!;
      j--;
    }
    items[j] = item;
  }
}

/** The earlier of two offsets from searches, -1 meaning none. */
function earliest(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

