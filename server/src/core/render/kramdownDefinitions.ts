import type MarkdownIt from 'markdown-it';

type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];

/**
 * kramdown's definition lists, which markdown-it does not have: each line of a paragraph followed by a line starting
 * `: ` is a term, each such line starts a definition, which the lines after it continue up to a blank line (the
 * oracle: `Apple\nOrange\n: Fruit` is `<dl><dt>Apple</dt><dt>Orange</dt><dd>Fruit</dd></dl>`). After a blank line,
 * another paragraph followed by `: ` goes on with the same list. Only definitions of one paragraph: one after a blank
 * line (which kramdown wraps in `<p>`) ends the list here.
 */
export function kramdownDefinitions(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_definitions', definitionList);
}

const DEFINITION = /^ {0,3}:[ \t]/;

interface Group {
  readonly terms: number[];
  readonly definitions: { first: number; last: number }[];
}

function definitionList(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) {
    return false;
  }
  const groups: Group[] = [];
  let line = startLine;
  for (;;) {
    const group = groupAt(state, line, endLine);
    if (!group) {
      break;
    }
    groups.push(group);
    const last = group.definitions[group.definitions.length - 1]!.last;
    line = last + 1;
    // A blank line, then the next group's terms.
    if (!(line < endLine && state.isEmpty(line) && line + 1 < endLine && groupAt(state, line + 1, endLine))) {
      break;
    }
    line++;
  }
  if (groups.length === 0) {
    return false;
  }
  if (silent) {
    return true;
  }
  const open = state.push('dl_open', 'dl', 1);
  open.map = [startLine, line];
  for (const group of groups) {
    for (const term of group.terms) {
      push(state, 'dt', lineText(state, term), term, term);
    }
    for (const { first, last } of group.definitions) {
      const text = [lineText(state, first).replace(DEFINITION, ''), ...range(first + 1, last).map((l) => lineText(state, l))].join('\n');
      push(state, 'dd', text.trim(), first, last);
    }
  }
  state.push('dl_close', 'dl', -1);
  state.line = line;
  return true;
}

/** The terms at `line` (a paragraph's lines) and the definitions right after them, if there are any. */
function groupAt(state: StateBlock, line: number, endLine: number): Group | undefined {
  const terms: number[] = [];
  let at = line;
  for (; at < endLine && !state.isEmpty(at) && !DEFINITION.test(lineText(state, at)); at++) {
    if (state.sCount[at]! - state.blkIndent >= 4 || (at > line && interruptsParagraph(state, at, endLine))) {
      return undefined;
    }
    terms.push(at);
  }
  if (terms.length === 0 || at >= endLine || state.isEmpty(at)) {
    return undefined;
  }
  const definitions: Group['definitions'] = [];
  while (at < endLine && DEFINITION.test(lineText(state, at))) {
    const first = at++;
    while (at < endLine && !state.isEmpty(at) && !DEFINITION.test(lineText(state, at))) {
      at++;
    }
    definitions.push({ first, last: at - 1 });
  }
  return { terms, definitions };
}

/** Whether a block other than a paragraph starts at `line` (a header, a list, a fence...), as markdown-it asks. */
function interruptsParagraph(state: StateBlock, line: number, endLine: number): boolean {
  const parentType = state.parentType;
  state.parentType = 'paragraph';
  const interrupts = state.md.block.ruler.getRules('paragraph').some((rule) => rule(state, line, endLine, true));
  state.parentType = parentType;
  return interrupts;
}

function push(state: StateBlock, tag: 'dt' | 'dd', text: string, first: number, last: number): void {
  state.push(`${tag}_open`, tag, 1).map = [first, last + 1];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [first, last + 1];
  inline.children = [];
  state.push(`${tag}_close`, tag, -1);
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
