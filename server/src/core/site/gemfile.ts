/**
 * The Jekyll plugins a site's `Gemfile` loads. Jekyll requires every gem of the Bundler group `:jekyll_plugins`
 * before it reads `_config.yml`'s `plugins`, so a plugin listed only there is as active (checked with the oracle:
 * jekyll-relative-links in the group rewrote links that `plugins:` did not name). The Gemfile is read as data, a
 * few Ruby forms, never run: `gem "x"` in a `group :jekyll_plugins do ... end` block, or `gem "x", group:
 * :jekyll_plugins` (also `:group =>`, `groups: [...]`). Only gems named as Jekyll plugins are (`jekyll-*`, `jekyll_*`,
 * `jemoji`): the group also holds libraries (`webrick`, `tzinfo`, the `jekyll` gem), which make no pages.
 *
 * A site with the `github-pages` gem is built by GitHub Pages, which adds its default plugins whatever the Gemfile
 * or `_config.yml` say (pages-gem's `DEFAULT_PLUGINS`).
 */

/** The Gemfile's name, in the site's folder. */
export const GEMFILE = 'Gemfile';

export const GITHUB_PAGES_PLUGINS: readonly string[] = [
  'jekyll-coffeescript', 'jekyll-default-layout', 'jekyll-gist', 'jekyll-github-metadata', 'jekyll-optional-front-matter',
  'jekyll-paginate', 'jekyll-readme-index', 'jekyll-titles-from-headings', 'jekyll-relative-links',
];

const GEM = /^gem\s*\(?\s*(["'])([\w.-]+)\1(.*)$/;
const PLUGIN_GROUP = /(?:^|[\s,[(])(?::jekyll_plugins\b|["']jekyll_plugins["'])/;
const BLOCK_START = /\bdo\s*(?:\|[^|]*\|)?\s*$/;
/** Ruby statements that end with `end` without a `do`. */
const STATEMENT_START = /^(?:if|unless|case|begin|def|while|until|class|module)\b/;
const PLUGIN_NAME = /^(?:jekyll[-_].+|jemoji)$/;

/** The plugins `text` (a Gemfile) makes Jekyll load, in the order written. */
export function gemfilePlugins(text: string | undefined): string[] {
  if (text === undefined) {
    return [];
  }
  const plugins: string[] = [];
  let githubPages = false;
  /** For each open `do` block, whether it is a `:jekyll_plugins` group. */
  const blocks: boolean[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = withoutComment(raw).trim();
    if (line === '') {
      continue;
    }
    if (/^end\b/.test(line)) {
      blocks.pop();
      continue;
    }
    const gem = GEM.exec(line);
    if (gem) {
      const name = gem[2]!;
      githubPages ||= name === 'github-pages';
      const options = gem[3]!;
      const grouped = /\bgroups?\s*(?::|=>)/.test(options) && PLUGIN_GROUP.test(options);
      if ((blocks.includes(true) || grouped) && PLUGIN_NAME.test(name) && !plugins.includes(name)) {
        plugins.push(name);
      }
      continue;
    }
    if (BLOCK_START.test(line)) {
      blocks.push(/^group\b/.test(line) && PLUGIN_GROUP.test(line.replace(/^group\s*\(?/, ' ')));
    } else if (STATEMENT_START.test(line)) {
      blocks.push(false);
    }
  }
  if (githubPages) {
    plugins.push(...GITHUB_PAGES_PLUGINS.filter((name) => !plugins.includes(name)));
  }
  return plugins;
}

/**
 * Whether the Gemfile builds the site with Jekyll 3: the `github-pages` gem pins GitHub Pages' Jekyll (3.10), and
 * `gem "jekyll", "~> 3.9"` (or `"3.9.0"`, `"= 3.9"`, `"< 4"`) names it. It matters where Jekyll 4 changed what
 * a site writes: Jekyll 3's `{% link %}` and `{% post_url %}` give the URL without the baseurl.
 */
export function gemfileUsesJekyll3(text: string | undefined): boolean {
  const { githubPages, jekyll } = jekyllRequirements(text);
  return githubPages || jekyll.some((requirement) => /^(?:(?:~>|=)?\s*[0-3]\.|<=?\s*[0-3]\.|<\s*4(?:\.0)*$)/.test(requirement));
}

/**
 * Whether the Gemfile asks for Jekyll 4 or later (`gem 'jekyll', '~> 4.3'`, `'>= 4.0'`, `'4.3.1'`). An unpinned
 * `gem 'jekyll'` says nothing: its Gemfile.lock may hold 2.5 (CocoaPods' blog, built with redcarpet).
 */
export function gemfileRequiresJekyll4(text: string | undefined): boolean {
  const [first] = jekyllRequirements(text).jekyll;
  return first !== undefined && /^(?:~>|>=|=|>)?\s*(?:[4-9]|\d{2,})(?:\.|$)/.test(first);
}

/** The version requirement of each `gem 'jekyll'` line, in order (`''` unpinned), and whether it has `github-pages`. */
function jekyllRequirements(text: string | undefined): { readonly githubPages: boolean; readonly jekyll: readonly string[] } {
  let githubPages = false;
  const jekyll: string[] = [];
  for (const raw of text?.split(/\r?\n/) ?? []) {
    const gem = GEM.exec(withoutComment(raw).trim());
    if (gem?.[2] === 'github-pages') {
      githubPages = true;
    } else if (gem?.[2] === 'jekyll') {
      jekyll.push((/^\s*,\s*(["'])([^"']*)\1/.exec(gem[3]!)?.[2] ?? '').trim());
    }
  }
  return { githubPages, jekyll };
}

/**
 * Whether the Gemfile loads a gem from the site's own folder (`gemspec`): the site is the repository of that gem, as a
 * theme's repository builds its demo site with `theme: <itself>` (jekyll-theme-chirpy and its forks).
 */
export function gemfileLoadsOwnGem(text: string | undefined): boolean {
  return text?.split(/\r?\n/).some((raw) => /^gemspec\b/.test(withoutComment(raw).trim())) ?? false;
}

/** A line without its `#` comment; a `#` inside a quoted string stays. */
function withoutComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') {
        i++;
      } else if (c === quote) {
        quote = '';
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      return line.slice(0, i);
    }
  }
  return line;
}
