/**
 * Disagreements with the real Jekyll that `npm run conformance` found, each as the smallest document that
 * shows it, with what Jekyll 4.3.1 (kramdown 2.4, kramdown-parser-gfm 1.1) writes.
 */
import * as assert from 'node:assert';
import { parseYaml } from '../../server/src/core/frontmatter/yaml';
import { excerptSource } from '../../server/src/core/render/themed/excerpt';
import { scanLinks } from '../../server/src/core/links/scanLinks';
import type { HeaderIdOptions } from '../../server/src/core/render/headerIds';
import { findingsOf } from '../util/checkBlog';

const GFM: HeaderIdOptions = { input: 'GFM', autoIds: true, prefix: '', transliterated: false };
const KRAMDOWN: HeaderIdOptions = { ...GFM, input: 'kramdown' };

async function linkFindings(files: Record<string, string>): Promise<[string, string][]> {
  return (await findingsOf(files, '_posts/2020-01-01-a.md')).filter(([code]) => code.startsWith('link.'));
}

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

  test('kramdown reads a link destination up to its `)`, spaces included; a quoted title after white space is split off', () => {
    const targets = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).links.map((l) => l.target);
    assert.deepStrictEqual(targets('[a](/my file.png) [b](/x "T") [c](/x#a \'t\') [d](</x "T">) [e](/a(b)c)'), ['/my file.png', '/x', '/x#a', '/x "T"', '/a(b)c']);
    assert.deepStrictEqual(targets('[a](/never closed\n\nnext'), [], 'no `)` in the paragraph: text, not a link');
  });

  test('a link to a file with a space in its name is found (fuzzer: [t](/assets/my file.png))', async () => {
    const files = { '_config.yml': '', 'assets/my file.png': 'png', '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n[t](/assets/my file.png) [u](/assets/none here.png)\n' };
    assert.deepStrictEqual(await linkFindings(files), [['link.url', '/assets/none here.png']]);
  });

  test("post_url's legacy pass compares the post's slug: a post whose front matter sets another slug is not found (Jekyll fails the build)", async () => {
    const files = {
      '_config.yml': '',
      'Tech/_posts/2021-12-02-notes.md': '---\ntitle: N\nslug: Custom notes\n---\n',
      'Tech/_posts/2021-12-03-plain.md': '---\ntitle: P\n---\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n{% post_url 2021-12-02-notes %} {% post_url 2021-12-03-plain %} {% post_url Tech/2021-12-02-notes %}\n',
    };
    assert.deepStrictEqual(await linkFindings(files), [['link.post-url', '2021-12-02-notes']]);
  });

  test('GFM input gives headers inside <div markdown="1"> kramdown ids, counted apart (opensource.guide, Arabic headers)', () => {
    const body = '<div dir="rtl" markdown="1">\n\n## Zürich café -- x\n\n## Hello World!\n\n## Hello World!\n\n## مرحبا\n\n</div>\n\n## Hello World!\n';
    assert.deepStrictEqual(idsOf(body), ['hello-world', 'hello-world-1', 'section', 'zrich-caf--x']);
  });

  test('GFM ids drop zero-width joiners (opensource.guide, Persian) and decode Latin-1 entities (French: r&ocirc;les)', () => {
    assert.deepStrictEqual(idsOf('## انجمن\u200cتان\n\n## Apprendre &agrave; dire non\n'), ['apprendre-à-dire-non', 'انجمنتان']);
  });

  test('an include that makes an id with Liquid may write any id it can print (choosealicense: id="{{ include.license-id | slugify }}")', async () => {
    const files = {
      '_config.yml': '',
      '_includes/overview.html': '<div class="overview" id="{{ include.license-id | slugify }}"></div>\n<p id="note-{{ include.n }}"></p>\n',
      'licenses.html': '---\ntitle: Licenses\n---\n{% include overview.html license-id="unlicense" n=1 %}\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n[u](/licenses.html#unlicense) [n](/licenses.html#note-1) [a](#nowhere)\n',
    };
    assert.deepStrictEqual(await linkFindings(files), [], 'any fragment: the first include id is all Liquid');
    files['_includes/overview.html'] = '<p id="note-{{ include.n }}"></p>\n';
    assert.deepStrictEqual(await linkFindings(files), [['link.fragment', '/licenses.html#unlicense'], ['link.fragment', '#nowhere']]);
  });

  test('an exclude entry is a prefix of the path, character by character (academicpages: `README` excludes README.md)', async () => {
    const files = {
      '_config.yml': 'exclude: [README, vendor/, sub/x]\n',
      'README.md': '---\n---\n', 'vendors.md': '---\n---\n', 'vendor/v.md': '---\n---\n', 'sub/xy.md': '---\n---\n', 'sub/README.md': '---\n---\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n[r](/README.html) [vs](/vendors.html) [v](/vendor/v.html) [x](/sub/xy.html) [s](/sub/README.html)\n',
    };
    assert.deepStrictEqual(await linkFindings(files), [['link.url', '/README.html'], ['link.url', '/vendor/v.html'], ['link.url', '/sub/xy.html']]);
  });

  test("the excerpt is cut as Jekyll's Excerpt cuts it: after the blank lines below the front matter, open Liquid blocks closed, the definitions it uses appended (lanyon)", () => {
    assert.strictEqual(excerptSource('\r\n\r\nFirst para\n\nSecond', '\n\n'), 'First para');
    assert.strictEqual(excerptSource('{% if x %}\nA\n\nB\n{% endif %}', '\n\n'), '{% if x %}\nA\n{% endif %}');
    assert.strictEqual(excerptSource('See [a][r].\n\nMore\n\n[r]: /x\n[s]: /y\n', '\n\n'), 'See [a][r].\n\n[r]: /x');
    assert.strictEqual(excerptSource('No separator here', '<!--more-->'), 'No separator here');
  });

  test('headers in a block quote have ids, {:toc} gives each header a markdown-toc- id, an IAL in code is code (swannodette, academicpages)', () => {
    assert.deepStrictEqual(idsOf('> ### Code Comprehension\n\n>> ## Deep\n\n> Para\n> ### Lazy\n'), ['code-comprehension', 'deep', 'lazy']);
    assert.deepStrictEqual(idsOf('* toc\n{:toc}\n\n## Privacy policy\n'), ['markdown-toc', 'markdown-toc-privacy-policy', 'privacy-policy']);
    assert.deepStrictEqual(idsOf('```clojure\n{::created #inst "2014"}\n```\n\n`{: #span}`\n'), []);
    assert.deepStrictEqual(idsOf('<pre id="benchmarks"></pre>\n\n<pre class="x" id="out">\nint x;\n</pre>\n'), ['benchmarks', 'out'], "a <pre> block's own tag writes its id");
  });

  test('a fence without a closing line is text: the headers after it have their ids (artsy: a post ending in ```)', () => {
    assert.deepStrictEqual(idsOf('``` ruby unicorn.rb\nend\n```\n\n### More Eggs?\n\nFixing Timeouts\n---\n'), ['fixing-timeouts', 'more-eggs']);
    assert.deepStrictEqual(idsOf('~~~\n## text\n```\n'), ['text'], 'the other fence character does not close it');
    assert.deepStrictEqual(idsOf('```` ruby\n## text\n```\n'), ['text'], 'a shorter run does not close a run followed by a word');
    assert.deepStrictEqual(idsOf('````\n## code\n```\n'), [], 'but closes a bare run: kramdown reads ```` as ``` and the language `');
  });

  test('`<!--` in a code span is text: the link after it is checked (artsy: `<!--[if mso | IE]>` ... <!-- more -->)', () => {
    const targets = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).links.map((l) => l.target);
    assert.deepStrictEqual(targets('Use `<!--[if mso]>` here.\n\n![x](/broken.png)\n\n<!-- more -->\n\n<!-- `a` [b](/hidden.png) -->\n'), ['/broken.png']);
  });

  test('a flow list may have lines at column 0 or indented with tabs, as Ruby reads it (artsy: categories with a tab)', () => {
    for (const yaml of ['categories:\n  [\n    design,\n\tcollection hubs,\n  ]\nlayout: epic\n', 'categories: [design,\ncollection hubs]\nlayout: epic\n']) {
      const { doc, errors } = parseYaml(yaml);
      assert.deepStrictEqual([errors, doc.toJS()], [[], { categories: ['design', 'collection hubs'], layout: 'epic' }]);
    }
    assert.strictEqual(parseYaml('a: 1\n\tb: 2\n').errors.length, 1, 'a tab indenting a block mapping stays an error, as in Ruby');
  });

  test('headers in a {% capture %} are counted on their own, as markdownify converts them (training-kit: repeated "Submodule")', () => {
    const body = '{% capture a %}\n## Submodule\n{% endcapture %}\n{% capture b %}\n## Submodule\n## Submodule\n{% endcapture %}\n\n## Submodule\n';
    const scanned = scanLinks(body, 0, { headerIds: GFM, liquid: true });
    assert.deepStrictEqual([[...scanned.ids].sort(), scanned.idsComplete], [['submodule', 'submodule-1'], false]);
    const custom = scanLinks('{% capture c %}\n## Custom {#mine}\n{% endcapture %}{{ c }}\n', 0, { headerIds: GFM, liquid: true });
    assert.deepStrictEqual([[...custom.ids], custom.idsComplete], [['mine'], true], 'a {#custom} id is the same wherever it is printed (fuzzer)');
  });

  test('a collection file without front matter is copied, at the URL the collection gives it (opensource.guide: _articles/zh-hant/README.md)', async () => {
    const files = {
      '_config.yml': 'collections:\n  articles:\n    output: true\n    permalink: /:path/\n',
      '_articles/zh/README.md': '# Read me\n',
      '_articles/zh/pic.png': 'png',
      '_articles/a.md': '---\ntitle: A\n---\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n[r](/zh/README.md) ![p](/zh/pic.png) [a](/a/) [old](/zh/README/)\n',
    };
    assert.deepStrictEqual(await linkFindings(files), [['link.url', '/zh/README/']]);
  });

  test('links in a footnote that no reference uses are not checked: kramdown drops the footnote (fuzzer, shrunk)', () => {
    const targets = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).links.map((l) => l.target);
    assert.deepStrictEqual(targets('[^n]: A footnote with [text](/none here.png).\n'), []);
    assert.deepStrictEqual(targets('Used[^u].\n\n[^u]: Kept [a](/a.png).\n[^n]: Dropped [b](/b.png)\n    still the footnote [c](/c.png)\n\nAfter [d](/d.png).\n'), ['/a.png', '/d.png']);
  });

  test('a srcset candidate with Liquid is one URL (fuzzer: srcset="{{ site.baseurl }}/about/ 2x" reported "}}/about/")', () => {
    const targets = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).links.map((l) => l.target);
    assert.deepStrictEqual(targets("<img srcset=\"{{ site.baseurl }}/a.png 2x, {{ '/b c.png' | relative_url }} 640w\">\n"), ['{{ site.baseurl }}/a.png', "{{ '/b c.png' | relative_url }}"]);
  });

  test('a GFM header of punctuation has an empty id, which kramdown does not write (fuzzer: "## &amp; ##")', () => {
    assert.deepStrictEqual(idsOf('## &amp; ##\n\n&amp;\n===\n'), ['-1']);
  });

  suite('an HTML block without markdown="1" is raw: its Markdown is text, its HTML is HTML (fuzzer: links in <div>, shrunk)', () => {
    const scan = (body: string, headerIds = GFM) => scanLinks(body, 0, { headerIds, liquid: true });
    const targets = (body: string, headerIds = GFM) => scan(body, headerIds).links.map((l) => l.target);
    for (const input of [GFM, KRAMDOWN]) {
      test(`${input.input} input`, () => {
        const raw = '<div>\n<a href="/about/#the-team" id="kept">html</a> [text](/about/#nope) `{{ x }}` text[^1]\n\n## Not a header\n\n[d]: /d\n</div> after [t](/t)\n[e](/e)\n\n[^1]: one\n';
        assert.deepStrictEqual(targets(raw, input), ['/about/#the-team', '/t', '/e']);
        assert.deepStrictEqual([...scan(raw, input).ids], ['kept'], 'no header id, no footnote: the reference is text');
        assert.deepStrictEqual(scan(raw, input).liquidInCode, [], 'backticks in raw HTML are no code');
        // An element opened inside and never closed runs to the end of the document.
        assert.deepStrictEqual(targets('<div>\n<p>unclosed\n</div>\n\n[x](/x)\n\n## Head\n', input), []);
        // Elements without content, self-closed ones and span elements (a paragraph) leave the Markdown after them.
        assert.deepStrictEqual(targets('<hr> [z](/z)\n\n<div/> [w](/w)\n\n<span>[sp](/sp)</span>\n\n<DIV>\n[v](/v)\n</div>\n\n[u](/u)\n', input), ['/z', '/w', '/sp', '/u']);
        // markdown="1": a <p> parses spans (no header), a <div> blocks, and a raw element inside it is raw again.
        assert.deepStrictEqual(targets('<p markdown="1">[pm](/pm)\n## notH\n</p>\n', input), ['/pm']);
        assert.deepStrictEqual([...scan('<p markdown="1">[pm](/pm)\n## notH\n</p>\n', input).ids], []);
        const nested = '<div markdown="1">\n## In div\n<div>\n[inner](/inner)\n</div>\n[after](/after)\n</div>\n';
        assert.deepStrictEqual(targets(nested, input), ['/after']);
        assert.deepStrictEqual([...scan(nested, input).ids], ['in-div']);
      });
    }
  });

  test('a footnote is written when a written reference uses it: not from itself alone, nor from a footnote nobody uses (fuzzer, shrunk)', () => {
    assert.deepStrictEqual(idsOf('[^note]: A footnote with text[^note].\n'), []);
    assert.deepStrictEqual(idsOf('[^1]: One.\n\n[^note]: A footnote with text[^1].\n'), []);
    assert.deepStrictEqual(idsOf('A[^n] B[^m]\n\n[^n]: N\n\n[^m]: M[^m] and[^k]\n[^k]: K\n[^u]: U[^n]\n'), ['fn:k', 'fn:m', 'fn:n', 'fnref:k', 'fnref:m', 'fnref:m:1', 'fnref:n']);
  });

  test('Liquid in code inside a footnote nobody uses is never rendered (fuzzer: "[^note]: ... [ref].\\n\\n    {{ site.title }}")', () => {
    const liquid = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).liquidInCode.length;
    assert.strictEqual(liquid('[^note]: A footnote with [ref].\n\n    {{ site.title }}\n'), 0);
    assert.strictEqual(liquid('[^n]: A footnote with `` {{ page.url }} ``.\n'), 0);
    assert.strictEqual(liquid('A[^n]\n\n[^n]: A footnote with `` {{ page.url }} ``.\n'), 1);
  });

  test('a line of Liquid tags that print nothing is empty for kramdown: the setext header after it has its id (fuzzer, shrunk)', () => {
    for (const input of [GFM, KRAMDOWN]) {
      assert.deepStrictEqual(idsOf('{% for i in (1..1) %}\ngamma-ray\n---\n{% endfor %}\n', input), ['gamma-ray']);
      assert.deepStrictEqual(idsOf('{% if true %}\n**bold** {#custom-1}\n===\n{% endif %}\n', input), ['custom-1']);
    }
  });

  test('a Liquid comment indented as code is in the code, and Liquid takes it away as its author meant: no warning (fuzzer: "    {% comment %}"; bitcoinops.org)', () => {
    const liquid = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).liquidInCode.map((l) => body.slice(l.start, l.end));
    assert.deepStrictEqual(liquid('Text\n\n    {% comment %}\n    ## Beta x_y\n    {% endcomment %}\n'), []);
    assert.deepStrictEqual(liquid('Text\n\n    make test {% comment %}skip-test{% endcomment %} {{ page.title }}\n'), ['{{ page.title }}']);
    assert.deepStrictEqual(liquid('{% comment %}\n    {{ x }}\n{% endcomment %}\n'), [], 'a comment around code: nothing rendered');
  });

  test('a reference definition inside {% raw %} defines its label: Liquid prints it for kramdown (fuzzer: a false link.reference)', async () => {
    const files = { '_config.yml': '', 'about.md': '---\ntitle: About\npermalink: /about/\n---\n', '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n{% raw %}\n[ref]: /about/\n{% endraw %}\n\n[ref][] [x][missing]\n' };
    assert.deepStrictEqual(await linkFindings(files), [['link.reference', 'missing']]);
  });

  suite('a list item is read without its indentation: headers, code and paragraphs in items (fuzzer, shrunk)', () => {
    const scan = (body: string, headerIds = GFM) => scanLinks(body, 0, { headerIds, liquid: true });
    const targets = (body: string, headerIds = GFM) => scan(body, headerIds).links.map((l) => l.target);
    test('headers in an item, a lazy underline included', () => {
      assert.deepStrictEqual(idsOf('1. \\[not a link](/docs/page.html#part)\n\n   # gamma-ray über gamma-ray\n'), ['gamma-ray-über-gamma-ray']);
      assert.deepStrictEqual(idsOf('1. x\n\n   # gamma-ray über\n\n   x_y its gamma\n   ---\n\n- foo\n---\n', KRAMDOWN), ['foo', 'gamma-ray-ber', 'xy-its-gamma']);
    });
    test('code four columns past the item text; less is a paragraph of the item', () => {
      assert.deepStrictEqual(scan('* what?\n* text\n\n      {{ x | upcase }}\n* b\n').liquidInCode.length, 1);
      assert.deepStrictEqual(targets('- a\n\n    ~~~\n    no liquid [l](/nowhere/)\n    ~~~\n'), [], 'a fence two columns into the item');
      assert.deepStrictEqual(targets('- a\n- [t](/t)\n\n    no liquid [l](/nowhere/)\n', KRAMDOWN), ['/t', '/nowhere/'], 'a paragraph of the item');
    });
    test('a footnote goes on 4 columns in: a paragraph there, code 8 columns in', () => {
      assert.deepStrictEqual(targets('A[^n]\n\n[^n]: text\n\n    [x](/x)\n\n        code [y](/y)\n'), ['/x']);
    });
  });

  test('{% raw %} prints Markdown for kramdown: a header in it has its id (fuzzer: "{% raw %}\\n#### C#")', () => {
    assert.deepStrictEqual(idsOf('{% raw %}\n#### C#\n{% endraw %}\n'), ['c']);
  });

  test('a footnote definition in a list item; it ends at the next item (fuzzer, shrunk)', () => {
    assert.deepStrictEqual(idsOf('* a\n* b\n\n    [^note]: A footnote.\n* text[^note]\n'), ['fn:note', 'fnref:note']);
    const targets = (body: string) => scanLinks(body, 0, { headerIds: KRAMDOWN, liquid: true }).links.map((l) => l.target);
    assert.deepStrictEqual(targets('1. a\n\n   [^note]: Unused.\n1. [t](#missing)\n'), ['#missing']);
  });

  test("kramdown's own input fences code only at the first column (of the line or the list item): two spaces in, it is text", () => {
    const liquid = (body: string) => scanLinks(body, 0, { headerIds: KRAMDOWN, liquid: true }).liquidInCode.length;
    assert.strictEqual(liquid('* a\n\n    ~~~ruby\n    x = "{{ site.title }}"\n    ~~~\n'), 0);
    assert.strictEqual(liquid('* a\n\n  ~~~ruby\n  x = "{{ site.title }}"\n  ~~~\n'), 1);
  });

  test('a {% highlight %} block indented as code is a highlight block: its tags are not code (fuzzer, shrunk)', () => {
    const liquid = (body: string) => scanLinks(body, 0, { headerIds: GFM, liquid: true }).liquidInCode.map((l) => body.slice(l.start, l.end));
    assert.deepStrictEqual(liquid('Text\n\n    {% highlight ruby %}\n    let a = 1;\n    {% endhighlight %}\n'), []);
    assert.deepStrictEqual(liquid('Text\n\n    {% highlight ruby %}\n    let a = {{ page.title }};\n    {% endhighlight %}\n'), ['{{ page.title }}']);
  });
  test('after a <td markdown="1"> in a raw <table>, the table is raw HTML again: its indented lines are not code (government.github.com)', () => {
    const body = '  <table>\n    {% for r in rows %}\n      <tr>\n  <td markdown="1">\nA [link](/nowhere/)\n  </td>\n      </tr>\n    {% endfor %}\n  </table>\n\nAfter\n';
    const scanned = scanLinks(body, 0, { headerIds: GFM, liquid: true });
    assert.deepStrictEqual(scanned.liquidInCode.map((l) => body.slice(l.start, l.end)), []);
    assert.deepStrictEqual(scanned.links.map((l) => l.target), ['/nowhere/'], 'the cell is Markdown: its link is one');
  });
});
