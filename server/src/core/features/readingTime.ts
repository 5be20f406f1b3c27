/**
 * Words and reading time of a post as Jekyll themes compute them: `content | strip_html | number_of_words`
 * (Jekyll's `number_of_words` splits on white space) divided by `words_per_minute`. Counted on the source: the
 * Markdown and HTML that render to no text (markup, tags, URLs, images, Liquid) are left out.
 */
import { parseFrontMatter } from '../frontmatter/parse';
import { liquidEndTag, liquidOpenTag } from '../render/liquidBlockTags';

/** Minimal Mistakes' default `words_per_minute`, the key themes read from `_config.yml`. */
export const DEFAULT_WORDS_PER_MINUTE = 200;

export interface ReadingTime {
  readonly words: number;
  /** Whole minutes as Minimal Mistakes writes them (`words / words_per_minute`, rounded down); 0 means "less than 1". */
  readonly minutes: number;
  readonly wordsPerMinute: number;
}

export function readingTime(text: string, wordsPerMinute: unknown): ReadingTime {
  const perMinute = typeof wordsPerMinute === 'number' && wordsPerMinute > 0 ? wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
  const words = countWords(text.slice(parseFrontMatter(text).bodyStart));
  return { words, minutes: Math.floor(words / perMinute), wordsPerMinute: perMinute };
}

const LIQUID_COMMENT = new RegExp(`${liquidOpenTag('comment').source}[\\s\\S]*?${liquidEndTag('comment').source}`, 'g');

/** A token made only of Markdown markup (`#`, `-`, `>`, `|`, `---`, a fence, `1.`) renders no word. */
const MARKUP_TOKEN = /^(?:[#>*+\-|=`~_:]+|\d+[.)])$/;

export function countWords(body: string): number {
  const text = body
    .replace(LIQUID_COMMENT, ' ')
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // strip_html drops scripts and styles with their content, and every tag.
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    // An image renders as a tag only: no word.
    .replace(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g, ' ')
    // A link renders its text; a reference definition renders nothing.
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^ {0,3}\[[^\]]+\]:.*$/gm, ' ')
    // kramdown attribute lists (`{: .class}`, `{#id}`).
    .replace(/\{:[^}]*\}|\{#[^}]*\}/g, ' ')
    .replace(/[[\]]/g, ' ');
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (token !== '' && !MARKUP_TOKEN.test(token)) {
      words++;
    }
  }
  return words;
}
