/** Items pushed in batches by a callback, taken with `for await` in the order pushed; `end` ends the iteration. */
export class BatchStream<T> implements AsyncIterable<T> {
  readonly #batches: (readonly T[])[] = [];
  #ended = false;
  #wake: (() => void) | undefined;

  push(batch: readonly T[]): void {
    if (!this.#ended) {
      this.#batches.push(batch);
      this.#notify();
    }
  }

  end(): void {
    this.#ended = true;
    this.#notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const batch = this.#batches.shift();
      if (batch) {
        yield* batch;
      } else if (this.#ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
