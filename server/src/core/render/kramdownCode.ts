import type MarkdownIt from 'markdown-it';
import { HTML_SPAN_ELEMENTS } from './kramdownHtml';

type BlockRule = Parameters<MarkdownIt['block']['ruler']['push']>[1];

/**
 * kramdown's indented code (`CODEBLOCK_MATCH`), where markdown-it follows CommonMark: the unindented lines right
 * after a code line are the code's too (lazy lines), joined to the line before with a space (the oracle:
 * `    #import "a.h"` then `# not a heading` is `<code>#import "a.h" # not a heading</code>`). At the top level only:
 * kramdown reads a list item's or a quote's text on its own, which markdown-it's containers do not model.
 */
export function kramdownCode(md: MarkdownIt): void {
  md.block.ruler.at('code', kramdownCodeBlock);
}

/**
 * A line that ends the lazy lines: an IAL (`{:`, not `{::`), `^` alone, or a tag of an element that is not a span one;
 * also one starting with Liquid the preview did not run (its `\uE000` mark), which may print a blank line, as the
 * checker's block scanner reads it (`{% endif %}` there is a blank line for Jekyll).
 */
export function endsLazyCode(line: string): boolean {
  if (/^ {0,3}\{:(?![:/])/.test(line) || /^\^\s*$/.test(line) || /^[ \t]*\uE000/.test(line)) {
    return true;
  }
  const tag = /^ {0,3}<(\/?)([\w][\w-]*(?::[\w][\w-]*)?)(\s*>)?/.exec(line);
  // kramdown's `LAZY_END_HTML_START` (any opening name) and `LAZY_END_HTML_STOP` (a whole closing tag); case counts.
  return tag !== null && !HTML_SPAN_ELEMENTS.has(tag[2]!.replace(/[^a-z0-9].*$/, '')) && (tag[1] === '' || tag[3] !== undefined);
}

const kramdownCodeBlock: BlockRule = (state, startLine, endLine) => {
  if (state.sCount[startLine]! - state.blkIndent < 4) {
    return false;
  }
  const lazyAllowed = state.parentType === 'root' && state.blkIndent === 0;
  const lineText = (line: number) => state.src.slice(state.bMarks[line]!, state.eMarks[line]);
  // Each line's text without its line break: a lazy line goes on the line before it.
  let content = state.getLines(startLine, startLine + 1, 4 + state.blkIndent, false);
  let last = startLine;
  let next = startLine + 1;
  while (next < endLine) {
    if (state.isEmpty(next)) {
      next++;
    } else if (state.sCount[next]! - state.blkIndent >= 4) {
      content += '\n' + state.getLines(last + 1, next + 1, 4 + state.blkIndent, false);
      last = next++;
    } else if (lazyAllowed && next === last + 1 && !endsLazyCode(lineText(next))) {
      content += ' ' + lineText(next);
      last = next++;
    } else {
      break;
    }
  }
  state.line = last + 1;
  const token = state.push('code_block', 'code', 0);
  token.content = content + '\n';
  token.map = [startLine, state.line];
  return true;
};
