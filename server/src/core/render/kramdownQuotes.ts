import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * kramdown's smart quotes (its `SQ_RULES`, from RubyPants) in place of markdown-it's `smartquotes`: each quote is
 * decided by the characters around it, never by pairing, so a quote markdown-it cannot pair still curls as
 * Jekyll curls it. kramdown looks at a quote from the character before it when that character is still plain
 * text of the same run (not the end of an emphasis or a code span, not a backslash).
 */
const PUNCT = '[!"#$%\'()*+,\\-./:;<=>?@[\\\\\\]^_`{|}~]';
const CLOSE = '[^ \\\\\\t\\r\\n\\[{(-]';
const LEFT: Record<string, string> = { '"': '\u201c', "'": '\u2018' };
const RIGHT: Record<string, string> = { '"': '\u201d', "'": '\u2019' };

/** Each rule: a pattern at the position kramdown tries, and what the quote(s) become. */
const RULES: readonly { readonly pattern: RegExp; readonly quotes: (match: RegExpExecArray) => string[] }[] = [
  { pattern: /^(["'])(?=[_*]{1,2}\S)/, quotes: (m) => [LEFT[m[1]!]!] },
  { pattern: new RegExp(`^(["'])(?=${PUNCT}(?!\\.\\.|\u2026)\\B)`), quotes: (m) => [RIGHT[m[1]!]!] },
  { pattern: /^(\s?)"'(?=\w)/, quotes: () => ['\u201c', '\u2018'] },
  { pattern: /^(\s?)'"(?=\w)/, quotes: () => ['\u2018', '\u201c'] },
  { pattern: /^(\s?)'(?=\d\ds)/, quotes: () => ['\u2019'] },
  { pattern: /^(\s)(["'])(?=\w)/, quotes: (m) => [LEFT[m[2]!]!] },
  { pattern: new RegExp(`^(${CLOSE})(["'])`), quotes: (m) => [RIGHT[m[2]!]!] },
  { pattern: /^(["'])(?=\s|s\b|$)/, quotes: (m) => [RIGHT[m[1]!]!] },
  { pattern: /^([^]?)'/, quotes: () => ['\u2018'] },
  { pattern: /^([^]?)"/, quotes: () => ['\u201c'] },
];

export function kramdownQuotes(md: MarkdownIt): void {
  md.core.ruler.at('smartquotes', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) {
        curlInline(block.children);
      }
    }
  });
}

function curlInline(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    if (token.type !== 'text' || !/["']/.test(token.content)) {
      return;
    }
    // What follows this text in the source, as far as a lookahead needs it.
    const after = tokens
      .slice(index + 1, index + 3)
      .map((t) => (t.type === 'text' ? t.content : t.type === 'softbreak' ? '\n' : t.markup))
      .join('');
    // A softbreak before this text is a newline kramdown sees in the same run.
    const before = tokens[index - 1]?.type === 'softbreak' ? '\n' : '';
    token.content = curl(before + token.content, after).slice(before.length);
  });
}

/** More than any rule looks at after the position it tries (at most five characters). */
const LOOKAHEAD = 16;

function curl(text: string, after: string): string {
  let out = '';
  let consumed = 0;
  for (let i = text.indexOf('"') < 0 ? text.indexOf("'") : Math.min(...[text.indexOf('"'), text.indexOf("'")].filter((n) => n >= 0)); i >= 0 && i < text.length; ) {
    const from = i > consumed && text[i - 1] !== '\\' ? i - 1 : i;
    // The rules look a few characters ahead: a window, not the rest of the text, keeps each quote's cost constant.
    const rest = from + LOOKAHEAD < text.length ? text.slice(from, from + LOOKAHEAD) : text.slice(from) + after.slice(0, LOOKAHEAD);
    const rule = RULES.map((r) => ({ r, m: r.pattern.exec(rest) })).find((x) => x.m !== null);
    if (!rule || !rule.m) {
      break;
    }
    const match = rule.m;
    const quotes = rule.r.quotes(match);
    // The match: an optional character before, then the quotes it decided.
    const lead = match[0].length - quotes.length;
    out += text.slice(consumed, from) + match[0].slice(0, lead) + quotes.join('');
    consumed = Math.min(text.length, from + match[0].length);
    const next = text.slice(consumed).search(/["']/);
    i = next < 0 ? -1 : consumed + next;
  }
  return out + text.slice(consumed);
}
