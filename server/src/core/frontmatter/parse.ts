import * as l10n from '@vscode/l10n';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { detached } from '../detached';
import { asRecord } from '../site/config';
import { readFlatYaml } from './flatYaml';
import type { FrontMatterValue, OtherValue, ScalarStyle, ScalarValue } from './values';
import { splitFrontMatter, type FrontMatterBlock } from './split';
import { parseYaml, yamlToData, type YamlError } from './yaml';

/** One top-level front matter entry with its source offsets (absolute in the file). */
export interface FrontMatterEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** The value as written; undefined for `key:` with nothing after it. */
  readonly value: FrontMatterValue | undefined;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The value as Jekyll reads it (YAML 1.1: `yes` is true, `2015-10-10` a Date, `~` null). */
  readonly data: unknown;
}

export interface ParsedFrontMatter {
  readonly block: FrontMatterBlock;
  /** Offset of the body: after the closing delimiter, or 0 without a (closed) block. */
  readonly bodyStart: number;
  /** YAML problems, offsets absolute in the file. */
  readonly problems: readonly YamlError[];
  /** Top-level entries when the front matter is a readable mapping, in source order. */
  readonly entries: ReadonlyMap<string, FrontMatterEntry>;
  /** False when the YAML is a scalar or a list: Jekyll then keeps no data. */
  readonly isMapping: boolean;
  /** Where the YAML starts. */
  readonly yamlOffset: number;
}

const NO_ENTRIES: ReadonlyMap<string, FrontMatterEntry> = new Map();

/**
 * The front matter of a file as Jekyll reads it. Flat front matter (most posts) is read by `flatYaml.ts`, the rest
 * by the `yaml` library; `reader: 'library'` forces the library (the tests compare the two).
 */
export function parseFrontMatter(text: string, reader: 'any' | 'library' = 'any'): ParsedFrontMatter {
  const block = splitFrontMatter(text);
  if (block.kind !== 'closed') {
    return { block, bodyStart: 0, problems: [], entries: NO_ENTRIES, isMapping: false, yamlOffset: 0 };
  }
  const offset = block.yamlStart;
  // Detached: the site index keeps values read from it, which must not keep the whole file alive.
  const source = detached(text.slice(block.yamlStart, block.yamlEnd));
  const flat = reader === 'any' ? readFlatYaml(source, offset) : undefined;
  if (flat) {
    const entries = new Map<string, FrontMatterEntry>();
    for (const { key, keyStart, keyEnd, value, data } of flat) {
      entries.set(key, { key, keyStart, keyEnd, value, valueStart: value.start, valueEnd: value.end, data });
    }
    return { block, bodyStart: block.bodyStart, problems: [], entries, isMapping: true, yamlOffset: offset };
  }
  const { doc, errors } = parseYaml(source);
  const problems: YamlError[] = errors.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset }));
  const contents = doc.contents;
  const isMapping = contents === null || isMap(contents);
  const entries = new Map<string, FrontMatterEntry>();
  // With a syntax error Jekyll drops the whole front matter, so there is no data to speak of.
  if (isMap(contents) && !problems.some((p) => p.code === 'frontmatter.yaml')) {
    // The whole document at once: resolving aliases entry by entry would re-walk the document for each entry.
    const whole = yamlToData(doc);
    const values = 'value' in whole ? asRecord(whole.value) : {};
    for (const pair of contents.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) {
        continue;
      }
      const name = String(key.value);
      const value = (pair.value ?? undefined) as Node | undefined;
      const keyStart = offset + key.range[0];
      const keyEnd = offset + key.range[1];
      const valueStart = value?.range ? offset + value.range[0] : keyEnd;
      const valueEnd = value?.range ? offset + value.range[1] : keyEnd;
      let data: unknown = null;
      if (value) {
        // After a failure (an alias bomb), only entries without aliases can be read safely.
        const read = Object.hasOwn(values, name) ? { value: values[name] } : 'error' in whole && containsAlias(value) ? whole : yamlToData(doc, value);
        if ('value' in read) {
          data = read.value;
        } else {
          problems.push({ code: 'frontmatter.yaml', start: valueStart, end: Math.max(valueEnd, valueStart + 1), message: l10n.t('This value cannot be read: {0}', read.error) });
        }
      }
      entries.set(name, { key: name, keyStart, keyEnd, value: value && valueOf(value, offset), valueStart, valueEnd, data });
    }
  }
  return { block, bodyStart: block.bodyStart, problems, entries, isMapping, yamlOffset: offset };
}

/** A parsed node as the plain shape the rules read. */
function valueOf(node: Node, offset: number): FrontMatterValue {
  if (isSeq(node)) {
    const items = node.items.map((item) => (isScalar(item) ? scalarOf(item, offset) : otherOf(item as Node, offset)));
    return { kind: 'list', flow: node.flow === true, start: offset + (node.range?.[0] ?? 0), end: offset + (node.range?.[1] ?? 0), items };
  }
  return isScalar(node) ? scalarOf(node, offset) : otherOf(node, offset);
}

const STYLES: Readonly<Record<string, ScalarStyle>> = {
  [Scalar.PLAIN]: 'plain',
  [Scalar.QUOTE_DOUBLE]: 'double',
  [Scalar.QUOTE_SINGLE]: 'single',
  [Scalar.BLOCK_LITERAL]: 'block',
  [Scalar.BLOCK_FOLDED]: 'block',
};

function scalarOf(node: Scalar, offset: number): ScalarValue {
  return { kind: 'scalar', style: STYLES[node.type ?? Scalar.PLAIN] ?? 'plain', start: offset + (node.range?.[0] ?? 0), end: offset + (node.range?.[1] ?? 0), value: node.value };
}

function otherOf(node: Node | null, offset: number): OtherValue {
  const range = node?.range;
  return { kind: 'other', start: offset + (range?.[0] ?? 0), end: offset + (range?.[1] ?? 0) };
}

function containsAlias(root: Node): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      return true;
    }
    if (isCollection(node)) {
      for (const item of node.items) {
        stack.push(item);
      }
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return false;
}

/** Plain data of all entries, as Jekyll's `page` hash would hold it. */
export function frontMatterData(parsed: ParsedFrontMatter): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, entry] of parsed.entries) {
    if (key === '__proto__') {
      // Defined, not assigned: a `__proto__:` key is data, not the object's prototype.
      Object.defineProperty(data, key, { value: entry.data, enumerable: true, writable: true, configurable: true });
    } else {
      // Assigned: an object whose every key is defined becomes a slow dictionary, for every later read too.
      data[key] = entry.data;
    }
  }
  return data;
}
