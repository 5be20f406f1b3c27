/**
 * The content of the span-level HTML elements whose content kramdown does not parse (`<code>`, `<kbd>`, `<samp>`,
 * `<var>`, `<textarea>`, `<option>`, `<math>`; `<script>` has its own file): Markdown there is text, though a tag
 * there is still a tag. The oracle keeps `<code>[a](/x) [b][c]</code>` as written and makes a link of
 * `<code><a href="/x">`. With `markdown="span"` it is Markdown. kramdown reads a paragraph's spans on their own, so
 * the content ends at the first closing tag of its name within the paragraph, or at the paragraph's end.
 */
import { ForwardSearch } from '../forwardSearch';
import { openingTagAt } from '../render/kramdownHtml';

export interface RawSpanContent {
  readonly start: number;
  readonly end: number;
}

const RAW_SPAN_OPEN = /<(code|kbd|samp|var|textarea|option|math)(?=[\s/>])/gi;
const PARAGRAPH_END = /\n[ \t]*\r?\n/g;

/** From the end of each opening tag to its content's end, in order; `isText(offset)` skips tags shown as text (code). */
export function rawSpanContents(text: string, from: number, isText: (offset: number) => boolean): RawSpanContent[] {
  const contents: RawSpanContent[] = [];
  const paragraphEnds = new ForwardSearch(text, PARAGRAPH_END);
  const closes = new Map<string, ForwardSearch>();
  RAW_SPAN_OPEN.lastIndex = from;
  for (let open = RAW_SPAN_OPEN.exec(text); open; open = RAW_SPAN_OPEN.exec(text)) {
    const tag = isText(open.index) ? undefined : openingTagAt(text, open.index);
    if (!tag || tag.empty || tag.markdown === 'span') {
      continue;
    }
    const name = tag.name.toLowerCase();
    let close = closes.get(name);
    if (!close) {
      closes.set(name, (close = new ForwardSearch(text, new RegExp(`</${name}\\s*>`, 'gi'))));
    }
    const closeStart = close.next(tag.end);
    const paragraphEnd = paragraphEnds.next(tag.end);
    const end = Math.min(closeStart < 0 ? text.length : closeStart, paragraphEnd < 0 ? text.length : paragraphEnd);
    contents.push({ start: tag.end, end });
    RAW_SPAN_OPEN.lastIndex = Math.max(end, tag.end);
  }
  return contents;
}
