import * as assert from 'node:assert';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { exampleBlog, writeBlog } from '../util/blogs';
import { runCli, type JsonReport } from '../util/cli';

/** Every file of `blog` under `folder/`. */
function under(folder: string, blog: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(blog).map(([name, text]) => [`${folder}/${name}`, text]));
}

async function checkJson(args: string[], cwd?: string): Promise<{ status: number | null; report: JsonReport; stderr: string }> {
  const run = await runCli(['check', ...args, '--format', 'json'], cwd ? { cwd } : {});
  assert.notStrictEqual(run.stdout, '', run.stderr);
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

const untitled = '---\nlayout: post\nauthor: jane.doe\n---\nSee {% post_url 2020-01-01-first %}.\n';

suite('blogwright check: every site under ROOT, each from its own folder', () => {
  // A product's repository: its blog in docs/, with its own settings; a README and fixtures outside it.
  const repository = writeBlog({
    'README.md': '---\ntitle: [broken\n---\n[nowhere](/nowhere.html)\n',
    'lib/thing.rb': 'puts 1\n',
    'test/fixtures/_posts/bad-name.md': '---\n---\n',
    ...under(
      'docs',
      exampleBlog({
        '_posts/2020-04-01-untitled.md': untitled,
        '_posts/2020-04-02-links.md': '---\nlayout: post\ntitle: L\nauthor: jane.doe\n---\n[about](/about.html) [gone](/gone.html)\n',
        '.blogwright.yml': 'validate:\n  link.url: warning\n',
      }),
    ),
  });

  test("a site's diagnostics from the top are those of a run from its folder, paths relative to the given root", async () => {
    const top = await checkJson(['.'], repository);
    const docs = await checkJson(['.'], path.join(repository, 'docs'));
    assert.deepStrictEqual(
      top.report.diagnostics,
      docs.report.diagnostics.map((d) => ({ ...d, file: `docs/${d.file}` })),
    );
    assert.strictEqual(top.report.files, docs.report.files);
    assert.strictEqual(top.status, 1);
    // The site's own .blogwright.yml applies: the broken link is a warning there.
    assert.deepStrictEqual(
      top.report.diagnostics.map((d) => [d.file, d.code, d.severity]),
      [
        ['docs/_posts/2020-04-01-untitled.md', 'frontmatter.required', 'error'],
        ['docs/_posts/2020-04-02-links.md', 'link.url', 'warning'],
      ],
    );
  });

  test('the summary names the sites checked; a lone site at the root is not named', async () => {
    const run = await runCli(['check', '.', '--format', 'stylish'], { cwd: repository });
    assert.match(run.stdout, /✖ 2 problems \(1 error, 1 warning\) in \d+ files; site: docs\n$/);
    const alone = await runCli(['check', '.', '--format', 'stylish'], { cwd: path.join(repository, 'docs') });
    assert.match(alone.stdout, /in \d+ files\n$/);
  });

  test("PATHS select files of any site; a path outside every site is not an error, and nothing in it is checked", async () => {
    const { status, report } = await checkJson(['.', 'docs/_posts/2020-04-02-links.md', 'README.md', 'lib'], repository);
    assert.strictEqual(status, 0);
    assert.deepStrictEqual(
      report.diagnostics.map((d) => d.file),
      ['docs/_posts/2020-04-02-links.md'],
    );
  });

  test('two sites side by side: each has its own permalinks, authors and settings, and links never cross', async () => {
    const root = writeBlog({
      ...under('blog', exampleBlog()),
      ...under('shop', {
        '_config.yml': 'title: Shop\npermalink: /news/:title/\n',
        '_data/authors.yml': 'bob:\n  name: Bob\n',
        '_layouts/post.html': '{{ content }}\n',
        '_posts/2020-01-01-first.md': '---\nlayout: post\ntitle: Shop news\nauthor: bob\n---\n',
        '_posts/2020-02-01-second.md': '---\nlayout: post\ntitle: S\nauthor: jane.doe\n---\n{% post_url 2020-03-01-third %} [a](/2020/01/first.html) [b](/news/first/)\n',
      }),
    });
    const { report } = await checkJson(['.'], root);
    assert.deepStrictEqual(
      report.diagnostics.map((d) => [d.file, d.code]),
      [
        ['shop/_posts/2020-02-01-second.md', 'author.unknown'],
        ['shop/_posts/2020-02-01-second.md', 'link.post-url'],
        ['shop/_posts/2020-02-01-second.md', 'link.url'],
      ],
    );
  });

  test('a site inside a site: its files are its own, not the outer site\'s', async () => {
    const root = writeBlog({
      ...exampleBlog({ '_config.yml': 'title: Outer\npermalink: /:year/:month/:title.html\nexclude: [docs]\n', '_posts/2020-05-01-outer.md': '---\nlayout: post\ntitle: O\nauthor: jane.doe\n---\n[in docs](/docs/guide.html)\n' }),
      ...under('docs', { '_config.yml': 'title: Docs\n', 'index.md': '---\ntitle: Docs\n---\n[guide](/guide.html) [first](/2020/01/first.html)\n', 'guide.md': '---\ntitle: Guide\n---\n' }),
    });
    const { report } = await checkJson(['.'], root);
    assert.deepStrictEqual(
      report.diagnostics.map((d) => [d.file, d.code]),
      [
        ['_posts/2020-05-01-outer.md', 'link.url'],
        ['docs/index.md', 'link.url'],
      ],
    );
  });

  test('no site under ROOT exits 2 and says what a site is', async () => {
    const root = writeBlog({ 'README.md': '# A plain repository\n', 'content/posts/first.md': '---\ntitle: Hugo\n---\n', 'config.toml': 'title = "Hugo"\n' });
    const run = await runCli(['check', root]);
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stdout, '');
    assert.match(run.stderr, /No Jekyll site in ".*": a site is a folder with _config\.yml and _posts, _layouts or an index page\./);
  });
});

