import * as assert from 'node:assert';
import { parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { frontMatterTokens } from '../../server/src/core/site/frontMatterTokens';

function tokens(text: string) {
  return frontMatterTokens(text, parseFrontMatter(text)).map((t) => [t.kind, t.value, text.slice(t.start, t.end), t.line, t.character, t.quote, t.form]);
}

suite('front matter tokens (what references and rename change)', () => {
  test('every form: scalar, flow list, block list, string of tags, quotes', () => {
    const text = '---\nlayout: post\nauthor: "jane.doe"\ntags: [jvm, \'big data\']\ncategories:\n  - backend\ncategory: ops\n---\n';
    assert.deepStrictEqual(tokens(text), [
      ['layout', 'post', 'post', 1, 8, '', 'scalar'],
      ['author', 'jane.doe', 'jane.doe', 2, 9, '"', 'scalar'],
      ['tag', 'jvm', 'jvm', 3, 7, '', 'item'],
      ['tag', 'big data', 'big data', 3, 13, "'", 'item'],
      ['category', 'backend', 'backend', 5, 4, '', 'item'],
      ['category', 'ops', 'ops', 6, 10, '', 'scalar'],
    ]);
  });

  test('a string of tags is split at white space, as Jekyll splits it', () => {
    assert.deepStrictEqual(tokens('---\ntags: jvm  big-data\n---\n'), [
      ['tag', 'jvm', 'jvm', 1, 6, '', 'words'],
      ['tag', 'big-data', 'big-data', 1, 11, '', 'words'],
    ]);
  });

  test('values whose characters are not the value are left alone', () => {
    // An escape, YAML 1.1's `yes` (a boolean), a float that reads back differently, a folded scalar, null.
    const text = '---\ntags: ["a\\u0041", yes, 1.50, ~]\nauthor: >\n  jane\n---\n';
    assert.deepStrictEqual(tokens(text), []);
  });

  test('CRLF line endings keep the right lines and columns', () => {
    assert.deepStrictEqual(tokens('---\r\ntitle: x\r\ntags:\r\n  - jvm\r\n---\r\n'), [['tag', 'jvm', 'jvm', 3, 4, '', 'item']]);
  });
});
