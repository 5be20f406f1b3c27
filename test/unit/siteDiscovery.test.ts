import * as assert from 'node:assert';
import { findSites, isNeverContent, nestedSiteFolders, pathInSite, siteFilePath, siteOf, type SiteRoot } from '../../server/src/core/site/siteDiscovery';
import { symlinkSync } from 'node:fs';
import { FileSystemWorkspace, siteWorkspace } from '../../server/src/fileSystemWorkspace';
import { writeBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { withSettings } from '../../server/src/core/settings';

/** Every file of the given names, each with some text. */
function workspaceOf(...paths: string[]): InMemoryWorkspace {
  return new InMemoryWorkspace(Object.fromEntries(paths.map((path) => [path, '---\ntitle: x\n---\n'])));
}

async function sitePaths(workspace: InMemoryWorkspace, skipFolder?: (folder: string) => boolean): Promise<string[]> {
  return (await findSites(workspace, skipFolder ? { skipFolder } : {})).map((site) => site.path);
}

suite('site discovery', () => {
  test("a product's repository: its site in docs/, templates with their own configuration, fixtures without", async () => {
    const workspace = workspaceOf(
      'README.md',
      'lib/jekyll.rb',
      'docs/_config.yml',
      'docs/_posts/2020-01-01-release.md',
      'docs/_docs/installation.md',
      'docs/index.html',
      'lib/site_template/_config.yml',
      'lib/site_template/_posts/0000-00-00-welcome.markdown.erb',
      'lib/site_template/index.markdown',
      'test/source/_posts/2008-10-18-foo-bar.md',
      'test/source/_config_folded.yml',
    );
    assert.deepStrictEqual(await findSites(workspace), [
      { path: 'docs', configFile: '_config.yml' },
      { path: 'lib/site_template', configFile: '_config.yml' },
    ]);
    assert.deepStrictEqual(workspace.readLog.sort(), ['docs/_config.yml', 'lib/site_template/_config.yml'], 'discovery reads the configurations only (for `source:`)');
  });

  test('a configuration alone is not a site: Hexo and Hugo blogs, a tool that happens to use _config.yml', async () => {
    const hexo = workspaceOf('_config.yml', 'package.json', 'source/_posts/hello-world.md', 'themes/landscape/_config.yml', 'themes/landscape/layout/post.ejs', 'scaffolds/post.md');
    assert.deepStrictEqual(await sitePaths(hexo), []);
    const hugo = workspaceOf('config.toml', 'content/posts/first.md', 'layouts/_default/single.html');
    assert.deepStrictEqual(await sitePaths(hugo), []);
    assert.deepStrictEqual(await sitePaths(workspaceOf('_config.yml', 'main.py', 'README.md')), []);
  });

  test('a Jekyll-shaped top: a Jekyll folder or an index page', async () => {
    for (const shape of ['_posts/2020-01-01-a.md', '_drafts/a.md', '_layouts/default.html', '_includes/head.html', '_data/authors.yml', '_sass/main.scss', '_plugins/x.rb', 'index.html', 'index.md', 'index.markdown']) {
      assert.deepStrictEqual(await sitePaths(workspaceOf('_config.yml', shape)), [''], shape);
    }
    // A folder deeper down does not make the top a site.
    assert.deepStrictEqual(await sitePaths(workspaceOf('_config.yml', 'src/_layouts/default.html', 'src/index.html')), []);
  });

  test('_config.yml, _config.yaml or _config.toml, in Jekyll\'s order', async () => {
    assert.deepStrictEqual(await findSites(workspaceOf('_config.toml', '_config.yml', 'index.md')), [{ path: '', configFile: '_config.yml' }]);
    assert.deepStrictEqual(await findSites(workspaceOf('_config.toml', '_config.yaml', 'index.md')), [{ path: '', configFile: '_config.yaml' }]);
    assert.deepStrictEqual(await findSites(workspaceOf('blog/_config.toml', 'blog/_posts/2020-01-01-a.md')), [{ path: 'blog', configFile: '_config.toml' }]);
    // Other configuration files are for `--config`, not found by Jekyll itself.
    assert.deepStrictEqual(await sitePaths(workspaceOf('blog/_config.dev.yml', 'blog/_layouts/default.html')), []);
  });

  test('a site configured by _config.yaml is read with it', async () => {
    const site = new SiteIndex(new InMemoryWorkspace({ '_config.yaml': 'permalink: /news/:title/\n', '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n' }), withSettings(undefined));
    await site.build();
    assert.strictEqual(site.urls.urlOf('_posts/2020-01-01-a.md'), '/news/a/');
  });

  test('the top folder with _posts or _drafts and no configuration is a site, as jekyll build takes it', async () => {
    assert.deepStrictEqual(await findSites(workspaceOf('_posts/2020-01-01-a.md', 'about.md')), [{ path: '', configFile: undefined }]);
    assert.deepStrictEqual(await findSites(workspaceOf('_drafts/a.md')), [{ path: '', configFile: undefined }]);
    assert.deepStrictEqual(await sitePaths(workspaceOf('_layouts/default.html', 'index.html')), []);
  });

  test('never in dependencies, build output, caches or hidden folders', async () => {
    const inside = [
      'node_modules/theme/_config.yml',
      'node_modules/theme/_layouts/default.html',
      'vendor/bundle/ruby/3.1.0/gems/jekyll-4.3.1/lib/site_template/_config.yml',
      'vendor/bundle/ruby/3.1.0/gems/jekyll-4.3.1/lib/site_template/index.markdown',
      // Bundler's gems installed at another path (`bundle install --path _vendor`: grab.github.io).
      '_vendor/ruby/2.6.0/gems/jekyll-3.8.4/lib/site_template/_config.yml',
      '_vendor/ruby/2.6.0/gems/jekyll-3.8.4/lib/site_template/index.md',
      '_site/_config.yml',
      '_site/index.html',
      '.git/_config.yml',
      '.git/index.md',
      '.github/pages/_config.yml',
      '.github/pages/index.md',
      'a/.jekyll-cache/_config.yml',
      'a/.jekyll-cache/index.md',
    ];
    assert.deepStrictEqual(await sitePaths(workspaceOf(...inside)), []);
    // On disk, discovery's listing does not even enter them (a site's own listing keeps its assets/vendor/).
    const root = writeBlog(Object.fromEntries([...inside, 'blog/_config.yml', 'blog/index.md', 'assets/vendor/x.js'].map((p) => [p, ''])));
    const listed = await new FileSystemWorkspace(root, { skipFolder: isNeverContent }).listFiles();
    assert.deepStrictEqual(listed, ['blog/_config.yml', 'blog/index.md']);
    assert.deepStrictEqual(await findSites(new FileSystemWorkspace(root, { skipFolder: isNeverContent })), [{ path: 'blog', configFile: '_config.yml' }]);
  });

  test("more folders to skip, such as VS Code's files.exclude", async () => {
    const workspace = workspaceOf('build/_config.yml', 'build/index.html', 'blog/_config.yml', 'blog/index.html');
    assert.deepStrictEqual(await sitePaths(workspace, (folder) => folder === 'build'), ['blog']);
  });

  test('sites in sites: each file belongs to the nearest enclosing one', async () => {
    const sites = await findSites(workspaceOf('_config.yml', '_posts/2020-01-01-a.md', 'docs/_config.yml', 'docs/index.md', 'docs/api/_config.yml', 'docs/api/_layouts/page.html', 'documents/index.md'));
    assert.deepStrictEqual(
      sites.map((s) => s.path),
      ['', 'docs', 'docs/api'],
    );
    const [top, docs, api] = sites as [SiteRoot, SiteRoot, SiteRoot];
    assert.strictEqual(siteOf(sites, '_posts/2020-01-01-a.md'), top);
    assert.strictEqual(siteOf(sites, 'documents/index.md'), top, 'a folder named like a site is not in it');
    assert.strictEqual(siteOf(sites, 'docs/index.md'), docs);
    assert.strictEqual(siteOf(sites, 'docs/api/_layouts/page.html'), api);
    assert.strictEqual(siteOf(sites, 'docs/api'), api);
    assert.deepStrictEqual(nestedSiteFolders(sites, top), ['docs', 'docs/api']);
    assert.deepStrictEqual(nestedSiteFolders(sites, docs), ['api']);
    assert.deepStrictEqual(nestedSiteFolders(sites, api), []);
    assert.strictEqual(pathInSite(docs, 'docs/api/_layouts/page.html'), 'api/_layouts/page.html');
    assert.strictEqual(pathInSite(top, 'docs/index.md'), 'docs/index.md');
    assert.strictEqual(siteOf([docs], 'README.md'), undefined, 'outside every site');
  });

  // Jekyll 4.3.1 (oracle, docs/decisions.md "Session 11 (helper D)"): `source:` in the root's _config.yml names the
  // folder every post, page, layout, include, data file and collection is read from; the configuration stays the
  // root's, and a _config.yml inside the source is not read.
  test('`source:` names the folder the site is read from; the configuration stays where it is', async () => {
    const workspace = new InMemoryWorkspace({
      '_config.yml': 'title: t\nsource: src\n',
      'Gemfile': "gem 'jekyll'\n",
      '_posts/2020-01-01-ignored.md': '---\n---\n',
      'src/_config.yml': 'title: inner, not read\n',
      'src/_posts/2020-01-01-a.md': '---\n---\n',
      'src/index.md': '---\n---\n',
    });
    const sites = await findSites(workspace);
    assert.deepStrictEqual(sites, [{ path: '', configFile: '_config.yml', source: 'src' }], 'src/_config.yml makes no site of its own');
    const [site] = sites as [SiteRoot];
    assert.strictEqual(siteFilePath(site, '_posts/2020-01-01-a.md'), 'src/_posts/2020-01-01-a.md');
    assert.strictEqual(siteFilePath(site, '_config.yml'), '_config.yml');
    assert.strictEqual(siteFilePath(site, '.blogwright.yml'), '.blogwright.yml');
    assert.strictEqual(siteOf(sites, 'src/_posts/2020-01-01-a.md'), site);
    assert.strictEqual(siteOf(sites, '_posts/2020-01-01-ignored.md'), undefined, 'Jekyll does not read the root beside its source');
  });

  test('`source:` forms Jekyll reads alike: ./site/, .tmp/src (a hidden folder), `.` (the folder itself)', async () => {
    const one = async (setting: string, files: string[]) =>
      findSites(new InMemoryWorkspace(Object.fromEntries([['_config.yml', `source: ${setting}\n`], ...files.map((f) => [f, '---\n---\n'])])));
    assert.deepStrictEqual(await one('./site/', ['site/_posts/2020-01-01-a.md']), [{ path: '', configFile: '_config.yml', source: 'site' }]);
    assert.deepStrictEqual(await one("'.tmp/src'", ['.tmp/src/_layouts/x.html']), [{ path: '', configFile: '_config.yml', source: '.tmp/src' }]);
    assert.deepStrictEqual(await one('.', ['_posts/2020-01-01-a.md']), [{ path: '', configFile: '_config.yml' }]);
    const nested = await findSites(new InMemoryWorkspace({ 'docs/_config.yml': 'source: web\n', 'docs/web/index.html': '' }));
    assert.deepStrictEqual(nested, [{ path: 'docs', configFile: '_config.yml', source: 'docs/web' }]);
  });

  test('a `source:` folder that does not exist (made by a build step) is a site with nothing to read, and says so', async () => {
    const workspace = new InMemoryWorkspace({ '_config.yml': 'source: .tmp/src\n', 'src/_posts/2020-01-01-a.md': '---\n---\n', 'gulpfile.js': '' });
    assert.deepStrictEqual(await findSites(workspace), [{ path: '', configFile: '_config.yml', sourceProblem: { kind: 'missing', setting: '.tmp/src' } }]);
  });

  test('a `source:` that is not text (a number, a list, true) is a site with nothing to read: Jekyll stops on it', async () => {
    // The oracle: `source: 3`, `[a, b]`, `true`, `{a: 1}` stop Jekyll 4.3.1 ("no implicit conversion of Integer into
    // String"), no _site; an empty `source:` or `~` is the folder itself.
    for (const [setting, described] of [['3', 'a number'], ['[a, b]', 'a list'], ['true', 'true'], ['{a: 1}', 'a mapping'], ['yes', 'true']]) {
      const workspace = new InMemoryWorkspace({ '_config.yml': `source: ${setting}\n`, '_posts/2020-01-01-a.md': '---\n---\n' });
      assert.deepStrictEqual(await findSites(workspace), [{ path: '', configFile: '_config.yml', sourceProblem: { kind: 'not-text', setting: described } }], setting);
    }
    for (const setting of ['', '~']) {
      const workspace = new InMemoryWorkspace({ '_config.yml': `source: ${setting}\n`, '_posts/2020-01-01-a.md': '---\n---\n' });
      assert.deepStrictEqual(await findSites(workspace), [{ path: '', configFile: '_config.yml' }], setting);
    }
  });

  test('a `source:` outside the workspace (`..`, absolute, home) is refused, and nothing outside is listed or read', async () => {
    for (const setting of ['../outside', 'a/../../outside', '/etc', '~/blog', 'C:/blog']) {
      const workspace = new InMemoryWorkspace({ '_config.yml': `source: ${setting}\n`, '_posts/2020-01-01-a.md': '---\n---\n' });
      assert.deepStrictEqual(await findSites(workspace), [{ path: '', configFile: '_config.yml', sourceProblem: { kind: 'outside', setting } }], setting);
      assert.deepStrictEqual(workspace.readLog, ['_config.yml'], setting);
    }
  });

  test('a `source:` that is a symbolic link is refused on disk; its target is never listed', async () => {
    const outside = writeBlog({ '_posts/2020-01-01-secret.md': '---\n---\n' });
    const root = writeBlog({ '_config.yml': 'source: link\n' });
    symlinkSync(outside, `${root}/link`);
    const sites = await findSites(new FileSystemWorkspace(root, { skipFolder: isNeverContent }));
    assert.deepStrictEqual(sites, [{ path: '', configFile: '_config.yml', sourceProblem: { kind: 'link', setting: 'link' } }]);
    const hidden = writeBlog({ '_config.yml': 'source: .tmp/src\n', '.tmp/src/_posts/2020-01-01-a.md': '---\n---\n' });
    assert.deepStrictEqual(await findSites(new FileSystemWorkspace(hidden, { skipFolder: isNeverContent })), [{ path: '', configFile: '_config.yml', source: '.tmp/src' }]);
  });

  test("a site read from its `source:` is indexed from there, with the root's configuration", async () => {
    const root = writeBlog({
      '_config.yml': 'source: src\npermalink: /:title/\n',
      'src/_config.yml': 'permalink: /inner/:title/\n',
      'src/_posts/2020-01-01-a.md': '---\ntitle: A\n---\n',
      '_posts/2020-01-01-root.md': '---\ntitle: R\n---\n',
    });
    const [site] = (await findSites(new FileSystemWorkspace(root, { skipFolder: isNeverContent }))) as [SiteRoot];
    const index = new SiteIndex(siteWorkspace(root, site), withSettings({}));
    await index.build();
    assert.deepStrictEqual([...index.documents.keys()], ['_posts/2020-01-01-a.md']);
    assert.strictEqual(index.urls.urlOf('_posts/2020-01-01-a.md'), '/a/', "the root's permalink, not src/_config.yml's");
  });
});
