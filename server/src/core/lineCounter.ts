/**
 * The line of each offset, for offsets asked in increasing order: line breaks are counted once, up to the last
 * offset asked. For what the index keeps with line numbers (front matter tokens, headings), where a whole line
 * table per file (TextDocumentSnapshot) would cost more than the few lookups need.
 */
export class LineCounter {
  /** The line of the last offset moved to, and where that line starts. */
  line = 0;
  lineStart = 0;

  constructor(readonly text: string) {}

  moveTo(offset: number): void {
    for (let next = this.text.indexOf('\n', this.lineStart); next >= 0 && next < offset; next = this.text.indexOf('\n', this.lineStart)) {
      this.line++;
      this.lineStart = next + 1;
    }
  }
}
