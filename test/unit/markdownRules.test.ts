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

async function inHtml(body: string, config?: string): Promise<string[]> {
  return (await findingsOf(post(body, config), POST)).filter(([code]) => code === 'markdown.in-html').map(([, covered]) => covered);
}

suite('markdown.in-html', () => {
  test('Markdown after a blank line in a <details> or <div> is text for kramdown (the oracle); one finding per element, on its tag', async () => {
    assert.deepStrictEqual(await inHtml('\n<details>\n<summary>More</summary>\n\n**bold** and [a link](/x)\n\n- item\n\n</details>\n'), ['<details>']);
    assert.deepStrictEqual(await inHtml('\n<div class="note">\n\n## Heading\n\nText\n\n</div>\n'), ['<div class="note">']);
    assert.deepStrictEqual(await inHtml('\n<blockquote>Quoted.\n\nSee [the page](//example.org/x).\n</blockquote>\n'), ['<blockquote>']);
    // Markdown after a highlight block is still in the element.
    assert.deepStrictEqual(await inHtml('\n<details>\n{% highlight text %}\nx\n{% endhighlight %}\n\n**bold**\n</details>\n'), ['<details>']);
  });

  test('what kramdown reads as Markdown, or GitHub shows as written too, is not reported', async () => {
    for (const body of [
      '\n<div markdown="1">\n\n**bold**\n\n</div>\n', // asked for
      '\n<div>\n**bold** right after the tag\n</div>\n', // no blank line: GitHub shows it as written too
      '\n<div>\n<p>Only <strong>HTML</strong></p>\n\n<p>More</p>\n</div>\n',
      '\n<div>\n<pre>\n\n# a shell comment\n- not a list\n</pre>\n</div>\n', // code in it
      '\n<table>\n<tr><td>\n\n**bold**\n\n</td></tr>\n</table>\n', // not an element Markdown is wrapped in
      '\n<div>\n\ntext\n\n</div>\n\n## After the element\n', // after it
      '\n```\n<div>\n\n**bold**\n\n</div>\n```\n', // code
      '\n{::nomarkdown}\n<div>\n\n**bold**\n\n</div>\n{:/}\n',
      // Liquid writes a highlight as <figure><pre><code> and drops a comment before kramdown reads (the oracle; gleam.run)
      '\n<details>\n<summary>Error</summary>\n\n{% highlight text %}\nerror\n\nExpected [0-9](_*[0-9])\n{% endhighlight %}\n\n</details>\n',
      '\n<div>\n\n{%- highlight md -%}\n\n## Heading\n{% endhighlight %}\n</div>\n',
      '\n<div>\n{% comment %}\n\n- a note to self\n{% endcomment %}\n</div>\n',
    ]) {
      assert.deepStrictEqual(await inHtml(body), [], body);
    }
    assert.deepStrictEqual(await inHtml('\n<div>\n\n**bold**\n\n</div>\n', 'kramdown:\n  parse_block_html: true\n'), []);
  });

  test('an element left open in an HTML block makes kramdown read the page after the block as HTML: reported on that element (news.opensuse.org)', async () => {
    // The oracle: `<p>text\n&lt;/div&gt;\n\n## Heading one [a](/x1)\n</p></div>`; so with `<li>` items never closed, a
    // `<td>` left open in a `<table>`, a mail address in angle brackets read as a tag.
    assert.deepStrictEqual(await inHtml('\n<div>\n<p>text\n</div>\n\n## Heading one [a](/x1)\n'), ['<p>']);
    assert.deepStrictEqual(await inHtml('\n<ul>\n<li>one\n<li>two\n</ul>\n\n## Heading two\n'), ['<li>']);
    assert.deepStrictEqual(await inHtml('\n<table>\n<tr><td>a\n<tr><td>b</td></tr>\n</table>\n\n**bold**\n'), ['<td>']);
    assert.deepStrictEqual(await inHtml('\n<div>\nmail me <jim at example.com>\n</div>\n\n- item [d](/x4)\n'), ['<jim at example.com>']);
    // Nothing Markdown after it, or closed as it should be: nothing to say.
    for (const body of ['\n<div>\n<p>text\n</div>\n\nJust text.\n', '\n<ul>\n<li>one</li>\n</ul>\n\n## Heading\n', '\n<div>\n<p>text\n</div>\n']) {
      assert.deepStrictEqual(await inHtml(body), [], body);
    }
  });

  test('{::options parse_block_html="true" /} makes kramdown read Markdown in HTML from there on, until options turn it off (the oracle; docs.scala-lang.org)', async () => {
    const body = '\n<div>\n\n**before**\n\n</div>\n\n{::options parse_block_html="true" /}\n<details>\n\n**bold**\n\n</details>\n\n' +
      "{::options parse_block_html='false' /}\n\n<section>\n\n**after**\n\n</section>\n";
    assert.deepStrictEqual(await inHtml(body), ['<div>', '<section>']);
    assert.deepStrictEqual(await inHtml('\n{::options auto_ids="false" /}\n<div>\n\n**bold**\n\n</div>\n'), ['<div>'], 'other options');
  });

  test('the fix adds markdown="1" to the tag', async () => {
    const fixed = await afterQuickFix(post('\n<div class="note">\n\n**bold**\n\n</div>\n'), POST, 'markdown.in-html');
    assert.ok(fixed?.includes('\n<div class="note" markdown="1">\n\n**bold**'), fixed);
  });
});

suite('markdown rules and Liquid captures', () => {
  test('an HTML block opened in a capture ends with it: Markdown after the capture is not in it', async () => {
    const body = '\n{% capture note %}\n<div class="note">\n{% endcapture %}\n\n**bold** after the capture\n\n</div>\n';
    assert.deepStrictEqual(await inHtml(body), []);
  });
});

