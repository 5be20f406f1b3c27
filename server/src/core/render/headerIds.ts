/**
 * Header ids as Jekyll's kramdown writes them. Confirmed in the sources:
 * - GFM input (Jekyll's default), kramdown-parser-gfm `generate_gfm_header_id`: the header's text content
 *   (markup removed, entities and smart quotes as characters), lowercased, every character that is not a
 *   word character, `-`, space or tab removed, spaces and tabs turned into `-`; the n-th repeat of an id
 *   gets `-n`. An empty id stays empty.
 * - `input: kramdown`, kramdown `Converter::Base#generate_id`/`basic_generate_id`: the header's *source*
 *   text, leading non-letters dropped, only `[a-zA-Z0-9 -]` kept, spaces to `-`, lowercased, `section`
 *   when empty, repeats get `-1`, `-2`.
 * - `{#id}` after the text, or a block IAL `{: #id}` below it, sets the id and counts as no repeat.
 * - `auto_ids: false` gives no ids; `auto_id_prefix` is put in front of every generated id;
 *   `transliterated_header_ids` transliterates the text kramdown's rule reads (it needs the stringex gem); GFM's rule
 *   ignores it (Jekyll 4.3.1: `## Prueba ágil` stays `prueba-ágil`).
 * Liquid runs before kramdown, so a header with `{{ }}` or `{% %}` has an id nobody can know here.
 */
import { rubyDowncase } from '../rubyDowncase';
import type { SiteConfig } from '../site/config';
import type { Heading } from './markdownBlocks';

export interface HeaderIdOptions {
  readonly input: 'GFM' | 'kramdown';
  readonly autoIds: boolean;
  readonly prefix: string;
  readonly transliterated: boolean;
}

export function headerIdOptions(config: SiteConfig): HeaderIdOptions {
  return {
    input: config.kramdownInput,
    autoIds: config.kramdownAutoIds,
    prefix: config.kramdownAutoIdPrefix,
    transliterated: config.kramdownTransliteratedIds,
  };
}

export interface HeaderId {
  /** The id, or undefined when it is unknowable (Liquid in the header, text stringex would transliterate beyond Latin). */
  readonly id: string | undefined;
  readonly heading: Heading;
}

/**
 * Where a heading's id is counted: in the document's own conversion (undefined), inside `<div markdown="1">`
 * (`html`: kramdown-parser-gfm gives those headers kramdown's own ids, counted apart), or in a separate conversion
 * that starts at the given offset (a `{% capture %}` block, which `markdownify` converts on its own).
 */
export type IdScope = 'html' | number | undefined;

