import * as assert from 'node:assert';
import { headerIds, headerIdOptions, headerTextContent, type HeaderIdOptions } from '../../server/src/core/render/headerIds';
import { scanMarkdownBlocks } from '../../server/src/core/render/markdownBlocks';
import { readConfig } from '../../server/src/core/site/config';

const GFM: HeaderIdOptions = { input: 'GFM', autoIds: true, prefix: '', transliterated: false };
const KRAMDOWN: HeaderIdOptions = { ...GFM, input: 'kramdown' };

function idsOf(markdown: string, options = GFM): (string | undefined)[] {
  return headerIds(scanMarkdownBlocks(markdown, 0, options.input).headings, options).map((h) => h.id);
}

suite('header ids', () => {
  test('GFM: lowercase, punctuation dropped, spaces to hyphens, - and _ kept', () => {
    assert.deepStrictEqual(idsOf('# Hello, World!\n\n## What’s new in Java 21?\n\n### snake_case and kebab-case\n'), [
      'hello-world',
      'whats-new-in-java-21',
      'snake_case-and-kebab-case',
    ]);
  });

  test('GFM: leading digits and non-ASCII letters stay (unlike kramdown)', () => {
    assert.deepStrictEqual(idsOf('## 1. Introduction\n\n## Zażółć gęślą jaźń\n'), ['1-introduction', 'zażółć-gęślą-jaźń']);
    assert.deepStrictEqual(idsOf('## 1. Introduction\n\n## Zażółć gęślą jaźń\n', KRAMDOWN), ['introduction', 'za-gl-ja']);
  });

  test('a fence opened in a list item closes inside the item or not at all', () => {
    // Jekyll 4.3.1 (mzlogin.github.io): `* item two` then ```` ``` ```` on the next line is the item's text, so the header after the
    // blank line has its id, though a fence closes further down.
    assert.deepStrictEqual(idsOf('* item two\n```\n\n## After\n\n```markdown\ncode\n```\n'), ['after']);
    assert.deepStrictEqual(idsOf('* item\n\n  ```\n  ## In code\n  ```\n\n## After\n'), ['after']);
    assert.deepStrictEqual(idsOf('Text\n```\n\n## In code\n\n```\n'), []);
  });

  test('a link in a header whose URL holds parentheses is its text alone', () => {
    // Jekyll 4.3.1 (huxpro.github.io): `## [Maps are functions](https://en.wikipedia.org/wiki/Map_(mathematics)#Maps_as_functions)` gets id="maps-are-functions".
    assert.deepStrictEqual(idsOf('## [Maps are functions](https://en.wikipedia.org/wiki/Map_(mathematics)#Maps_as_functions) \n'), ['maps-are-functions']);
  });

  test('GFM lowercases as Ruby does: a capital sigma at a word end is σ, never the final ς', () => {
    // Jekyll 4.3.1: `## ΟΔΟΣ ΣΟΦΙΑΣ` gets id="οδοσ-σοφιασ"; a ς written in lower case stays.
    assert.deepStrictEqual(idsOf('## ΟΔΟΣ ΣΟΦΙΑΣ\n\n## οδός\n'), ['οδοσ-σοφιασ', 'οδός']);
  });

  test('GFM: markup is text content: links, code, emphasis, images, entities, html', () => {
    assert.deepStrictEqual(idsOf('## Using `Foo.bar()` with [Kafka](https://kafka.apache.org) ![logo](/x.png)\n'), ['using-foobar-with-kafka-']);
    assert.deepStrictEqual(idsOf('## __Bold__ and _em_ but snake_case_name\n'), ['bold-and-em-but-snake_case_name']);
    assert.deepStrictEqual(idsOf('## Tom &amp; Jerry &eacute;t&#233;\n'), ['tom--jerry-été']);
    assert.deepStrictEqual(idsOf('## <span class="x">Styled</span> text\n'), ['styled-text']);
    assert.strictEqual(headerTextContent('Escaped \\_underscore\\_'), 'Escaped _underscore_');
  });

  test('kramdown input: the source text, leading non-letters dropped, section when empty', () => {
    assert.deepStrictEqual(idsOf('## Using `foo` [link](http://x.io)\n\n## 2015\n', KRAMDOWN), ['using-foo-linkhttpxio', 'section']);
  });

  test('repeats get -1, -2 in both rules', () => {
    const markdown = '# Setup\n\n# Setup\n\n# Setup\n';
    assert.deepStrictEqual(idsOf(markdown), ['setup', 'setup-1', 'setup-2']);
    assert.deepStrictEqual(idsOf(markdown, KRAMDOWN), ['setup', 'setup-1', 'setup-2']);
  });

  test('{#custom-id} and {: #id} set the id and do not count as a repeat', () => {
    assert.deepStrictEqual(idsOf('## Setup {#install}\n\n## Setup\n\n## Setup\n{: #again}\n\n## Setup\n'), ['install', 'setup', 'again', 'setup-1']);
  });

  test('trailing hashes, setext headers, and nothing inside code', () => {
    assert.deepStrictEqual(idsOf('## Closed ##\n\nTitle\n=====\n\nSub\n---\n\n```\n# not a header\n```\n\n    # indented code\n'), ['closed', 'title', 'sub']);
  });

  test('GFM needs a space after #; kramdown needs a blank line before', () => {
    assert.deepStrictEqual(idsOf('#hashtag\n\n# Real\n'), ['real']);
    assert.deepStrictEqual(idsOf('text\n# Interrupts\n'), ['interrupts']);
    assert.deepStrictEqual(idsOf('text\n# Not a header\n\n#Tight\n', KRAMDOWN), ['tight']);
  });

  test('auto_ids: false gives only explicit ids; auto_id_prefix is prepended', () => {
    assert.deepStrictEqual(idsOf('## A\n\n## B {#b}\n', { ...GFM, autoIds: false }), ['b']);
    assert.deepStrictEqual(idsOf('## A\n', { ...GFM, prefix: 'h-' }), ['h-a']);
  });

  test('transliterated_header_ids: the kramdown rule transliterates, GFM ignores it', () => {
    // Jekyll 4.3.1 with `transliterated_header_ids: true`: GFM writes id="prueba-ágil", id="中文-标题" (kramdown-parser-gfm never reads the
    // option); `input: kramdown` needs the stringex gem, whose tables turn CJK into words nobody can tell from here.
    assert.deepStrictEqual(idsOf('## Zażółć gęślą jaźń\n\n## 中文 标题\n', { ...GFM, transliterated: true }), ['zażółć-gęślą-jaźń', '中文-标题']);
    assert.deepStrictEqual(idsOf('## Zażółć gęślą jaźń\n\n## 中文 标题\n', { ...KRAMDOWN, transliterated: true }), ['zazolc-gesla-jazn', undefined]);
  });

  test('Liquid in a header makes its id unknown', () => {
    assert.deepStrictEqual(idsOf('## {{ page.title }}\n\n## Known\n'), [undefined, 'known']);
  });

  test('options come from _config.yml kramdown settings', () => {
    const config = readConfig('kramdown:\n  input: kramdown\n  auto_ids: false\n  auto_id_prefix: x-\n').config;
    assert.deepStrictEqual(headerIdOptions(config), { input: 'kramdown', autoIds: false, prefix: 'x-', transliterated: false });
    assert.deepStrictEqual(headerIdOptions(readConfig('title: x\n').config), GFM);
  });
});
