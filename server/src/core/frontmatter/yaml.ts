import { parseDocument, type Document } from 'yaml';

/** A YAML problem, offsets relative to the parsed text. */
export interface YamlError {
  readonly code: 'frontmatter.yaml' | 'frontmatter.duplicate-key';
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Aliases expanded beyond this count are an attack (billion laughs), not a blog. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML as Jekyll's Ruby (Psych, YAML 1.1) reads it: `yes`/`on` are booleans, `2015-10-10` is a date.
 * Every error is kept with its position, not only the first. Unknown tags (`!ruby/object`) stay plain data:
 * no tag ever resolves to code.
 */
export function parseYaml(source: string): { readonly doc: Document.Parsed; readonly errors: YamlError[] } {
  const doc = parseDocument(source, { version: '1.1', uniqueKeys: true, prettyErrors: false, strict: false });
  // An error the parser only notices at the end (an unclosed `[` or quote) is shown on the last written character.
  const lastChar = Math.max(0, source.trimEnd().length - 1);
  const errors = doc.errors.map((error): YamlError => {
    const opener = unclosedOpener(source, error.code, error.message, error.pos[0]);
    if (opener !== undefined) {
      return { code: 'frontmatter.yaml', start: opener, end: opener + 1, message: `YAML syntax error: this \`${source[opener]}\` is never closed.` };
    }
    const start = Math.min(error.pos[0], lastChar);
    const end = Math.min(error.pos[1], source.length);
    const duplicate = error.code === 'DUPLICATE_KEY';
    return {
      code: duplicate ? 'frontmatter.duplicate-key' : 'frontmatter.yaml',
      start,
      end: Math.max(end, start + 1),
      message: duplicate ? 'Duplicate key: Jekyll keeps only the last value.' : syntaxMessage(error.message),
    };
  });
  return { doc, errors };
}

/** The document as plain data, or undefined when it cannot be expanded safely. */
export function yamlToData(doc: Document.Parsed): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
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
  return `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}
