/**
 * A line scanner for the block structure that matters to links and header ids: code blocks, Liquid
 * comment blocks and headings. It follows kramdown's rules where they decide an id or a link and stays
 * conservative elsewhere (a line that may be code is treated as code, so nothing in it is reported).
 */

import { afterBlanks } from '../blanks';
import { containing, countAtMost } from '../sortedSearch';
import { htmlBlockContentModel, htmlBlockStart, RawHtmlEnds, spanContentEnd, type HtmlTagAt } from './kramdownHtml';
import { liquidEndTag } from './liquidBlockTags';

/** Text kramdown renders verbatim, or Liquid never outputs. Offsets into the scanned text. */
export interface CodeBlock {
  readonly start: number;
  readonly end: number;
  /** `fence` (```/~~~), `indented`, `highlight` ({% highlight %}), `comment` ({% comment %}), `pre` (<pre>). */
  readonly kind: 'fence' | 'indented' | 'highlight' | 'comment' | 'pre';
  /** Offset where the block's content starts (after the opening fence line); equals `start` for indented code. */
  readonly contentStart: number;
  /** Offset where the content ends (before the closing fence line). */
  readonly contentEnd: number;
}

export interface Heading {
  /** The heading's line (or both lines for setext), offsets into the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly level: number;
  /** The header text as kramdown keeps it (`raw_text`): trailing `#`s and `{#id}` removed. */
  readonly text: string;
  readonly textStart: number;
  /** `{#id}` after the text, or `{: #id}` on the next line. */
  readonly customId: string | undefined;
}

/**
 * An HTML block whose content is not Markdown blocks: `raw` (no `markdown` attribute: Markdown inside is text, HTML
 * stays HTML) or `span` (`<p markdown="1">`: links and emphasis, no headers nor code blocks). From its opening tag's
 * line to its closing tag.
 */
export interface HtmlBlock {
  readonly start: number;
  readonly end: number;
  readonly content: 'raw' | 'span';
  /**
   * A raw block that runs on past its element's own closing tag (at `after`), since an element inside (its tag from
   * `start` to `end`) was never closed: kramdown reads what follows as HTML and text (the oracle: `&lt;/div&gt;`).
   */
  readonly leftOpen?: { readonly start: number; readonly end: number; readonly after: number };
}

export interface MarkdownBlocks {
  readonly code: readonly CodeBlock[];
  readonly headings: readonly Heading[];
  readonly html: readonly HtmlBlock[];
}

export type MarkdownInput = 'GFM' | 'kramdown';

