/**
 * The grammar of Jekyll's URL tags, `{% post_url NAME %}` and `{% link PATH %}`, in one place: the scanner, the
 * URL evaluator, navigation, completion and the preview all read tags through it. Jekyll hands each tag its whole
 * markup and strips it (`Tags::PostUrl#initialize`, `Tags::Link#initialize`): the argument is everything between
 * the tag name and `%}`, outer white space trimmed, quotes and inner spaces kept.
 */

import { ForwardSearch } from '../forwardSearch';

export type LinkTagName = 'post_url' | 'link';

/** A whole tag: group 1 the name, group 2 the argument (trimmed by the pattern itself). */
export const LINK_TAG_SOURCE = String.raw`\{%-?\s*(post_url|link)\s+([\s\S]*?)\s*-?%\}`;

/** A tag's opening up to its argument: `{%`, the name, white space. */
const TAG_OPENING = /\{%-?\s*(post_url|link)\s+/y;

export interface FoundLinkTag {
  readonly name: LinkTagName;
  readonly tagStart: number;
  /** The argument, trimmed; an empty one stands right after the tag's name. */
  readonly argumentStart: number;
  readonly argumentEnd: number;
}

/**
 * Every tag from `from` on, as `LINK_TAG_SOURCE` matches them, in time linear in the text: each tag's `%}` is found
 * by one forward search (a search from every `{% post_url ` to the end of the text was quadratic, issue 22).
 */
export function* linkTagsIn(text: string, from: number): Generator<FoundLinkTag> {
  const closes = new ForwardSearch(text, '%}');
  for (let open = text.indexOf('{%', from); open >= 0; ) {
    TAG_OPENING.lastIndex = open;
    const opening = TAG_OPENING.exec(text);
    const close = opening ? closes.next(open + opening[0].length) : -1;
    if (!opening || close < 0) {
      open = text.indexOf('{%', open + 1);
      continue;
    }
    const afterOpening = open + opening[0].length;
    // The pattern's `\s*-?` before `%}` takes a `-` and the white space before it.
    let end = close - (text[close - 1] === '-' && close > afterOpening ? 1 : 0);
    while (end > afterOpening && /\s/.test(text[end - 1]!)) {
      end--;
    }
    const start = end === afterOpening ? open + opening[0].trimEnd().length : afterOpening;
    yield { name: opening[1] as LinkTagName, tagStart: open, argumentStart: start, argumentEnd: Math.max(start, end) };
    open = text.indexOf('{%', close + 2);
  }
}

/** A tag being typed: `{% post_url 2015-` up to the cursor, group 1 the name, group 2 the word typed so far. */
export const LINK_TAG_BEFORE_CURSOR = /\{%-?\s*(post_url|link)\s+([^\s%}]*)$/;

const FRAGMENT_AFTER = /#[^\s)"'<>]*/y;

export function isLinkTagName(name: string): name is LinkTagName {
  return name === 'post_url' || name === 'link';
}

/** The argument of a tag from its markup (what follows the tag name inside `{% %}`). */
export function linkTagArgument(markup: string): string {
  return markup.trim();
}

/** The `#fragment` written right after a tag that ends at `tagEnd` (`{% post_url a %}#part`), without the `#`. */
export function fragmentAfterTag(text: string, tagEnd: number): string | undefined {
  FRAGMENT_AFTER.lastIndex = tagEnd;
  return FRAGMENT_AFTER.exec(text)?.[0].slice(1);
}

/** Where the tag whose argument ends at `argumentEnd` closes: just after its `%}`. */
export function tagEndAfter(text: string, argumentEnd: number): number {
  const close = text.indexOf('%}', argumentEnd);
  return close < 0 ? text.length : close + 2;
}
