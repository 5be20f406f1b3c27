import * as l10n from '@vscode/l10n';
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument, Schema, type Document, type Node, type ScalarTag, type Tags } from 'yaml';

/** A YAML problem, offsets relative to the parsed text. */
export interface YamlError {
  readonly code: 'frontmatter.yaml' | 'frontmatter.duplicate-key' | 'frontmatter.ignored-rest';
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Aliases expanded beyond this count are an attack (billion laughs), not a blog. */
export const MAX_ALIAS_COUNT = 100;
/** YAML beyond these sizes takes the parser seconds; no front matter, config or author file comes near them. */
const MAX_YAML_CHARS = 512 * 1024;
const MAX_YAML_ITEMS = 10_000;
const MAX_FLOW_DEPTH = 500;
/** Aliases times anchors above this take more than a moment to resolve; no blog comes near it. */
const MAX_ALIAS_WORK = 10_000_000;

/**
 * Parses YAML as Jekyll's Ruby (Psych, YAML 1.1) reads it: `yes`/`on` are booleans, `2015-10-10` is a date.
 * Every error is kept with its position, not only the first. Unknown tags (`!ruby/object`) stay plain data:
 * no tag ever resolves to code.
 */
export function parseYaml(source: string): { readonly doc: Document.Parsed; readonly errors: YamlError[] } {
  const refusal = refusalOf(source);
  if (refusal) {
    return { doc: parseDocument(''), errors: [refusal] };
  }
  const whole = readDocument(source);
  const rest = ignoredRest(source, whole);
  if (rest) {
    return { doc: rest.doc, errors: [rest.error, ...structureProblems(rest.doc)] };
  }
  const doc = whole;
  // An error the parser only notices at the end (an unclosed `[` or quote) is shown on the last written character.
  const lastChar = Math.max(0, source.trimEnd().length - 1);
  const errors = doc.errors.map((error): YamlError => {
    const opener = unclosedOpener(source, error.code, error.message, error.pos[0]);
    if (opener !== undefined) {
      return { code: 'frontmatter.yaml', start: opener, end: opener + 1, message: l10n.t('YAML syntax error: this `{0}` is never closed.', source[opener]!) };
    }
    const start = Math.min(error.pos[0], lastChar);
    const end = Math.min(error.pos[1], source.length);
    return { code: 'frontmatter.yaml', start, end: Math.max(end, start + 1), message: syntaxMessage(error.message) };
  });
  errors.push(...structureProblems(doc));
  return { doc, errors: errors.sort((a, b) => a.start - b.start) };
}

/**
 * Jekyll's YAML reader (Psych) returns the first node and never reads on: after a block that ends early (the
 * first keys indented, the next at column 0, or a second `---` document), the rest is ignored without an error.
 * Only the token right after the block is scanned, so a character that cannot start one (a tab before it, `@`,
 * a backtick) is still an error. The block read alone, and the line where Jekyll stops; undefined otherwise.
 */
function ignoredRest(source: string, doc: Document.Parsed): { readonly doc: Document.Parsed; readonly error: YamlError } | undefined {
  const end = isCollection(doc.contents) ? doc.contents.range?.[1] : undefined;
  if (end === undefined || doc.errors.length === 0 || doc.errors.some((e) => e.pos[0] < end)) {
    return undefined;
  }
  const next = nextTokenStart(source, end);
  if (next === undefined || '@`\t'.includes(source[next]!)) {
    return undefined;
  }
  const block = readDocument(source.slice(0, end));
  if (block.errors.length > 0) {
    return undefined;
  }
  const lineEnd = source.indexOf('\n', next);
  const message = /^(?:---|\.\.\.)(?:\s|$)/.test(source.slice(next, next + 4))
    ? l10n.t('Jekyll reads only the first YAML document: it ignores this line and every line after it, without a word.')
    : l10n.t('Jekyll stops reading the YAML here: the block above ended (this line is less indented than its first key), so Jekyll ignores this line and every line after it, without a word.');
  return { doc: block, error: { code: 'frontmatter.ignored-rest', start: next, end: lineEnd === -1 ? source.length : lineEnd, message } };
}

/** Where libyaml's scanner starts the next token after a line break: past spaces, comments and blank lines; at a tab, which it cannot skip there. */
function nextTokenStart(source: string, from: number): number | undefined {
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      const lineEnd = source.indexOf('\n', i);
      if (lineEnd === -1) {
        return undefined;
      }
      i = lineEnd;
    } else if (c !== ' ' && c !== '\n' && c !== '\r') {
      return i;
    }
  }
  return undefined;
}

