/** The author's local date, `YYYY-MM-DD`: a post written on the evening of the 5th is dated the 5th. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
