/** The offset after the spaces and tabs from `from`, at most `end`: where a line's content starts, or a value after its key. */
export function afterBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    i++;
  }
  return i;
}
