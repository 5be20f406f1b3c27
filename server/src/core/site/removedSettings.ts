/**
 * Settings of Jekyll's early years that stop a Jekyll 4 build, read as Jekyll reads them. Each is one finding on
 * `_config.yml`, rather than one per document Jekyll never writes.
 */
/** A setting of `_config.yml` that stops the build, and its value as written. */
export interface RemovedSetting {
  readonly key: 'markdown' | 'relative_permalinks';
  readonly value: string;
}

/** The settings in `raw` (the whole `_config.yml`) that stop the build; `jekyll4`: the Gemfile asks for Jekyll 4. */
export function removedSettings(raw: Readonly<Record<string, unknown>>, jekyll4: boolean): RemovedSetting[] {
  const found: RemovedSetting[] = [];
  const processor = jekyll4 ? unloadableMarkdownProcessor(raw['markdown']) : undefined;
  if (processor !== undefined) {
    found.push({ key: 'markdown', value: processor });
  }
  // Any value Ruby takes as true (not nil, not false) aborts Jekyll since 3.0, GitHub Pages included.
  const relative = raw['relative_permalinks'];
  if (relative !== undefined && relative !== null && relative !== false) {
    found.push({ key: 'relative_permalinks', value: String(relative) });
  }
  return found;
}

/**
 * `markdown:` as Jekyll 4 reads it (`Converters::Markdown#get_processor`): `kramdown` in any case, else the name of
 * a class a plugin defines under `Jekyll::Converters::Markdown` (`CommonMarkGhPages`). Jekyll 4 dropped the engines
 * of its early years (maruku in 3.0, rdiscount and redcarpet in 4.0): with one of them the build stops at the first
 * Markdown file. GitHub Pages (and Jekyll 3 for redcarpet) still builds such a site: Pages replaces every processor
 * but kramdown, GFM and CommonMarkGhPages with kramdown. So it is reported only when the Gemfile asks for Jekyll 4: a blog of that era may still build with Jekyll 2 or 3, or on
 * GitHub Pages.
 */
function unloadableMarkdownProcessor(markdown: unknown): string | undefined {
  if (typeof markdown !== 'string' || markdown.toLowerCase() === 'kramdown') {
    return undefined;
  }
  // A Ruby class name: a plugin may define it, which we cannot see.
  return /^[A-Z][A-Za-z0-9_]*$/.test(markdown) ? undefined : markdown;
}

/** Where a top-level setting's value is written in `_config.yml` (the key's start when it is not found), for a range. */
export function settingValueRange(configText: string, key: string): { readonly start: number; readonly end: number } {
  const setting = new RegExp(`^${key}[ \\t]*:[ \\t]*["']?([^\\s#"']*)`, 'm').exec(configText);
  if (!setting) {
    return { start: 0, end: 0 };
  }
  const start = setting.index + setting[0].length - setting[1]!.length;
  return { start, end: start + setting[1]!.length };
}