async function unknownTags(body: string, config?: string): Promise<string[]> {
  return (await findingsOf(post(body, config), POST)).filter(([code]) => code === 'markdown.unknown-tag').map(([, covered]) => covered);
}

suite('markdown.unknown-tag', () => {
  test('a placeholder in angle brackets is an HTML tag for kramdown, which hides it and what follows (the oracle)', async () => {
    assert.deepStrictEqual(await unknownTags('\nDownload **yarn-<version>.js** now.\n'), ['<version>']); // yarnpkg
    assert.deepStrictEqual(await unknownTags('\n<MRUBY_ROOT>/build\n\nMore.\n'), ['<MRUBY_ROOT>']); // an HTML block to the end
    assert.deepStrictEqual(await unknownTags('\nThen:\ncd <your-folder> and log in as <username>.\n'), ['<your-folder>', '<username>']);
    assert.deepStrictEqual(await unknownTags('\nA List<String> of names, <your folder name> here.\n'), ['<String>', '<your folder name>']);
    for (const body of [
      '\n## Install <name>\n', // a heading
      '\nSee [the <name> page](/x).\n', // link text
      '\n![a <name> b](/a.png)\n', // alt text: the image is lost too
      '\n| a | b |\n|---|---|\n| cd <name> | x |\n', // a table cell
      '\n- first <name> item\n', // a list item
      '\n{% raw %}Raw <name> still reaches kramdown{% endraw %}\n',
      '\n<div>cd <name> in HTML</div>\n', // the element stays open: the `</div>` becomes text
      '\nUse <code>cd <name></code> here.\n',
    ]) {
      assert.deepStrictEqual(await unknownTags(body), ['<name>'], body);
    }
  });

  test('what kramdown shows as written, and HTML meant as HTML, is not reported', async () => {
    for (const body of [
      '\nIn code `yarn-<version>.js`.\n',
      '\n```\ncd <folder>\n```\n',
      '\n    cd <folder>\n',
      '\ntext\n\n    #import "a.h"\n#include <stdio.h>\n', // a lazy line goes on with the code (cocoadev)
      '\nThe title is <<DO NOT LOCALIZE>>.\n', // kramdown's guillemets
      '\n{% highlight sh %}\ncd <folder>\n{% endhighlight %}\n',
      '\n{% comment %}cd <folder>{% endcomment %}\n',
      '\n<!-- cd <folder> -->\n',
      '\n{::nomarkdown}<folder>{:/nomarkdown}\n',
      '\n$$x <folder> y$$\n', // math: kramdown escapes it
      '\nEscaped \\<folder> and &lt;folder>.\n',
      '\nNot names: <1abc>, a < b > c, </folder>, Map<K, V>, <you@example.com>.\n',
      '\nReal HTML: <b>bold</b>, <kbd>Ctrl</kbd>, <br>, <details><summary>s</summary>x</details>, <center>c</center>.\n',
      '\nWith attributes: <my-widget data-x="1"></my-widget>, <span class=x>.\n',
      '\nClosed: <note>text</note>; empty: <version/>; namespaced: <o:p></o:p> <fb:like>.\n',
      '\nIn URLs: [a](https://example.com/<id>/x), <https://example.com/a>.\n\n[b]: https://example.com/<id>\n',
      '\n{% include note.html content="Use <version>" %}\n', // the include decides
      '\n{% prettify dart tag=pre+code %}\nList<int> numbers;\n{% endprettify %}\n', // a plugin's block tag decides (dart.dev)
      "\n{% tabs t %}\n{% tab 'A' %}\nMap<K> m\n{% endtab %}\n{% endtabs %}\n",
      '\n<svg><path d="M0"/><g><text>t</text></g></svg> then <path> in an SVG page\n',
      '\n<div>\n\n<img alt="cd <folder>" src="/a.png">\n\n</div>\n', // an attribute's value
    ]) {
      assert.deepStrictEqual(await unknownTags(body), [], body);
    }
  });

  test('a capture handed to an include is printed as the include says: not reported; one printed in the Markdown is (OpenSearch docs)', async () => {
    // The oracle: `{% include code.html rest=step1_rest %}`, whose include highlights `include.rest`, writes
    // `&lt;YOUR_TASK_ID&gt;`; `{{ other }}` in the Markdown makes `<PLAIN_ID>` a tag.
    const handed = '\n{% capture step1_rest %}\nPOST /_tasks/<YOUR_TASK_ID>/x\n{% endcapture %}\n\n{% include code.html\n    rest=step1_rest %}\n';
    assert.deepStrictEqual(await unknownTags(handed), []);
    assert.deepStrictEqual(await unknownTags('\n{% capture other %}\nGET /<PLAIN_ID>/x\n{% endcapture %}\n{{ other }}\n'), ['<PLAIN_ID>']);
  });

  test('one finding for the HTML block a placeholder opens: what it swallows is not reported again', async () => {
    assert.deepStrictEqual(await unknownTags('\n<username> at the start\n\nthen <password> too\n\n```\n<x>\n```\n'), ['<username>']);
    assert.deepStrictEqual(await unknownTags('\n<div>\ncd <a1> and <a2>\n</div>\n\nafter <a3>\n'), ['<a1>']);
  });

  test('a site that renders Markdown with another engine is not checked; the fix writes &lt;', async () => {
    assert.deepStrictEqual(await unknownTags('\ncd <folder>\n', 'markdown: CommonMarkGhPages\n'), []);
    const fixed = await afterQuickFix(post('\nDownload **yarn-<version>.js** now.\n'), POST, 'markdown.unknown-tag');
    assert.ok(fixed?.endsWith('\nDownload **yarn-&lt;version>.js** now.\n'), fixed);
  });
});
