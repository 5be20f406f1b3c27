import type MarkdownIt from 'markdown-it';

type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];
type StateInline = Parameters<Parameters<MarkdownIt['inline']['ruler']['push']>[1]>[0];

/**
 * kramdown's extensions `{::comment}`, `{::nomarkdown}` and `{::options /}`, as blocks (each tag on a line of its own)
 * and inside a paragraph. The oracle: a comment's text is not shown (kramdown writes it as an HTML comment),
 * nomarkdown's content is raw HTML (`*not em*` stays), options print nothing; an extension never closed is text.
 * Options' effect on the rest of the page is not modelled.
 */
export function kramdownExtensions(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_extension', extensionBlock);
  md.inline.ruler.before('text', 'kramdown_extension', extensionSpan);
}

const BLOCK_START = /^ {0,3}\{::(comment|nomarkdown|options)(?:\s[^}]*?)?(\/)?\}[ \t]*$/;
const BLOCK_STOP = /^ {0,3}\{:\/(\w*)\}[ \t]*$/;
const SPAN_START = /\{::(comment|nomarkdown|options)(?:\s[^}]*?)?(\/)?\}/y;

/** Per text, the first line from which a name has no closing line: unclosed openers then do not each read to the end. */
let unclosed: { src: string; from: Map<string, number> } | undefined;

function extensionBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) {
    return false;
  }
  const start = BLOCK_START.exec(lineText(state, startLine));
  if (!start) {
    return false;
  }
  const name = start[1]!;
  let stop = startLine;
  if (!start[2]) {
    if (unclosed?.src !== state.src) {
      unclosed = { src: state.src, from: new Map() };
    }
    if (startLine >= (unclosed.from.get(name) ?? Infinity)) {
      return false;
    }
    stop = startLine + 1;
    for (let stopName = stopAt(state, stop); stop < endLine && !(stopName === '' || stopName === name); stopName = stopAt(state, ++stop)) {
      // Read on to the closing line.
    }
    if (stop >= endLine) {
      unclosed.from.set(name, startLine);
      return false;
    }
  }
  if (silent) {
    return true;
  }
  if (name === 'nomarkdown' && stop > startLine + 1) {
    const token = state.push('html_block', '', 0);
    token.content = state.getLines(startLine + 1, stop, state.blkIndent, true);
    token.map = [startLine, stop + 1];
  }
  state.line = stop + 1;
  return true;
}

/** The name of a closing tag `{:/name}` alone on `line` ('' for `{:/}`), or undefined. */
function stopAt(state: StateBlock, line: number): string | undefined {
  return line < state.lineMax ? BLOCK_STOP.exec(lineText(state, line))?.[1] : undefined;
}

/** The same for a paragraph's text, by offset. */
let spanUnclosed: { src: string; from: Map<string, number> } | undefined;

function extensionSpan(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */ || state.src.charCodeAt(state.pos + 1) !== 0x3a /* : */) {
    return false;
  }
  SPAN_START.lastIndex = state.pos;
  const start = SPAN_START.exec(state.src);
  if (!start) {
    return false;
  }
  let end = SPAN_START.lastIndex;
  let content = '';
  if (!start[2]) {
    if (spanUnclosed?.src !== state.src) {
      spanUnclosed = { src: state.src, from: new Map() };
    }
    if (state.pos >= (spanUnclosed.from.get(start[1]!) ?? Infinity)) {
      return false;
    }
    const stop = new RegExp(`\\{:/(?:${start[1]})?\\}`, 'g');
    stop.lastIndex = end;
    const found = stop.exec(state.src);
    if (!found) {
      spanUnclosed.from.set(start[1]!, state.pos);
      return false;
    }
    content = state.src.slice(end, found.index);
    end = stop.lastIndex;
  }
  if (!silent && start[1] === 'nomarkdown') {
    state.push('html_inline', '', 0).content = content;
  }
  state.pos = end;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}
