import type MarkdownIt from 'markdown-it';
import { HTML_BLOCK_ELEMENTS, HTML_ELEMENTS_WITHOUT_BODY, HTML_SPAN_ELEMENTS, MARKDOWN_ATTRIBUTE, RawHtmlEnds, htmlBlockContentModel, openingTagAt, spanContentEnd, type HtmlTagAt } from './kramdownHtml';

type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];
type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * kramdown's raw HTML in place of CommonMark's HTML blocks. A line starting with a tag that is not a span element
 * opens an element that runs to its matching closing tag (blank lines and all), not to the next blank line; what
 * follows it on the next line is Markdown again. Its content is kept as written unless `markdown="1"` (or
 * `block`/`span`) asks kramdown to parse it. A line starting with a span element (`<img>`, `<a>`, `<strong>`) is a
 * paragraph. Inside a paragraph, a closing tag that closes nothing open, or an opening block tag (`<div>`), is
 * text, as kramdown shows it; so is such a closing tag inside an element kept as written.
 * `parseBlockHtml` (kramdown's `parse_block_html`): an element without `markdown=` is read as `markdown="1"` makes it.
 */
export function kramdownHtmlBlocks(md: MarkdownIt, parseBlockHtml = false): void {
  const markdownByDefault = parseBlockHtml ? '1' : undefined;
  md.block.ruler.at('html_block', (state, startLine, endLine, silent) => kramdownHtmlBlock(state, startLine, endLine, silent, markdownByDefault), { alt: ['paragraph', 'reference', 'blockquote'] });
  md.core.ruler.after('inline', 'kramdown_span_html', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) {
        strayTagsAsText(block.children);
      }
    }
  });
}

const CLOSE_TAG = /<\/([A-Za-z][\w.:-]*)\s*>/y;
/** Tags and comments, to show the closing tags of raw HTML that close nothing as text. An attribute has no `<`. */
const TAGS = /<!--|<(\/?)([A-Za-z][\w.:-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean, markdownByDefault: string | undefined): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4 || state.src.charCodeAt(start) !== 0x3c /* < */) {
    return false;
  }
  const limit = state.eMarks[endLine - 1]!;
  if (state.src.startsWith('<!--', start)) {
    const end = state.src.indexOf('-->', start + 4);
    if (end < 0 || end >= limit) {
      return false;
    }
    return silent || pushRaw(state, startLine, endLine, undefined, end + 3);
  }
  CLOSE_TAG.lastIndex = start;
  const close = CLOSE_TAG.exec(state.src);
  if (close) {
    // A closing tag of a block element ends a paragraph, then starts one of its own (where it is text).
    return silent && !HTML_SPAN_ELEMENTS.has(close[1]!.toLowerCase());
  }
  const tag = openingTagAt(state.src, start);
  if (!tag || HTML_SPAN_ELEMENTS.has(tag.name.toLowerCase())) {
    return false;
  }
  if (silent) {
    return true;
  }
  const model = tag.empty ? 'raw' : htmlBlockContentModel(tag.name, tag.markdown ?? markdownByDefault);
  if (model === 'raw') {
    return pushRaw(state, startLine, endLine, tag, limit);
  }
  if (model === 'block' && state.src.slice(tag.end, state.eMarks[startLine]).trim() === '') {
    // Markdown blocks up to the line that closes the element.
    const closeLine = blockCloseLine(state, startLine + 1, endLine, tag.name);
    pushHtml(state, withoutMarkdownAttribute(tag, state.src), [startLine, startLine + 1]);
    const lineMax = state.lineMax;
    state.lineMax = closeLine;
    state.md.block.tokenize(state, startLine + 1, closeLine);
    state.lineMax = lineMax;
    if (closeLine < endLine) {
      pushHtml(state, lineText(state, closeLine), [closeLine, closeLine + 1]);
    }
    state.line = Math.min(closeLine + 1, endLine);
    return true;
  }
  // Markdown spans up to the closing tag: a paragraph's text without the paragraph.
  const content = spanContentEnd(state.src, tag.end, limit, tag.name);
  const lastLine = lineOf(state, startLine, endLine, content.end);
  const map: [number, number] = [startLine, lastLine + 1];
  pushHtml(state, withoutMarkdownAttribute(tag, state.src), map);
  pushInline(state, state.src.slice(tag.end, content.closeStart), map);
  pushHtml(state, state.src.slice(content.closeStart, state.eMarks[lastLine]), map);
  state.line = lastLine + 1;
  return true;
}

/**
 * Raw HTML from the line's start to the end of `tag`'s element (or to `end`): kept as written, with the closing tags
 * that close nothing shown as text, but for the elements in it whose `markdown` attribute asks for Markdown (kramdown
 * honours it at any depth): their content is a paragraph's text between the raw parts.
 */
