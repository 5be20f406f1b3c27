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