/** kramdown-parser-gfm's fence: the opening line holds at most one word after the fence (```` ```x``` y ```` is text). */
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*(?:\S+)?[ \t]*$/;
/** kramdown's own input fences code with tildes only, at the line's (or list item's) first column, closed there too. */
const KRAMDOWN_FENCE_OPEN = /^(~{3,})[ \t]*(?:\S+)?[ \t]*$/;
const ATX_GFM = /^(#{1,6})[\t ]+(.*)$/;
const ATX_KRAMDOWN = /^(#{1,6})[\t ]*([^ \t].*)$/;
const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;
const SETEXT_UNDERLINE = /^([-=])[-=]*[ \t]*$/;
/** kramdown's HEADER_ID: an XML name in `{#...}` at the end, after a space. */
const HEADER_ID = /[\t ]\{#([A-Za-z_:\u00C0-\uFFFF][\w:.\-\u00B7\u00C0-\uFFFF]*)\}$/;
/** A block IAL alone on its line (`{: #id}`, `{:#id .class}`), and the id in it. */
const BLOCK_IAL = /^ {0,3}\{:([^}]*)\}\s*$/;
const IAL_ID = /#([A-Za-z_:\u00C0-\uFFFF][\w:.\-\u00B7\u00C0-\uFFFF]*)/;
/** A list item's marker and the spaces after it (its text starts a column further in). */
const LIST_MARKER = /^ {0,3}(?:[*+-]|\d+\.)[ \t]+(?=\S)/;
/** A footnote definition's start: its content goes on, after a blank line, 4 columns in. */
const FOOTNOTE_MARKER = /^ {0,3}\[\^[^\]\s]+\]:[ \t]*/;
const HORIZONTAL_RULE = /^ {0,3}([-*_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$/;
const LIQUID_BLOCK_OPEN = /^\s*\{%-?\s*(highlight|comment)\b[^%]*-?%\}/;
const PRE_OPEN = /^ {0,3}<pre[\s>]/i;
/** Liquid tags that print nothing and hold no text of their own. */
const SILENT_TAG_NAMES = 'if|elsif|else|endif|unless|endunless|for|endfor|break|continue|capture|endcapture|assign|case|when|endcase';
/**
 * A line of Liquid tags that print nothing (`{% if x %}`, `{% endfor %}`, `{% assign %}`, `{% raw %}`): Liquid runs before kramdown and
 * leaves it empty, so it ends a paragraph. Indented as code it is code; not with `{%-`/`-%}`, which take the line break away too.
 */
const SILENT_LIQUID_LINE = new RegExp(`^ {0,3}(?:\\{%(?!-)[ \\t]*(?:${SILENT_TAG_NAMES}|raw|endraw)\\b[^%]*(?<!-)%\\}[ \\t]*)+$`);
/** One tag that prints nothing, whitespace control allowed, at a place (sticky); a comment's content is skipped after it. */
const SILENT_TAG = new RegExp(`\\{%-?[ \\t]*(${SILENT_TAG_NAMES}|comment|endcomment)\\b[^%]*%\\}[ \\t]*`, 'y');
const CAPTURE_END = liquidEndTag('capture', 'g');
const COMMENT_END = liquidEndTag('comment', 'g');

/**
 * Whether a line, indented any amount, is only Liquid that prints nothing: such tags, a capture or a comment closed
 * on the line. A run of indented lines made only of these is blank lines once Liquid ran (or gone, with `-`), no code.
 */
function printsNothing(line: string): boolean {
  let at = line.length - line.trimStart().length;
  if (at === line.length) {
    return false;
  }
  while (at < line.length) {
    SILENT_TAG.lastIndex = at;
    const tag = SILENT_TAG.exec(line);
    if (!tag) {
      return false;
    }
    at = SILENT_TAG.lastIndex;
    if (tag[1] === 'capture' || tag[1] === 'comment') {
      // What the block holds is kept or dropped, never printed: the line goes on after its end tag.
      const end = tag[1] === 'capture' ? CAPTURE_END : COMMENT_END;
      end.lastIndex = at;
      if (!end.exec(line)) {
        // The block goes on past the line: the rest of it is inside.
        return true;
      }
      at = end.lastIndex;
      while (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9) {
        at++;
      }
    }
  }
  return true;
}

/** A line that is only an HTML closing tag (`</div>`), with the element's name. */
const CLOSING_TAG_LINE = /^ {0,3}<\/([A-Za-z][\w.:-]*)\s*>/;

/** The start of the closing tag of the capture holding `offset`, or the text's length when none holds it. */
function captureEndAround(text: string, captures: readonly { readonly start: number; readonly end: number }[], offset: number): number {
  const capture = containing(captures, offset);
  return capture === undefined || capture.end === text.length ? text.length : text.lastIndexOf('{%', capture.end - 1);
}

/**
 * Scans `text` from `from` (the body start, after front matter). `captures`: the `{% capture %}` blocks, in order, from
 * their opening tag to the end of their closing one. Liquid takes a capture's text out of the page before kramdown
 * reads it, so an HTML block opened there ends with the capture at the latest: what follows is read on its own (the
 * oracle: a `<ul>` left open in a capture printed in an include does not make the page's code blocks after it HTML).
 * `parseBlockHtml` (kramdown's `parse_block_html`): an HTML block's content is read as `markdown="1"` makes it.
 */
export function scanMarkdownBlocks(text: string, from = 0, input: MarkdownInput = 'GFM', captures: readonly { readonly start: number; readonly end: number }[] = [], parseBlockHtml = false): MarkdownBlocks {
  const code: CodeBlock[] = [];
  const headings: Heading[] = [];
  const html: HtmlBlock[] = [];
  const rawHtmlEnds = new RawHtmlEnds(text);
  /** HTML elements open around the current line whose content is Markdown blocks (`<div markdown="1">`), innermost last. */
  /** Elements whose content is Markdown blocks, innermost last; `resume` is the raw HTML block one stands in. */
  const markdownElements: { readonly name: string; readonly resume: HtmlTagAt | undefined }[] = [];
  /** The raw HTML block whose reading stopped at an element with `markdown=` on this line. */
  let nestedIn: { readonly tag: HtmlTagAt; readonly line: number } | undefined;
  const lines = splitLines(text, from);
  /** The index of the line holding `offset`, from line `i` on. */
  const lineOf = (offset: number, i: number) => {
    while (i + 1 < lines.length && lines[i + 1]!.start <= offset) {
      i++;
    }
    return i;
  };
  let previousBlank = true;
  let previousWasBlockEnd = true;
  /**
   * The content columns of the list items and footnote definitions around the current line, innermost last: kramdown
   * reads an item's lines without that much indentation, so `   # x` in `1. ` is a header and six spaces in `* ` are code.
   */
  const containers: number[] = [];
  let closers: FenceClosers | undefined;
  /** Line `j` without the indentation of containers `base` columns in. */
  const inner = (j: number, base: number) => {
    const other = lines[j]!;
    return text.slice(other.start + stripColumns(text, other.start, other.end, base), other.end);
  };
  /** The last container end found: every line from `from` on, up to `end`, is in the same container. */
  let containerEnd: { readonly base: number; readonly from: number; readonly end: number } | undefined;
  /** The line that ends the container `base` columns in around line `i`: a line indented less, after a blank one. */
  const endOfContainer = (i: number, base: number): number => {
    if (containerEnd?.base === base && containerEnd.from <= i && i < containerEnd.end) {
      return containerEnd.end;
    }
    let blank = false;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const other = lines[j]!;
      if (charAfterIndent(text, other.start, other.end) < 0) {
        blank = true;
      } else if (blank && columns(text, other.start, other.end) < base) {
        break;
      } else {
        blank = false;
      }
    }
    containerEnd = { base, from: i, end: j };
    return j;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Most lines start with a letter: the patterns for what starts otherwise are tried only on the lines that may match.
    const lead = charAfterIndent(text, line.start, line.end);
    if (lead < 0 || (!isPrintableAscii(lead) && text.slice(line.start, line.end).trim() === '') || (lead === 123 /* { */ && SILENT_LIQUID_LINE.test(text.slice(line.start, line.end)))) {
      previousBlank = true;
      previousWasBlockEnd = true;
      continue;
    }
    // The containers the line is indented into; a line right after text stays in all of them (a lazy line).
    const indent = columns(text, line.start, line.end);
    // How many of the containers (increasing columns) the line is in.
    const depth = countAtMost(containers, indent);
    const lazy = depth < containers.length && !previousBlank;
    let base = depth > 0 ? containers[depth - 1]! : 0;
    let shift = stripColumns(text, line.start, line.end, base);
    const marker = mayStartContainer(lead) ? (LIST_MARKER.exec(text.slice(line.start + shift, line.end)) ?? FOOTNOTE_MARKER.exec(text.slice(line.start + shift, line.end))) : null;
    // kramdown's own input starts no list inside a paragraph; an item of the list around does not need one.
    if (marker && !HORIZONTAL_RULE.test(text.slice(line.start + shift, line.end)) && (previousWasBlockEnd || input === 'GFM' || depth > 0 || lazy)) {
      containers.length = depth;
      // A footnote's content goes on 4 columns in; an item's at its text's column.
      base += marker[0].trimStart().startsWith('[') ? 4 : marker[0].replace(/\t/g, '    ').length;
      containers.push(base);
      shift += marker[0].length;
      previousBlank = true;
      previousWasBlockEnd = true;
    } else if (lazy) {
      // A lazy line goes on with the paragraph of the innermost container.
      base = containers[containers.length - 1]!;
      shift = stripColumns(text, line.start, line.end, base);
    } else {
      containers.length = depth;
    }
    const contentFrom = line.start + shift;
    const contentLead = charAfterIndent(text, contentFrom, line.end);
    if (contentLead < 0 || (!isPrintableAscii(contentLead) && text.slice(contentFrom, line.end).trim() === '')) {
      continue;
    }
    const indentedCode = previousBlank && (text.charCodeAt(contentFrom) === 9 || text.startsWith('    ', contentFrom));
    if (indentedCode || mayStartBlock(contentLead)) {
      const content = text.slice(contentFrom, line.end);
      const opener = (input === 'kramdown' ? KRAMDOWN_FENCE_OPEN : FENCE_OPEN).exec(content);
      // kramdown fences code only up to a closing line: without one, the opening line is text.
      const attached = opener !== null && /^(?:\S|$)/.test(content.trim().slice(opener[1]!.length));
      let fence = opener ? (closers ??= fenceClosers(text, lines)).closingRun(i, opener[1]!, attached) : undefined;
      // kramdown cuts a list item's lines out before reading them: a fence in an item closes there or not at all.
      if (fence && containers.length > 0 && closers!.nextClosingLine(i, fence) >= endOfContainer(i, base)) {
        fence = undefined;
      }
      // A comment indented as code is in the code (Liquid takes it away, as its author meant); a highlight
      // block is code however indented, Liquid makes it before kramdown reads the line.
      const block = fence ? null : LIQUID_BLOCK_OPEN.exec(content);
      const liquid = indentedCode && block?.[1] === 'comment' ? null : block;
      const closer = fence
        ? fenceCloser(input, fence)
        : liquid
          ? liquidEndTag(liquid[1]!, 'g')
          : PRE_OPEN.test(content)
            ? /<\/pre>/i
            : undefined;
      if (closer) {
        const kind = fence ? 'fence' : liquid ? (liquid[1] as 'highlight' | 'comment') : 'pre';
        let sameLine: boolean;
        let j: number;
        /** A block on one line (`{% highlight text %} x {% endhighlight %}`): its code lies between its tags. */
        let between: { start: number; end: number } | undefined;
        if (liquid) {
          // Liquid runs before kramdown: its end tag is found in the text, whatever the lines (`{%\nendcomment %}`).
          const openEnd = contentFrom + liquid[0].length;
          closer.lastIndex = openEnd;
          const found = closer.exec(text);
          j = found ? lineOf(found.index + found[0].length - 1, i) : lines.length;
          sameLine = j === i;
          between = sameLine && found ? { start: openEnd, end: found.index } : undefined;
        } else {
          // A closer on the opening line itself (`<pre>x</pre>`).
          sameLine = !fence && closer.test(content.slice(4));
          j = i + (sameLine ? 0 : 1);
          while (!sameLine && j < lines.length && !closer.test(inner(j, base))) {
            j++;
          }
        }
        const last = lines[Math.min(j, lines.length - 1)]!;
        const contentStart = between?.start ?? (sameLine ? line.start : line.next);
        const contentEnd = between?.end ?? (j < lines.length ? (sameLine ? line.end : last.start) : last.end);
        code.push({ start: line.start, end: last.end, kind, contentStart, contentEnd: Math.max(contentStart, contentEnd) });
        i = j;
        previousBlank = false;
        previousWasBlockEnd = true;
        continue;
      }
      if (indentedCode) {
        let j = i;
        let lastCode = i;
        while (j < lines.length) {
          const c = inner(j, base);
          if (/^(?: {4}|\t)/.test(c) || (j === lastCode + 1 && goesOnCode(text, lines[j]!, base) && !printsNothing(inner(lastCode, base)))) {
            lastCode = j;
          } else if (c.trim() !== '') {
            break;
          }
          j++;
        }
        let printed = false;
        for (let k = i; k <= lastCode && !printed; k++) {
          const c = inner(k, base);
          printed = c.trim() !== '' && !printsNothing(c);
        }
        if (!printed) {
          // `    {% continue %}` under `  {% if x %}` in a loop (elixir-lang.org): blank lines once Liquid has run.
          i = lastCode;
          previousBlank = true;
          previousWasBlockEnd = true;
          continue;
        }
        code.push({ start: line.start, end: lines[lastCode]!.end, kind: 'indented', contentStart: line.start, contentEnd: lines[lastCode]!.end });
        i = lastCode;
        previousBlank = false;
        previousWasBlockEnd = true;
        continue;
      }
      const tag = htmlBlockStart(text, contentFrom);
      if (tag) {
        const model = htmlBlockContentModel(tag.name, tag.markdown ?? (parseBlockHtml ? '1' : undefined));
        previousBlank = false;
        previousWasBlockEnd = true;
        if (tag.empty) {
          continue;
        }
        if (model === 'block') {
          // Its content is Markdown blocks, which start after the tag's line (the rest of it is a paragraph of its own).
          markdownElements.push({ name: tag.name.toLowerCase(), resume: nestedIn?.line === i ? nestedIn.tag : undefined });
          previousBlank = true;
          i = lineOf(tag.end - 1, i);
          continue;
        }
        let end: number;
        let leftOpen: HtmlBlock['leftOpen'];
        const captureEnd = captureEndAround(text, captures, line.start);
        if (model === 'span') {
          end = Math.min(spanContentEnd(text, tag.end, text.length, tag.name).end, captureEnd);
        } else {
          const raw = rawHtmlEnds.endOf(tag);
          end = Math.min(raw.end, captureEnd);
          leftOpen = raw.leftOpen && raw.leftOpen.after < end ? { start: raw.leftOpen.tag.start, end: raw.leftOpen.tag.end, after: raw.leftOpen.after } : undefined;
          if (raw.nestedMarkdown && raw.end <= captureEnd) {
            // An element inside with `markdown=`: kramdown parses in it; read on from its line, as Markdown.
            html.push({ start: line.start, end, content: 'raw' });
            nestedIn = { tag, line: lineOf(end, i) };
            // Not before this line: an element inside on the block's own line would start the same block again, forever.
            i = Math.max(i, lineOf(end, i) - 1);
            continue;
          }
        }
        html.push(leftOpen ? { start: line.start, end, content: model, leftOpen } : { start: line.start, end, content: model });
        i = lineOf(end - 1, i);
        continue;
      }
      const closing = markdownElements.length > 0 ? CLOSING_TAG_LINE.exec(content) : null;
      const innermost = markdownElements[markdownElements.length - 1];
      if (closing && closing[1]!.toLowerCase() === innermost?.name) {
        markdownElements.pop();
        if (innermost.resume) {
          // A `<td markdown="1">` in a raw `<table>`: after its closing tag, kramdown reads the table's HTML on, raw.
          const raw = rawHtmlEnds.endOf({ ...innermost.resume, end: line.end });
          html.push({ start: line.end, end: raw.end, content: 'raw' });
          if (raw.nestedMarkdown) {
            nestedIn = { tag: innermost.resume, line: lineOf(raw.end, i) };
            i = Math.max(i, lineOf(raw.end, i) - 1);
          } else {
            i = Math.max(i, lineOf(raw.end - 1, i));
          }
          previousBlank = true;
          previousWasBlockEnd = true;
          continue;
        }
        previousBlank = true;
        previousWasBlockEnd = true;
        continue;
      }
      // A header in a block quote (`> ## x`, `>> ## x`) has its id too.
      const quote = content.charCodeAt(content.search(/\S/)) === 62 ? (QUOTE_MARKERS.exec(content)?.[0] ?? '') : '';
      const unquoted = content.slice(quote.length);
      const atx = (input === 'GFM' ? ATX_GFM : ATX_KRAMDOWN).exec(unquoted);
      // GFM's paragraph-end quirk lets an ATX header interrupt a paragraph; kramdown wants a block boundary.
      if (atx && (input === 'GFM' || previousWasBlockEnd)) {
        const textStart = line.start + shift + quote.length + unquoted.indexOf(atx[2]!, atx[1]!.length);
        headings.push(heading(line.start, line.end, atx[1]!.length, atx[2]!, textStart, input, lines[i + 1] && inner(i + 1, base)));
        previousBlank = false;
        previousWasBlockEnd = input === 'GFM';
        continue;
      }
    }
    const next = lines[i + 1];
    // The underline may be a lazy line: `- foo` then `---` at the margin is a header in the item.
    const underline = next && previousWasBlockEnd && mayUnderline(text.charCodeAt(next.start + stripColumns(text, next.start, next.end, base))) ? SETEXT_UNDERLINE.exec(inner(i + 1, base)) : null;
    const content = underline ? text.slice(contentFrom, line.end) : '';
    if (underline && /^ {0,3}[^ \t]/.test(content) && !LIST_MARKER.test(content)) {
      const after = lines[i + 2];
      headings.push(heading(line.start, next!.end, underline[1] === '=' ? 1 : 2, content.trimStart(), contentFrom + content.length - content.trimStart().length, undefined, after && inner(i + 2, base)));
      i++;
      previousBlank = false;
      previousWasBlockEnd = false;
      continue;
    }
    previousBlank = false;
    previousWasBlockEnd = false;
  }
  return { code, headings, html };
}

/**
 * Whether a line right after a line of indented code is the code's too: kramdown's `CODEBLOCK_MATCH` takes every line
 * up to a blank one but an HTML block's tag, an attribute list or `^` (the oracle: a list item, a header, a quote or a
 * fence there is code). Not a line with Liquid, which may print a blank line, nor one outside the code's container;
 * nor after a line of Liquid that prints nothing, which is a blank line once Liquid ran.
 */
function goesOnCode(text: string, line: Line, base: number): boolean {
  const lead = charAfterIndent(text, line.start, line.end);
  return lead > 32 && lead !== 123 /* { */ && lead !== 94 /* ^ */ && columns(text, line.start, line.end) >= base && htmlBlockStart(text, line.start + stripColumns(text, line.start, line.end, base)) === undefined;
}

/** `trailingHashes`: how an ATX header's closing `#`s are dropped (GFM: after white space; kramdown: unless escaped). */
function heading(start: number, end: number, level: number, raw: string, textStart: number, trailingHashes: MarkdownInput | undefined, nextLine: string | undefined): Heading {
  let headerText = raw.trimEnd();
  let customId: string | undefined;
  const id = HEADER_ID.exec(headerText);
  if (id) {
    customId = id[1];
    headerText = headerText.slice(0, headerText.length - id[0].length).trimEnd();
  }
  if (trailingHashes) {
    headerText = withoutClosingHashes(headerText, trailingHashes).trimEnd();
  }
  const ial = nextLine === undefined ? undefined : BLOCK_IAL.exec(nextLine)?.[1];
  customId ??= ial === undefined ? undefined : IAL_ID.exec(ial)?.[1];
  return { start, end, level, text: headerText, textStart, customId };
}

/** The header text without its closing run of `#`s; a search from every `#` of a long run would be quadratic. */
function withoutClosingHashes(text: string, input: MarkdownInput): string {
  let run = text.length;
  while (run > 0 && text.charCodeAt(run - 1) === 35 /* # */) {
    run--;
  }
  if (run === text.length) {
    return text;
  }
  if (input === 'GFM') {
    return run > 0 && (text[run - 1] === ' ' || text[run - 1] === '\t') ? text.slice(0, run - 1) : text;
  }
  // An escaped first `#` stays, with the rest of the run dropped.
  return text[run - 1] !== '\\' ? text.slice(0, run) : run + 1 < text.length ? text.slice(0, run + 1) : text;
}

/** The columns of the leading white space of the line from `start` to `end` (a tab to the next multiple of 4). */
function columns(text: string, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9); i++) {
    column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
  }
  return column;
}

