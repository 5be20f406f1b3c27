import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * kramdown's inline attribute lists, as far as a preview needs them: `## Title {#id}`, a block IAL
 * (`{: .class #id}` on the line after a paragraph, heading, list, table or code block) and a span IAL
 * right after an image, link, emphasis or code span (`![x](y.png){: width="50%"}`, `*e*{: .x}`). Own code rather than markdown-it-attrs:
 * that plugin reads pandoc's `{.class}` syntax, not kramdown's `{:...}`, and would accept any attribute.
 * Only harmless attributes are kept (no `on*`, `style`, `href`, `src`).
 */
export function kramdownAttributes(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_attributes', (state) => {
    const tokens = state.tokens;
    const lineStarts = lineStartsOf(state.src);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'inline' || !token.children) {
        continue;
      }
      const opener = tokens[i - 1];
      if (opener?.type === 'heading_open') {
        takeHeaderId(token, opener);
      }
      applySpanAttributes(token.children);
      // A paragraph that is nothing but a block IAL belongs to the block before it.
      const whole = ialOf(token.content);
      if (whole !== undefined && opener?.type === 'paragraph_open' && tokens[i + 1]?.type === 'paragraph_close') {
        const target = previousBlockOpener(tokens, i - 1);
        if (target) {
          applyAttributes(target, whole);
          tokens.splice(i - 1, 3);
          i -= 2;
          continue;
        }
      }
      // An IAL on the paragraph's last line belongs to the paragraph.
      const children = token.children;
      const last = children[children.length - 1];
      const lastLine = last?.type === 'text' ? ialOf(last.content) : undefined;
      if (lastLine !== undefined && children[children.length - 2]?.type === 'softbreak' && opener?.type === 'paragraph_open') {
        children.splice(children.length - 2, 2);
        // At the margin after a tight list's last item, it ends the list and is the list's (the oracle: `<ul class>`).
        const list = opener.hidden && tokens[i + 2]?.type === 'list_item_close' && /_list_close$/.test(tokens[i + 3]?.type ?? '') && atMargin(state.src, lineStarts, token.map) ? matchingOpener(tokens, i + 3) : undefined;
        applyAttributes(list ?? opener, lastLine);
      }
    }
  });
}

const IAL = /^\{:\s*([^}]*)\}\s*$/;
const HEADER_ID = /[\t ]\{#([A-Za-z_:\u00C0-\uFFFF][\w:.\-\u00B7\u00C0-\uFFFF]*)\}\s*$/;
const SPAN_IAL = /^\{:\s*([^}]*)\}/;
const KEPT = new Set(['id', 'class', 'title', 'alt', 'width', 'height', 'lang', 'dir', 'align', 'start']);

/** Whether the last line of a block (its `map`) starts with `{` at the margin, not indented into a list item. */
function atMargin(src: string, lineStarts: () => number[], map: [number, number] | null): boolean {
  const start = map ? lineStarts()[map[1] - 1] : undefined;
  return start !== undefined && src[start] === '{';
}

/** The offset of each line's start, made once per text when an IAL needs it. */
function lineStartsOf(src: string): () => number[] {
  let starts: number[] | undefined;
  return () => {
    if (!starts) {
      starts = [0];
      for (let at = src.indexOf('\n'); at >= 0; at = src.indexOf('\n', at + 1)) {
        starts.push(at + 1);
      }
    }
    return starts;
  };
}

function ialOf(text: string): string | undefined {
  return IAL.exec(text.trim())?.[1];
}

function takeHeaderId(inline: Token, heading: Token): void {
  const last = inline.children![inline.children!.length - 1];
  const match = last?.type === 'text' ? HEADER_ID.exec(last.content) : null;
  if (last && match) {
    last.content = last.content.slice(0, match.index);
    heading.attrSet('id', match[1]!);
  }
}

function applySpanAttributes(children: Token[]): void {
  for (let i = 1; i < children.length; i++) {
    const text = children[i]!;
    const before = children[i - 1]!;
    const match = text.type === 'text' ? SPAN_IAL.exec(text.content) : null;
    if (!match) {
      continue;
    }
    const target = before.type === 'image' || before.type === 'code_inline' ? before : /^(?:link|em|strong|s)_close$/.test(before.type) ? matchingOpener(children, i - 1) : undefined;
    if (target) {
      applyAttributes(target, match[1]!);
      text.content = text.content.slice(match[0].length);
    }
  }
}

function previousBlockOpener(tokens: Token[], index: number): Token | undefined {
  const previous = tokens[index - 1];
  if (!previous) {
    return undefined;
  }
  if (previous.nesting === 0) {
    return previous.block ? previous : undefined; // fence, code_block, hr
  }
  return previous.nesting < 0 ? matchingOpener(tokens, index - 1) : undefined;
}

function matchingOpener(tokens: Token[], closeIndex: number): Token | undefined {
  let depth = 0;
  for (let i = closeIndex; i >= 0; i--) {
    depth += tokens[i]!.nesting;
    if (depth === 0) {
      return tokens[i];
    }
  }
  return undefined;
}

/** `#id .class key="value"`; other keys and references to attribute definitions are ignored. */
function applyAttributes(token: Token, ial: string): void {
  // A bare word is matched too and skipped: a search for `=` from each of its letters would be quadratic.
  for (const match of ial.matchAll(/([#.])([\w:-]+)|([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)) {
    if (match[3] !== undefined && match[0].length === match[3].length) {
      continue;
    }
    if (match[1] === '#') {
      token.attrSet('id', match[2]!);
    } else if (match[1] === '.') {
      token.attrJoin('class', match[2]!);
    } else {
      const key = match[3]!.toLowerCase();
      if (KEPT.has(key)) {
        token.attrSet(key, match[4] ?? match[5] ?? match[6] ?? '');
      }
    }
  }
}