// Jekyll 4.3.1 (oracle, docs/decisions.md "Session 11 (helper D)"): `source:` names the folder the site is read
// from; `_config.yml` stays the root's, URLs are relative to the source, and a source outside is never read here.
suite("blogwright check: a site read from _config.yml's `source:`", () => {
  const brokenPost = '---\nlayout: post\ntitle: T\nauthor: jane.doe\n---\n[gone](/gone.html) [ok]({% link about.md %}) [about](/about/)\n';

  test('the site is read from its source folder, with the configuration, Gemfile and .blogwright.yml of the root', async () => {
    const blog = exampleBlog({ '_posts/2020-04-02-links.md': brokenPost });
    const root = writeBlog({
      ...under('src', Object.fromEntries(Object.entries(blog).filter(([name]) => name !== '_config.yml'))),
      '_config.yml': 'title: Test blog\nsource: src\npermalink: pretty\n',
      '.blogwright.yml': 'validate:\n  link.url: warning\n',
      'src/_config.yml': 'title: [not read\n',
      'src/.blogwright.yml': 'validate:\n  link.url: off\n',
      '_posts/2020-01-01-not-read.md': '---\ntitle: [broken\n---\n',
    });
    const { status, report } = await checkJson(['.'], root);
    assert.deepStrictEqual(
      report.diagnostics.map((d) => [d.file, d.code, d.severity, d.message.includes('/gone.html')]),
      [['src/_posts/2020-04-02-links.md', 'link.url', 'warning', true]],
      "the root's permalink (pretty: /about/ exists) and .blogwright.yml; src/_config.yml and the root's _posts are not read",
    );
    assert.strictEqual(status, 0);
    const one = await checkJson(['.', 'src/_posts/2020-04-02-links.md'], root);
    assert.deepStrictEqual(one.report.diagnostics, report.diagnostics, 'a PATH in the source selects its document');
  });

  test('a source that does not exist yet (made-mistakes: `source: .tmp/src`, made by a build step) says so on _config.yml', async () => {
    const root = writeBlog({ '_config.yml': 'title: t\nsource: .tmp/src\n', 'src/_posts/2020-01-01-a.md': '---\ntitle: [broken\n---\n', 'gulpfile.js': '' });
    const { status, report } = await checkJson(['.'], root);
    assert.strictEqual(status, 0);
    assert.deepStrictEqual(
      report.diagnostics.map((d) => [d.file, d.code, d.severity, d.range.start.line]),
      [['_config.yml', 'config.source-missing', 'information', 1]],
    );
    assert.match(report.diagnostics[0]!.message, /"\.tmp\/src" \(source:\), which does not exist yet/);
    assert.strictEqual(report.files, 1);
  });

  test('a `source:` that is not text stops Jekyll: an error on _config.yml, nothing else checked', async () => {
    const root = writeBlog({ '_config.yml': 'title: t\nsource: 2020\n', '_posts/2020-01-01-a.md': '---\ntitle: [broken\n---\n' });
    const { status, report } = await checkJson(['.'], root);
    assert.deepStrictEqual(report.diagnostics.map((d) => [d.file, d.code, d.severity, d.range.start.line]), [['_config.yml', 'config.source-invalid', 'error', 1]]);
    assert.match(report.diagnostics[0]!.message, /a number/);
    assert.strictEqual(status, 1);
  });

  test('`markdown: rdiscount`, which stops a Jekyll 4 build, is one warning on _config.yml; the posts are read as kramdown', async () => {
    const root = writeBlog({
      '_config.yml': 'title: t\nmarkdown: rdiscount\npygments: true\n',
      Gemfile: "gem 'jekyll', '~> 4.3'\n",
      '_layouts/post.html': '{{ content }}',
      '_posts/2020-01-01-a.md': '---\ntitle: A\nlayout: post\n---\n# A\n\n[b](/2020/01/02/b.html#b)\n',
      '_posts/2020-01-02-b.md': '---\ntitle: B\nlayout: post\n---\n# B\n',
    });
    const { status, report } = await checkJson(['.'], root);
    assert.deepStrictEqual(report.diagnostics.map((d) => [d.file, d.code, d.severity, d.range.start.line]), [['_config.yml', 'config.markdown-processor', 'warning', 1]]);
    assert.strictEqual(status, 0);
  });

  test('`source: ../outside` reads nothing outside the root: a warning on _config.yml, no file of the folder checked', async () => {
    const parent = writeBlog({
      'outside/_posts/2020-01-01-secret.md': '---\ntitle: [broken\n---\n[gone](/gone.html)\n',
      'outside/index.md': '---\n---\n',
      'outside/_config.yml': 'title: [broken\n',
      'blog/_config.yml': 'source: ../outside\n',
      'blog/_posts/2020-01-01-a.md': '---\ntitle: [broken\n---\n',
      'blog/link/placeholder': '',
    });
    for (const setting of ['../outside', path.join(parent, 'outside')]) {
      writeBlog({ 'blog/_config.yml': `source: ${setting}\n` }, parent);
      const { status, report } = await checkJson(['.'], path.join(parent, 'blog'));
      assert.deepStrictEqual(
        report.diagnostics.map((d) => [d.file, d.code, d.severity]),
        [['_config.yml', 'config.source-outside', 'warning']],
        setting,
      );
      assert.strictEqual(report.files, 1, setting);
      assert.strictEqual(status, 0, setting);
    }
    // A source that is a symbolic link to it is not followed either.
    symlinkSync(path.join(parent, 'outside'), path.join(parent, 'blog', 'linked'));
    writeBlog({ 'blog/_config.yml': 'source: linked\n' }, parent);
    const linked = await checkJson(['.'], path.join(parent, 'blog'));
    assert.deepStrictEqual(
      linked.report.diagnostics.map((d) => [d.file, d.code]),
      [['_config.yml', 'config.source-outside']],
    );
    assert.match(linked.report.diagnostics[0]!.message, /symbolic link/);
  });
});
