import * as assert from 'node:assert';
import { renderThemedPage, type ThemedPage } from '../../server/src/core/render/themed/themedPage';
import { WorkerSassCompiler } from '../../server/src/sassCompiler';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const POST = '_posts/2020-05-05-themed.md';
const ROOT = 'https://res.test/blog';

/** A small blog with a real layout chain: post -> default, a footer include, an author card from site.data. */
const THEME: Record<string, string> = {
  '_config.yml': 'title: The Blog\nbaseurl: /tech\nurl: https://blog.example.com\n',
  '_layouts/default.html': '<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title><link rel="stylesheet" href="{{ "/assets/main.css" | relative_url }}"><script>alert(1)</script></head>\n<body class="layout-{{ layout.name }}">\n<header><a href="{{ site.baseurl }}/">{{ site.title }}</a></header>\n{{ content }}\n{% include footer.html year=2020 %}\n</body></html>\n',
  '_layouts/post.html': '---\nlayout: default\nname: post\n---\n<article><h1 class="post-title">{{ page.title }}</h1><time>{{ page.date | date: "%b %-d, %Y" }}</time>\n{% assign author = site.data.authors[page.author] %}<div class="author-card">{{ author.name }}: {{ author.bio }}</div>\n<div class="post-content">{{ content }}</div></article>\n',
  '_includes/footer.html': '<footer>Footer of {{ site.title }}, {{ include.year }}</footer>\n',
  'assets/main.css': 'body { color: #123; background: url(/tech/assets/bg.png); }\n',
  'assets/bg.png': 'png',
};

const sass = new WorkerSassCompiler();

async function themed(body: string, files: Record<string, string> = {}, frontMatter = 'title: Themed\nlayout: post\nauthor: jane.doe'): Promise<ThemedPage> {
  const text = `---\n${frontMatter}\n---\n${body}`;
  const site = new SiteIndex(new InMemoryWorkspace(exampleBlog({ ...THEME, ...files, [POST]: text })), withSettings(undefined));
  await site.build();
  return renderThemedPage(site, new TextDocumentSnapshot(POST, 1, text), { resourceRoot: ROOT, styles: true, sass });
}

function page(result: ThemedPage): Extract<ThemedPage, { kind: 'page' }> {
  assert.strictEqual(result.kind, 'page', result.kind === 'unavailable' ? result.note : '');
  return result as Extract<ThemedPage, { kind: 'page' }>;
}

/** Runs a render that must end (with an error note or an inert page) within the preview's second. */
async function withinASecond(run: () => Promise<ThemedPage>): Promise<ThemedPage> {
  const started = performance.now();
  const result = await run();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 1000, `took ${Math.round(elapsed)} ms`);
  return result;
}

