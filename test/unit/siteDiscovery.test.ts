import * as assert from 'node:assert';
import { findSites, isNeverContent, nestedSiteFolders, pathInSite, siteOf, type SiteRoot } from '../../server/src/core/site/siteDiscovery';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';
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
    assert.deepStrictEqual(workspace.readLog, [], 'discovery reads no file');
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
});
