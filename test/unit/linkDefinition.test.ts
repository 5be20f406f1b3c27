import * as assert from 'node:assert';
import { readLinkDefinition } from '../../server/src/core/links/linkDefinition';
import { Random } from '../fuzz/random';

/**
 * kramdown 2.4's LINK_DEFINITION_START (parser/kramdown/link.rb) in JavaScript: Ruby's `.` is `[^\n]`, its `\S` ASCII's
 * `[^ \t\r\n\f\v]`. kramdown reads text with `\r\n` made `\n` and a `\n` at its end.
 */
const KRAMDOWN = /^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<([^\n]*?)>|([^\n]*?[^ \t\r\n\f\v][^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])([^\n]+?)\4)?[ \t]*?\n/;

/** What kramdown makes of `text` (no `\r` in it): the URL and where the definition ends, or none. */
function kramdown(text: string): { url: string; end: number } | undefined {
  const match = KRAMDOWN.exec(text.endsWith('\n') ? text : `${text}\n`);
  if (!match || /[ \t]+["']/.test(match[3] ?? '')) {
    return undefined;
  }
  return { url: match[2] ?? match[3]!, end: Math.min(match[0].length, text.length) };
}

function ours(text: string): { url: string; end: number } | undefined {
  const definition = readLinkDefinition(text, 0);
  return definition && { url: text.slice(definition.urlStart, definition.urlEnd), end: definition.end };
}

suite('link definitions as kramdown reads them', () => {
  test('the URL runs to the line\'s end but for a quoted title; a quote after a space without one is no definition (the oracle)', () => {
    // Each built by Jekyll 4.3.1 with a reference to it: the `href` and `title` it wrote, or `[r]` as text.
    const cases: [string, string | undefined][] = [
      ['[r]: /path with space "title one"', '/path with space'],
      ['[r]: /path with space', '/path with space'],
      ['[r]: <url with space> "t3"', 'url with space'],
      ['[r]: /p4 "title" more', undefined],
      ["[r]: /p5 'title five'", '/p5'],
      ['[r]: /p6\n   "next line title"', '/p6'],
      ['[r]: /p7 (paren title)', '/p7 (paren title)'],
      ['[r]: /p8"x"', '/p8"x"'],
      ['[r]: /p9   ', '/p9'],
      ["[r]: /a10 b 'c' d", undefined],
      ['[r]: /a11 "b" "c"', '/a11'],
      ['[r]: /a12 "b', undefined],
      ['[r]: <a13>b> "t"', 'a13>b'],
      ['[r]: <a14> more', '<a14> more'],
      ['[r]: /p15\t"tab title"', '/p15'],
      ["[r]: /p16 \"t\" 'u'", undefined],
      ['[r]: /p18 "t"x"', '/p18'],
      ['[r]:/p19', '/p19'],
      ['[r]: "/p20"', '"/p20"'],
      ['[r]: /p21\n\n   "not a title"', '/p21'],
      ['[r]: <> "t"', ''],
      ['[r]: /p23 "t" \\', undefined],
      ['[r]: /p24 "a\nb"', undefined],
    ];
    for (const [text, url] of cases) {
      assert.strictEqual(ours(text)?.url, url, text);
      assert.strictEqual(kramdown(text)?.url, url, `the expression: ${text}`);
    }
    assert.deepStrictEqual(ours('[r]: /p6\r\n   "title"\r\nnext'), { url: '/p6', end: 22 });
  });

  test('agrees with kramdown\'s expression on random lines', () => {
    const random = new Random(Number(process.env['LINK_DEFINITION_SEED'] ?? 11));
    const pieces = [' ', ' ', '\t', '"', "'", '<', '>', 'a', 'b', '/', '\n', '[', ']', ':', '\f', '(', ')'];
    const starts = ['[r]: ', '[r]:', ' [r]:\t', '   [a b]: ', '    [r]: ', '[]: ', '[r] ', '[r\n]: '];
    for (let i = 0; i < 20_000; i++) {
      let text = random.pick(starts);
      const length = random.int(14);
      for (let j = 0; j < length; j++) {
        text += random.pick(pieces);
      }
      assert.deepStrictEqual(ours(text), kramdown(text), JSON.stringify(text));
    }
    // Shaped as definitions with titles are: a URL, blanks, a quoted title, maybe more, maybe a title below.
    const pick = (from: readonly string[]) => random.pick(from);
    for (let i = 0; i < 20_000; i++) {
      const text = [
        pick(['[r]: ', '[r]:', '[r]:  ']),
        pick(['/p', '/p q', '<u v>', '<u>v>', '<u', 'a"b', '/p\'', '']),
        pick([' ', '  ', '\t', '', ' \n', '\n']),
        pick(['"', "'", '']),
        pick(['t', '', '"', "'", 't" "u', "t' 'u", ' ']),
        pick(['"', "'", '']),
        pick(['', ' ', 'x', ' x', '\n', '\n "t"', "\n 't'", '\n  t', '\n""', ' \n']),
      ].join('');
      assert.deepStrictEqual(ours(text), kramdown(text), JSON.stringify(text));
    }
  });

  test('a long line is read in linear time', () => {
    const line = `[r]: /a${' "b'.repeat(200_000)}`;
    const started = performance.now();
    assert.strictEqual(ours(line), undefined);
    assert.ok(performance.now() - started < 1000);
  });
});
