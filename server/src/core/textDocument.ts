import type { Position } from 'vscode-languageserver-types';
import type { ITextDocument } from './workspace';

/** A document over a plain string, with a lazily built line index. */
export class TextDocumentSnapshot implements ITextDocument {
  #lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly version: number,
    readonly text: string,
  ) {}

  getText(): string {
    return this.text;
  }

  positionAt(offset: number): Position {
    const starts = this.#starts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low, character: clamped - starts[low]! };
  }

  offsetAt(position: Position): number {
    const starts = this.#starts();
    if (position.line >= starts.length) {
      return this.text.length;
    }
    const lineStart = starts[Math.max(0, position.line)]!;
    const nextStart = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return Math.min(lineStart + Math.max(0, position.character), nextStart);
  }

  #starts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) {
            i++;
          }
          starts.push(i + 1);
        } else if (c === 10 /* \n */) {
          starts.push(i + 1);
        }
      }
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }
}
