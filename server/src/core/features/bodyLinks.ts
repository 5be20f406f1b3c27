import { decodeComponent } from '../url';

/**
 * Links written in a document's text that navigation understands: `{% post_url name %}`, `{% link path %}` and
 * root-relative URLs in Markdown links, reference definitions and `src`/`href` attributes (also behind
 * `{{ site.baseurl }}`). Anything else with Liquid in it cannot be known and is left out.
 */
export interface BodyLink {
  /** `fragment`: `](#id)` or `href="#id"`, a heading of the document itself. */
  readonly kind: 'post_url' | 'link' | 'url' | 'fragment';
  /** The post name, source path or URL path (without `#fragment`, with `site.baseurl` dropped). */
  readonly target: string;
  readonly fragment: string | undefined;
  /** Offsets of the whole written reference (tag or URL). */
  readonly start: number;
  readonly end: number;
  /** Offsets of the name, path or URL itself. */
  readonly targetStart: number;
  readonly targetEnd: number;
}

const LIQUID_TAG = /\{%-?\s*(post_url|link)\s+([^\s%}]+)\s*-?%\}(#[^\s)"'<>]*)?/g;
const URL_AFTER = /(\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href)\s*=\s*["']?)((?:\{\{-?\s*site\.baseurl\s*-?\}\})?\/(?!\/)[^\s)"'<>{}]*)/gm;
const OWN_FRAGMENT = /(\]\(\s*<?|\bhref\s*=\s*["']?)#([^\s)"'<>{}]*)/g;
const BASEURL = /^\{\{-?\s*site\.baseurl\s*-?\}\}/;

/** Every link in `text` from `from` on (the body), in order. */
export function bodyLinks(text: string, from = 0): BodyLink[] {
  const body = text.slice(from);
  const links: BodyLink[] = [];
  for (const match of body.matchAll(LIQUID_TAG)) {
    const start = from + match.index;
    const targetStart = start + match[0].indexOf(match[2]!, match[0].indexOf(match[1]!) + match[1]!.length);
    links.push({
      kind: match[1] as 'post_url' | 'link',
      target: match[2]!,
      fragment: match[3] ? decodeComponent(match[3].slice(1)) : undefined,
      start,
      end: start + match[0].length,
      targetStart,
      targetEnd: targetStart + match[2]!.length,
    });
  }
  for (const match of body.matchAll(URL_AFTER)) {
    const written = match[2]!;
    const start = from + match.index + match[1]!.length;
    const baseurl = BASEURL.exec(written)?.[0].length ?? 0;
    const hash = written.indexOf('#');
    const path = hash < 0 ? written.slice(baseurl) : written.slice(baseurl, hash);
    links.push({
      kind: 'url',
      target: path.replace(/[?].*$/, ''),
      fragment: hash < 0 ? undefined : decodeComponent(written.slice(hash + 1)),
      start,
      end: start + written.length,
      targetStart: start + baseurl,
      targetEnd: start + (hash < 0 ? written.length : hash),
    });
  }
  for (const match of body.matchAll(OWN_FRAGMENT)) {
    const start = from + match.index + match[1]!.length;
    links.push({ kind: 'fragment', target: '', fragment: decodeComponent(match[2]!), start, end: start + 1 + match[2]!.length, targetStart: start, targetEnd: start + 1 + match[2]!.length });
  }
  return links.sort((a, b) => a.start - b.start);
}

/** The link whose written text contains `offset`. */
export function bodyLinkAt(text: string, from: number, offset: number): BodyLink | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  // Links never span lines here, so only the cursor's line is scanned.
  const lineText = text.slice(0, lineEnd);
  return bodyLinks(lineText, Math.max(from, lineStart)).find((link) => link.start <= offset && offset <= link.end);
}
