import type { FrontMatterBlock } from './split';

/** Where the cursor stands inside front matter, in terms completion and hover understand. */
export interface FrontMatterCursor {
  /** The top-level key whose value the cursor is in. */
  readonly key: string;
  /** Offsets of the value token under the cursor (what a completion replaces). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Values already written for this key (other list items). */
  readonly siblings: readonly string[];
  readonly form: 'scalar' | 'flow' | 'block';
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]?(.*)$/;

/** Reads the cursor's context from the raw lines, so it works while the YAML is half-typed. */
export function frontMatterCursorAt(text: string, block: FrontMatterBlock, offset: number): FrontMatterCursor | undefined {
  if (block.kind === 'none') {
    return undefined;
  }
  const yamlStart = block.kind === 'closed' ? block.yamlStart : block.openEnd;
  const yamlEnd = block.kind === 'closed' ? block.yamlEnd : text.length;
  if (offset < yamlStart || offset > yamlEnd) {
    return undefined;
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const column = offset - lineStart;

  const keyLine = KEY_LINE.exec(line);
  if (keyLine) {
    const valueStart = lineStart + line.length - keyLine[2]!.length;
    if (offset < valueStart) {
      return undefined;
    }
    const value = keyLine[2]!;
    if (value.trimStart().startsWith('[')) {
      return flowToken(keyLine[1]!, text, valueStart, lineStart + line.length, offset);
    }
    return { key: keyLine[1]!, tokenStart: valueStart, tokenEnd: lineStart + line.length, siblings: [], form: 'scalar' };
  }
  const item = /^([ \t]*)-[ \t]?/.exec(line);
  if (item && column >= item[0].length) {
    const key = parentKey(text, yamlStart, lineStart);
    if (!key) {
      return undefined;
    }
    return { key: key.name, tokenStart: lineStart + item[0].length, tokenEnd: lineStart + line.length, siblings: blockItems(text, key.lineEnd, yamlEnd, lineStart), form: 'block' };
  }
  return undefined;
}

/** The token between the brackets' separators around the cursor, and the other items. */
function flowToken(key: string, text: string, valueStart: number, lineEnd: number, offset: number): FrontMatterCursor {
  const open = text.indexOf('[', valueStart);
  const close = text.indexOf(']', open);
  const end = close >= 0 && close < lineEnd ? close : lineEnd;
  let tokenStart = open + 1;
  for (let i = offset - 1; i > open; i--) {
    if (text[i] === ',') {
      tokenStart = i + 1;
      break;
    }
  }
  while (tokenStart < offset && (text[tokenStart] === ' ' || text[tokenStart] === '\t')) {
    tokenStart++;
  }
  let tokenEnd = offset;
  while (tokenEnd < end && text[tokenEnd] !== ',') {
    tokenEnd++;
  }
  while (tokenEnd > offset && /\s/.test(text[tokenEnd - 1]!)) {
    tokenEnd--;
  }
  const siblings = text
    .slice(open + 1, end)
    .split(',')
    .map((s) => unquote(s.trim()))
    .filter(Boolean);
  const current = unquote(text.slice(tokenStart, tokenEnd).trim());
  return { key, tokenStart, tokenEnd, siblings: siblings.filter((s) => s !== current), form: 'flow' };
}

function parentKey(text: string, yamlStart: number, lineStart: number): { name: string; lineEnd: number } | undefined {
  let end = lineStart - 1;
  while (end > yamlStart) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(Math.max(start, yamlStart), end).replace(/\r$/, '');
    const key = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*$/.exec(line);
    if (key) {
      return { name: key[1]!, lineEnd: end };
    }
    if (!/^[ \t]*-/.test(line) && line.trim() !== '') {
      return undefined;
    }
    end = start - 1;
  }
  return undefined;
}

function blockItems(text: string, from: number, yamlEnd: number, exceptLineStart: number): string[] {
  const items: string[] = [];
  let start = from + 1;
  while (start < yamlEnd) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 || newline > yamlEnd ? yamlEnd : newline;
    const item = /^[ \t]*-[ \t]*(.*?)\r?$/.exec(text.slice(start, end));
    if (!item) {
      break;
    }
    if (start !== exceptLineStart && item[1]) {
      items.push(unquote(item[1]));
    }
    start = end + 1;
  }
  return items;
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2');
}