/** The id of every heading, in document order; headings without an id (auto_ids off) are left out. */
export function headerIds(headings: readonly Heading[], options: HeaderIdOptions, scopeOf?: (offset: number) => IdScope): HeaderId[] {
  const counts = new Map<IdScope, Map<string, number>>();
  const ids: HeaderId[] = [];
  for (const heading of headings) {
    if (heading.customId !== undefined) {
      ids.push({ id: heading.customId, heading });
      continue;
    }
    if (!options.autoIds) {
      continue;
    }
    if (/\{\{|\{%/.test(heading.text)) {
      ids.push({ id: undefined, heading });
      continue;
    }
    const scope = scopeOf?.(heading.start);
    let seen = counts.get(scope);
    if (!seen) {
      counts.set(scope, (seen = new Map()));
    }
    const inHtml = options.input === 'GFM' && scope === 'html';
    const id = inHtml ? nextKramdownId(headerTextContent(heading.text), options, seen) : nextId(heading.text, options, seen);
    ids.push({ id: id === undefined ? undefined : options.prefix + id, heading });
  }
  return ids;
}

function nextId(source: string, options: HeaderIdOptions, seen: Map<string, number>): string | undefined {
  if (options.input === 'GFM') {
    // kramdown-parser-gfm: Hash.new(-1), so the first use is bare and the n-th repeat gets `-n`.
    const base = gfmId(headerTextContent(source));
    const count = (seen.get(base) ?? -1) + 1;
    seen.set(base, count);
    return count > 0 ? `${base}-${count}` : base;
  }
  return nextKramdownId(source, options, seen);
}

function nextKramdownId(text: string, options: HeaderIdOptions, seen: Map<string, number>): string | undefined {
  const source = options.transliterated ? transliterate(text) : text;
  // stringex spells other scripts out in Latin words (`中文` as `Zhong Wen`): an id nobody can tell here.
  if (options.transliterated && /[^ -~\t]/.test(source)) {
    return undefined;
  }
  let base = kramdownId(source);
  if (base === '') {
    base = 'section';
  }
  const used = seen.get(base);
  if (used === undefined) {
    seen.set(base, 0);
    return base;
  }
  seen.set(base, used + 1);
  return `${base}-${used + 1}`;
}

/** GFM's rule on a header's text content, without the repeat counter. */
export function gfmId(text: string): string {
  return rubyDowncase(text)
    .replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/** kramdown's `basic_generate_id`, without `section` and the repeat counter. */
export function kramdownId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/**
 * The text a reader sees of a header's Markdown source, as kramdown-parser-gfm's `update_raw_text` collects
 * it: text, code span contents and link texts, with images, footnote markers and HTML tags left out and
 * entities and escapes turned into characters. Punctuation that GFM's rule drops anyway is left alone.
 */
export function headerTextContent(source: string): string {
  // No real header is this long; past it the regular expressions below would cost time quadratic in the length.
  if (source.length > MAX_HEADER_SOURCE || !MARKUP_CHARACTER.test(source)) {
    return source;
  }
  const codeSpans: string[] = [];
  let text = source.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, content: string) => {
    codeSpans.push(content.trim());
    return `\u0000${codeSpans.length - 1}\u0000`;
  });
  text = text
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => `\u0001${c.charCodeAt(0)}\u0001`)
    .replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?/g, '')
    .replace(/\[\^[^\]]*\]/g, '')
    // A URL may hold one level of balanced parentheses (`Map_(mathematics)`), as kramdown reads it.
    .replace(/\[([^\]]*)\](?:\((?:<[^>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)|\[[^\]]*\])/g, '$1')
    .replace(/<((?:https?|ftp|mailto):[^>\s]+|[^>\s@]+@[^>\s@]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(^|[^\p{L}\p{N}_])(__?)(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
    // kramdown's typographic symbols: `---` and `--` are dashes in the text, so GFM's rule drops them.
    .replace(/---?/g, '\u2013')
    .replace(/&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (_m, entity: string) => decodeEntity(entity))
    // eslint-disable-next-line no-control-regex -- \u0001 and \u0000 mark placeholders, never in a heading's text
    .replace(/\u0001(\d+)\u0001/g, (_m, code: string) => String.fromCharCode(Number(code)));
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000(\d+)\u0000/g, (_m, index: string) => codeSpans[Number(index)]!);
}

const MAX_HEADER_SOURCE = 2_000;
/** A character each replacement below needs (most headers have none, and are their own text content). */
// eslint-disable-next-line no-control-regex -- \u0000 and \u0001 are the placeholders' marks
const MARKUP_CHARACTER = /[`\\![<_&\u0000\u0001-]/;

/** HTML 4's Latin-1 entities, U+00A0 to U+00FF in order: `&agrave;` in a French header is `à` (opensource.guide). */
const LATIN1_ENTITIES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para ' +
  'middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute ' +
  'Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute ' +
  'THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ' +
  'ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

/** Named HTML entities a blog writes (the Latin-1 ones, typography, a few more), by their case-sensitive names. */
export const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(LATIN1_ENTITIES.map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', euro: '€', trade: '™', bull: '•',
};

function decodeEntity(entity: string): string {
  if (entity.startsWith('#')) {
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return NAMED_ENTITIES[entity] ?? '';
}

/** Close to kramdown's Unidecoder for Latin text: letters lose their accents. */
function transliterate(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'));
}
