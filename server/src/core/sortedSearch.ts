/** How many values of the ascending `sorted` are at most `value`: the position of the first above it, by binary search. */
export function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The range holding `offset` (`start` <= offset < `end`), by binary search over sorted, disjoint ranges. */
export function containing<R extends { readonly start: number; readonly end: number }>(ranges: readonly R[], offset: number): R | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (offset < range.start) {
      high = middle - 1;
    } else if (offset >= range.end) {
      low = middle + 1;
    } else {
      return range;
    }
  }
  return undefined;
}
