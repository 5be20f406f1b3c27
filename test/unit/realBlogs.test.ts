import * as assert from 'node:assert';
import { fileDiagnostics } from '../../server/src/core/fileDiagnostics';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { findingsOf, indexBlog } from '../util/checkBlog';
import { countWords } from '../../server/src/core/features/readingTime';

/** Conventions of real Jekyll blogs other than the one the checks were first tuned on. */
suite('real blog conventions', () => {
  test('an _authors collection named by file name (18F: `_authors/dan-williams.md` with `name: Dan O. Williams`)', async () => {
    const post = '_posts/2019-04-08-launch.md';
    const files = exampleBlog({
      '_config.yml': 'collections:\n  authors:\n    output: true\n',
      '_authors/dan-williams.md': '---\nname: Dan O. Williams\n---\n',
      '_authors/maya.md': '---\nname: maya\n---\n',
      [post]: '---\nlayout: post\ntitle: Launch\nauthors:\n- dan-williams\n- maya\n- Dan O. Williams\n- dan-wiliams\n---\nBody\n',
    });
    delete files['_data/authors.yml'];
    assert.deepStrictEqual(await findingsOf(files, post), [['author.unknown', 'dan-wiliams']]);
  });

  test('a key repeated in _config.yml is a warning: Jekyll still reads the file (artsy.github.io)', async () => {
    const config = 'permalink: /blog/:year/:title/\nauthors:\n  laura:\n    name: Laura\n  laura:\n    name: Laura B\n';
    const files = exampleBlog({ '_config.yml': config });
    const site = await indexBlog(files);
    assert.strictEqual(site.config.permalink, '/blog/:year/:title/');
    const diagnostics = fileDiagnostics(site, { document: new TextDocumentSnapshot('_config.yml', 1, config) }, []);
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.severity]), [['frontmatter.duplicate-key', 2]]);
  });

  test('a page\'s `date:` is never parsed by Jekyll, so a template page with `date: YYYY-MM-DD` is fine (artsy.github.io)', async () => {
    const page = 'Post-Templates/YYYY-MM-DD-epic-post.markdown';
    const files = exampleBlog({ [page]: '---\nlayout: post\ntitle: Your Title\ndate: YYYY-MM-DD\n---\nBody\n' });
    assert.deepStrictEqual((await findingsOf(files, page)).filter(([code]) => code.startsWith('date.')), []);
  });

  test('references: definitions made by a Liquid loop cannot be known (jekyll docs), `[[a]][[b]]` links the inner labels (ruby-lang.org)', async () => {
    const post = '_posts/2013-05-12-release.md';
    const loop = '* Fix ([#1081][])\n\n{% for issue in issue_numbers %}\n[#{{ issue }}]: https://example.org/issues/{{ issue }}\n{% endfor %}\n';
    const links = async (body: string) => (await findingsOf(exampleBlog({ [post]: `---\nlayout: post\ntitle: A\nauthor: jane.doe\n---\n${body}` }), post)).filter(([code]) => code.startsWith('link.'));
    assert.deepStrictEqual(await links(loop), []);
    const nested = '* Unicode 17. [[Feature #19908]][[Feature #20724]] and [[Bug #1]][[Bug #2]]\n\n[Feature #19908]: https://example.org/19908\n[Feature #20724]: https://example.org/20724\n';
    assert.deepStrictEqual(await links(nested), []);
    assert.deepStrictEqual(await links('* `else` without `rescue`. [EXPERIMENTAL][[Feature #14606]](https://example.org/14606) [x][nowhere]\n'), [['link.reference', 'nowhere']]);
  });

  test('Ruby plugins in _plugins may make any page: a link the map cannot find is only unverified (artsy.github.io)', async () => {
    const post = '_posts/2018-08-24-debugging.md';
    const files = exampleBlog({ [post]: '---\nlayout: post\ntitle: A\nauthor: jane.doe\n---\nSee [Orta](/author/orta/) and [the series](/series/react-native/).\n' });
    assert.deepStrictEqual((await findingsOf(files, post)).map(([code]) => code), ['link.url', 'link.url']);
    files['_plugins/author_generator.rb'] = 'module Jekyll; end\n';
    assert.deepStrictEqual((await findingsOf(files, post)).map(([code]) => code), ['link.unverified', 'link.unverified']);
  });

  test('`date: February 2, 2021` dates the post as Ruby reads it, so its URL has that day (18F)', async () => {
    const files = exampleBlog({
      '_config.yml': 'permalink: pretty\ntimezone: America/New_York\n',
      '_posts/2021-02-01-path-analysis.md': '---\ntitle: A\ndate: February 2, 2021\n---\nA\n',
      '_posts/2021-03-01-eu.md': '---\ntitle: B\ndate: 3 Mar 2021\n---\nB\n',
    });
    const site = await indexBlog(files);
    assert.strictEqual(site.urls.urlOf('_posts/2021-02-01-path-analysis.md'), '/2021/02/02/path-analysis/');
    assert.strictEqual(site.urls.urlOf('_posts/2021-03-01-eu.md'), '/2021/03/03/eu/');
  });

  test('Liquid in code that is meant to run is not reported: HTML pages, strings, site values, the page\'s own loop variables (hyde, jekyll docs, ruby-lang.org)', async () => {
    const page = 'index.html';
    const post = '_posts/2020-01-01-install.md';
    const files = exampleBlog({
      '_config.yml': 'version: 4.4.1\n',
      '_data/ruby.yml': 'current_version: 3.4\n',
      [page]: '---\nlayout: default\n---\n<div>\n\n    {{ post.content }}\n</div>\n',
      [post]: [
        '---\nlayout: post\ntitle: A\nauthor: jane.doe\n---',
        'Run `gem install jekyll -v {{ site.version }}` on Ruby `{{ site.data.ruby.current_version }}`; write `{{ "{{" }}` for braces.',
        '{% for snapshot in site.data.ruby.snapshots %}',
        '    git checkout {{ snapshot.branch }}',
        '{% endfor %}',
        'A layout shows `{{ page.title }}` and `{{ site.nothing }}`.',
        '',
      ].join('\n'),
    });
    assert.deepStrictEqual((await findingsOf(files, page)).filter(([code]) => code === 'liquid.in-code'), []);
    assert.deepStrictEqual((await findingsOf(files, post)).filter(([code]) => code === 'liquid.in-code'), [
      ['liquid.in-code', '{{ page.title }}'],
      ['liquid.in-code', '{{ site.nothing }}'],
    ]);
  });

  test("Liquid in code that prints a key of the page's own front matter is meant: `{{ page.imgver }}` in an install command (theforeman.org)", async () => {
    const post = '_posts/2020-01-02-discovery.md';
    const files = exampleBlog({
      [post]: '---\nlayout: post\ntitle: D\nauthor: jane.doe\nimgver: 3.4\n---\n    wget http://example.org/releases/{{page.imgver}}/fdi.tar\n\nIn `{{ page.title }}` and `{{ page.missing }}`.\n',
    });
    // The oracle writes `releases/3.4/fdi.tar` in the code block; `page.title` in code is how Jekyll tutorials show it.
    assert.deepStrictEqual((await findingsOf(files, post)).filter(([code]) => code === 'liquid.in-code'), [
      ['liquid.in-code', '{{ page.title }}'],
      ['liquid.in-code', '{{ page.missing }}'],
    ]);
  });

  test('an end tag with words after its name ends its block, as Liquid reads it: `{% endhighlight bash %}`, `{% endcomment note %}` (creativenightly.com)', async () => {
    const post = '_posts/2012-06-29-setup.md';
    const files = exampleBlog({
      [post]: '---\nlayout: post\ntitle: Setup\nauthor: jane.doe\n---\nGo to [setup](#setup), or read [the docs][docs].\n\n{% highlight bash %}\necho hi\n{% endhighlight bash %}\n\n## Setup\n\n[docs]: https://example.com/\n\nA {% comment note %}{{ x }}{% endcomment note %} b, and [gone](#gone).\n\n{% highlight ruby %}\n{{ shown }}\n{% endhighlight %}\n',
    });
    // The links after the blocks are read as links again; Liquid in the second block, closed the usual way, still is code.
    assert.deepStrictEqual(await findingsOf(files, post), [
      ['link.fragment', '#gone'],
      ['liquid.in-code', '{{ shown }}'],
    ]);
    assert.strictEqual(countWords('a {% comment note %} b c {% endcomment note %} d'), 2);
  });

  test('an indented `{% continue %}` in a loop of Liquid lines is no code: Liquid leaves blank lines (elixir-lang.org)', async () => {
    const page = 'docs.md';
    const files = exampleBlog({
      '_data/versions.yml': '[a, stable, b]\n',
      [page]: "---\nlayout: default\ntitle: Docs\n---\n{% for v in site.data.versions %}\n  {% if v == 'stable' %}\n    {% continue %}\n  {% endif %}\n\n## Version {{ v }}\n{% endfor %}\n\nShown as code:\n\n    {% for x in list %}\n    {{ page.title }}\n    {% endfor %}\n",
    });
    assert.deepStrictEqual(await findingsOf(files, page), [
      ['liquid.in-code', '{% for x in list %}'],
      ['liquid.in-code', '{{ page.title }}'],
      ['liquid.in-code', '{% endfor %}'],
    ]);
  });

  test('indented lines of Liquid that prints nothing (captures on one line, `{%- assign -%}`) are no code; comments and the build time in code are meant (bitcoinops.org, swift.org)', async () => {
    const post = '_posts/2024-01-01-hello.md';
    const files = exampleBlog({
      [post]: '---\nlayout: post\ntitle: Hello\nauthor: jane.doe\n---\n## Notes\n\n    {% capture greeting %}Hello <b>world</b>{% endcapture %}\n    {%- assign count = 3 -%}\n\n{% for i in (1..2) %}\n  {% if i > 0 %}\n    {% capture label %}**{{ i }}**{% endcapture %}\n  * item {{ label }}\n  {%- endif %}\n{% endfor %}\n\nGreeting: {{ greeting }}, count {{ count }}.\n\n```sh\nmake test {% comment %}skip-test{% endcomment %}\n```\n\n    Copyright (c) {{ site.time | date: "%Y" }}\n\n    {% capture shown %}\n    {{ page.title }}\n    {% endcapture %}\n',
    });
    assert.deepStrictEqual(await findingsOf(files, post), [
      ['liquid.in-code', '{% capture shown %}'],
      ['liquid.in-code', '{{ page.title }}'],
      ['liquid.in-code', '{% endcapture %}'],
    ]);
  });

  test('references defined in an included Markdown file are not missing, and `[a][b](c)` with `b` defined is no link to `c` (bitcoinops.org)', async () => {
    const post = '_posts/2024-10-10-guide.md';
    const body = (include: string) => `---\nlayout: post\ntitle: Guide\nauthor: jane.doe\n---\nSee [Pay-to-Contract][topic p2c](P2C) and [BIP125][].\n\n${include}\n`;
    const files = (include: string) => exampleBlog({ [post]: body(include), '_includes/references.md': '[topic p2c]: /about.html\n[bip125]: https://example.com/bip125\n', '_includes/note.html': '<p>note</p>\n' });
    assert.deepStrictEqual(await findingsOf(files('{% include references.md %}'), post), []);
    assert.deepStrictEqual(await findingsOf(files('{% include_relative parts/refs.md %}'), post), []);
    // An included .html file defines no reference: kramdown shows `[Pay-to-Contract]` as text, and `[topic p2c](P2C)`
    // is a link, so `[topic p2c]` is no missing reference.
    assert.deepStrictEqual(await findingsOf(files('{% include note.html %}'), post), [
      ['link.url', 'P2C'],
      ['link.reference', 'BIP125'],
    ]);
    assert.deepStrictEqual(await findingsOf(files('[topic p2c]: /about.html\n[BIP125]: https://example.com/bip125'), post), []);
  });

  test('a comment whose end tag is split over two lines ends there; code in a capture is printed where the capture is, nested captures counted (bitcoinops.org)', async () => {
    const post = '_posts/2020-02-26-newsletter.md';
    const files = exampleBlog({
      [post]: '---\nlayout: post\ntitle: News\nauthor: jane.doe\n---\nSee [the residency][residency].\n\n{% comment %}<!-- a search link -->{%\nendcomment %}\n\n{% capture list %}\n\n    {% capture inner %}x{% endcapture %}\n    {%- assign n = 1 -%}\n    <li>{{ inner }}</li>\n\n{% endcapture %}\n{{ list }}\n\n[residency]: https://residency.example.com\n',
    });
    assert.deepStrictEqual(await findingsOf(files, post), []);
  });

  test("a page made of included Markdown parts has their headings; a fragment that is the page's script state is no id (swift.org)", async () => {
    const post = '_posts/2016-02-29-commit-access.md';
    const files = exampleBlog({
      'contributing/index.md': '---\nlayout: default\ntitle: Contributing\n---\n{% include_relative _contributing-code.md %}\n',
      'contributing/_contributing-code.md': '## Contributing Code\n',
      'evolution.md': '---\nlayout: default\ntitle: Evolution\n---\n## Proposals\n',
      [post]: '---\nlayout: post\ntitle: Access\nauthor: jane.doe\n---\n[code](/contributing/#contributing-code) [5.7](/evolution.html#?version=5.7) [gone](/evolution.html#nope)\n',
    });
    assert.deepStrictEqual(await findingsOf(files, post), [['link.fragment', '/evolution.html#nope']]);
  });
});

