import * as assert from 'node:assert';
import MarkdownIt from 'markdown-it';
import { kramdownMath } from '../../server/src/core/render/kramdownMath';
import { kramdownQuotes } from '../../server/src/core/render/kramdownQuotes';
import { kramdownTypography } from '../../server/src/core/render/kramdownTypography';

/** Expected outputs are what Jekyll 4.3.1's kramdown wrote for the same text (seen in the published preview's differential run). */
suite('kramdown typography', () => {
  const md = new MarkdownIt({ typographer: true }).use(kramdownTypography).use(kramdownQuotes).use(kramdownMath);
  const inline = (text: string) => md.renderInline(text);

  test('dashes anywhere, an ellipsis of three dots only, guillemets', () => {
    assert.strictEqual(inline('--remote_http_cache and a---b'), '\u2013remote_http_cache and a\u2014b');
    assert.strictEqual(inline('UPDATE..IF and wait...'), 'UPDATE..IF and wait\u2026');
    assert.strictEqual(inline('<<quoted>>'), '\u00abquoted\u00bb');
  });

  test('quotes by their neighbours, not by pairs', () => {
    assert.strictEqual(inline('I will understand." We applied'), 'I will understand.\u201d We applied');
    assert.strictEqual(inline('He said "hello" and \'bye\'.'), 'He said \u201chello\u201d and \u2018bye\u2019.');
    assert.strictEqual(inline("It's the '80s"), 'It\u2019s the \u201980s');
    assert.strictEqual(inline('"*em*"'), '\u201c<em>em</em>\u201d');
  });

  test('math as MathJax delimiters, its text untouched; a backslash escapes only what kramdown escapes', () => {
    assert.strictEqual(inline('so $$a_1 \\cdot b_2$$ holds'), 'so \\(a_1 \\cdot b_2\\) holds');
    assert.strictEqual(md.render('We have:\n\n$$\n\\sum_x p(x)\n$$\n'), '<p>We have:</p>\n<div class="kdmath">\\[\\sum_x p(x)\\]</div>\n');
    assert.strictEqual(inline('100\\% and \\*'), '100\\% and *');
  });

  test('code is left alone', () => {
    assert.strictEqual(inline('`a -- "b"...`'), '<code>a -- &quot;b&quot;...</code>');
  });
});
