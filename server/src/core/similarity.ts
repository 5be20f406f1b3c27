/**
 * Edit distance with adjacent transpositions (optimal string alignment): `kotiln` is one edit from
 * `kotlin`, as a typing slip is. Stops early once the distance exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether two words differ only by an ending, as `microservice`/`microservices`, `migration`/`migrations` or
 * `kotlin`/`kotlin2`: a plural, another form of the same word or a version, not a typo.
 */
export function differOnlyByEnding(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^(?:s|es|ed|d|ing|er|ers|\d+)$/.test(long.slice(short.length));
}

/** Whether the two differ only in digits (`x86`/`x64`, `java 8`/`java 9`): versions, not typos. */
export function differOnlyInDigits(a: string, b: string): boolean {
  return a.length === b.length && [...a].every((c, i) => c === b[i] || (/\d/.test(c) && /\d/.test(b[i]!)));
}