const RUBY_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error' } as const;
/**
 * The schema the library would make for these options, made once: it made one per document (its tag lists
 * copied each time), and every parsed list and map keeps a reference to its schema.
 */
const RUBY_SCHEMA = new Schema({ ...RUBY_OPTIONS, resolveKnownTags: false, schema: 'yaml-1.1', customTags: psychScalars });

/**
 * Psych's booleans, not YAML 1.1's: `yes`/`true`/`on` and `no`/`false`/`off` in any case; `y` and `n` stay text
 * (just-the-docs' page `title: Y`; the oracle prints "Y"). And its floats: a dot without a digit (`.`, `-.`, `._`)
 * is text (the oracle prints "."; `source: .` is the folder itself).
 */
function psychScalars(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) {
      return tag;
    }
    if (tag.tag === 'tag:yaml.org,2002:bool') {
      return { ...tag, test: tag.test.test('yes') ? /^(?:yes|true|on)$/i : /^(?:no|false|off)$/i };
    }
    if (tag.tag === 'tag:yaml.org,2002:float' && tag.test.test('.')) {
      const test = tag.test;
      return { ...tag, test: new RegExp(`(?=.*[0-9])(?:${test.source})`, test.flags) };
    }
    return tag;
  });
}

/** The options the library resolves scalars with (`intAsBigInt` and the like), as it fills them in for a parse. */
const RESOLVE_OPTIONS = parseDocument('', { ...RUBY_OPTIONS, schema: RUBY_SCHEMA }).options;

/**
 * A one-line plain scalar as the parser would resolve it: the first of the schema's default tags whose pattern
 * matches, else a string. Undefined when resolving it reports a problem, which only the parser can place.
 */
export function resolvePlainScalar(text: string): { readonly value: unknown } | undefined {
  const tag = RUBY_SCHEMA.tags.find((t): t is ScalarTag => t.default === true && !t.collection && t.test?.test(text) === true);
  if (!tag?.resolve) {
    return { value: text };
  }
  let failed = false;
  try {
    const value = tag.resolve(text, () => (failed = true), RESOLVE_OPTIONS);
    return failed || isNode(value) ? undefined : { value };
  } catch {
    return undefined;
  }
}