function pushRaw(state: StateBlock, startLine: number, endLine: number, tag: HtmlTagAt | undefined, limit: number): boolean {
  const src = state.src;
  const parts: { html: string; inline?: string }[] = [];
  let at = state.bMarks[startLine]! + state.tShift[startLine]!;
  let end = limit;
  if (tag && tag.empty) {
    end = tag.end;
  } else if (tag) {
    const ends = rawHtmlEnds(src);
    for (let from: HtmlTagAt = tag; ; ) {
      const raw = ends.endOf(from);
      const nested = raw.nestedMarkdown && raw.end < limit ? openingTagAt(src, raw.end) : undefined;
      if (!nested) {
        end = Math.min(raw.end, limit);
        break;
      }
      if (nested.empty || htmlBlockContentModel(nested.name, nested.markdown) === 'raw') {
        from = { ...tag, end: nested.end };
        continue;
      }
      const content = spanContentEnd(src, nested.end, limit, nested.name);
      parts.push({ html: src.slice(at, nested.start) + withoutMarkdownAttribute(nested, src), inline: src.slice(nested.end, content.closeStart) });
      at = content.closeStart;
      from = { ...tag, end: content.closeStart };
    }
  }
  const lastLine = lineOf(state, startLine, endLine, end);
  parts.push({ html: src.slice(at, state.eMarks[lastLine]) + '\n' });
  const map: [number, number] = [startLine, lastLine + 1];
  const open: string[] = [];
  for (const part of parts) {
    pushHtml(state, strayClosersAsText(part.html, open), map);
    if (part.inline !== undefined) {
      pushInline(state, part.inline, map);
    }
  }
  state.line = lastLine + 1;
  return true;
}

function pushHtml(state: StateBlock, content: string, map: [number, number]): void {
  const token = state.push('html_block', '', 0);
  token.map = map;
  token.content = content;
}

function pushInline(state: StateBlock, content: string, map: [number, number]): void {
  const token = state.push('inline', '', 0);
  token.content = content;
  token.map = map;
  token.children = [];
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

function withoutMarkdownAttribute(tag: HtmlTagAt, src: string): string {
  return src.slice(tag.start, tag.end).replace(MARKDOWN_ATTRIBUTE, '');
}

/** The line holding `offset` (the last line when it is past the end). Linear in the lines passed. */
function lineOf(state: StateBlock, from: number, endLine: number, offset: number): number {
  let line = from;
  while (line + 1 < endLine && state.bMarks[line + 1]! <= offset) {
    line++;
  }
  return line;
}

/** A reader of raw HTML's ends per text: its searches go forward, so one per text reads it once. */
let lastEnds: { text: string; ends: RawHtmlEnds; noCloseLine: Map<string, number> } | undefined;
function rawHtmlEnds(text: string): RawHtmlEnds {
  return readerOf(text).ends;
}
function readerOf(text: string): { ends: RawHtmlEnds; noCloseLine: Map<string, number> } {
  if (lastEnds?.text !== text) {
    lastEnds = { text, ends: new RawHtmlEnds(text), noCloseLine: new Map() };
  }
  return lastEnds;
}


/**
 * The line whose start closes a Markdown block element (`</div>`), elements of its name opened at a line's start
 * nesting; `endLine` when none does. A name found unclosed from a line on is remembered, so nested unclosed elements
 * do not each read to the end.
 */
function blockCloseLine(state: StateBlock, from: number, endLine: number, name: string): number {
  const lower = name.toLowerCase();
  const known = readerOf(state.src).noCloseLine;
  if (from >= (known.get(lower) ?? Number.POSITIVE_INFINITY)) {
    return endLine;
  }
  let depth = 1;
  for (let line = from; line < endLine; line++) {
    const start = state.bMarks[line]! + state.tShift[line]!;
    CLOSE_TAG.lastIndex = start;
    const close = CLOSE_TAG.exec(state.src);
    if (close && close[1]!.toLowerCase() === lower && --depth === 0) {
      return line;
    }
    const open = close ? undefined : openingTagAt(state.src, start);
    if (open && !open.empty && open.name.toLowerCase() === lower) {
      depth++;
    }
  }
  known.set(lower, from);
  return endLine;
}

/** Raw HTML with each closing tag that closes nothing open (in `stack`, kept across the parts of one element) shown as text (kramdown's `&lt;/div&gt;`). */
function strayClosersAsText(html: string, stack: string[]): string {
  let out = '';
  let at = 0;
  TAGS.lastIndex = 0;
  for (let tag = TAGS.exec(html); tag; tag = TAGS.exec(html)) {
    if (tag[0] === '<!--') {
      const end = html.indexOf('-->', tag.index + 4);
      TAGS.lastIndex = end < 0 ? html.length : end + 3;
      continue;
    }
    const tagName = tag[2]!.toLowerCase();
    if (!tag[1]) {
      if (!tag[4] && !HTML_ELEMENTS_WITHOUT_BODY.has(tagName)) {
        stack.push(tagName);
      }
    } else if (stack[stack.length - 1] === tagName) {
      stack.pop();
    } else {
      out += html.slice(at, tag.index) + '&lt;' + tag[0].slice(1, -1) + '&gt;';
      at = TAGS.lastIndex;
    }
  }
  return out + html.slice(at);
}

const SPAN_TAG = /^<(\/?)([A-Za-z][\w:-]*)[^]*?(\/?)>$/;

/** Inside a paragraph: a closing tag that is not the innermost open element's, or an opening block tag, is text. */
function strayTagsAsText(children: Token[]): void {
  const open: string[] = [];
  for (const token of children) {
    if (token.type !== 'html_inline') {
      continue;
    }
    const tag = SPAN_TAG.exec(token.content);
    if (!tag) {
      continue;
    }
    const name = tag[2]!.toLowerCase();
    let text = false;
    if (tag[1]) {
      text = open[open.length - 1] !== name;
      if (!text) {
        open.pop();
      }
    } else if (HTML_BLOCK_ELEMENTS.has(name)) {
      text = true;
    } else if (!tag[3] && !HTML_ELEMENTS_WITHOUT_BODY.has(name)) {
      open.push(name);
    }
    if (text) {
      token.type = 'text';
    }
  }
}
