import type { SiteIndex } from '../../site/siteIndex';
import { imageHtmlFor, placeholderHtml } from '../renderPost';
import { ForwardSearch } from '../../forwardSearch';
import { escapeHtml, isSafeLink, readAttributes, TOKEN } from '../sanitizeHtml';

/**
 * A whole page from the blog's layouts, rebuilt from allow-lists as the post's own HTML is (`sanitizeHtml.ts`),
 * with what a theme needs besides: its structure elements, inline SVG icons, `style` attributes, inert form
 * controls. Scripts, event handlers, frames and everything in `<head>` but the styles are gone; the styles
 * (`<link rel="stylesheet">` and `<style>`) are handed back in order for `styles.ts` to inline.
 */
export interface SanitizedPage {
  readonly body: string;
  readonly bodyClass: string;
  readonly styles: readonly PageStyle[];
}

export type PageStyle = { readonly kind: 'link'; readonly href: string } | { readonly kind: 'inline'; readonly css: string };

const ELEMENTS = new Set(
  ('a abbr address article aside b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 header hgroup hr i ins kbd li main mark nav ol p pre q rp rt ruby s samp search section ' +
    'small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr picture label button input ' +
    'svg g path circle rect line polyline polygon ellipse symbol defs use title desc lineargradient radialgradient stop clippath mask text tspan').split(' '),
);
/** Kept out with their content: code, metadata, and form data. */
const DROPPED_WITH_CONTENT = new Set(['script', 'template', 'noscript', 'textarea', 'select', 'xmp', 'noembed', 'noframes', 'math', 'foreignobject']);
const EMBEDS = new Set(['iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'frame', 'frameset', 'applet', 'portal']);
const ATTRIBUTES = new Set(
  ('id class title lang dir align valign width height alt colspan rowspan start reversed open datetime name border cellpadding cellspacing ' +
    'summary abbr scope span type style role placeholder value for disabled checked ' +
    'viewbox d fill stroke stroke-width stroke-linecap stroke-linejoin stroke-dasharray fill-rule clip-rule transform points cx cy r rx ry ' +
    'x y x1 y1 x2 y2 opacity fill-opacity stroke-opacity offset stop-color preserveaspectratio xmlns version focusable gradientunits gradienttransform font-size text-anchor').split(' '),
);

/** `content` is the document's own HTML, already sanitized: where the page holds it unchanged it is taken as it is. */
export function sanitizePage(page: string, site: SiteIndex, path: string, resourceRoot: string | undefined, content = ''): SanitizedPage {
  const styles: PageStyle[] = [];
  let body = '';
  let bodyClass = '';
  let at = 0;
  const html = page.replace(/<!doctype[^>]*>/gi, '');
  const commentEnds = new ForwardSearch(html, '-->');
  TOKEN.lastIndex = 0;
  let contentAt = content.length > 256 ? html.indexOf(content) : -1;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    if (contentAt >= 0 && match.index >= contentAt) {
      if (at <= contentAt) {
        // The content, unchanged, starts here: it was made from allow-lists already.
        body += html.slice(at, contentAt) + content;
        at = contentAt + content.length;
        TOKEN.lastIndex = at;
        contentAt = html.indexOf(content, at);
        continue;
      }
      contentAt = html.indexOf(content, at);
    }
    body += html.slice(at, match.index);
    at = TOKEN.lastIndex;
    const [token, slash, rawName, rawAttributes = ''] = match;
    if (token === '<!--') {
      const end = commentEnds.next(match.index + 4);
      at = TOKEN.lastIndex = end < 0 ? match.index + 1 : end + 3;
      body += end < 0 ? '&lt;' : '';
      continue;
    }
    if (token === '<' || token === '>') {
      body += token === '<' ? '&lt;' : '&gt;';
      continue;
    }
    if (!rawName) {
      continue; // a comment or doctype
    }
    const name = rawName.toLowerCase();
    const closing = slash === '/';
    if (name === 'style' || DROPPED_WITH_CONTENT.has(name) || name === 'title' && !closing && !insideSvg(body)) {
      if (!closing) {
        const end = new RegExp(`</${name}\\s*>`, 'ig');
        end.lastIndex = at;
        const found = end.exec(html);
        if (name === 'style') {
          styles.push({ kind: 'inline', css: html.slice(at, found ? found.index : html.length) });
        }
        at = found ? end.lastIndex : html.length;
        TOKEN.lastIndex = at;
      }
      continue;
    }
    if (closing && name === 'title') {
      continue;
    }
    const attributes = closing ? new Map<string, string>() : readAttributes(rawAttributes);
    if (name === 'link') {
      const href = attributes.get('href');
      if (/(^|\s)stylesheet(\s|$)/i.test(attributes.get('rel') ?? '') && href) {
        styles.push({ kind: 'link', href });
      }
      continue;
    }
    if (name === 'body') {
      bodyClass = closing ? bodyClass : (attributes.get('class') ?? '');
      continue;
    }
    if (EMBEDS.has(name)) {
      if (!closing) {
        const src = attributes.get('src') ?? attributes.get('data');
        body += placeholderHtml(`${name}${src ? ': ' + src : ''}`);
      }
      continue;
    }
    if (name === 'img') {
      body += closing ? '' : imageHtmlFor(site, path, attributes, resourceRoot);
      continue;
    }
    if (!ELEMENTS.has(name)) {
      continue;
    }
    body += closing ? `</${name}>` : `<${name}${attributesHtml(name, attributes)}>`;
  }
  return { body: body + html.slice(at), bodyClass, styles };
}

/** Inside an `<svg>` a `<title>` is the icon's label, not the document's. */
function insideSvg(html: string): boolean {
  return html.lastIndexOf('<svg') > html.lastIndexOf('</svg>');
}

function attributesHtml(element: string, attributes: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [name, value] of attributes) {
    const allowed =
      ATTRIBUTES.has(name) ||
      name.startsWith('aria-') ||
      (name.startsWith('data-') && /^data-[a-z0-9-]+$/.test(name)) ||
      (name === 'href' && element === 'a' && isSafeLink(value)) ||
      // An SVG `<use>` may point at a symbol of this page only.
      ((name === 'href' || name === 'xlink:href') && element === 'use' && value.startsWith('#'));
    if (allowed) {
      out += ` ${name}="${escapeHtml(value)}"`;
    }
  }
  // Controls show, but nothing they hold is sent anywhere.
  if (element === 'input' || element === 'button') {
    out += ' disabled';
  }
  return out;
}
