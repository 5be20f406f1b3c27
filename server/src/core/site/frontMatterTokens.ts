import { detached } from '../detached';
import { LineCounter } from '../lineCounter';
import type { ParsedFrontMatter } from '../frontmatter/parse';
import type { FrontMatterValue } from '../frontmatter/values';

export type FrontMatterTokenKind = 'tag' | 'category' | 'author' | 'layout';

/**
 * One tag, category, author id or layout name as written in front matter, with where it stands, so that
 * references and rename can change exactly these characters in every post without reading the posts again.
 */
export interface FrontMatterToken {
  readonly kind: FrontMatterTokenKind;
  readonly value: string;
  /** Offsets of the value's characters, inside any quotes. */
  readonly start: number;
  readonly end: number;
  /** Position of `start` (front matter sits at the top, so this is cheap to know while indexing). */
  readonly line: number;
  readonly character: number;
  /** The quote around the value, '' for a plain scalar. */
  readonly quote: '' | '"' | "'";
  /** `words`: one of the space-separated tags of a string (`tags: big data`). */
  readonly form: 'scalar' | 'item' | 'words';
}

const KINDS: Readonly<Record<string, FrontMatterTokenKind>> = {
  tags: 'tag',
  categories: 'category',
  category: 'category',
  author: 'author',
  authors: 'author',
  layout: 'layout',
};

/** The tag, category, author and layout tokens of a parsed front matter, in source order. */
export function frontMatterTokens(text: string, parsed: ParsedFrontMatter): FrontMatterToken[] {
  const found: Omit<FrontMatterToken, 'line' | 'character'>[] = [];
  for (const entry of parsed.entries.values()) {
    const kind = KINDS[entry.key];
    if (!kind || !entry.value) {
      continue;
    }
    // `category:` is one name; `tags:`/`categories:` strings are split at white space, as Jekyll does.
    const splits = entry.key === 'tags' || entry.key === 'categories';
    if (entry.value.kind === 'list') {
      if (kind === 'layout') {
        continue;
      }
      for (const item of entry.value.items) {
        const token = scalarToken(text, item, kind, 'item');
        if (token) {
          found.push(token);
        }
      }
    } else if (splits && entry.value.kind === 'scalar' && entry.value.style === 'plain') {
      const token = scalarToken(text, entry.value, kind, 'scalar');
      if (token) {
        for (const word of token.value.matchAll(/\S+/g)) {
          const start = token.start + word.index;
          found.push({ kind: token.kind, value: word[0], start, end: start + word[0].length, quote: token.quote, form: 'words' });
        }
      }
    } else {
      const token = scalarToken(text, entry.value, kind, 'scalar');
      if (token && !(splits && /\s/.test(token.value))) {
        found.push(token);
      }
    }
  }
  return withPositions(text, found);
}

const QUOTES = { double: '"', single: "'", plain: '', block: undefined } as const;

/** A scalar whose source characters are exactly its value (no escapes, no folding), else undefined. */
function scalarToken(text: string, node: FrontMatterValue, kind: FrontMatterTokenKind, form: FrontMatterToken['form']): Omit<FrontMatterToken, 'line' | 'character'> | undefined {
  if (node.kind !== 'scalar' || node.value === null || node.value === undefined) {
    return undefined;
  }
  const quote = QUOTES[node.style];
  if (quote === undefined) {
    return undefined;
  }
  const start = node.start + quote.length;
  const end = node.end - quote.length;
  const source = text.slice(start, end);
  const value = node.value instanceof Date ? detached(source) : String(node.value);
  if (source !== value || source.includes('\n') || source.length === 0) {
    return undefined;
  }
  return { kind, value, start, end, quote, form };
}

function withPositions(text: string, tokens: Omit<FrontMatterToken, 'line' | 'character'>[]): FrontMatterToken[] {
  tokens.sort((a, b) => a.start - b.start);
  const lines = new LineCounter(text);
  return tokens.map((token) => {
    lines.moveTo(token.start);
    // Every property written out, in one order: a spread here gave each of 54,000 tokens its own hidden class (16 MB).
    return { kind: token.kind, value: token.value, start: token.start, end: token.end, line: lines.line, character: token.start - lines.lineStart, quote: token.quote, form: token.form };
  });
}

/** The token whose characters contain `offset` (its ends included, where a cursor stands after typing). */
export function tokenAt(tokens: readonly FrontMatterToken[], offset: number): FrontMatterToken | undefined {
  return tokens.find((token) => token.start <= offset && offset <= token.end);
}
