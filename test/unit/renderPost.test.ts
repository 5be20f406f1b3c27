import * as assert from 'node:assert';
import { fragmentLine, resolvePreviewLink } from '../../server/src/core/features/previewLink';
import { renderPost } from '../../server/src/core/render/renderPost';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const POST = '_posts/2020-05-05-preview.md';
const ROOT = 'https://res.test/blog';

async function siteWith(files: Record<string, string>): Promise<SiteIndex> {
  const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
  await site.build();
  return site;
}

/** Renders `body` as the body of a post in the example blog (plus `files`). */
async function render(body: string, options: { frontMatter?: string; files?: Record<string, string>; path?: string } = {}): Promise<string> {
  const path = options.path ?? POST;
  const text = `---\n${options.frontMatter ?? 'title: Preview\nauthor: jane.doe'}\n---\n${body}`;
  const site = await siteWith(exampleBlog({ ...options.files, [path]: text }));
  return renderPost(site, new TextDocumentSnapshot(path, 1, text), { resourceRoot: ROOT }).html;
}

function body(html: string): string {
  return html.slice(html.indexOf('</header>') + '</header>'.length);
}

suite('preview renderer', () => {
  suite('header', () => {
    test('title, author display names, date from the file name, tags', async () => {
      const html = await render('Text\n', { frontMatter: 'title: A <b>bold</b> title\nauthor: [jane.doe, someone.else]\ntags: [jvm, big data]' });
      assert.match(html, /<h1 class="bw-title" data-line="0">A &lt;b&gt;bold&lt;\/b&gt; title<\/h1>/);
      assert.match(html, /<time>2020-05-05<\/time> · <span class="bw-authors">Jane Doe, someone.else<\/span>/);
      assert.match(html, /<ul class="bw-tags"><li>jvm<\/li><li>big data<\/li><\/ul>/);
    });

    test('date: in front matter wins over the file name', async () => {
      assert.match(await render('x\n', { frontMatter: 'title: T\ndate: 2021-02-03 10:00:00 +0100' }), /<time>2021-02-03/);
    });
  });

  suite('Liquid', () => {
    test('post_url, link, site.baseurl, relative_url and absolute_url become the URLs Jekyll writes', async () => {
      const files = { '_config.yml': 'url: https://blog.example.com\nbaseurl: /tech\npermalink: /:year/:month/:title.html\n' };
      const html = await render(
        '[a]({% post_url 2020-01-01-first %}) [b]({% link about.md %}) [c]({{ site.baseurl }}/about.html)\n' +
          '[d]({{ "/assets/img/logo.png" | relative_url }}) [e]({{ \'/about.html\' | absolute_url }}) [f]({{ "x" | prepend: site.baseurl }}) [g]({{ "/x" | prepend: "/y" }})\n',
        { files },
      );
      assert.match(html, /<a href="\/tech\/2020\/01\/first.html">a<\/a>/);
      // Pages follow the permalink style's suffix: `/:year/:month/:title.html` gives pages no extension.
      assert.match(html, /<a href="\/tech\/about">b<\/a>/);
      assert.match(html, /<a href="\/tech\/about.html">c<\/a>/);
      assert.match(html, /<a href="\/tech\/assets\/img\/logo.png">d<\/a>/);
      assert.match(html, /<a href="https:\/\/blog.example.com\/tech\/about.html">e<\/a>/);
      // Liquid the preview cannot evaluate stays readable in the link, never half-evaluated.
      assert.match(html, /<a href="\{\{ &quot;x&quot; \| prepend: site.baseurl \}\}">f<\/a>/);
      assert.match(html, /<a href="\/y\/x">g<\/a>/);
    });

    test('on GitHub Pages (Jekyll 3.10) post_url and link write no baseurl; {{ site.baseurl }} before them supplies it', async () => {
      const files = { '_config.yml': 'baseurl: /tech\npermalink: /:year/:month/:title.html\n', Gemfile: 'gem "github-pages", group: :jekyll_plugins\n' };
      const html = await render('[a]({{ site.baseurl }}{% post_url 2020-01-01-first %}) [b]({% link about.md %})\n', { files });
      assert.match(html, /<a href="\/tech\/2020\/01\/first.html">a<\/a>/);
      assert.match(html, /<a href="\/about">b<\/a>/);
    });

    test('a post_url to no post is a broken link, not a crash', async () => {
      assert.match(await render('[gone]({% post_url 2019-01-01-gone %})\n'), /<a href="bw-missing:post_url\/2019-01-01-gone" class="bw-broken">gone<\/a>/);
    });

    test('raw is literal, highlight is code, comment is gone, other tags are placeholders', async () => {
      const html = body(await render('{% raw %}{{ page.title }} {% if x %}{% endraw %}\n\n{% highlight ruby linenos %}\nputs "{{ site.baseurl }}"\n{% endhighlight %}\n\n{% comment %}\nsecret\n{% endcomment %}\n{% include toc.html depth=2 %}\n\n{{ page.unknown | upcase }}\n'));
      assert.match(html, /<p data-line="4">\{\{ page.title \}\} \{% if x %\}<\/p>/);
      assert.match(html, /<pre data-line="6"><code class="language-ruby">puts <span class="hljs-string">&quot;&quot;<\/span>\n<\/code><\/pre>/);
      assert.doesNotMatch(html, /secret/);
      assert.match(html, /<span class="bw-placeholder" title="Not rendered in the preview">\{% include toc.html depth=2 %\}<\/span>/);
      assert.match(html, /<span class="bw-placeholder"[^>]*>\{\{ page.unknown \| upcase \}\}<\/span>/);
    });

    test('page variables from front matter are filled in; lines keep their numbers across multi-line tags', async () => {
      const html = body(await render('{{ page.title }}\n\n{% include a.html\n   b=1 %}\n\nlast\n'));
      assert.match(html, /<p data-line="4">Preview<\/p>/);
      assert.match(html, /<p data-line="9">last<\/p>/);
    });

    test('render_with_liquid: false shows the Liquid as written', async () => {
      const html = body(await render('{% include x.html %} {{ site.baseurl }}\n', { frontMatter: 'title: T\nrender_with_liquid: false' }));
      assert.match(html, /<p data-line="\d+">\{% include x.html %\} \{\{ site.baseurl \}\}<\/p>/);
    });

    test('Liquid in an attribute stays text, never markup', async () => {
      const html = body(await render('<div title="{{ page.x }}">y</div>\n'));
      assert.match(html, /<div title="\{\{ page.x \}\}">y<\/div>/);
    });
  });

  suite('header ids', () => {
    test('ids are the link checker\'s: GFM rule, repeats, {#custom}, IAL below', async () => {
      const html = body(await render('# Hello, World!\n\n## Hello, World!\n\n## Custom {#my-id}\n\n### Below\n{: #below-id}\n\n```\n# not a heading\n```\n'));
      const headings = [...html.matchAll(/<h\d ([^>]*)>([^<]*)</g)].map((m) => [m[2], /id="([^"]*)"/.exec(m[1]!)?.[1], /data-line="(\d+)"/.exec(m[1]!)?.[1]]);
      assert.deepStrictEqual(headings, [
        ['Hello, World!', 'hello-world', '4'],
        ['Hello, World!', 'hello-world-1', '6'],
        ['Custom', 'my-id', '8'],
        ['Below', 'below-id', '10'],
      ]);
    });

    test('input: kramdown uses kramdown\'s rule', async () => {
      const html = body(await render('## 1. Getting started\n', { files: { '_config.yml': 'kramdown:\n  input: kramdown\n' } }));
      assert.match(html, /<h2 [^>]*id="getting-started"/);
    });
  });

  suite('Markdown as kramdown renders it', () => {
    test('tables, footnotes with kramdown ids, smart quotes, classes from IALs', async () => {
      const html = body(await render('| a | b |\n|---|---|\n| 1 | 2 |\n\nSee[^note] "this" -- now.\n{: .lead}\n\n[^note]: The note.\n'));
      assert.match(html, /<table data-line="4">[\s\S]*<td>1<\/td>/);
      assert.match(html, /<p class="lead" data-line="8">See<sup id="fnref:note" role="doc-noteref"><a href="#fn:note" class="footnote" rel="footnote">1<\/a><\/sup> “this” – now.<\/p>/);
      assert.match(html, /<li id="fn:note" role="doc-endnote"><p>The note. <a href="#fnref:note" class="reversefootnote" role="doc-backlink">&#8617;<\/a><\/p>/);
    });

    // Each decided by Jekyll 4.3.1 on the smallest document (kramdown-parser-gfm with Jekyll's defaults).
    test('footnotes: the number without brackets, ids from the name, a back link per reference', async () => {
      const html = body(await render('a[^x] b[^x]\n\n[^x]: note\n'));
      assert.match(html, /a<sup id="fnref:x" [^>]*><a href="#fn:x" [^>]*>1<\/a><\/sup> b<sup id="fnref:x:1" [^>]*><a href="#fn:x" [^>]*>1<\/a><\/sup>/);
      assert.match(html, /note <a href="#fnref:x" [^>]*>&#8617;<\/a> <a href="#fnref:x:1" [^>]*>&#8617;<sup>2<\/sup><\/a>/);
    });

    test('tables: a row needs no header, no leading pipe, nor as many cells as the separator', async () => {
      const html = body(await render('para.\n\n--------|-------|\njson    | 16154 |\nff  | 8417  |\n\n| Note: one cell.\n'));
      assert.match(html, /<p data-line="\d+">para.<\/p>\n<table data-line="\d+">\n<tbody>\n<tr>\n<td>json<\/td>\n<td>16154<\/td>/);
      assert.match(html, /<table data-line="\d+">\n<tbody>\n<tr>\n<td>Note: one cell.<\/td>/);
    });

    test('tables: a header ends at `---`, short rows are padded, `===` starts the footer, `||` is an empty cell', async () => {
      const html = body(await render('| h1 | h2 |\n| --- | :-: |\n| 1 | 2 | 3 |\n|===|\n| f |\n\n* || – or\n'));
      assert.match(html, /<thead>\n<tr>\n<th>h1<\/th>\n<th style="text-align: center">h2<\/th>\n<th><\/th>\n<\/tr>\n<\/thead>\n<tbody>\n<tr>\n<td>1<\/td>/);
      assert.match(html, /<tfoot>\n<tr>\n<td>f<\/td>\n<td style="text-align: center"><\/td>\n<td><\/td>/);
      assert.match(html, /<li>\n<table>\n<tbody>\n<tr>\n<td><\/td>\n<td>– or<\/td>/);
    });

    test('tables: not under a paragraph line, not when a line follows, not for pipes in code spans only', async () => {
      const html = body(await render('plain\n| not a table\n\n| a | b |\nnext line\n\n`x|y` code\n'));
      assert.doesNotMatch(html, /<table/);
    });

    test('ordered lists: any first number ends a paragraph, and no `start` is written', async () => {
      const html = body(await render('but it is not.\n2. **Age**\n\n3. a\n4. b\n'));
      assert.match(html, /<p data-line="\d+">but it is not.<\/p>\n<ol data-line="\d+">\n<li>\n?(?:<p>)?<strong>Age<\/strong>/);
      assert.doesNotMatch(html, /start=/);
    });

    test('HTML: a block element runs to its closing tag, blank lines and all; the next line is Markdown', async () => {
      const html = body(await render('<div>\n\ntext *x*\n\n</div>\n\n<table><tr><td>a</td></tr>\n</table>\n<strong>S</strong>: we didn\'t\n'));
      assert.match(html, /<div>\n\ntext \*x\*\n\n<\/div>/);
      assert.match(html, /<p data-line="\d+"><strong>S<\/strong>: we didn’t<\/p>/);
    });

    test('HTML: a line starting with a span element is a paragraph; markdown="1" content is Markdown', async () => {
      const html = body(await render('<img alt="x">\n*Illus*\n\n<p markdown="1">text *em*</p>\n\n<figure>\n<figcaption>*cap*</figcaption>\n</figure>\n'));
      assert.match(html, /<p data-line="\d+"><span class="bw-placeholder"[^>]*>[^<]*<\/span>\n<em>Illus<\/em><\/p>|<p data-line="\d+"><img[^>]*>\n<em>Illus<\/em><\/p>/);
      assert.match(html, /<p>text <em>em<\/em><\/p>/);
      assert.match(html, /<figcaption>\*cap\*<\/figcaption>/);
    });

    test('HTML: a closing tag that closes nothing, or an opening block tag in a paragraph, is text', async () => {
      const html = body(await render('some <a href="x">link</a></a> and </div> and <div>y</div> end\n\n</div>\n\n<div>\n<p>unclosed\n</div>\n\npara *after*\n'));
      assert.match(html, /<a href="x">link<\/a>&lt;\/a&gt; and &lt;\/div&gt; and &lt;div&gt;y&lt;\/div&gt; end/);
      assert.match(html, /<p data-line="\d+">&lt;\/div&gt;<\/p>/);
      assert.match(html, /<p>unclosed\n&lt;\/div&gt;\n\npara \*after\*/);
    });

    test('indented code takes the unindented lines right after it (kramdown\'s lazy lines), joined with a space', async () => {
      const html = body(await render('    #import "a.h"\n# not a heading\n[a](/x) *em*\n    more\n\n    after blank\nlazy\n<div>html</div>\n\n    c\n{: .x}\n\n    d\n<em>span</em>\n'));
      assert.match(html, /<pre data-line="\d+"><code>#import &quot;a.h&quot; # not a heading \[a\]\(\/x\) \*em\*\nmore\n\nafter blank lazy\n<\/code><\/pre>\n<div>html<\/div>/);
      assert.match(html, /<pre [^>]*class="x"[^>]*><code>c\n<\/code><\/pre>/);
      assert.match(html, /<code>d &lt;em&gt;span&lt;\/em&gt;\n<\/code>/);
      const liquid = body(await render('para\n\n    code\n{% endif %}\nafter\n'));
      assert.match(liquid, /<code>code\n<\/code><\/pre>\n<p data-line="\d+"><span class="bw-placeholder"[^>]*>\{% endif %\}<\/span>\nafter<\/p>/);
    });

    test('HTML: with `parse_block_html: true` an element\'s content is Markdown as `markdown="1"` makes it', async () => {
      const files = { '_config.yml': 'kramdown:\n  parse_block_html: true\n' };
      const html = body(await render('<div class="c">\n\n# Head\n\n*em* [a](/x)\n\n</div>\n\n<p>*p*</p>\n\n<pre>*kept*</pre>\n\n<div markdown="0">\n*raw*\n</div>\n', { files }));
      assert.match(html, /<div class="c">\s*<h1 [^>]*>Head<\/h1>\s*<p[^>]*><em>em<\/em> <a href="\/x">a<\/a><\/p>\s*<\/div>/);
      assert.match(html, /<p><em>p<\/em><\/p>/);
      assert.match(html, /<pre>\*kept\*<\/pre>/);
      assert.match(html, /<div>\n\*raw\*\n<\/div>/);
    });

    test('definition lists: each line of the paragraph before `: ` is a term, each `: ` line a definition', async () => {
      const html = body(await render('Apple\nOrange\n: Fruit *sweet*\ngoes on\n: Colour\n\nOther\n: Last\n\nafter\n'));
      assert.match(html, /<dl data-line="\d+">\s*<dt>Apple<\/dt>\s*<dt>Orange<\/dt>\s*<dd>Fruit <em>sweet<\/em>\ngoes on<\/dd>\s*<dd>Colour<\/dd>\s*<dt>Other<\/dt>\s*<dd>Last<\/dd>\s*<\/dl>\s*<p data-line="\d+">after<\/p>/);
    });

    test('extensions: `{::comment}` is gone, `{::nomarkdown}` is raw HTML, `{::options /}` prints nothing; unclosed is text', async () => {
      const html = body(await render('a {::comment}x *y*{:/comment} b {::nomarkdown}<b>*r*</b>{:/} c {::options foo="bar" /} d\n\n{::comment}\nhidden\n{:/}\n\n{::nomarkdown}\n*not em* <i>it</i>\n{:/nomarkdown}\n\n{::options auto_ids="false" /}\n\nend\n\n{::nomarkdown}\nnever closed\n'));
      assert.match(html, /<p data-line="\d+">a {2}b <b>\*r\*<\/b> c {2}d<\/p>/);
      assert.doesNotMatch(html, /hidden|options/);
      assert.match(html, /\*not em\* <i>it<\/i>/);
      assert.match(html, /<p data-line="\d+">end<\/p>\s*<p data-line="\d+">\{::nomarkdown\}\nnever closed<\/p>/);
    });

    test('two backslashes end a line with a line break; an image\'s alt is its text as written', async () => {
      const html = body(await render('line\\\\\nnext \\\\ x\n\n![alt *t* `c`](/img.png)\n'));
      assert.match(html, /line<br>\nnext \\ x/);
      assert.match(html, /alt="alt \*t\* `c`"/);
    });

    test('task lists: `[ ]`/`[x]` and text start an item with a disabled checkbox, in ordered lists too', async () => {
      const html = body(await render('1. [ ] one\n2. [X] two\n\n- [ ]\n- [ ]x\n- [x]   spaced\n'));
      assert.match(html, /<ol class="task-list"[^>]*>\s*<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" \/>one<\/li>\s*<li class="task-list-item"><input [^>]*disabled="disabled" checked="checked" \/>two<\/li>/);
      assert.match(html, /<li class="task-list-item">\[ \]<\/li>\s*<li class="task-list-item">\[ \]x<\/li>\s*<li class="task-list-item"><input [^>]* checked="checked" \/>spaced<\/li>/);
    });

    test('abbreviations: a definition at a block\'s start marks every whole word in the page, not code; one in a paragraph is text', async () => {
      const html = body(await render('The HTML and XHTML spec, HTMLx, `XHTML`, [XHTML](/h).\n*[HTML]: Hyper Text\n\n*[W3C]:   World Wide\n*[XHTML]:\n\nW3C ok.\n'));
      assert.match(html, /The HTML and <abbr>XHTML<\/abbr> spec, HTMLx, <code>XHTML<\/code>, <a href="\/h"><abbr>XHTML<\/abbr><\/a>.\n\*\[HTML\]: Hyper Text<\/p>/);
      assert.match(html, /<p data-line="\d+"><abbr title="World Wide">W3C<\/abbr> ok.<\/p>/);
      assert.doesNotMatch(html, /World Wide<\/p>/);
    });

    test('IALs: after emphasis or a code span they are its; at the margin after a tight list, the list\'s', async () => {
      const html = body(await render('A *e*{: .x} **s**{: .y} `c`{: .z} end\n\n- a\n- b\n{: .list}\n\npara\n'));
      assert.match(html, /A <em class="x">e<\/em> <strong class="y">s<\/strong> <code class="z">c<\/code> end/);
      assert.match(html, /<ul class="list"[^>]*>\s*<li>a<\/li>\s*<li>b<\/li>\s*<\/ul>/);
    });

    test('escapes: `\\~` is kramdown-parser-gfm\'s, `\\%` is nobody\'s', async () => {
      assert.match(body(await render('a \\~5% \\% b\n')), /a ~5% \\% b/);
    });

    test('HTML: markdown="1" on an element inside raw HTML (a <p> in a <figure>, a <span> in a <th>) is read', async () => {
      const html = body(await render('<figure>\n    <p markdown="1" style="w"><b>Fig.</b> see [^1].</p>\n</figure>\n\n<table><tr><th>Savings<span markdown=\'1\'>[^1]</span></th></tr></table>\n\n[^1]: note\n'));
      assert.match(html, /<p><b>Fig.<\/b> see <sup id="fnref:1" [^>]*><a [^>]*>1<\/a><\/sup>.<\/p>\n<\/figure>/);
      assert.match(html, /<th>Savings<span><sup id="fnref:1:1" [^>]*><a [^>]*>1<\/a><\/sup><\/span><\/th>/);
    });

    test('math: `$$` opening a block is a block only when only white space follows its closing `$$`; inline math is trimmed', async () => {
      const html = body(await render('$$m_{ij}$$ is the value of $$i$$\n\nis $$ O(log n) $$, same\n\n$$\nx = 1\n$$\n'));
      assert.match(html, /<p data-line="\d+">\\\(m_\{ij\}\\\) is the value of \\\(i\\\)<\/p>/);
      assert.match(html, /is \\\(O\(log n\)\\\), same/);
      assert.match(html, /<div data-line="\d+" class="kdmath">\\\[x = 1\\\]<\/div>/);
    });

    test('math: a `$$` block comes before a table, so its `|` makes no cells; in a paragraph\'s math it does', async () => {
      // The oracle: `\[p(\theta|x) = \frac{p(x|\theta)}{p(x)}\]`, and `<td>The posterior $$p(\theta</td>`.
      const html = body(await render('$$p(\\theta|x) = \\frac{p(x|\\theta)}{p(x)}$$\n\n$$p(a|b)\n= 1$$\n\nThe posterior $$p(\\theta|x)$$ is nice.\n'));
      assert.match(html, /<div data-line="\d+" class="kdmath">\\\[p\(\\theta\|x\) = \\frac\{p\(x\|\\theta\)\}\{p\(x\)\}\\\]<\/div>/);
      assert.match(html, /<div data-line="\d+" class="kdmath">\\\[p\(a\|b\)\n= 1\\\]<\/div>/);
      assert.match(html, /<td>The posterior \$\$p\(\\theta<\/td>/);
    });

    test('links: a destination may hold spaces, in a link and in a reference definition (to the end of its line)', async () => {
      const html = body(await render('read [Y and R](http://x.com/a b.html) by [t](a "t")\n\nthe analyzer [1].\n\n[1]: This detail was not\nthat nearly *all*\n'));
      assert.match(html, /<a href="http:\/\/x.com\/a%20b.html">Y and R<\/a> by <a href="a" title="t">t<\/a>/);
      assert.match(html, /the analyzer <a href="This%20detail%20was%20not">1<\/a>./);
      assert.match(html, /<p data-line="\d+">that nearly <em>all<\/em><\/p>/);
    });

    test('smart quotes: a quote before `(...)` opens, though `...` is already an ellipsis', async () => {
      assert.match(body(await render('> "(...) tasks can block"\n')), /“\(…\) tasks can block”/);
    });

    test('input: kramdown: no backtick fences, `#head` is a header, neither a list nor a header ends a paragraph, `\\~` stays', async () => {
      const files = { '_config.yml': 'kramdown:\n  input: kramdown\n' };
      const html = body(await render('text\n* item\n\n```\ncode\n```\n\n#head\n\npara\n# h2\n\na \\~ b\n', { files }));
      assert.match(html, /<p data-line="\d+">text\n\* item<\/p>/);
      assert.match(html, /<p data-line="\d+"><code>code<\/code><\/p>/);
      assert.match(html, /<h1 [^>]*>head<\/h1>/);
      assert.match(html, /<p data-line="\d+">para\n# h2<\/p>/);
      assert.match(html, /a \\~ b/);
    });

    test('fenced code is highlighted for known languages and plain otherwise', async () => {
      const html = body(await render('```kotlin\nval x = 1\n```\n\n```nolang\n<b>\n```\n'));
      assert.match(html, /<code class="language-kotlin"><span class="hljs-keyword">val<\/span> x = <span class="hljs-number">1<\/span>/);
      assert.match(html, /<code class="language-nolang">&lt;b&gt;\n<\/code>/);
    });
  });

  suite('images', () => {
    test('the blog\'s files load through the resource root; missing ones are marked broken', async () => {
      const html = body(await render('![logo](/assets/img/logo.png){: width="40%" onclick="x"}\n\n![gone](/assets/img/gone.png)\n\n<img src="{{ site.baseurl }}/assets/img/logo.png" alt="raw">\n'));
      assert.match(html, /<img src="https:\/\/res.test\/blog\/assets\/img\/logo.png" alt="logo" width="40%">/);
      assert.match(html, /<img src="https:\/\/res.test\/blog\/assets\/img\/gone.png" alt="gone" title="Image not found: \/assets\/img\/gone.png" class="bw-missing">/);
      assert.match(html, /<img src="https:\/\/res.test\/blog\/assets\/img\/logo.png" alt="raw">/);
    });

    test('baseurl, the site\'s own absolute URL and relative paths (against the post\'s URL) map to files', async () => {
      const files = {
        '_config.yml': 'url: https://blog.example.com\nbaseurl: /tech\npermalink: /:year/:month/:title/\n',
        '2020/05/preview/diagram.png': '',
      };
      const html = body(await render('![a](/tech/assets/img/logo.png) ![b](https://blog.example.com/tech/assets/img/logo.png) ![c](diagram.png) ![d](../../../assets/img/logo.png)\n', { files }));
      assert.strictEqual(html.match(/src="https:\/\/res.test\/blog\/assets\/img\/logo.png"/g)?.length, 3);
      assert.match(html, /src="https:\/\/res.test\/blog\/2020\/05\/preview\/diagram.png" alt="c">/);
      assert.doesNotMatch(html, /bw-missing/);
    });

    test('remote images are not loaded, and images made by Liquid are not called broken', async () => {
      const html = body(await render('![cat](https://cats.example/cat.png)\n\n![x]({{ page.image }})\n'));
      assert.match(html, /<span class="bw-placeholder"[^>]*>remote image \(not loaded\): cat<\/span>/);
      assert.match(html, /<span class="bw-placeholder"[^>]*>image made by Liquid: x<\/span>/);
      assert.doesNotMatch(html, /<img/);
    });
  });

  suite('hostile HTML is rebuilt harmless', () => {
    test('scripts, handlers, javascript: URLs, forms, embeds and styles never reach the page', async () => {
      const html = body(
        await render(
          [
            '<script>alert(1)</script>',
            '',
            '<img src=x onerror="alert(2)">',
            '',
            '<a href="javascript:alert(3)">a</a> <a href="&#106;avascript:alert(4)">b</a> <a href="java\tscript:alert(5)">c</a> <a href="JaVaScRiPt&colon;alert(6)">d</a>',
            '',
            '<div onclick="alert(7)" style="color:red" class="ok">div</div>',
            '',
            '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(8)">go</button></form>',
            '',
            '<iframe src="https://evil.example" srcdoc="<script>alert(9)</script>"></iframe>',
            '',
            '<svg onload="alert(10)"><script>alert(11)</script></svg><math><mi xlink:href="javascript:alert(12)">m</mi></math>',
            '',
            '<meta http-equiv="refresh" content="0;url=javascript:alert(13)"><base href="javascript:alert(14)//"><link rel="import" href="x">',
            '',
            '<p><span onmouseover=alert(15)>hover</span><x-custom onclick="alert(16)">custom</x-custom></p>',
            '',
            '[md](javascript:alert(17)) <javascript:alert(18)>',
            '',
            '<img src="x" <script>alert(19)</script>',
            '',
            '<!-- <script>alert(20)</script> --><style>body{display:none}</style>',
            '',
          ].join('\n'),
        ),
      );
      assert.doesNotMatch(html, /<script|<iframe|<svg|<math|<form|<input|<button|<meta|<base|<link|<style|<x-custom/i);
      assert.doesNotMatch(html, /\son\w+=/i);
      assert.doesNotMatch(html, /href="[^"]*script:/i);
      assert.doesNotMatch(html, /style=/i);
      assert.match(html, /<div class="ok">div<\/div>/);
      assert.match(html, /<span class="bw-placeholder"[^>]*>iframe: https:\/\/evil.example<\/span>/);
      assert.match(html, /<span>hover<\/span>custom/);
    });
  });

  test('a 40 KB post renders in well under the 30 ms target', async function () {
    this.timeout(20_000);
    const section = '## Section {#s}\n\nSome *text* with a [link]({% post_url 2020-01-01-first %}) and `code`, "quotes" -- and ![img](/assets/img/logo.png).\n\n```java\nclass A { int b = 1; }\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n';
    const text = `---\ntitle: Big\nauthor: jane.doe\n---\n${section.repeat(Math.ceil(40_000 / section.length))}`;
    const site = await siteWith(exampleBlog({ [POST]: text }));
    const document = new TextDocumentSnapshot(POST, 1, text);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      // CPU time, not wall time: other processes on a busy machine do not count against the renderer.
      const started = process.cpuUsage();
      renderPost(site, document);
      const used = process.cpuUsage(started);
      times.push((used.user + used.system) / 1000);
    }
    const median = times.slice(10).sort((a, b) => a - b)[10]!;
    // The benchmark holds the 30 ms target; here only a gross regression fails, so a busy machine does not.
    assert.ok(median < 150, `median ${median.toFixed(1)} ms`);
  });
});

suite('preview links', () => {
  const files = exampleBlog({
    '_config.yml': 'url: https://blog.example.com\nbaseurl: /tech\npermalink: /:year/:month/:title.html\n',
    '_posts/2020-01-01-first.md': '---\ntitle: First\n---\n\nIntro\n\n## Getting Started\n\nText\n',
  });

  test('the blog\'s URLs lead to their source, at the heading of a fragment', async () => {
    const site = await siteWith(files);
    const from = '_posts/2020-03-01-third.md';
    assert.deepStrictEqual(resolvePreviewLink(site, from, '/tech/2020/01/first.html#getting-started'), { kind: 'source', path: '_posts/2020-01-01-first.md', fragment: 'getting-started' });
    assert.deepStrictEqual(resolvePreviewLink(site, from, 'https://blog.example.com/tech/about.html'), { kind: 'source', path: 'about.md', fragment: undefined });
    assert.deepStrictEqual(resolvePreviewLink(site, from, '../01/first.html'), { kind: 'source', path: '_posts/2020-01-01-first.md', fragment: undefined });
    assert.deepStrictEqual(resolvePreviewLink(site, from, '#top'), { kind: 'source', path: from, fragment: 'top' });
    assert.strictEqual(fragmentLine(site, '_posts/2020-01-01-first.md', 'getting-started'), 6);
    assert.strictEqual(fragmentLine(site, '_posts/2020-01-01-first.md', 'nothing'), 0);
  });

  test('other hosts are external, other schemes and unknown URLs go nowhere', async () => {
    const site = await siteWith(files);
    const from = '_posts/2020-03-01-third.md';
    assert.deepStrictEqual(resolvePreviewLink(site, from, 'https://example.org/x'), { kind: 'external', url: 'https://example.org/x' });
    assert.deepStrictEqual(resolvePreviewLink(site, from, 'mailto:a@b.c'), { kind: 'external', url: 'mailto:a@b.c' });
    assert.strictEqual(resolvePreviewLink(site, from, 'javascript:alert(1)').kind, 'none');
    assert.strictEqual(resolvePreviewLink(site, from, 'file:///etc/passwd').kind, 'none');
    assert.strictEqual(resolvePreviewLink(site, from, '/tech/nowhere.html').kind, 'none');
    assert.match((resolvePreviewLink(site, from, 'bw-missing:post_url/2019-01-01-gone') as { reason: string }).reason, /No post is named `2019-01-01-gone`/);
  });
});
