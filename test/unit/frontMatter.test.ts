import * as assert from 'node:assert';
import { parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { hasYamlHeader, splitFrontMatter } from '../../server/src/core/frontmatter/split';
import { readConfig } from '../../server/src/core/site/config';

suite('front matter', () => {
  test('finds the block as Jekyll does, with `...` closing it too', () => {
    const text = '---\ntitle: A\n...\nbody';
    const block = splitFrontMatter(text);
    assert.strictEqual(block.kind, 'closed');
    assert.strictEqual(block.kind === 'closed' && text.slice(block.bodyStart), 'body');
  });

  test('no block unless the file starts with ---', () => {
    assert.strictEqual(splitFrontMatter('\n---\ntitle: A\n---\n').kind, 'none');
    assert.strictEqual(splitFrontMatter('--- yaml\ntitle: A\n---\n').kind, 'none');
  });

  test('white space after the opening `---`, however long, as Ruby\'s `\\s*` takes it (pulpproject.org: 117 spaces)', () => {
    const text = `---${' '.repeat(117)}\ntitle: A\n---  \nbody`;
    const block = splitFrontMatter(text);
    assert.strictEqual(block.kind, 'closed');
    assert.strictEqual(block.kind === 'closed' && text.slice(block.bodyStart), 'body');
    assert.strictEqual(hasYamlHeader(text), true);
    assert.strictEqual(hasYamlHeader(`\ufeff---${'\t'.repeat(100)}\r\n`), true);
    assert.strictEqual(hasYamlHeader(`---${' '.repeat(100)}x\n`), false);
  });

  test('an unclosed block is reported as such', () => {
    assert.strictEqual(splitFrontMatter('---\ntitle: A\n').kind, 'unclosed');
  });

  test('CRLF and a BOM are accepted', () => {
    const parsed = parseFrontMatter('\ufeff---\r\ntitle: A\r\n---\r\nbody');
    assert.strictEqual(parsed.entries.get('title')?.data, 'A');
  });

  test('reads values as YAML 1.1 (Ruby) does', () => {
    const parsed = parseFrontMatter('---\ntitle: yes\ndate: 2015-10-10\nversion: 3.0\ntags: [kotlin, null, ~]\n---\n');
    assert.strictEqual(parsed.entries.get('title')?.data, true);
    assert.ok(parsed.entries.get('date')?.data instanceof Date);
    assert.strictEqual(parsed.entries.get('version')?.data, 3);
    assert.deepStrictEqual(parsed.entries.get('tags')?.data, ['kotlin', null, null]);
  });

  test('every YAML error has its own position', () => {
    const text = '---\ntitle: "abc\nauthor: x\n---\n';
    const parsed = parseFrontMatter(text);
    assert.strictEqual(parsed.problems.length, 1);
    const problem = parsed.problems[0]!;
    assert.strictEqual(problem.code, 'frontmatter.yaml');
    assert.ok(problem.start > text.indexOf('title') && problem.start < text.lastIndexOf('---'));
  });

  test('a duplicate key is its own problem', () => {
    const parsed = parseFrontMatter('---\ntitle: a\ntitle: b\n---\n');
    assert.deepStrictEqual(parsed.problems.map((p) => p.code), ['frontmatter.duplicate-key']);
  });

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const parsed = parseFrontMatter('---\n' + lines.join('\n') + '\n---\n');
    assert.ok(parsed.problems.some((p) => p.code === 'frontmatter.yaml'));
  });

  test('keys keep their offsets', () => {
    const text = '---\nlayout: post\ntitle: Hello\n---\n';
    const entry = parseFrontMatter(text).entries.get('title')!;
    assert.strictEqual(text.slice(entry.keyStart, entry.keyEnd), 'title');
    assert.strictEqual(text.slice(entry.valueStart, entry.valueEnd), 'Hello');
  });
});

