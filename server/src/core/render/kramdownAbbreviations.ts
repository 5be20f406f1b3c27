import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * kramdown's abbreviations: a line `*[HTML]: Hyper Text` at a block's start defines one (a line inside a paragraph is
 * text), is not shown, and every whole-word `HTML` in the page's text, before or after it, becomes
 * `<abbr title="Hyper Text">HTML</abbr>`; code is left alone, an empty title writes none (the oracle).
 */
export function kramdownAbbreviations(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'kramdown_abbreviation', (state, startLine, _endLine, silent) => {
    if (state.sCount[startLine]! - state.blkIndent >= 4) {
      return false;
    }
    const definition = DEFINITION.exec(state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]));
    if (!definition) {
      return false;
    }
    if (!silent) {
      const env = state.env as { abbreviations?: Map<string, string> };
      (env.abbreviations ??= new Map()).set(definition[1]!, definition[2]!.trim());
    }
    state.line = startLine + 1;
    return true;
  });
  md.core.ruler.after('inline', 'kramdown_abbreviations', (state) => {
    const abbreviations = (state.env as { abbreviations?: Map<string, string> }).abbreviations;
    if (!abbreviations || abbreviations.size === 0) {
      return;
    }
    // Names that are one word are looked up word by word (linear however many there are); others, rare, by alternation.
    const others = [...abbreviations.keys()].filter((name) => !/^\w+$/.test(name)).sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const word = new RegExp(`(?<![A-Za-z0-9_])(?:${[...others, '\\w+'].join('|')})(?![A-Za-z0-9_])`, 'g');
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) {
        block.children = block.children.flatMap((child) => (child.type === 'text' ? withAbbreviations(child, word, abbreviations, state.Token) : [child]));
      }
    }
  });
}

const DEFINITION = /^\*\[(.+?)\]:(.*)$/;

function withAbbreviations(text: Token, word: RegExp, titles: ReadonlyMap<string, string>, TokenClass: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token): Token[] {
  const out: Token[] = [];
  let at = 0;
  const plain = (content: string) => {
    const token = new TokenClass('text', '', 0);
    token.content = content;
    out.push(token);
  };
  for (const match of text.content.matchAll(word)) {
    if (!titles.has(match[0])) {
      continue;
    }
    plain(text.content.slice(at, match.index));
    const open = new TokenClass('abbr_open', 'abbr', 1);
    const title = titles.get(match[0]);
    if (title) {
      open.attrSet('title', title);
    }
    out.push(open);
    plain(match[0]);
    out.push(new TokenClass('abbr_close', 'abbr', -1));
    at = match.index + match[0].length;
  }
  if (out.length === 0) {
    return [text];
  }
  plain(text.content.slice(at));
  return out;
}
