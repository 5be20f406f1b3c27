import { ForwardSearch } from '../forwardSearch';
import MarkdownIt from 'markdown-it';

/**
 * Rebuilds a post's raw HTML from allow-lists, so that nothing in it can run even if the preview's
 * Content Security Policy failed: every tag in the output is one written here, from known elements and
 * attributes, with URLs checked after entity decoding. Scripts and styles go with their content; forms,
 * unknown and custom elements lose their tags but keep their text; embeds become a placeholder.
 * Anything that is not a well-formed tag is shown as text.
 */
export interface HtmlPolicy {
  /** Renders an `<img>` from its checked attributes (the caller maps `src` to something displayable). */
  image(attributes: ReadonlyMap<string, string>): string;
  /** A quiet placeholder for something the preview does not show (an iframe, a video). */
  placeholder(label: string): string;
}

const ALLOWED_ELEMENTS = new Set(
  ('a abbr address article aside b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i ins kbd li main mark nav ol p pre q rp rt ruby s samp section ' +
    'small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr').split(' '),
);
/** Elements dropped together with their content (their content is code, styles or form data, not text). */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'title', 'textarea', 'select', 'xmp', 'noembed', 'noframes', 'svg', 'math', 'head']);
/** Embedded content the preview does not load: shown as a placeholder naming what it is. */
const EMBEDS = new Set(['iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'frame', 'frameset', 'applet']);
const ALLOWED_ATTRIBUTES = new Set(
  ('id class title lang dir align valign width height alt colspan rowspan start reversed open datetime name border ' +
    'cellpadding cellspacing summary abbr scope span type').split(' '),
);
const SAFE_LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'bw-missing']);

/**
 * A comment's opening, a tag, or a lone `<` or `>`. An attribute name has no `<`, so a tag that never closes
 * is given up at the next `<`, and a comment's end is found by one forward search: searches from every opener
 * to the end of the text were quadratic (issue 22).
 */
export const TOKEN = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[<>]/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const { unescapeAll, escapeHtml } = new MarkdownIt().utils;

export function sanitizeHtml(html: string, policy: HtmlPolicy): string {
  let out = '';
  let at = 0;
  const commentEnds = new ForwardSearch(html, '-->');
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    out += html.slice(at, match.index);
    at = TOKEN.lastIndex;
    const [token, slash, rawName, rawAttributes = ''] = match;
    if (token === '<!--') {
      // A comment is dropped; without its `-->` its `<` is text.
      const end = commentEnds.next(match.index + 4);
      at = TOKEN.lastIndex = end < 0 ? match.index + 1 : end + 3;
      out += end < 0 ? '&lt;' : '';
      continue;
    }
    if (token === '<' || token === '>') {
      out += token === '<' ? '&lt;' : '&gt;';
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = slash === '/';
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing) {
        const end = new RegExp(`</${name}\\s*>`, 'ig');
        end.lastIndex = at;
        const found = end.exec(html);
        at = found ? end.lastIndex : html.length;
        TOKEN.lastIndex = at;
      }
      continue;
    }
    if (EMBEDS.has(name)) {
      if (!closing) {
        const src = readAttributes(rawAttributes).get('src') ?? readAttributes(rawAttributes).get('data');
        out += policy.placeholder(`${name}${src ? ': ' + src : ''}`);
      }
      continue;
    }
    if (name === 'img') {
      out += closing ? '' : policy.image(readAttributes(rawAttributes));
      continue;
    }
    if (!ALLOWED_ELEMENTS.has(name)) {
      continue;
    }
    out += closing ? `</${name}>` : `<${name}${attributesHtml(name, readAttributes(rawAttributes))}>`;
  }
  return out + html.slice(at);
}

/** Attributes by lower-case name, values decoded (entities resolved): what the browser would see. */
export function readAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(raw); match; match = ATTRIBUTE.exec(raw)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) {
      attributes.set(name, unescapeAll(match[2] ?? match[3] ?? match[4] ?? ''));
    }
  }
  return attributes;
}

function attributesHtml(element: string, attributes: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [name, value] of attributes) {
    const allowed = ALLOWED_ATTRIBUTES.has(name) || ((name === 'href' || name === 'cite') && isSafeLink(value));
    if (allowed && !(name === 'href' && element !== 'a')) {
      out += ` ${name}="${escapeHtml(value)}"`;
    }
  }
  return out;
}

/** A link a click may follow: relative, a fragment, or http(s)/mailto. Browsers ignore whitespace and controls in a scheme. */
export function isSafeLink(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- the controls browsers skip are what this removes
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1];
  return scheme === undefined || SAFE_LINK_SCHEMES.has(scheme.toLowerCase());
}

export { escapeHtml };
