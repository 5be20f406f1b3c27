import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-tables.md';
const TABLE = '| a | b |\n|---|---|\n| 1 | 2 |\n';

function post(body: string, config?: string): Record<string, string> {
  return exampleBlog({ [POST]: `---\nlayout: post\ntitle: Tables\nauthor: jane.doe\n---\n${body}`, ...(config ? { '_config.yml': config } : {}) });
}

async function tables(body: string, config?: string): Promise<string[]> {
  return (await findingsOf(post(body, config), POST)).filter(([code]) => code === 'markdown.table-as-text').map(([, covered]) => covered);
}

suite('markdown.table-as-text', () => {
  test('a table with no blank line after it is a paragraph for kramdown: a heading, text, a list, a fence, HTML, a rule or a quote right after (the oracle)', async () => {
    for (const after of ['## Next\n', 'more text\n', '- item\n', '```\ncode\n```\n', '<div>x</div>\n', '***\n', '> quote\n']) {
      assert.deepStrictEqual(await tables(`\n${TABLE}${after}`), ['| a | b |'], after);
    }
    // Without leading pipes, the first table of the body, and a one-column table.
    assert.deepStrictEqual(await tables('a | b\n---|---\n1 | 2\ntext after\n'), ['a | b']);
    assert.deepStrictEqual(await tables('\n| a |\n|---|\n| 1 |\ntext\n'), ['| a |']);
  });

  test('a table kramdown keeps, or no table at all, is not reported', async () => {
    for (const body of [
      `\n${TABLE}\nText.\n`, // a blank line
      `\n${TABLE}{: .wide}\n`, // an attribute list
      `\n${TABLE}`, // the end
      `\n${TABLE.trimEnd()}`,
      '\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n', // code
      '\n<div>\n| a | b |\n|---|---|\n| 1 | 2 |\n</div>\n', // raw HTML
      '\nSome text\n| a | b |\n|---|---|\n| 1 | 2 |\nmore\n', // after a paragraph's line: no table meant there for kramdown
      '\na | b\nc | d\ntext\n', // no `---` line: no table meant
      '\n- | a | b |\n  |---|---|\n  | 1 | 2 |\n- next\n', // in a list item
      '\n    | a | b |\n    |---|---|\n    text\n', // indented code
      '\n| a | b |\n|---|---|\n{% include rows.md %}\n\nText\n', // Liquid writes the rows (bitcoincore.org)
      `\n{% if page.x %}\n${TABLE}{% endif %}\n`, // or a blank line
    ]) {
      assert.deepStrictEqual(await tables(body), [], body);
    }
  });

  test('a site that renders Markdown with another engine is not checked; the fix adds the blank line', async () => {
    assert.deepStrictEqual(await tables(`\n${TABLE}## Next\n`, 'markdown: CommonMarkGhPages\n'), []);
    assert.deepStrictEqual(await tables(`\n${TABLE}## Next\n`, 'markdown: kramdown\n'), ['| a | b |']);
    const fixed = await afterQuickFix(post(`\n${TABLE}## Next\n`), POST, 'markdown.table-as-text');
    assert.ok(fixed?.endsWith(`\n${TABLE}\n## Next\n`), fixed);
    const crlf = await afterQuickFix(post(`\n${TABLE}## Next\n`.replace(/\n/g, '\r\n')), POST, 'markdown.table-as-text');
    assert.ok(crlf?.endsWith(`\r\n${TABLE.replace(/\n/g, '\r\n')}\r\n## Next\r\n`), crlf);
  });
});
