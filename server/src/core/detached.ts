/**
 * A copy of `slice` that shares no memory with the text it was cut from. V8 makes a substring a view of its
 * parent, so a heading or tag kept in the site index would otherwise keep its whole file alive: on a
 * 10,000-post blog that was 137 MB of a 186 MB heap. Use it for every string the index keeps from a file.
 */
export function detached(slice: string): string {
  // Joining makes a pair that the cut flattens into a new string first; the cut is then a view of that copy.
  // (A JSON round trip did the same with two copies and an escape scan: 9 times slower.)
  return (' ' + slice).slice(1);
}