suite('front matter syntax errors', () => {
  test('an unclosed flow list is shown at its `[`, not where the parser noticed', () => {
    const text = '---\nlayout: post\ntitle: [unclosed\nauthor: x\n---\n';
    const problem = parseFrontMatter(text).problems[0]!;
    assert.strictEqual(problem.start, text.indexOf('['));
  });

  test('an unclosed quote is shown at the quote', () => {
    const text = '---\ntitle: "abc\nauthor: x\n---\n';
    const problem = parseFrontMatter(text).problems[0]!;
    assert.strictEqual(problem.start, text.indexOf('"'));
  });

  test('a quoted value may go on at column 0, as Ruby reads it (real blogs do this)', () => {
    const text = '---\nexcerpt: "You can\x27t learn\n\nfrom a book.\n\nPractice."\ntitle: \x27It\x27\x27s\nhere\x27\nauthors:\n  - name: "a\nb"\nlayout: post\n---\nbody';
    const parsed = parseFrontMatter(text);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.entries.get('layout')?.data, 'post');
    assert.match(String(parsed.entries.get('excerpt')?.data), /^You can't learn +from a book\. +Practice\.$/);
    assert.strictEqual(parsed.entries.get('title')?.data, "It's here");
    // Offsets are those of the file as written.
    assert.strictEqual(parsed.entries.get('layout')?.keyStart, text.indexOf('layout'));
  });

  // The oracle builds `teaser: "...\n"` followed by `tags: ["a"]` (the closing quote alone at column 0), reading
  // `teaser` as "... " and the tags as a list (OpenTechSchool's blog).
  test('a quoted value whose closing quote stands alone at column 0 is read as Ruby reads it', () => {
    const text = '---\ntitle: "T"\nteaser: "one **two: three**.\n"\ntags: ["a", "b"]\nauthor: x\n---\nbody';
    const parsed = parseFrontMatter(text);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.entries.get('teaser')?.data, 'one **two: three**. ');
    assert.deepStrictEqual(parsed.entries.get('tags')?.data, ['a', 'b']);
    assert.strictEqual(parsed.entries.get('author')?.data, 'x');
  });

  test('a plain value going on at column 0 stays an error, as in Ruby', () => {
    assert.strictEqual(parseFrontMatter('---\nexcerpt: one\ntwo\nlayout: post\n---\n').problems[0]?.code, 'frontmatter.yaml');
    assert.strictEqual(parseFrontMatter('---\nexcerpt: "one\ntwo "x"\n---\n').problems[0]?.code, 'frontmatter.yaml');
  });

  // The oracle (Jekyll 4.3.1, Psych with libyaml 0.2.5) reads only the first YAML node: `---\n  title: A\nlayout: x\n---`
  // renders `page.title` as "A" and `page.layout` as nothing, without a warning (rommelb.github.io's _config.yml).
  test('after a block that ends early, Jekyll reads the block and ignores the rest without an error', () => {
    const text = '---\n  title: Indented\n  tags: [a]\nlayout: post\nauthor: x\n---\n';
    const parsed = parseFrontMatter(text);
    assert.deepStrictEqual(parsed.problems.map((p) => p.code), ['frontmatter.ignored-rest']);
    assert.strictEqual(parsed.problems[0]!.start, text.indexOf('layout'));
    assert.strictEqual(parsed.entries.get('title')?.data, 'Indented');
    assert.deepStrictEqual(parsed.entries.get('tags')?.data, ['a']);
    assert.strictEqual(parsed.entries.has('layout'), false);
  });

  test('a second document is ignored too, but a token Ruby cannot scan after the block is still an error', () => {
    assert.deepStrictEqual(readConfig('baseurl: /b\n---\ntitle: x\n').problems.map((p) => p.code), ['frontmatter.ignored-rest']);
    assert.strictEqual(readConfig('  baseurl: /b\ntitle: x\n').config.baseurl, '/b');
    for (const next of ['\tb: 2', '@b: 2', '`b: 2', '  \t\nb: 2']) {
      assert.strictEqual(parseFrontMatter(`---\n  a: 1\n${next}\n---\n`).problems[0]?.code, 'frontmatter.yaml', next);
    }
    assert.deepStrictEqual(parseFrontMatter('---\n  a: 1\n# note\n\nb: 2\n---\n').problems.map((p) => p.code), ['frontmatter.ignored-rest']);
  });
});
