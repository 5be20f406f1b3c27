import * as assert from 'node:assert';
import { GITHUB_PAGES_PLUGINS, gemfilePlugins } from '../../server/src/core/site/gemfile';

/** The Jekyll plugins a Gemfile loads (core/site/gemfile.ts): read as data, never run. */
suite('Gemfile plugins', () => {
  test('gems of the :jekyll_plugins group, as a block or an option, in the order written; libraries and other groups are not plugins', () => {
    const gemfile = [
      "source 'https://rubygems.org'",
      "gem 'jekyll', '~> 4.3'",
      "gem 'jekyll-sitemap' # not in the group: Jekyll does not load it",
      'group :jekyll_plugins do',
      "  gem 'jekyll-feed', '~> 0.12'",
      '  platforms :mri do',
      '    gem "jemoji"',
      '  end',
      "  gem 'webrick'",
      '  # gem "jekyll-commented"',
      'end',
      'if RUBY_VERSION >= "3"',
      "  gem 'jekyll-if-block'",
      'end',
      'group :test, :development do',
      "  gem 'jekyll-test-only'",
      'end',
      'gem "jekyll-seo-tag", group: :jekyll_plugins',
      "gem 'jekyll-archives', :group => [:jekyll_plugins]",
      "gem 'jekyll-redirect-from', groups: [:development]",
    ].join('\n');
    assert.deepStrictEqual(gemfilePlugins(gemfile), ['jekyll-feed', 'jemoji', 'jekyll-seo-tag', 'jekyll-archives']);
    assert.deepStrictEqual(gemfilePlugins(undefined), []);
  });

  test('the github-pages gem, in the group or not, brings GitHub Pages\' default plugins', () => {
    assert.deepStrictEqual(gemfilePlugins('gem "github-pages", group: :jekyll_plugins\n'), GITHUB_PAGES_PLUGINS);
    assert.deepStrictEqual(gemfilePlugins("gem 'github-pages'\ngroup :jekyll_plugins do\n  gem 'jekyll-feed'\nend\n"), ['jekyll-feed', ...GITHUB_PAGES_PLUGINS]);
  });
});
