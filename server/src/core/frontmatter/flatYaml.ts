/**
 * A reader for the front matter almost every post has: one `key: value` per line, values plain or quoted on one
 * line, `[a, b]` and `- item` lists of such values, `>` and `|` blocks of evenly indented lines. It gives exactly
 * what the `yaml` library gives for them (values resolved by the library's own YAML 1.1 tags, the same offsets) at
 * a sixth of the cost (10,000 posts: 0.69 -> 0.12 s), and declines (undefined) anything else, which the library
 * then reads: comments, anchors, tags, nested mappings, folded plain lines, escapes, tabs, CR, keys YAML would read
 * as something other than their text, repeated keys. `test/unit/flatYaml.test.ts` compares the two on generated
 * and real front matter. */
import type { ListValue, ScalarValue } from './values';
import { resolvePlainScalar } from './yaml';

/** One top-level entry, offsets in the file (the YAML text starts at `offset`). */
export interface FlatEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: ScalarValue | ListValue;
  readonly data: unknown;
}

/** Longer YAML goes to the library, which also applies the size limits (`yaml.ts`). */
const MAX_CHARS = 10_000;
/** Characters that make the library's reading differ from a line-by-line one, or that it refuses. */
// eslint-disable-next-line no-control-regex -- control characters are among what it looks for
const DECLINED = /[\t\r#&*!%@`\\{}\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
const ITEM_LINE = /^( *)-(?: +|$)/;
/** A plain scalar may not start with an indicator, nor hold `: ` or end with `:` (a mapping). */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

export function readFlatYaml(source: string, offset = 0): FlatEntry[] | undefined {
  if (source.length > MAX_CHARS || DECLINED.test(source)) {
    return undefined;
  }
  const entries: FlatEntry[] = [];
  const keys = new Set<string>();
  const lines = source.split('\n');
  let lineStart = offset;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (isBlank(line)) {
      lineStart += line.length + 1;
      i++;
      continue;
    }
    const keyLine = KEY_LINE.exec(line);
    if (!keyLine || keys.has(keyLine[1]!)) {
      return undefined;
    }
    const key = keyLine[1]!;
    if (resolvePlainScalar(key)?.value !== key) {
      return undefined;
    }
    keys.add(key);
    const keyEnd = lineStart + key.length;
    const rest = trimEnd(line.slice(keyLine[0].length));
    const restStart = lineStart + keyLine[0].length;
    const nextStart = lineStart + line.length + 1;
    i++;
    if (rest === '') {
      // `key:` alone: a list of `- item` lines follows, or the value is null.
      const list = blockList(lines, i, nextStart, offset + source.length);
      if (list === undefined) {
        return undefined;
      }
      if (list) {
        entries.push({ key, keyStart: lineStart, keyEnd, value: list.value, data: list.value.items.map((item) => (item as ScalarValue).value) });
        i = list.nextLine;
        lineStart = list.nextStart;
        continue;
      }
      // The library places the empty value after the spaces that follow the colon.
      const at = lineStart + line.length;
      entries.push({ key, keyStart: lineStart, keyEnd, value: { kind: 'scalar', style: 'plain', start: at, end: at, value: null }, data: null });
    } else if (BLOCK_HEADER.test(rest)) {
      const block = blockScalar(rest, restStart, lines, i, nextStart, offset + source.length);
      if (!block) {
        return undefined;
      }
      entries.push({ key, keyStart: lineStart, keyEnd, value: block.value, data: block.value.value });
      i = block.nextLine;
      lineStart = block.nextStart;
      continue;
    } else {
      const value = rest.startsWith('[') ? flowList(rest, restStart) : scalar(rest, restStart, false);
      if (!value) {
        return undefined;
      }
      entries.push({ key, keyStart: lineStart, keyEnd, value, data: value.kind === 'list' ? value.items.map((item) => (item as ScalarValue).value) : value.value });
    }
    // A value never continues on an indented line here: that would be a folded scalar or a nested mapping.
    if (i < lines.length && /^ +\S/.test(lines[i]!)) {
      return undefined;
    }
    lineStart = nextStart;
  }
  return entries;
}

function isBlank(line: string): boolean {
  return /^ *$/.test(line);
}

/**
 * The `- item` lines after `key:` (same indentation, one scalar each), or null when the next non-blank line is not
 * one; undefined when the lines are not that simple.
 */
