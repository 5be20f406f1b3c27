/**
 * The text of a document's excerpt, as Jekyll's `Excerpt#extract_excerpt` cuts it from the body (before Liquid):
 * everything before the first `excerpt_separator` (so an empty one when the body starts with it), with a
 * closing tag for each Liquid block left open, and the reference definitions below it that it uses.
 */
import { LIQUID_BLOCK_TAGS } from '../liquidBlockTags';

const LIQUID_TAG = /\{%-?\s*(\w+)\s*[\s\S]*?-?%\}/g;
const REFERENCE_DEFINITION = /^ {0,3}(\[[^\]\n]+\])(:.+)$/gm;

export function excerptSource(afterFrontMatter: string, separator: string): string {
  // Jekyll's front matter pattern ends in `\s*$\n?`: the blank lines after the closing `---` are not in the content.
  const body = afterFrontMatter.replace(/^\s*\n/, '');
  const at = separator === '' ? -1 : body.indexOf(separator);
  if (at < 0 || at + separator.length === body.length) {
    return at < 0 ? body : body.slice(0, at);
  }
  let head = body.slice(0, at);
  const tail = body.slice(at + separator.length);
  if (head.includes('{%')) {
    const names = [...head.matchAll(LIQUID_TAG)].map((m) => m[1]!);
    for (const name of names.reverse()) {
      if (LIQUID_BLOCK_TAGS.has(name) && !new RegExp(`\\{%-?\\s*end${name}[\\s\\S]*?\\s*-?%\\}`).test(head)) {
        head += `\n{% end${name} %}`;
      }
    }
  }
  const definitions = [...tail.matchAll(REFERENCE_DEFINITION)].filter((m) => head.includes(m[1]!)).map((m) => m[1]! + m[2]!);
  return definitions.length === 0 ? head : head + '\n\n' + definitions.join('\n');
}

/** `excerpt_separator` from the document, else the site, else a blank line (a number is its text, as Ruby's `to_s` makes it). */
export function excerptSeparator(data: Readonly<Record<string, unknown>>, config: Readonly<Record<string, unknown>>): string {
  const own = data['excerpt_separator'] ?? config['excerpt_separator'];
  return own === undefined || own === null ? '\n\n' : String(own);
}
