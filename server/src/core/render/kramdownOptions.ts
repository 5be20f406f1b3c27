/**
 * kramdown's `{::options key="value" /}` on a line of its own sets an option for the rest of the page, until another
 * sets it again. The oracle: `parse_block_html="true"` before a `<details>` makes its `**bold**` strong, and
 * `parse_block_html="false"` after it leaves a later `<div>`'s as written.
 */
const OPTIONS_LINE = /^ {0,3}\{::options\b([^}]*)\/\}[ \t]*\r?$/gm;
const PARSE_BLOCK_HTML = /\bparse_block_html\s*=\s*(["'])(.*?)\1/;

/** Whether kramdown reads Markdown in HTML blocks at an offset of the page: `configured` until the page's options say otherwise. */
export function parseBlockHtmlAt(text: string, bodyStart: number, configured: boolean): (offset: number) => boolean {
  const changes: { at: number; on: boolean }[] = [];
  if (text.includes('{::options', bodyStart)) {
    for (const line of text.slice(bodyStart).matchAll(OPTIONS_LINE)) {
      const value = PARSE_BLOCK_HTML.exec(line[1]!);
      if (value) {
        changes.push({ at: bodyStart + line.index, on: value[2]!.trim().toLowerCase() === 'true' });
      }
    }
  }
  return (offset) => {
    let on = configured;
    for (let i = 0; i < changes.length && changes[i]!.at <= offset; i++) {
      on = changes[i]!.on;
    }
    return on;
  };
}
