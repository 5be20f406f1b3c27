/**
 * Finds the front matter block the way Jekyll does (`Document::YAML_FRONT_MATTER_REGEXP`):
 * the file starts with `---` and optional trailing white space on its own line, and the block
 * ends at the first later line that is `---` or `...` (again with optional trailing white space).
 * A leading BOM is skipped, as Jekyll reads files as `bom|utf-8`.
 */
export type FrontMatterBlock =
  | { readonly kind: 'none' }
  /** Opens with `---` but never closes: Jekyll then reads the whole file as content. */
  | { readonly kind: 'unclosed'; readonly openStart: number; readonly openEnd: number }
  | {
      readonly kind: 'closed';
      /** Offset of the opening `---`. */
      readonly openStart: number;
      /** Offsets of the YAML text between the delimiter lines. */
      readonly yamlStart: number;
      readonly yamlEnd: number;
      /** Offset of the closing delimiter line and of the body after it. */
      readonly closeStart: number;
      readonly bodyStart: number;
    };

// Sticky, at the file's start or after its BOM: the white space after `---` may be of any length (Ruby's `\s*`).
const OPENING = /---[ \t\f\v\r]*\n/y;
const YAML_HEADER = /---\s*\r?\n/y;
const CLOSING = /^(?:---|\.\.\.)[ \t\f\v\r]*(?:\n|$)/gm;

export function splitFrontMatter(text: string): FrontMatterBlock {
  const openStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  OPENING.lastIndex = openStart;
  const opening = OPENING.exec(text);
  if (!opening) {
    return { kind: 'none' };
  }
  const yamlStart = openStart + opening[0].length;
  // Ruby's `^` also matches right after the opening line, so an empty block `---\n---` closes at once.
  CLOSING.lastIndex = yamlStart;
  const closing = CLOSING.exec(text);
  if (!closing) {
    return { kind: 'unclosed', openStart, openEnd: yamlStart };
  }
  return {
    kind: 'closed',
    openStart,
    yamlStart,
    yamlEnd: closing.index,
    closeStart: closing.index,
    bodyStart: closing.index + closing[0].length,
  };
}

/** Whether Jekyll treats the file as one with front matter (`Utils.has_yaml_header?`). */
export function hasYamlHeader(text: string): boolean {
  YAML_HEADER.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return YAML_HEADER.test(text);
}
