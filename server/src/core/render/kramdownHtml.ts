/**
 * kramdown's rules for HTML inside Markdown (kramdown 2.4 with Jekyll's options: `parse_block_html` off), as the
 * real Jekyll showed them: which tag at a line's start opens an HTML block, what `markdown="..."` makes of its
 * content, and where a block whose content is raw ends. Shared by the checker's block scanner and the preview.
 */
import { ForwardSearch } from '../forwardSearch';

/** Elements that stay inline: at a line's start they open a paragraph, not an HTML block. */
export const HTML_SPAN_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '),
);

/** Elements whose opening tag inside a paragraph kramdown shows as text. */
export const HTML_BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  'address article aside applet body blockquote dd details div dl fieldset figure figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table ul'.split(' '),
);

/** Elements without content: their opening tag is the whole element. */
export const HTML_ELEMENTS_WITHOUT_BODY: ReadonlySet<string> = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));

/** What kramdown parses inside an element: Markdown blocks, Markdown spans, or nothing (raw HTML and text). */
export type HtmlContentModel = 'block' | 'span' | 'raw';

const BLOCK_MODEL = 'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td';
const SPAN_MODEL = 'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt';
const CONTENT_MODELS: ReadonlyMap<string, HtmlContentModel> = new Map([
  ...BLOCK_MODEL.split(' ').map((name) => [name, 'block'] as const),
  ...SPAN_MODEL.split(' ').map((name) => [name, 'span'] as const),
]);

/**
 * The content model of an HTML block: raw (Jekyll leaves `parse_block_html` off) unless its `markdown` attribute says
 * otherwise: `1` gives the element's own model (`div` blocks, `p` spans, `pre` raw), `block` and `span` that one, `0` raw.
 */
export function htmlBlockContentModel(name: string, markdown: string | undefined): HtmlContentModel {
  switch (markdown) {
    case '1':
      return CONTENT_MODELS.get(name.toLowerCase()) ?? 'raw';
    case 'block':
      return 'block';
    case 'span':
      return 'span';
    default:
      return 'raw';
  }
}

const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
/** kramdown's HTML_TAG_RE: a name, attributes (a value is a word or quoted, quotes may hold `>` and line breaks), `/`?, `>`. */
const OPENING_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}(?:\\s*=\\s*(?:\\w+|"[^"]*"|'[^']*'))?)*)\\s*(/)?>`, 'y');
const BLOCK_START = new RegExp(` {0,3}(?=<${NAME})`, 'y');
const CLOSING_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
export const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|(\w+))/;

export interface HtmlTagAt {
  readonly name: string;
  /** The value of its `markdown` attribute, if any. */
  readonly markdown: string | undefined;
  readonly start: number;
  /** Offset after its `>`. */
  readonly end: number;
  /** `<x/>`, or an element without content (`<hr>`): no content, no closing tag. */
  readonly empty: boolean;
}

/** The opening tag at `offset`, as kramdown reads one. */
export function openingTagAt(text: string, offset: number): HtmlTagAt | undefined {
  OPENING_TAG.lastIndex = offset;
  const tag = OPENING_TAG.exec(text);
  if (!tag) {
    return undefined;
  }
  const markdown = MARKDOWN_ATTRIBUTE.exec(tag[2]!);
  const name = tag[1]!;
  return {
    name,
    markdown: markdown ? (markdown[1] ?? markdown[2] ?? markdown[3]) : undefined,
    start: offset,
    end: offset + tag[0].length,
    empty: tag[3] !== undefined || HTML_ELEMENTS_WITHOUT_BODY.has(name.toLowerCase()),
  };
}

/** The tag that opens an HTML block on the line starting at `lineStart` (at most 3 spaces in): any element but a span one. */
export function htmlBlockStart(text: string, lineStart: number): HtmlTagAt | undefined {
  BLOCK_START.lastIndex = lineStart;
  if (!BLOCK_START.test(text)) {
    return undefined;
  }
  const tag = openingTagAt(text, BLOCK_START.lastIndex);
  return tag && !HTML_SPAN_ELEMENTS.has(tag.name.toLowerCase()) ? tag : undefined;
}

/** A tag name as kramdown compares them: HTML's own elements without case. */
function normalName(name: string): string {
  const lower = name.toLowerCase();
  return HTML_SPAN_ELEMENTS.has(lower) || HTML_ELEMENTS_WITHOUT_BODY.has(lower) || CONTENT_MODELS.has(lower) || KNOWN_ELEMENTS.has(lower) ? lower : name;
}

