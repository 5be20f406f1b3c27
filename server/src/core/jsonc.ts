/**
 * JSON with comments and trailing commas, as VS Code writes `settings.json`. Comments and trailing commas are
 * blanked out (same length, so offsets in errors still point into the original text) and the rest goes to
 * `JSON.parse`: data only, never evaluated.
 */
export function parseJsonc(text: string): { value: unknown } | { error: string; offset: number } {
  const stripped = stripJsonc(text);
  try {
    return { value: JSON.parse(stripped) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return { error: message.replace(/ in JSON at position \d+.*$/s, ''), offset };
  }
}

function stripJsonc(text: string): string {
  const out = text.split('');
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i) {
    out[0] = ' ';
  }
  // The last comma seen outside strings and comments, until something other than white space follows it.
  let pendingComma = -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      pendingComma = -1;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          i++;
        }
      }
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      for (; i < text.length && text[i] !== '\n'; i++) {
        out[i] = ' ';
      }
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) {
        out[i] = text[i] === '\n' ? '\n' : ' ';
      }
    } else {
      if (c === ',') {
        pendingComma = i;
      } else if ((c === '}' || c === ']') && pendingComma >= 0) {
        out[pendingComma] = ' ';
        pendingComma = -1;
      } else if (!/\s/.test(c)) {
        pendingComma = -1;
      }
      i++;
    }
  }
  return out.join('');
}