function blockList(lines: readonly string[], first: number, firstStart: number, sourceEnd: number): { value: ListValue; nextLine: number; nextStart: number } | null | undefined {
  const items: ScalarValue[] = [];
  let indent: number | undefined;
  let listStart: number | undefined;
  let lineStart = firstStart;
  let end = 0;
  let i = first;
  let afterItems = { line: first, start: firstStart };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      lineStart += line.length + 1;
      continue;
    }
    const item = ITEM_LINE.exec(line);
    if (!item) {
      break;
    }
    if (indent !== undefined && item[1]!.length !== indent) {
      return undefined;
    }
    indent = item[1]!.length;
    listStart ??= lineStart + indent;
    const text = trimEnd(line.slice(item[0].length));
    // An empty item, a nested list or a mapping in an item: the library's.
    const value = text === '' ? undefined : scalar(text, lineStart + item[0].length, false);
    if (!value) {
      return undefined;
    }
    items.push(value);
    // The list ends after the line break of its last item.
    end = Math.min(lineStart + line.length + 1, sourceEnd);
    lineStart += line.length + 1;
    afterItems = { line: i + 1, start: lineStart };
  }
  if (items.length === 0) {
    // Blank lines then a key (or the end): `key:` had no value. Anything else indented is not ours.
    return i < lines.length && /^ /.test(lines[i]!) ? undefined : null;
  }
  // What follows the list must be a key at the margin (or the end); a line indented otherwise is not ours.
  if (i < lines.length && /^ /.test(lines[i]!)) {
    return undefined;
  }
  return { value: { kind: 'list', flow: false, start: listStart!, end, items }, nextLine: afterItems.line, nextStart: afterItems.start };
}

/** `>` or `|`, kept (clip) or stripped (`-`) of the last line break; other indicators are the library's. */
const BLOCK_HEADER = /^[>|]-?$/;

/**
 * A folded (`>`) or literal (`|`) scalar whose lines all have the same indentation, with no blank or more-indented
 * line inside it and no trailing spaces: the lines joined by spaces or line breaks.
 */
function blockScalar(header: string, start: number, lines: readonly string[], first: number, firstStart: number, sourceEnd: number): { value: ScalarValue; nextLine: number; nextStart: number } | undefined {
  const indent = /^ */.exec(lines[first] ?? '')![0].length;
  const content: string[] = [];
  let lineStart = firstStart;
  let i = first;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (indent === 0 || line.length <= indent || !line.startsWith(' '.repeat(indent)) || line[indent] === ' ' || line.endsWith(' ')) {
      break;
    }
    content.push(line.slice(indent));
    lineStart += line.length + 1;
  }
  const end = Math.min(lineStart, sourceEnd);
  const after = { line: i, start: lineStart };
  // After the block: blank lines, then a key at the margin or the end. Anything indented belongs to the block.
  for (; i < lines.length && isBlank(lines[i]!); i++) {
    if (lines[i]!.length > 0) {
      return undefined;
    }
  }
  if (content.length === 0 || lineStart > sourceEnd || (i < lines.length && lines[i]!.startsWith(' '))) {
    return undefined;
  }
  const text = content.join(header[0] === '>' ? ' ' : '\n') + (header.endsWith('-') ? '' : '\n');
  return { value: { kind: 'scalar', style: 'block', start, end, value: text }, nextLine: after.line, nextStart: after.start };
}

/** `[a, "b", 'c']` on one line. */
function flowList(text: string, start: number): ListValue | undefined {
  if (!text.endsWith(']')) {
    return undefined;
  }
  const inner = text.slice(1, -1);
  const items: ScalarValue[] = [];
  if (!isBlank(inner)) {
    let at = 0;
    for (const piece of inner.split(',')) {
      const leading = piece.length - trimStart(piece).length;
      const written = trimEnd(trimStart(piece));
      // `[a, , b]`, `[a,]`, quotes holding commas, `:` (a pair), brackets: the library's.
      if (written === '' || /[:[\]]/.test(written)) {
        return undefined;
      }
      const value = scalar(written, start + 1 + at + leading, true);
      if (!value) {
        return undefined;
      }
      items.push(value);
      at += piece.length + 1;
    }
  }
  return { kind: 'list', flow: true, start, end: start + text.length, items };
}

/** YAML's white space is spaces and tabs (and a line's CR): a no-break space ends a title as part of it, as Psych reads it. */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isYamlSpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

function trimStart(text: string): string {
  let start = 0;
  while (start < text.length && isYamlSpace(text.charCodeAt(start))) {
    start++;
  }
  return start === 0 ? text : text.slice(start);
}

/** A space, a tab or a CR. */
function isYamlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** A plain or quoted scalar whose text is all of `text` (trimmed, one line). */
function scalar(text: string, start: number, inFlow: boolean): ScalarValue | undefined {
  const end = start + text.length;
  const first = text[0];
  if (first === '"') {
    const inner = text.slice(1, -1);
    return text.length >= 2 && text.endsWith('"') && !inner.includes('"') ? { kind: 'scalar', style: 'double', start, end, value: inner } : undefined;
  }
  if (first === "'") {
    const inner = text.slice(1, -1);
    return text.length >= 2 && text.endsWith("'") && !/'/.test(inner.replace(/''/g, '')) ? { kind: 'scalar', style: 'single', start, end, value: inner.replace(/''/g, "'") } : undefined;
  }
  if (PLAIN_START.test(text) || /:(?: |$)/.test(text) || (inFlow && /[,[\]{}]/.test(text))) {
    return undefined;
  }
  const resolved = resolvePlainScalar(text);
  return resolved && { kind: 'scalar', style: 'plain', start, end, value: resolved.value };
}
