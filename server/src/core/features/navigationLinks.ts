/**
 * The links of a document that navigation (document links, definition, hover, rename, `#` completion) acts on,
 * read from the checker's scan, so that nothing in code or a comment is ever a link: `{% post_url name %}`,
 * `{% link path %}`, root-relative URLs in Markdown links, reference definitions and HTML attributes (also behind
 * `{{ site.baseurl }}`), and `#id` of the document itself. Other Liquid cannot be known and is left out.
 */
import { fragmentAfterTag, tagEndAfter } from '../links/linkTags';
import type { LinkOccurrence, ScannedLinks } from '../links/scanLinks';
import { decodeComponent } from '../url';

export interface NavigationLink {
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

const BASEURL = /^\{\{-?\s*site\.baseurl\s*-?\}\}/;

/**
 * The site file a link goes to instead of its written URL (jekyll-relative-links: `[a](other.md)`), when the
 * document's links are rewritten; see `sourceFileLinks`.
 */
export type SourceFileOf = (link: LinkOccurrence) => string | undefined;

/** Every link navigation understands, in order. */
export function navigationLinks(text: string, scanned: ScannedLinks | undefined, sourceFileOf?: SourceFileOf): NavigationLink[] {
  return (scanned?.links ?? []).flatMap((occurrence) => navigationLink(text, occurrence, sourceFileOf) ?? []);
}

/** The link whose written text holds `offset`. */
export function navigationLinkAt(text: string, scanned: ScannedLinks | undefined, offset: number, sourceFileOf?: SourceFileOf): NavigationLink | undefined {
  for (const occurrence of scanned?.links ?? []) {
    const link = navigationLink(text, occurrence, sourceFileOf);
    if (link && link.start <= offset && offset <= link.end) {
      return link;
    }
  }
  return undefined;
}

function navigationLink(text: string, link: LinkOccurrence, sourceFileOf: SourceFileOf | undefined): NavigationLink | undefined {
  const file = sourceFileOf?.(link);
  if (file !== undefined) {
    const hash = link.target.indexOf('#');
    const fragment = hash < 0 ? undefined : decodeComponent(link.target.slice(hash + 1));
    return { kind: 'link', target: file, fragment, start: link.start, end: link.end, targetStart: link.start, targetEnd: hash < 0 ? link.end : link.start + hash };
  }
  switch (link.form) {
    case 'post_url':
    case 'link': {
      if (link.inCode) {
        return undefined;
      }
      const tagEnd = tagEndAfter(text, link.end);
      const fragment = fragmentAfterTag(text, tagEnd);
      const end = fragment === undefined ? tagEnd : tagEnd + 1 + fragment.length;
      return { kind: link.form, target: link.target, fragment: fragment === undefined ? undefined : decodeComponent(fragment), start: text.lastIndexOf('{%', link.start), end, targetStart: link.start, targetEnd: link.end };
    }
    case 'inline':
    case 'image':
    case 'definition':
    case 'html':
      return urlLink(link);
    default:
      return undefined;
  }
}

function urlLink({ form, target: written, start, end }: LinkOccurrence): NavigationLink | undefined {
  if (written.startsWith('#')) {
    const fragment = written.slice(1);
    return form === 'definition' || /[\s{}]/.test(fragment) ? undefined : { kind: 'fragment', target: '', fragment: decodeComponent(fragment), start, end, targetStart: start, targetEnd: end };
  }
  const baseurl = BASEURL.exec(written)?.[0].length ?? 0;
  if (written[baseurl] !== '/' || written[baseurl + 1] === '/' || /[\s{}]/.test(written.slice(baseurl))) {
    return undefined;
  }
  const hash = written.indexOf('#');
  const path = hash < 0 ? written.slice(baseurl) : written.slice(baseurl, hash);
  return {
    kind: 'url',
    target: path.replace(/[?].*$/, ''),
    fragment: hash < 0 ? undefined : decodeComponent(written.slice(hash + 1)),
    start,
    end,
    targetStart: start + baseurl,
    targetEnd: hash < 0 ? end : start + hash,
  };
}