suite('themed preview', () => {
  suiteTeardown(() => sass.dispose());

  test('the layout chain with an include footer, an author card from site.data, the content with source lines', async () => {
    const result = page(await themed('# Hello\n\nSome *text*.\n'));
    assert.match(result.body, /<header><a href="\/tech\/">The Blog<\/a><\/header>/);
    assert.match(result.body, /<h1 class="post-title">Themed<\/h1><time>May 5, 2020<\/time>/);
    assert.match(result.body, /<div class="author-card">Jane Doe: [^<]+<\/div>/);
    assert.match(result.body, /<footer>Footer of The Blog, 2020<\/footer>/);
    assert.match(result.body, /<h1 data-line="5" id="hello">Hello<\/h1>/);
    assert.match(result.body, /<p data-line="7">Some <em>text<\/em>.<\/p>/);
    assert.strictEqual(result.bodyClass, 'layout-');
    assert.doesNotMatch(result.body, /<script|alert|<title/);
  });

  test('styles: the linked CSS inline, url() into the workspace', async () => {
    const result = page(await themed('x\n'));
    assert.match(result.head, /<style>\nbody \{ color: #123; background: url\("https:\/\/res\.test\/blog\/assets\/bg\.png"\); \}/);
  });

  test('Sass: an .scss entry with front matter and Liquid, its partials from _sass, compiled in the Sass thread', async function () {
    this.timeout(20_000);
    const layout = THEME['_layouts/default.html']!.replace('/assets/main.css', '/assets/site.css');
    const result = page(
      await themed('x\n', {
        '_layouts/default.html': layout,
        'assets/site.scss': '---\n---\n@import "base";\n.title { content: "{{ site.title }}"; }\n',
        '_sass/_base.scss': '$ink: #123456;\nbody { color: $ink; .inner { margin: 0; } }\n',
      }),
    );
    assert.match(result.head, /body \{\n {2}color: #123456;\n\}\nbody \.inner \{/);
    assert.match(result.head, /\.title \{\n {2}content: "The Blog";/);
  });

  test('Sass that loops forever is stopped; the page shows without it', async function () {
    this.timeout(20_000);
    const layout = THEME['_layouts/default.html']!.replace('/assets/main.css', '/assets/site.css');
    const started = performance.now();
    const result = page(await themed('x\n', { '_layouts/default.html': layout, 'assets/site.scss': '---\n---\n$i: 0;\n@while $i >= 0 { $i: $i + 1; }\n' }));
    assert.ok(performance.now() - started < 6000);
    assert.match(result.head, /Sass took longer than 3 s/);
  });

  test('Liquid in the post: includes with parameters, data-line after lines Liquid added', async () => {
    const result = page(await themed('{% include note.html text="Hi" %}\n\nAfter\n', { '_includes/note.html': '<p class="note">\n{{ include.text }}\n</p>\n' }));
    assert.match(result.body, /<p class="note">\nHi\n<\/p>/);
    assert.match(result.body, /<p data-line="7">After<\/p>/);
  });

  test('unknown tags and filters are quiet placeholders with their name; no plugin runs', async () => {
    const result = page(await themed('{% gist 12345 %}\n\n{{ "x" | shout }}\n'));
    assert.match(result.body, /<span class="bw-placeholder"[^>]*>\{% gist %\}<\/span>/);
    assert.match(result.body, /<span class="bw-placeholder"[^>]*>\| shout<\/span>/);
  });

  test('highlight, post_url and link as Jekyll writes them', async () => {
    const result = page(await themed('{% highlight ruby %}\nputs 1\n\nputs 2\n{% endhighlight %}\n\n[a]({% post_url 2020-01-01-first %}) [b]({% link about.md %})\n'));
    assert.match(result.body, /<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">[^]*puts[^]*\n\n[^]*puts[^]*<\/code><\/pre><\/figure>/);
    assert.match(result.body, /href="\/tech\/2020\/01\/01\/first\.html"/);
  });

  test('a post without `layout`: no layout, as Jekyll renders it; with jekyll-default-layout, the `post` layout (the oracle: `a.html` is `<p>P</p>` without the plugin)', async () => {
    const bare = await themed('Body\n', {}, 'title: Themed\nauthor: jane.doe');
    assert.deepStrictEqual(bare, { kind: 'unavailable', note: '' });
    const withPlugin = page(await themed('Body\n', { '_config.yml': THEME['_config.yml'] + 'plugins: [jekyll-default-layout]\n' }, 'title: Themed\nauthor: jane.doe'));
    assert.match(withPlugin.body, /<h1 class="post-title">Themed<\/h1>/);
  });

  test('a layout that is not in the workspace: the content alone, with a note naming it', async () => {
    const result = await themed('x\n', { '_config.yml': 'theme: minima\n' }, 'title: T\nlayout: home');
    assert.strictEqual(result.kind, 'unavailable');
    assert.match(result.kind === 'unavailable' ? result.note : '', /"home" comes from the blog's theme.*blogwright\.preview\.themeFolder/);
  });

  test('file access stays in the site', async () => {
    const result = page(await themed('{% include ../../../etc/passwd %}\n'));
    assert.doesNotMatch(result.body, /root:/);
  });

  suite('hostile layouts end within a second', () => {
    test('a loop that would run for hours', async () => {
      const result = await withinASecond(() => themed('x\n', { '_layouts/post.html': '{% for a in (1..100000) %}{% for b in (1..100000) %}{{ b }}{% endfor %}{% endfor %}' }));
      assert.strictEqual(result.kind, 'unavailable');
    });

    test('a layout that includes itself', async () => {
      const result = await withinASecond(() => themed('x\n', { '_layouts/post.html': '{% include self.html %}', '_includes/self.html': 'again {% include self.html %}' }));
      assert.strictEqual(result.kind, 'unavailable');
    });

    test('a layout chain that loops', async () => {
      const result = await withinASecond(() => themed('x\n', { '_layouts/post.html': '---\nlayout: other\n---\n{{ content }}', '_layouts/other.html': '---\nlayout: post\n---\n{{ content }}' }));
      assert.strictEqual(result.kind, 'unavailable');
    });

    test('100 MB of output', async () => {
      const result = await withinASecond(() =>
        themed('x\n', { '_layouts/post.html': '{% capture s %}{% for i in (1..1000) %}0123456789{% endfor %}{% endcapture %}{% for i in (1..10000) %}{{ s }}{% endfor %}' }),
      );
      assert.strictEqual(result.kind, 'unavailable');
    });

    test('a string doubled until it fills memory', async () => {
      const result = await withinASecond(() => themed('x\n', { '_layouts/post.html': '{% assign s = "ab" %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}' }));
      assert.strictEqual(result.kind, 'unavailable');
    });

    test('a script tag and event handlers are gone', async () => {
      const result = page(await withinASecond(() => themed('x\n', { '_layouts/post.html': '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)" onclick="alert(4)">a</a><svg><script>alert(5)</script></svg>{{ content }}' })));
      assert.doesNotMatch(result.body, /alert|<script|onerror|onclick|javascript:/);
    });
  });
});
