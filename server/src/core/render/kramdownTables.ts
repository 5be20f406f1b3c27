import type MarkdownIt from 'markdown-it';

type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];

/**
 * kramdown's tables in place of markdown-it's GFM tables (kramdown-parser-gfm keeps kramdown's): every line of the
 * block holds a `|` outside code spans; no header row is needed (`a | b` alone is a one-row table), a `---` line
 * ends the header, a later one starts another body, a `===` line starts the footer; rows may have any number of
 * cells (short ones are padded). A table starts only after a block boundary and must end at one (a blank line, a
 * `{:` IAL, the end): `text\n| a |` and `| a |\ntext` are paragraphs.
 */
export function kramdownTables(md: MarkdownIt): void {
  // kramdown tries tables after code, block quotes, ATX headers, rules and lists (`* a | b` is a list of a table), before HTML.
  md.block.ruler.disable('table');
  md.block.ruler.before('reference', 'kramdown_table', kramdownTable);
}

/** A line that may be a table row: a `|` first, or an unescaped `|` after something. */
const TABLE_LINE = /^(?:\||.*?[^\\]\|)/;
const SEPARATOR = /^[+|: \t-]*?-[+|: \t-]*?[ \t]*$/;
const FOOTER_SEPARATOR = /^[+|: \t]*?=[+|: \t=]*?[ \t]*$/;
const ALIGNMENT = /[ \t]?(:?)-+(:?)[ \t]?/g;
const IAL_LINE = /^ {0,3}\{:/;
const ATX_HEADER = /^#{1,6}(?:[ \t]|$)/;

type Alignment = '' | 'left' | 'right' | 'center';

function kramdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4 || !afterBlockBoundary(state, startLine) || ATX_HEADER.test(lineText(state, startLine))) {
    return false;
  }
  const lines: string[] = [];
  let line = startLine;
  for (; line < endLine && state.sCount[line]! >= state.blkIndent; line++) {
    const text = lineText(state, line);
    if (!TABLE_LINE.test(text)) {
      break;
    }
    lines.push(text);
  }
  if (lines.length === 0 || !beforeBlockBoundary(state, line, endLine) || !lines.every((text) => cellsOf(text).length > 1)) {
    return false;
  }
  const leadingPipe = /^\s*\|/.test(lines[0]!);
  const sections: { kind: 'thead' | 'tbody' | 'tfoot'; rows: { line: number; cells: string[] }[] }[] = [];
  let rows: { line: number; cells: string[] }[] = [];
  let alignments: Alignment[] | undefined;
  let footer = false;
  const close = (kind: 'thead' | 'tbody' | 'tfoot') => {
    sections.push({ kind, rows });
    rows = [];
  };
  lines.forEach((text, i) => {
    if (SEPARATOR.test(text)) {
      if (rows.length === 0) {
        return;
      }
      if (alignments === undefined && !footer) {
        close('thead');
        alignments = [...text.matchAll(ALIGNMENT)].map(([, left, right]) => (left && right ? 'center' : right ? 'right' : left ? 'left' : ''));
      } else if (!footer) {
        close('tbody');
      }
    } else if (FOOTER_SEPARATOR.test(text)) {
      if (rows.length > 0) {
        close('tbody');
      }
      footer = true;
    } else {
      const cells = cellsOf(text).map((cell) => cell.replace(/\\\|/g, '|'));
      if (leadingPipe && cells[0]!.trim() === '') {
        cells.shift();
      }
      if (cells.length > 0 && cells[cells.length - 1]!.trim() === '') {
        cells.pop();
      }
      rows.push({ line: startLine + i, cells: cells.map((cell) => cell.trim()) });
    }
  });
  if (rows.length > 0) {
    close(footer ? 'tfoot' : 'tbody');
  }
  if (!sections.some((section) => section.kind === 'tbody')) {
    return false;
  }
  if (silent) {
    return true;
  }
  const columns = Math.max(...sections.flatMap((section) => section.rows.map((row) => row.cells.length)));
  const table = state.push('table_open', 'table', 1);
  table.map = [startLine, line];
  for (const section of sections) {
    state.push(`${section.kind}_open`, section.kind, 1);
    for (const row of section.rows) {
      state.push('tr_open', 'tr', 1).map = [row.line, row.line + 1];
      for (let column = 0; column < columns; column++) {
        const tag = section.kind === 'thead' ? 'th' : 'td';
        const cell = state.push(`${tag}_open`, tag, 1);
        const align = alignments?.[column];
        if (align) {
          cell.attrs = [['style', `text-align: ${align}`]];
        }
        const inline = state.push('inline', '', 0);
        inline.content = row.cells[column] ?? '';
        inline.map = [row.line, row.line + 1];
        inline.children = [];
        state.push(`${tag}_close`, tag, -1);
      }
      state.push('tr_close', 'tr', -1);
    }
    state.push(`${section.kind}_close`, section.kind, -1);
  }
  state.push('table_close', 'table', -1);
  state.line = line;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

/** kramdown's `after_block_boundary?`: the first block of its container, or after a blank line. */
function afterBlockBoundary(state: StateBlock, startLine: number): boolean {
  const last = state.tokens[state.tokens.length - 1];
  return last === undefined || last.nesting === 1 || startLine === 0 || state.isEmpty(startLine - 1);
}

/** kramdown's `before_block_boundary?`: the container's end, a blank line or a block IAL. */
function beforeBlockBoundary(state: StateBlock, line: number, endLine: number): boolean {
  return line >= endLine || state.sCount[line]! < state.blkIndent || state.isEmpty(line) || IAL_LINE.test(lineText(state, line));
}

/**
 * The line split at each `|` that is neither escaped nor inside a code span (a run of backticks to the next run of
 * the same length). Linear: each run's closer comes from one scan from the right.
 */
function cellsOf(text: string): string[] {
  const runs: { start: number; length: number }[] = [];
  for (const match of text.matchAll(/`+/g)) {
    runs.push({ start: match.index, length: match[0].length });
  }
  const closer = new Array<number>(runs.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    closer[i] = nextOfLength.get(runs[i]!.length) ?? -1;
    nextOfLength.set(runs[i]!.length, i);
  }
  const cells: string[] = [];
  let cellStart = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (run < runs.length && runs[run]!.start === i) {
      const end = closer[run]!;
      if (end >= 0) {
        i = runs[end]!.start + runs[end]!.length - 1;
        run = end + 1;
      } else {
        i += runs[run]!.length - 1;
        run++;
      }
      continue;
    }
    if (text[i] === '|' && text[i - 1] !== '\\') {
      cells.push(text.slice(cellStart, i));
      cellStart = i + 1;
    }
  }
  cells.push(text.slice(cellStart));
  return cells;
}
