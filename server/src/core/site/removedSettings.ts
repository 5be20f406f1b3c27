/**
 * `markdown:` in `_config.yml` as Jekyll 4 reads it (`Converters::Markdown#get_processor`): `kramdown` in any case,
 * else the name of a class a plugin defines under `Jekyll::Converters::Markdown` (`CommonMarkGhPages`). Jekyll 4
 * dropped the engines of its early years (maruku in 3.0, rdiscount and redcarpet in 4.0): with one of them the
 * build stops at the first Markdown file. GitHub Pages (and Jekyll 3 for redcarpet) still builds such a site: Pages
 * replaces every processor but kramdown, GFM and CommonMarkGhPages with kramdown.
 */
import { gemfileUsesJekyll3 } from './gemfile';

/** The `markdown:` value Jekyll 4 cannot load, or undefined when it can or the Gemfile builds with Jekyll 3. */
export function unloadableMarkdownProcessor(markdown: unknown, gemfile: string | undefined): string | undefined {
  if (typeof markdown !== 'string' || markdown.toLowerCase() === 'kramdown' || gemfileUsesJekyll3(gemfile)) {
    return undefined;
  }
  // A Ruby class name: a plugin may define it, which we cannot see.
  return /^[A-Z][A-Za-z0-9_]*$/.test(markdown) ? undefined : markdown;
}

/** Where the top-level `markdown:` value is written in `_config.yml`, for the diagnostic's range. */
export function markdownSettingRange(configText: string): { readonly start: number; readonly end: number } {
  const setting = /^markdown[ \t]*:[ \t]*(["']?)([^\s#"']+)/m.exec(configText);
  if (!setting) {
    return { start: 0, end: 0 };
  }
  const start = setting.index + setting[0].length - setting[2]!.length;
  return { start, end: start + setting[2]!.length };
}
