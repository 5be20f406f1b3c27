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
