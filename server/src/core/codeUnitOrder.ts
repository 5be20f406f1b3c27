/**
 * Orders strings by their UTF-16 code units, as `<` does: the same order on every machine and locale, and
 * far cheaper than `localeCompare` (sorting the 1,240 author ids of a large blog with it took 6-10 ms, and the
 * author list is re-sorted on every keystroke in `author:`). For ids, paths and ISO dates, where no reader
 * expects a dictionary order.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