/** How many characters of the leading white space of the line from `start` to `end` make up at most `wanted` columns. */
function stripColumns(text: string, start: number, end: number, wanted: number): number {
  let column = 0;
  let i = start;
  while (i < end && column < wanted && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
    i++;
  }
  return i - start;
}

/** The first character after the spaces and tabs from `start`, as a char code; -1 when there is none before `end`. */
function charAfterIndent(text: string, start: number, end: number): number {
  const i = afterBlanks(text, start, end);
  return i < end ? text.charCodeAt(i) : -1;
}

/** `!` to `~`: no white space (for `trim`, `\\s`), so a line starting with one is not blank. */
function isPrintableAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/** What a list item's or footnote definition's marker may start with: `*`, `+`, `-`, a digit, `[`. */
function mayStartContainer(code: number): boolean {
  return code === 42 || code === 43 || code === 45 || (code >= 48 && code <= 57) || code === 91;
}

/**
 * What a line starting a block other than a paragraph may start with, after its indentation: a fence (`` ` ``, `~`),
 * Liquid (`{`, or white space `\\s` takes), HTML (`<`), a block quote (`>`), an ATX header (`#`).
 */
function mayStartBlock(code: number): boolean {
  return code === 96 || code === 126 || code === 123 || code === 60 || code === 62 || code === 35 || !isPrintableAscii(code);
}

