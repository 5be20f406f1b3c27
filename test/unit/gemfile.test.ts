import * as assert from 'node:assert';
import { GITHUB_PAGES_PLUGINS, gemfilePlugins, gemfileUsesJekyll3 } from '../../server/src/core/site/gemfile';

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

  test('Jekyll 3 builds the site with github-pages or a jekyll requirement below 4; Jekyll 4 otherwise', () => {
    const jekyll3 = ['gem "github-pages", ">= 231", group: [:jekyll_plugins]', "gem 'jekyll', '~> 3.9'", 'gem "jekyll", "3.8.5"', 'gem "jekyll", "= 3.10.0"', 'gem "jekyll", "< 4"', 'gem("jekyll", "<= 3.9")'];
    const jekyll4 = ['gem "jekyll", "~> 4.3"', 'gem "jekyll"', 'gem "jekyll", ">= 3.7"', '# gem "github-pages"', 'gem "jekyll-feed", "~> 0.12"', ''];
    assert.deepStrictEqual(jekyll3.filter((line) => !gemfileUsesJekyll3(`source "https://rubygems.org"\n${line}\n`)), []);
    assert.deepStrictEqual(jekyll4.filter((line) => gemfileUsesJekyll3(`source "https://rubygems.org"\n${line}\n`)), []);
    assert.strictEqual(gemfileUsesJekyll3(undefined), false);
  });
});
