/** Just enough HTML reading for the oracle's side: tags with their attributes, text of code, entities. */
import { NAMED_ENTITIES } from '../../server/src/core/render/headerIds';

export interface HtmlTag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

const TAG = /<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /\s([^\s"'=<>/]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function* htmlTags(html: string): Generator<HtmlTag> {
  for (const match of stripComments(html).matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const a of match[2]!.matchAll(ATTRIBUTE)) {
      attributes.set(a[1]!.toLowerCase(), decodeEntities(a[3] ?? a[4] ?? a[5] ?? ''));
    }
    yield { name: match[1]!.toLowerCase(), attributes };
  }
}

/** Every `id` and `name` a fragment can point to. */
export function htmlIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of htmlTags(html)) {
    for (const key of ['id', 'name']) {
      const value = tag.attributes.get(key);
      if (value !== undefined && (key === 'id' || tag.name === 'a')) {
        ids.add(value);
      }
    }
  }
  return ids;
}

/** The ids of the headings, in order. */
export function headingIds(html: string): string[] {
  return [...htmlTags(html)].filter((t) => /^h[1-6]$/.test(t.name) && t.attributes.has('id')).map((t) => t.attributes.get('id')!);
}

/** Every URL a reader's browser follows or loads: `href`, `src`, `srcset` (each candidate). */
export function htmlUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of htmlTags(html)) {
    for (const [key, value] of tag.attributes) {
      if (key === 'href' || key === 'src') {
        urls.push(value.trim());
      } else if (key === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) {
            urls.push(url);
          }
        }
      }
    }
  }
  return urls;
}

/** The text of each `<code>` element, tags removed and entities decoded. */
export function codeTexts(html: string): string[] {
  const texts: string[] = [];
  for (const match of stripComments(html).matchAll(/<code\b[^>]*>([\s\S]*?)<\/code>/g)) {
    texts.push(decodeEntities(match[1]!.replace(/<[^>]*>/g, '')));
  }
  return texts;
}

function stripComments(html: string): string {
  return html.includes('<!--') ? html.replace(/<!--[\s\S]*?-->/g, '') : html;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[name.toLowerCase()] ?? NAMED_ENTITIES[name] ?? all;
  });
}

/** Wrappers a reader does not see (highlighting and footnote containers, placeholders' spans). */
const WRAPPERS = new Set(['div', 'span', 'section', 'header']);
const BLOCKS = 'p|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|th|td|blockquote|pre|hr|details|summary|figure|br';
/** Classes a renderer adds itself (highlighting, footnotes, task lists), not the author's. */
const GENERATED_CLASS = /^(?:highlight\S*|language-\S+|footnotes?\S*|reversefootnote|task-list\S*|hljs\S*|bw-\S+|contains-task-list)$/;

/**
 * A page's content as a reader sees it, for comparing two renderers: the elements that shape it (paragraphs,
 * headings, lists, emphasis, links with their `href`, images with their `alt`, the author's classes), the
 * text with entities decoded and white space collapsed (kept in `<pre>`); wrappers and comments left out.
 */
export function readerView(html: string): string {
  let inPre = 0;
  let out = '';
  const text = stripComments(html);
  let last = 0;
  for (const match of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    out += viewText(text.slice(last, match.index), inPre > 0);
    last = match.index + match[0].length;
    // `~~x~~`: kramdown writes `<del>`, markdown-it `<s>`; both strike the text through.
    const name = match[2]!.toLowerCase().replace(/^s$/, 'del');
    if (name === 'pre') {
      inPre += match[1] ? -1 : 1;
    }
    if (WRAPPERS.has(name)) {
      continue;
    }
    const attributes = [...htmlTags(`<${name}${match[3]}>`)][0]?.attributes ?? new Map<string, string>();
    const kept: string[] = [];
    const classes = (attributes.get('class') ?? '').split(/\s+/).filter((c) => c !== '' && !GENERATED_CLASS.test(c)).sort();
    // A code block's class is on the highlighter's wrapper for Jekyll, on `<pre>` for the preview.
    if (classes.length > 0 && name !== 'code' && name !== 'pre') {
      kept.push(`class="${classes.join(' ')}"`);
    }
    for (const key of name === 'a' ? ['href'] : name === 'img' ? ['alt', 'title'] : name === 'abbr' ? ['title'] : name === 'input' ? ['type', 'checked'] : /^h[1-6]$/.test(name) ? ['id'] : []) {
      const value = attributes.get(key);
      if (value !== undefined && !(name === 'a' && /^#fn/.test(value))) {
        kept.push(`${key}="${value}"`);
      }
    }
    out += `<${match[1]}${name}${kept.map((k) => ' ' + k).join('')}>`;
  }
  out += viewText(text.slice(last), false);
  return out
    .replace(/[ \t\n]+/g, ' ')
    .replace(new RegExp(` ?(</?(?:${BLOCKS})\\b[^>]*>) ?`, 'g'), '$1')
    .replace(/\u2028/g, '\n')
    .trim();
}

/** Text between tags, decoded; inside `<pre>` its white space is kept, written as marks the collapsing leaves alone. */
function viewText(text: string, pre: boolean): string {
  const decoded = decodeEntities(text).replace(/\u00a0/g, ' ');
  return pre ? decoded.replace(/\n/g, '\u2028').replace(/ /g, '\u00b7').replace(/\t/g, '\u2192') : decoded;
}