function parseAsRuby(source: string): Document.Parsed {
  // The library's own `uniqueKeys` check compares every key with every other (40,000 keys take 12 s): ours is linear.
  // The library makes an Error per problem; without stack traces a file with thousands of them parses 5x faster.
  // `logLevel: 'error'`: its warnings would go to stderr (the editor's output channel) once per odd key.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, { ...RUBY_OPTIONS, schema: RUBY_SCHEMA });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Ruby's YAML (libyaml) does not require a quoted value's continuation lines to be indented, so
 * `excerpt: "one\ntwo"` with `two` at column 0 is valid for Jekyll; the library reads `two` as a new key.
 * Such quoted values are joined onto one line (same length, so every offset stays) and read again; the
 * reading is kept only when it has no error at all.
 */
function readDocument(source: string): Document.Parsed {
  const doc = parseAsRuby(source);
  let joined = source;
  for (let round = 0; round < 10; round++) {
    const current = round === 0 ? doc : parseAsRuby(joined);
    if (current.errors.length === 0) {
      return current;
    }
    const next = indentFlowLines(joinUnindentedQuotes(joined, current), current);
    if (next === joined) {
      break;
    }
    joined = next;
  }
  return doc;
}

/**
 * The text with the line breaks inside each quoted value the parser calls unclosed turned into spaces. The parser
 * also calls the closing quote of such a value unclosed when it stands alone at column 0: it is no value of its own.
 */
function joinUnindentedQuotes(source: string, doc: Document.Parsed): string {
  const chars = source.split('');
  const spans: { readonly open: number; readonly close: number }[] = [];
  for (const error of doc.errors) {
    const quote = error.code === 'MISSING_CHAR' ? /closing (["'])/.exec(error.message)?.[1] : undefined;
    const open = quote === undefined ? undefined : quotedValueStart(source, error.pos[0], quote);
    const close = open === undefined ? undefined : closingQuote(source, open, quote!);
    if (close !== undefined) {
      spans.push({ open: open!, close });
    }
  }
  let joinedUpTo = -1;
  for (const { open, close } of spans.sort((a, b) => a.open - b.open)) {
    if (open <= joinedUpTo) {
      continue;
    }
    joinedUpTo = close;
    for (let i = open + 1; i < close; i++) {
      if (chars[i] === '\n' || chars[i] === '\r') {
        chars[i] = ' ';
      }
    }
  }
  return chars.join('');
}

/**
 * libyaml reads the lines of a flow collection (`[...]`, `{...}`) whatever their indentation: at column 0 or
 * after tabs. The library wants them indented: where it says a flow line is not, the line's leading tabs become
 * spaces and a line at column 0 joins the one before (same length, so every offset stays). A line after a
 * comment cannot join it, and stays an error.
 */
function indentFlowLines(source: string, doc: Document.Parsed): string {
  let chars: string[] | undefined;
  for (const error of doc.errors) {
    if (error.code !== 'BAD_INDENT' || !error.message.startsWith('Flow ')) {
      continue;
    }
    chars ??= source.split('');
    const lineStart = source.lastIndexOf('\n', error.pos[0] - 1) + 1;
    let i = lineStart;
    for (; chars[i] === '\t' || chars[i] === ' '; i++) {
      chars[i] = ' ';
    }
    const previousLine = source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
    if (i === lineStart && lineStart > 0 && !previousLine.includes('#')) {
      chars[lineStart - 1] = ' ';
      if (chars[lineStart - 2] === '\r') {
        chars[lineStart - 2] = ' ';
      }
    }
  }
  return chars ? chars.join('') : source;
}

/**
 * Where a quoted value starts: the quote opening a token (after `: `, `- `, `[`, `,`) on the line holding
 * `at` or the nearest line above with one (the parser may point past blank lines).
 */
function quotedValueStart(source: string, at: number, quote: string): number | undefined {
  const opener = new RegExp(`(?:^|[:\\-\\[{,]\\s*|^\\s+)(${quote})`);
  let lineEnd = source.indexOf('\n', at);
  for (let lines = 0; lines < 4; lines++) {
    const lineStart = source.lastIndexOf('\n', Math.max(0, (lineEnd === -1 ? source.length : lineEnd) - 1)) + 1;
    const match = opener.exec(source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd));
    if (match) {
      return lineStart + match.index + match[0].length - 1;
    }
    if (lineStart === 0) {
      return undefined;
    }
    lineEnd = lineStart - 1;
  }
  return undefined;
}

function closingQuote(source: string, open: number, quote: string): number | undefined {
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i];
    if (quote === '"' && c === '\\') {
      i++;
    } else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return undefined;
}

/** Why the text is not parsed at all, checked before the parser spends seconds on it. */
function refusalOf(source: string): YamlError | undefined {
  if (source.length > MAX_YAML_CHARS) {
    return { code: 'frontmatter.yaml', start: 0, end: 1, message: l10n.t('This YAML is {0} KB, over the {1} KB Blogwright reads; it is not checked.', Math.round(source.length / 1024), MAX_YAML_CHARS / 1024) };
  }
  // Counts brackets, lines and commas without regard to quotes: a false alarm would need thousands of them in strings.
  let depth = 0;
  let items = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if ((c === 0x0a || c === 0x2c) && ++items > MAX_YAML_ITEMS) {
      return { code: 'frontmatter.yaml', start: 0, end: 1, message: l10n.t('This YAML has more than {0} lines and items, more than Blogwright reads; it is not checked.', MAX_YAML_ITEMS) };
    }
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) {
        return { code: 'frontmatter.yaml', start: i, end: i + 1, message: l10n.t('YAML nested more than {0} levels deep is not read.', MAX_FLOW_DEPTH) };
      }
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Keys repeated in the same mapping, at any depth, and more aliases than can be resolved in time (the library
 * looks each alias up among all anchors). Walks without recursion, so deep nesting cannot overflow the stack.
 */
function structureProblems(doc: Document.Parsed): YamlError[] {
  const errors: YamlError[] = [];
  const stack: unknown[] = [doc.contents];
  let aliases = 0;
  let anchors = 0;
  let firstAlias: Node | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      aliases++;
      firstAlias ??= node;
    } else if ((node as Node | null)?.anchor) {
      anchors++;
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        // `<<` merges (a symbol) may repeat; non-scalar keys and dates are never equal to each other, as in the library.
        if (isScalar(key) && key.range && (typeof key.value !== 'object' || key.value === null) && typeof key.value !== 'symbol') {
          const id = typeof key.value + ':' + String(key.value);
          if (seen.has(id)) {
            errors.push({ code: 'frontmatter.duplicate-key', start: key.range[0], end: Math.max(key.range[1], key.range[0] + 1), message: l10n.t('Duplicate key: Jekyll keeps only the last value.') });
          }
          seen.add(id);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        stack.push(item);
      }
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  if (aliases * (aliases + anchors) > MAX_ALIAS_WORK) {
    const at = firstAlias?.range?.[0] ?? 0;
    errors.push({ code: 'frontmatter.yaml', start: at, end: at + 1, message: l10n.t('This YAML has {0} aliases among {1} anchors, too many to read safely; Blogwright does not read it.', aliases, anchors) });
  }
  return errors;
}

/** The document (or one of its nodes) as plain data, or an error when it cannot be expanded safely. */
export function yamlToData(doc: Document.Parsed, node?: Node): { value: unknown } | { error: string } {
  try {
    return { value: node ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The parser notices an unclosed `[`, `{` or quote only where the next line starts; the mistake is the
 * opener, so that is where the user should look.
 */
function unclosedOpener(source: string, code: string, message: string, at: number): number | undefined {
  const closer = /end with a ([\]}])/.exec(message)?.[1] ?? (code === 'MISSING_CHAR' ? /closing (["'])/.exec(message)?.[1] : undefined);
  if (!closer) {
    return undefined;
  }
  const opener = closer === ']' ? '[' : closer === '}' ? '{' : closer;
  let depth = 0;
  for (let i = Math.min(at, source.length) - 1; i >= 0; i--) {
    const c = source[i];
    if (opener === closer) {
      if (c === opener) {
        return i;
      }
    } else if (c === closer) {
      depth++;
    } else if (c === opener) {
      if (depth === 0) {
        return i;
      }
      depth--;
    }
  }
  return undefined;
}

function syntaxMessage(message: string): string {
  // The library appends "at line L, column C" and a code frame; the diagnostic's range already says where.
  const firstLine = message.split('\n')[0] ?? message;
  return l10n.t('YAML syntax error: {0}', firstLine.replace(/ at line \d+, column \d+:?$/, ''));
}
