/**
 * The content of `<script>` elements: text for the script (a `text/template`, a `document.write` string), never
 * markup of the page. kramdown passes it through untouched, and a browser reads no tag in it up to `</script`.
 */
import { ForwardSearch } from '../forwardSearch';

export interface ScriptContent {
  readonly start: number;
  readonly end: number;
}

const SCRIPT_OPEN = /<script(?=[\s/>])/gi;
/** A browser ends script data at the first `</script` followed by white space, `/` or `>`. */
const SCRIPT_CLOSE = /<\/script(?=[\s/>])/gi;

/**
 * From the `>` of each opening `<script ...>` (outside `isText`: code shows the tag) to its `</script`, in order;
 * an unclosed one runs to the end, as it does in a browser. `tagEnd` gives the `>` of a tag whose attributes start
 * at an offset, or -1.
 */
export function scriptContents(text: string, from: number, isText: (offset: number) => boolean, tagEnd: (attributesStart: number) => number): ScriptContent[] {
  const contents: ScriptContent[] = [];
  const first = firstAngleBeforeS(text, from);
  if (first < 0) {
    return contents;
  }
  const closes = new ForwardSearch(text, SCRIPT_CLOSE);
  SCRIPT_OPEN.lastIndex = first;
  for (let open = SCRIPT_OPEN.exec(text); open; open = SCRIPT_OPEN.exec(text)) {
    const attributesStart = open.index + open[0].length;
    const end = isText(open.index) ? -1 : tagEnd(attributesStart);
    if (end < 0) {
      continue;
    }
    const close = closes.next(end + 1);
    contents.push({ start: end + 1, end: close < 0 ? text.length : close });
    if (close < 0) {
      break;
    }
    SCRIPT_OPEN.lastIndex = close;
  }
  return contents;
}

/**
 * The first `<` followed by `s` or `S` from `from`, or -1: where `SCRIPT_OPEN` may first match. A search for one
 * character is many times faster than a case-insensitive pattern over a text that has no script.
 */
function firstAngleBeforeS(text: string, from: number): number {
  for (let at = text.indexOf('<', from); at >= 0; at = text.indexOf('<', at + 1)) {
    if ((text.charCodeAt(at + 1) | 0x20) === 0x73) {
      return at;
    }
  }
  return -1;
}
