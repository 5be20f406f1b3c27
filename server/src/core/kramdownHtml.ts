/**
 * kramdown's HTML element classes (kramdown's `Parser::Html::Constants`), shared by the preview's Markdown reading
 * and the checker's scanners: which tags open an HTML block, which are shown as text inside a paragraph, which
 * have no body, and how `markdown="..."` decides whether kramdown parses an element's content.
 */
const words = (list: string) => new Set(list.split(' '));

/** Tags that never open an HTML block: a line starting with one is a paragraph. */
export const HTML_SPAN_ELEMENTS = words('a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strike strong sub sup textarea tt u var');
/** Opening tags kramdown shows as text inside a paragraph. */
export const HTML_BLOCK_ELEMENTS = words('address article aside applet body blockquote dd details div dl fieldset figure figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table ul');
export const HTML_ELEMENTS_WITHOUT_BODY = words('area base br col command embed hr img input keygen link meta param source track wbr');
const CONTENT_MODEL_BLOCK = words('address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td');
const CONTENT_MODEL_SPAN = words('a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt');

export type ContentModel = 'block' | 'span' | 'raw';

/** `markdown="..."` on an opening tag's attributes, and the value. */
export const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(["']?)(0|1|block|span)\1/;

/**
 * How kramdown reads an HTML element's content with Jekyll's defaults (`parse_block_html: false`): as written, unless
 * its `markdown` attribute says otherwise (`1`: the element's own model, `block`, `span`, `0`: as written).
 */
export function htmlContentModel(name: string, attributes: string): ContentModel {
  const value = MARKDOWN_ATTRIBUTE.exec(attributes)?.[2];
  if (value === 'block' || value === 'span') {
    return value;
  }
  if (value !== '1') {
    return 'raw';
  }
  return CONTENT_MODEL_BLOCK.has(name) ? 'block' : CONTENT_MODEL_SPAN.has(name) ? 'span' : 'raw';
}
