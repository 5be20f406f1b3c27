/**
 * Disagreements with the real Jekyll that `npm run conformance` found, each as the smallest document that
 * shows it, with what Jekyll 4.3.1 (kramdown 2.4, kramdown-parser-gfm 1.1) writes.
 */
import * as assert from 'node:assert';
import { scanLinks } from '../../server/src/core/links/scanLinks';
import type { HeaderIdOptions } from '../../server/src/core/render/headerIds';

const GFM: HeaderIdOptions = { input: 'GFM', autoIds: true, prefix: '', transliterated: false };
const KRAMDOWN: HeaderIdOptions = { ...GFM, input: 'kramdown' };

function idsOf(body: string, headerIds = GFM): string[] {
  return [...scanLinks(body, 0, { headerIds, liquid: true }).ids].sort();
}

suite('conformance regressions (found by the real Jekyll)', () => {
  test('`--` in a GFM header is a dash, which the id drops (allegro: "things -- be concise")', () => {
    assert.deepStrictEqual(idsOf('## Name things -- be concise --- yes\n'), ['name-things--be-concise--yes']);
  });

  test('a line opening with ```x``` and more text is not a fence: the header after it has its id (allegro: aspects-in-spring)', () => {
    assert.deepStrictEqual(idsOf('Para\n```calculateFees``` invocations.\n\n### Aspect configuration\n'), ['aspect-configuration']);
  });

  test('kramdown input fences code with tildes only: HTML between backtick lines is HTML', () => {
    assert.deepStrictEqual(idsOf('~~~\n<div id="in-code"></div>\n~~~\n\n<div id="html"></div>\n', KRAMDOWN), ['html']);
    assert.deepStrictEqual(idsOf('```\n<div id="in-code"></div>\n```\n'), []);
  });

  test('ids in HTML inside code are shown, not written (allegro: <logger name="METRICS"> in a fence)', () => {
    assert.deepStrictEqual(idsOf('```html\n<div id="x"></div>\n<a name="y"></a>\n```\n\n`<a id="z">`\n'), []);
  });

  test('a footnote is written only when defined and referenced; repeated references are fnref:x:n', () => {
    assert.deepStrictEqual(idsOf('A[^1] b[^1] c[^2] d[^none]:\n\n[^1]: one\n[^2]: two\n[^3]: unused\n'), ['fn:1', 'fn:2', 'fnref:1', 'fnref:1:1', 'fnref:2']);
  });

  test('a footnote reference followed by a colon is a reference; one in code is not (allegro: "learning[^5]:", "[^\\n]")', () => {
    assert.deepStrictEqual(idsOf('Learning[^5]:\n\n[^5]: five\n'), ['fn:5', 'fnref:5']);
    assert.deepStrictEqual(idsOf('    regex = [^\\n]\n\n`[^1]`\n\n[^1]: one\n'), []);
  });
});
