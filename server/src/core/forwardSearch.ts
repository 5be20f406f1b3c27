/**
 * `indexOf` that remembers its last answer. Asked again from anywhere between its last start and its last answer,
 * it answers without searching (nothing starts in between), and "none after here" holds for every later start.
 * Scanners ask from each opener, in order: all their searches together then read the text once, where a search
 * from every opener to the end of the text would read it once per opener.
 */
export class ForwardSearch {
  #from = Number.POSITIVE_INFINITY;
  #found = -1;
  /** The needle's own copy of a pattern, made at the first search: many searches are made and never asked. */
  #pattern: RegExp | undefined;

  /** `needle`: a string, or a global regular expression whose match at an offset does not depend on what comes before. */
  constructor(
    private readonly text: string,
    private readonly needle: string | RegExp,
  ) {}

  /** The first offset at or after `from` where the needle starts, or -1. */
  next(from: number): number {
    if (from >= this.#from && (this.#found < 0 || from <= this.#found)) {
      return this.#found;
    }
    let found: number;
    const needle = this.needle;
    if (typeof needle === 'string') {
      found = this.text.indexOf(needle, from);
    } else {
      const pattern = (this.#pattern ??= new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : needle.flags + 'g'));
      pattern.lastIndex = from;
      found = pattern.exec(this.text)?.index ?? -1;
    }
    this.#from = from;
    this.#found = found;
    return found;
  }
}