/** A setext underline's first character: `=` or `-`. */
function mayUnderline(code: number): boolean {
  return code === 61 || code === 45;
}

/** A closing fence line; in a list item it is indented by the item's column too, so any indentation counts here. */
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

interface FenceClosers {
  /**
   * The run a line after line `index` must repeat to close a fence opened with `run`, or undefined when none
   * does. kramdown's pattern gives back characters of the run to the language word when that lets the fence
   * close (```` ```` ```` is a fence of three with the language `` ` ``): `attached` says the run has no space
   * after it, so it may.
   */
  closingRun(index: number, run: string, attached: boolean): string | undefined;
  /** The first line after line `index` that closes a fence of `run`'s character (whatever its length), or the line count. */
  nextClosingLine(index: number, run: string): number;
}

/**
 * The closing lines of each kind, found in one pass, with the longest run from each on: linear however many fences
 * stay open. Plain lists of the few closing lines, not a table over all lines.
 */
function fenceClosers(text: string, lines: readonly Line[]): FenceClosers {
  const closing = { '`': { lines: [] as number[], longest: [] as number[] }, '~': { lines: [] as number[], longest: [] as number[] } };
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    const c = charAfterIndent(text, start, end);
    const run = c === 96 || c === 126 ? FENCE_CLOSE.exec(text.slice(start, end))?.[1] : undefined;
    if (run !== undefined) {
      const kind = closing[run[0] as '`' | '~'];
      kind.lines.push(i);
      kind.longest.push(run.length);
    }
  }
  for (const { longest } of Object.values(closing)) {
    for (let k = longest.length - 2; k >= 0; k--) {
      longest[k] = Math.max(longest[k]!, longest[k + 1]!);
    }
  }
  return {
    closingRun(index, run, attached) {
      const kind = closing[run[0] as '`' | '~'];
      const longest = kind.longest[countAtMost(kind.lines, index)] ?? 0;
      return longest >= run.length ? run : attached && longest >= 3 ? run.slice(0, longest) : undefined;
    },
    nextClosingLine(index, run) {
      const kind = closing[run[0] as '`' | '~'];
      return kind.lines[countAtMost(kind.lines, index)] ?? lines.length;
    },
  };
}

interface Line {
  readonly start: number;
  /** End of the line's text, before its line break. */
  readonly end: number;
  /** Start of the next line. */
  readonly next: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    if (end === -1) {
      end = text.length;
    }
    lines.push({ start, end: end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end, next });
    start = next;
  }
  return lines;
}

/** Made once per kind of fence: a block's closing line is `fence`'s character at least as many times. */
const FENCE_CLOSERS = new Map<string, RegExp>();

function fenceCloser(input: MarkdownInput, fence: string): RegExp {
  const key = `${input}${fence[0]}${fence.length}`;
  let closer = FENCE_CLOSERS.get(key);
  if (!closer) {
    closer = new RegExp(`^${input === 'kramdown' ? '' : ' {0,3}'}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    FENCE_CLOSERS.set(key, closer);
  }
  return closer;
}