const KNOWN_ELEMENTS = new Set('caption col colgroup dl dt h1 h2 h3 h4 h5 h6 hr html head legend menu ol optgroup p pre script style math option textarea code kbd samp var table tbody td th thead tfoot tr ul'.split(' '));

/** Span content (kramdown's `scan_until`): to the first closing tag of the element's name, or `limit`. */
export function spanContentEnd(text: string, from: number, limit: number, name: string): { closeStart: number; end: number } {
  const close = new RegExp(`</${name.replace(/[.]/g, '\\.')}\\s*>`, 'gi');
  close.lastIndex = from;
  const found = close.exec(text);
  return found && found.index < limit ? { closeStart: found.index, end: close.lastIndex } : { closeStart: limit, end: limit };
}

/**
 * Searches for the end of raw HTML content, forward only: every element opened inside must close first (an
 * unclosed `<p>` inside runs to the end of the document, as it does for kramdown); a closing tag that closes
 * nothing open is text; `<script>` and `<style>` hold text up to their own closing tag. One reader per text,
 * asked in order: together its searches read the text once.
 */
export class RawHtmlEnds {
  readonly #lessThan: ForwardSearch;
  readonly #commentEnds: ForwardSearch;
  readonly #scriptEnds: ForwardSearch;
  readonly #styleEnds: ForwardSearch;

  constructor(private readonly text: string) {
    this.#lessThan = new ForwardSearch(text, '<');
    this.#commentEnds = new ForwardSearch(text, '-->');
    this.#scriptEnds = new ForwardSearch(text, /<\/script\s*>/gi);
    this.#styleEnds = new ForwardSearch(text, /<\/style\s*>/gi);
  }

  /**
   * Where the content of `open` (a tag with content) ends: the offset after its closing tag, or the text's end.
   * `nestedMarkdown`: set when an element inside has a `markdown` attribute (kramdown parses inside it), which this
   * reading does not follow: the end is then that element's start. `leftOpen`: when the element's own closing tag came
   * while an element inside was still open (kramdown then reads it as text and goes on), that element's tag and the
   * offset after the closing tag.
   */
  endOf(open: HtmlTagAt): { end: number; nestedMarkdown: boolean; leftOpen?: { readonly tag: HtmlTagAt; readonly after: number } } {
    const text = this.text;
    const stack = [normalName(open.name)];
    /** The opening tag of each element on the stack but the first. */
    const opened: HtmlTagAt[] = [];
    let leftOpen: { tag: HtmlTagAt; after: number } | undefined;
    if (stack[0] === 'script' || stack[0] === 'style') {
      const close = (stack[0] === 'script' ? this.#scriptEnds : this.#styleEnds).next(open.end);
      CLOSING_TAG.lastIndex = close;
      return { end: close < 0 ? text.length : CLOSING_TAG.exec(text) ? CLOSING_TAG.lastIndex : close, nestedMarkdown: false };
    }
    let i = open.end;
    while (stack.length > 0) {
      const lt = this.#lessThan.next(i);
      if (lt < 0) {
        return leftOpen ? { end: text.length, nestedMarkdown: false, leftOpen } : { end: text.length, nestedMarkdown: false };
      }
      i = lt + 1;
      if (text.startsWith('<!--', lt)) {
        const close = this.#commentEnds.next(lt + 4);
        if (close >= 0) {
          i = close + 3;
        }
        continue;
      }
      CLOSING_TAG.lastIndex = lt;
      const closing = CLOSING_TAG.exec(text);
      if (closing) {
        const name = normalName(closing[1]!);
        if (name === stack[stack.length - 1]) {
          stack.pop();
          opened.pop();
          i = CLOSING_TAG.lastIndex;
        } else if (name === stack[0] && leftOpen === undefined) {
          leftOpen = { tag: opened[opened.length - 1]!, after: CLOSING_TAG.lastIndex };
        }
        continue;
      }
      const tag = openingTagAt(text, lt);
      if (!tag) {
        continue;
      }
      if (tag.markdown !== undefined) {
        return { end: lt, nestedMarkdown: true };
      }
      i = tag.end;
      const name = normalName(tag.name);
      if (name === 'script' || name === 'style') {
        const close = (name === 'script' ? this.#scriptEnds : this.#styleEnds).next(i);
        i = close < 0 ? text.length : close;
      } else if (!tag.empty) {
        stack.push(name);
        opened.push(tag);
      }
    }
    return leftOpen ? { end: i, nestedMarkdown: false, leftOpen } : { end: i, nestedMarkdown: false };
  }
}
