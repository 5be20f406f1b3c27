/**
 * The tags around a Liquid block as Liquid 4 reads them: a tag's name, then its markup up to `%}`. What follows an
 * end tag's name is ignored, so `{% endhighlight bash %}` ends a highlight and `{% endcomment note %}` a comment
 * (checked against Jekyll 4.3.1). Markup is taken up to the next `%`, so a search stops at the next tag at the latest.
 */

/** `{% name ... %}`, the opening tag of a block that takes markup (`comment`, `capture x`, `highlight ruby`). */
export function liquidOpenTag(name: string, flags = ''): RegExp {
  return new RegExp(`\\{%-?\\s*${name}\\b[^%]*%\\}`, flags);
}

/** `{% endname ... %}`, whatever follows the name. */
export function liquidEndTag(name: string, flags = ''): RegExp {
  return new RegExp(`\\{%-?\\s*end${name}\\b[^%]*%\\}`, flags);
}

/** The block tags of Liquid and Jekyll that pages use (`ifchanged` aside). */
export const LIQUID_BLOCK_TAGS: ReadonlySet<string> = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture', 'comment', 'raw', 'highlight']);
/** Block tags Liquid and Jekyll define; any other block is a plugin's (a `--safe` build stops at it: "Unknown tag"). */
const OWN_BLOCKS = new Set([...LIQUID_BLOCK_TAGS, 'ifchanged']);
const BLOCK_OPEN = /\{%-?\s*([A-Za-z_]\w*)\b[^%]*%\}/g;

/**
 * The blocks a plugin defines (`{% prettify dart %}...{% endprettify %}` on dart.dev, jekyll-tabs' `{% tabs %}`),
 * from their opening tag to the end of their closing one: the plugin decides what their content becomes (escaped code,
 * Markdown, nothing). A tag with no closing tag after it is not a block.
 */
export function pluginBlocks(text: string, from: number): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  if (!text.includes('{%', from)) {
    return blocks;
  }
  // Tags with no closing tag after them (`include`, `assign`): none after a later one either, so each is searched once.
  const unclosed = new Set(OWN_BLOCKS);
  BLOCK_OPEN.lastIndex = from;
  for (let open = BLOCK_OPEN.exec(text); open; open = BLOCK_OPEN.exec(text)) {
    const name = open[1]!;
    if (unclosed.has(name) || name.startsWith('end')) {
      continue;
    }
    const close = liquidEndTag(name, 'g');
    close.lastIndex = BLOCK_OPEN.lastIndex;
    if (close.test(text)) {
      blocks.push({ start: open.index, end: close.lastIndex });
      BLOCK_OPEN.lastIndex = close.lastIndex;
    } else {
      unclosed.add(name);
    }
  }
  return blocks;
}
