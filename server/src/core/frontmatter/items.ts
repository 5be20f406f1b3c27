import type { FrontMatterEntry } from './parse';
import type { ScalarValue } from './values';

/** One value of a list-like key (`tags`, `author`), with where it is written. */
export interface ValueItem {
  /** As Jekyll reads it: YAML 1.1, so `null` is null and `yes` is true. */
  readonly data: unknown;
  /** The item as written, quotes included; empty for a `-` with nothing after it. */
  readonly start: number;
  readonly end: number;
  /** What to delete to drop the item with its separator, leaving the rest of the list as it was. */
  readonly removeStart: number;
  readonly removeEnd: number;
  /** Written without quotes, so YAML 1.1 may read it as something other than text. */
  readonly plain: boolean;
}

export type ItemsForm = 'block' | 'flow' | 'words' | 'scalar';

export interface EntryItems {
  /** `block`/`flow` lists, a string split at spaces (`words`, as Jekyll splits `tags`), or one other scalar. */
  readonly form: ItemsForm;
  readonly items: readonly ValueItem[];
}

/**
 * The items of a key's value. `splitWords` splits a string value at white space as Jekyll does for
 * `tags` and `categories`; otherwise a string is one item. Undefined for mappings and empty values.
 */
export function itemsOf(entry: FrontMatterEntry, text: string, splitWords: boolean): EntryItems | undefined {
  const value = entry.value;
  if (value?.kind === 'list') {
    const flow = value.flow;
    const nodes = value.items.filter((item): item is ScalarValue => item.kind === 'scalar');
    const ranges = nodes.map((node) => [node.start, node.end] as const);
    const items = nodes.map((node, i): ValueItem => {
      const [start, end] = ranges[i]!;
      const plain = node.style === 'plain';
      if (flow) {
        // `[a, b, c]`: drop `, b` (or `a, ` for the first item) so the separators stay right.
        const previous = ranges[i - 1];
        const next = ranges[i + 1];
        return previous ? { data: data(entry, i), start, end, removeStart: previous[1], removeEnd: end, plain } : { data: data(entry, i), start, end, removeStart: start, removeEnd: next ? next[0] : end, plain };
      }
      // `- b` on its own line: drop the whole line.
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const newline = text.indexOf('\n', end);
      return { data: data(entry, i), start, end, removeStart: lineStart, removeEnd: newline < 0 ? text.length : newline + 1, plain };
    });
    return { form: flow ? 'flow' : 'block', items: nodes.length === value.items.length ? items : [] };
  }
  if (value?.kind !== 'scalar' || entry.data === null) {
    return undefined;
  }
  const [start, end] = [entry.valueStart, entry.valueEnd];
  const plain = value.style === 'plain';
  const source = text.slice(start, end);
  if (splitWords && typeof entry.data === 'string') {
    if (source.includes('\n') || (!plain && /\\|''/.test(source))) {
      // Folded lines and escapes move the words away from their offsets: nothing to point at exactly.
      return undefined;
    }
    // Offsets of each word; a quoted string without escapes keeps them one to one, after the quote.
    const inner = plain ? start : start + 1;
    const words: ValueItem[] = [];
    const matches = [...entry.data.matchAll(/\S+/g)];
    matches.forEach((match, i) => {
      const wordStart = inner + match.index;
      const wordEnd = wordStart + match[0].length;
      const previousEnd = i > 0 ? inner + matches[i - 1]!.index + matches[i - 1]![0].length : undefined;
      const nextStart = i + 1 < matches.length ? inner + matches[i + 1]!.index : undefined;
      words.push({
        data: match[0],
        start: wordStart,
        end: wordEnd,
        removeStart: previousEnd ?? wordStart,
        removeEnd: previousEnd === undefined && nextStart !== undefined ? nextStart : wordEnd,
        plain,
      });
    });
    return { form: 'words', items: words };
  }
  return { form: 'scalar', items: [{ data: entry.data, start, end, removeStart: start, removeEnd: end, plain }] };
}

function data(entry: FrontMatterEntry, index: number): unknown {
  return Array.isArray(entry.data) ? entry.data[index] : undefined;
}

/** The text to write for a replacement item: quoted when YAML would not read it back as this plain text. */
export function yamlText(value: string, form: ItemsForm): string {
  const needsQuotes =
    value === '' ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
    /[:#]\s|\s$|:$/.test(value) ||
    (form === 'flow' && /[,[\]{}]/.test(value)) ||
    /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?[\d._:]+|\d{4}-\d\d?-\d\d?.*)$/i.test(value);
  return needsQuotes ? JSON.stringify(value) : value;
}
