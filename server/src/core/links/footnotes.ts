/**
 * Footnotes as kramdown writes them (shown by the real Jekyll): a footnote is written only when a reference that is
 * itself written uses it, that is one in the text or in a footnote that is written (a footnote that only refers to
 * itself, or only from a footnote nobody uses, is dropped with everything in it). The n-th repeat of a reference
 * is `fnref:x:n`. A definition is `[^label]:` at a line's start and runs to its paragraph's end, indented
 * paragraphs after a blank line included; the last definition of a label is the one used.
 */
import { ForwardSearch } from '../forwardSearch';

interface Definition {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface Footnotes {
  /** `fn:x`, `fnref:x`, `fnref:x:1`... of the footnotes written. */
  readonly ids: readonly string[];
  /** The definitions kramdown drops (unused, or defined again later), in order: nothing in them is on the page. */
  readonly dropped: readonly { readonly start: number; readonly end: number }[];
}

/** In a list item a definition is indented by the item's column too; indented as code it is code (not Markdown). */
const DEFINITION_START = /^[ \t]*\[\^/gm;
/** A blank line not followed by an indented line, or the next list item: a footnote definition's end. */
const DEFINITION_END = /\n[ \t]*\r?\n(?! {4}|\t)|\n(?=[ \t]*(?:[*+-]|\d+\.)[ \t])/g;

/** `isMarkdown(offset)`: false in code, comments and raw HTML, where `[^x]` is text. */
export function scanFootnotes(text: string, bodyStart: number, isMarkdown: (offset: number) => boolean): Footnotes {
  if (!text.includes('[^', bodyStart)) {
    return { ids: [], dropped: [] };
  }
  const definitions: Definition[] = [];
  const labelEnds = new ForwardSearch(text, ']');
  const paragraphEnds = new ForwardSearch(text, DEFINITION_END);
  let from = bodyStart;
  DEFINITION_START.lastIndex = bodyStart;
  for (let line = DEFINITION_START.exec(text); line; line = DEFINITION_START.exec(text)) {
    // `[^label]:` at a line's start, the label up to the first `]`.
    const labelStart = line.index + line[0].length;
    const labelEnd = line.index < from ? -1 : labelEnds.next(labelStart);
    if (labelEnd > labelStart && text[labelEnd + 1] === ':') {
      from = labelEnd + 2;
      if (isMarkdown(line.index)) {
        const end = paragraphEnds.next(labelEnd);
        const previous = definitions[definitions.length - 1];
        if (previous && previous.end > line.index) {
          definitions[definitions.length - 1] = { ...previous, end: line.index };
        }
        definitions.push({ name: text.slice(labelStart, labelEnd), start: labelStart - 2, end: end < 0 ? text.length : end });
      }
    }
  }
  if (definitions.length === 0) {
    return { ids: [], dropped: [] };
  }
  const effective = new Map(definitions.map((d) => [d.name, d]));
  const markers = new Set(definitions.map((d) => d.start));

  // The references, each with the definition it stands in (none for the text's own).
  const references: { name: string; owner: Definition | undefined }[] = [];
  const referenceEnds = new ForwardSearch(text, /[\]\s]/g);
  let owner = 0;
  for (let open = text.indexOf('[^', bodyStart); open >= 0; ) {
    // `[^label]`, the label without white space.
    const end = referenceEnds.next(open + 2);
    const found = end > open + 2 && text[end] === ']';
    const name = found ? text.slice(open + 2, end) : '';
    if (found && effective.has(name) && !markers.has(open) && isMarkdown(open)) {
      while (owner < definitions.length && definitions[owner]!.end <= open) {
        owner++;
      }
      const within = definitions[owner] !== undefined && definitions[owner]!.start <= open ? definitions[owner] : undefined;
      references.push({ name, owner: within });
    }
    open = text.indexOf('[^', found ? end + 1 : open + 1);
  }

  // Written: what the text refers to, then what written footnotes refer to.
  const written = new Set<string>();
  const pending: string[] = [];
  const write = (name: string) => {
    if (!written.has(name)) {
      written.add(name);
      pending.push(name);
    }
  };
  const inside = new Map<Definition, string[]>();
  for (const reference of references) {
    if (reference.owner === undefined) {
      write(reference.name);
    } else {
      const names = inside.get(reference.owner);
      if (names) {
        names.push(reference.name);
      } else {
        inside.set(reference.owner, [reference.name]);
      }
    }
  }
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    inside.get(effective.get(name)!)?.forEach(write);
  }
  const live = (d: Definition) => written.has(d.name) && effective.get(d.name) === d;

  const ids: string[] = [];
  const repeats = new Map<string, number>();
  for (const { name, owner: within } of references) {
    if (within === undefined || live(within)) {
      const repeat = repeats.get(name) ?? 0;
      repeats.set(name, repeat + 1);
      ids.push(repeat === 0 ? `fnref:${name}` : `fnref:${name}:${repeat}`, `fn:${name}`);
    }
  }
  return { ids, dropped: definitions.filter((d) => !live(d)).map(({ start, end }) => ({ start, end })) };
}
