import type MarkdownIt from 'markdown-it';
import { HTML_BLOCK_ELEMENTS, HTML_ELEMENTS_WITHOUT_BODY, HTML_SPAN_ELEMENTS, MARKDOWN_ATTRIBUTE, htmlContentModel } from '../kramdownHtml';

type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];
type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * kramdown's raw HTML in place of CommonMark's HTML blocks. A line starting with a tag that is not a span element
 * opens an element that runs to its matching closing tag (blank lines and all), not to the next blank line; what
 * follows it on the next line is Markdown again. Its content is kept as written unless `markdown="1"` (or
 * `block`/`span`) asks kramdown to parse it. A line starting with a span element (`<img>`, `<a>`, `<strong>`) is a
 * paragraph. Inside a paragraph, a closing tag that closes nothing open, or an opening block tag (`<div>`), is
 * text, as kramdown shows it; so is such a closing tag inside an element kept as written.
 */
export function kramdownHtmlBlocks(md: MarkdownIt): void {
  md.block.ruler.at('html_block', kramdownHtmlBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
  md.core.ruler.after('inline', 'kramdown_span_html', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) {
        strayTagsAsText(block.children);
      }
    }
  });
}

/** An opening tag with its attributes (which may span lines), at a position. */
const OPEN_TAG = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([A-Za-z][\w:-]*)\s*>/y;
/** Tags and comments inside an element, to find where it closes. */
const INNER = /<!--|<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
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
    return silent || pushRaw(state, startLine, lineOf(state, startLine, endLine, end + 3));
  }
  CLOSE_TAG.lastIndex = start;
  const close = CLOSE_TAG.exec(state.src);
  if (close) {
    // A closing tag of a block element ends a paragraph, then starts one of its own (where it is text).
    return silent && !HTML_SPAN_ELEMENTS.has(close[1]!.toLowerCase());
  }
  OPEN_TAG.lastIndex = start;
  const open = OPEN_TAG.exec(state.src);
  const name = open?.[1]!.toLowerCase();
  if (!open || !name || HTML_SPAN_ELEMENTS.has(name)) {
    return false;
  }
  if (silent) {
    return true;
  }
  const openEnd = start + open[0].length;
  const element = open[3] || HTML_ELEMENTS_WITHOUT_BODY.has(name) ? { closeStart: openEnd, end: openEnd } : name === 'script' || name === 'style' ? codeEnd(state.src, openEnd, limit, name) : elementEnd(state.src, openEnd, limit, name);
  const lastLine = lineOf(state, startLine, endLine, element.end);
  const model = element.closeStart === openEnd ? 'raw' : htmlContentModel(name, open[2]!);
  if (model === 'raw') {
    return pushRaw(state, startLine, lastLine);
  }
  // Parsed content: the opening tag, the content as blocks or as a paragraph's text, the closing tag.
  const openHtml = open[0].replace(MARKDOWN_ATTRIBUTE, '');
  const closeHtml = state.src.slice(element.closeStart, element.end);
  const contentLines = model === 'block' && /^[ \t]*$/.test(state.src.slice(openEnd, state.eMarks[startLine])) ? [startLine + 1, lineOf(state, startLine, endLine, element.closeStart)] : undefined;
  const closeOnOwnLine = contentLines && state.bMarks[contentLines[1]!]! + state.tShift[contentLines[1]!]! === element.closeStart;
  pushHtml(state, openHtml, [startLine, startLine + 1]);
  if (contentLines && closeOnOwnLine) {
    const lineMax = state.lineMax;
    state.lineMax = contentLines[1]!;
    state.md.block.tokenize(state, contentLines[0]!, contentLines[1]!);
    state.lineMax = lineMax;
  } else {
    const inline = state.push('inline', '', 0);
    inline.content = state.src.slice(openEnd, element.closeStart).trim();
    inline.map = [startLine, lastLine + 1];
    inline.children = [];
  }
  pushHtml(state, closeHtml, [lastLine, lastLine + 1]);
  state.line = lastLine + 1;
  return true;
}

function pushRaw(state: StateBlock, startLine: number, lastLine: number): boolean {
  const content = state.getLines(startLine, lastLine + 1, state.blkIndent, true);
  pushHtml(state, strayClosersAsText(content), [startLine, lastLine + 1]);
  state.line = lastLine + 1;
  return true;
}

function pushHtml(state: StateBlock, content: string, map: [number, number]): void {
  const token = state.push('html_block', '', 0);
  token.map = map;
  token.content = content;
}

/** The line holding `offset` (the last line when it is past the end). Linear in the lines passed. */
function lineOf(state: StateBlock, from: number, endLine: number, offset: number): number {
  let line = from;
  while (line + 1 < endLine && state.bMarks[line + 1]! < offset) {
    line++;
  }
  return line;
}

/**
 * Where the element opened before `from` closes: its closing tag's start and end, nested elements of any name
 * skipped; a closing tag that closes nothing open is text. Unclosed, it runs to `limit`.
 */
function elementEnd(text: string, from: number, limit: number, name: string): { closeStart: number; end: number } {
  const stack = [name];
  const commentEnd = text.lastIndexOf('-->', limit);
  INNER.lastIndex = from;
  for (let tag = INNER.exec(text); tag && tag.index < limit; tag = INNER.exec(text)) {
    if (tag[0] === '<!--') {
      const end = tag.index < commentEnd ? text.indexOf('-->', tag.index + 4) : -1;
      INNER.lastIndex = end < 0 ? tag.index + 4 : end + 3;
      continue;
    }
    const tagName = tag[2]!.toLowerCase();
    if (tag[1]) {
      if (stack[stack.length - 1] === tagName) {
        stack.pop();
        if (stack.length === 0) {
          return { closeStart: tag.index, end: INNER.lastIndex };
        }
      }
    } else if (!tag[4] && !HTML_ELEMENTS_WITHOUT_BODY.has(tagName)) {
      stack.push(tagName);
    }
  }
  return { closeStart: limit, end: limit };
}

/** A script's or style's end: its closing tag, whatever comes between. */
function codeEnd(text: string, from: number, limit: number, name: string): { closeStart: number; end: number } {
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  close.lastIndex = from;
  const found = close.exec(text);
  return found && found.index < limit ? { closeStart: found.index, end: close.lastIndex } : { closeStart: limit, end: limit };
}

/** An element kept as written, with each closing tag that closes nothing open shown as text (kramdown's `&lt;/div&gt;`). */
function strayClosersAsText(html: string): string {
  const stack: string[] = [];
  let out = '';
  let at = 0;
  INNER.lastIndex = 0;
  for (let tag = INNER.exec(html); tag; tag = INNER.exec(html)) {
    if (tag[0] === '<!--') {
      const end = html.indexOf('-->', tag.index + 4);
      INNER.lastIndex = end < 0 ? html.length : end + 3;
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
      at = INNER.lastIndex;
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
