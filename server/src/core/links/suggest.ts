/**
 * The candidate closest to `word` by edit distance, within a third of its length; undefined when none is close.
 * Of candidates equally close, the first in code-unit order: the answer must not depend on the order the blog's
 * files were read in (the editor's index after edits, the CLI's after one listing).
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.min(8, Math.floor(word.length / 3)))): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const lower = word.toLowerCase();
  // Only a word with a non-ASCII character can have its accents encoded otherwise.
  const composed = /[^ -~]/.test(word) ? word.normalize('NFC') : undefined;
  for (const candidate of candidates) {
    if (composed !== undefined && candidate !== word && candidate.normalize('NFC') === composed) {
      return candidate; // the same text, its accents encoded otherwise: nothing is closer
    }
    if (candidate === word || Math.abs(candidate.length - word.length) > Math.min(bestDistance, maxDistance)) {
      continue;
    }
    // A difference of case alone is the most likely slip.
    const distance = candidate.toLowerCase() === lower ? 0.5 : boundedDistance(word, candidate, Math.min(Math.floor(bestDistance), maxDistance));
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Whether two different strings read the same once accents are composed: `é` written as one character or as `e` and a
 * combining mark (macOS keeps file names decomposed). A server compares the bytes, so the two are different paths and ids.
 */
export function encodedAlike(a: string, b: string): boolean {
  return a !== b && a.normalize('NFC') === b.normalize('NFC');
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit` (only a band of the table is filled). */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) {
    previous[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[0] = i;
    if (from > 1) {
      current[from - 1] = limit + 1;
    }
    let rowMin = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? limit + 1) + 1, (j > from || from === 1 ? current[j - 1]! : limit + 1) + 1, previous[j - 1]! + cost);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (to < b.length) {
      current[to + 1] = limit + 1;
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}
