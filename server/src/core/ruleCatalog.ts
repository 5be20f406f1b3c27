/**
 * Every diagnostic code Blogwright reports, one entry each: the level it has unless `blogwright.validate` says
 * otherwise, whether it may offer a quick fix, and a line that says what it finds. The codes' type comes from
 * here, so a rule cannot report a code that is not listed; the README's tables of codes and the SARIF rule
 * metadata are made from it.
 *
 * To add a rule: add its entry (area first, `area.what`; `level: 'off'` for a rule users opt into), report
 * its code from a rule, and run `npm run docs:rules` to update the README.
 */

/** How loudly a rule speaks; `off` silences it. */
export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface RuleEntry {
  /**
   * Errors for what breaks the build or loses content (YAML errors, skipped posts, unknown authors,
   * unreadable dates); warnings for what Jekyll renders but the author would still fix.
   */
  readonly level: RuleLevel;
  /** Whether a finding may carry a quick fix; a rule cannot attach one to a code where this is false. */
  readonly fix: boolean;
  /** What it finds, in one line of Markdown (README tables, SARIF `shortDescription`). */
  readonly description: string;
}

const ENTRIES = {
  'frontmatter.missing': { level: 'info', fix: false, description: 'A post or draft without front matter (the `---` block of keys): Jekyll publishes it, titled from its file name' },
  'frontmatter.unclosed': { level: 'error', fix: false, description: 'Front matter without its closing `---` line: Jekyll reads the whole file as content' },
  'frontmatter.yaml': { level: 'error', fix: false, description: 'YAML that Jekyll cannot read (at the exact character), or too large or deep to read safely' },
  'frontmatter.not-mapping': { level: 'error', fix: false, description: 'Front matter that is not a mapping of `key: value` lines' },
  'frontmatter.duplicate-key': { level: 'warning', fix: false, description: 'A key written twice: Jekyll keeps only the last value' },
  'frontmatter.ignored-rest': { level: 'warning', fix: false, description: 'YAML after a block that ends early (`  title: A` then `layout: post`, or a second `---` document): Jekyll ignores it without a word (also in `_config.yml`)' },
  'frontmatter.required': { level: 'error', fix: false, description: 'A key each kind of document needs (`blogwright.requiredKeys`), unless `defaults` supply it (an author: a site-wide `author:` too)' },
  'frontmatter.not-text': { level: 'warning', fix: true, description: 'A value Jekyll reads as something other than text: `title: yes`, `tags: [kotlin, null]`' },
  'frontmatter.not-list': { level: 'error', fix: true, description: 'A number or boolean where Jekyll expects a list of words (`tags: 2019`)' },
  'frontmatter.empty-title': { level: 'error', fix: false, description: 'An empty `title:`' },
  'frontmatter.empty-item': { level: 'warning', fix: true, description: 'A bare `-` in a list, which Jekyll reads as nothing' },
  'frontmatter.unknown-key': { level: 'warning', fix: true, description: 'A slip for a known key: `tittle`, `autor`, `publish`' },
  'author.unknown': { level: 'error', fix: true, description: "An author the blog's author source does not define (also on author pages)" },
  'tag.variant': { level: 'warning', fix: true, description: 'A tag that differs only in case, spaces or hyphens from a more used one: `Kotlin` beside `kotlin`' },
  'tag.typo': { level: 'warning', fix: true, description: 'A likely typo of a frequent tag: `kuberentes`' },
  'tag.duplicate': { level: 'warning', fix: true, description: 'The same tag twice in one list' },
  'tag.comma': { level: 'warning', fix: true, description: '`tags: a, b`: Jekyll splits at spaces, not commas' },
  'category.variant': { level: 'warning', fix: true, description: 'A category that differs only in case, spaces or hyphens from a more used one' },
  'category.typo': { level: 'warning', fix: true, description: 'A likely typo of a frequent category' },
  'category.duplicate': { level: 'warning', fix: true, description: 'The same category twice in one list' },
  'category.comma': { level: 'warning', fix: true, description: '`categories: a, b`: Jekyll splits at spaces, not commas' },
  'layout.unknown': { level: 'warning', fix: true, description: 'No such file in `_layouts/` (silent when a theme may supply it)' },
  'filename.misnamed-post': { level: 'error', fix: false, description: 'A post whose file name is not `YYYY-MM-DD-title.EXT`, or outside `collections_dir`: Jekyll skips it' },
  'filename.invalid-date': { level: 'warning', fix: false, description: 'An impossible date in a post\'s file name, such as `2014-02-29`' },
  'date.invalid': { level: 'error', fix: false, description: 'A `date:` Jekyll cannot read: it stops the build' },
  'date.mismatch': { level: 'warning', fix: false, description: "A `date:` whose day in the site's `timezone` is not the file name's" },
  'link.post-url': { level: 'error', fix: true, description: '`{% post_url %}` whose post does not exist (Jekyll 4 fails the build)' },
  'link.file': { level: 'error', fix: true, description: '`{% link %}` whose file does not exist (Jekyll 4 fails the build)' },
  'link.url': { level: 'error', fix: true, description: 'A root-relative, `{{ site.baseurl }}`, `relative_url` or site-absolute URL with no page, post or file behind it' },
  'link.fragment': { level: 'warning', fix: true, description: "`#id` that the target's headings (kramdown GFM or kramdown ids, `{#id}`) do not have" },
  'link.redirect': { level: 'info', fix: true, description: 'A `#fragment` on a jekyll-redirect-from URL whose page has the id: the redirect page sends the reader to the page without it' },
  'link.reference': { level: 'warning', fix: false, description: 'A reference link without a definition: kramdown shows the brackets as text' },
  'link.baseurl': { level: 'warning', fix: true, description: 'A root-relative URL that leaves out the site\'s `baseurl`' },
  'link.suspicious': { level: 'warning', fix: true, description: '`www.host.com/...` without a scheme, a URL wrapped in quotes or double parentheses, `localhost`' },
  'link.unverified': { level: 'info', fix: true, description: 'A URL that a plugin the blog uses, its gem or remote theme (a file under `/assets/`), or another GitHub Pages site on its domain, may make: not reported as broken' },
  'link.external': { level: 'warning', fix: false, description: 'An external link that fails (only with external checks on, in a trusted workspace)' },
  'markdown.in-html': { level: 'warning', fix: true, description: 'Markdown inside an HTML element without `markdown="1"` (a `<details>` section): kramdown shows it as written (GitHub renders it)' },
  'markdown.table-as-text': { level: 'warning', fix: true, description: 'A table not followed by a blank line: kramdown writes it as a paragraph of `|`s (GitHub shows a table)' },
  'markdown.unknown-tag': { level: 'warning', fix: true, description: 'A placeholder in angle brackets outside code (`yarn-<version>.js`, `cd <your-folder>`): kramdown reads an HTML tag, hiding it and the text after it' },
  'liquid.in-code': { level: 'warning', fix: true, description: '`{{ }}` or `{% %}` in a code block or span or in `$$` math without `{% raw %}`: Jekyll renders it away (or fails the build on `{{n}`)' },
  'config.yaml': { level: 'error', fix: false, description: "`_config.yml` that Jekyll cannot read: the blog is checked with Jekyll's defaults" },
  'config.markdown-processor': { level: 'warning', fix: false, description: '`markdown:` in `_config.yml` names an engine Jekyll 4 does not have (`rdiscount`, `redcarpet`, `maruku`): its build stops; GitHub Pages uses kramdown instead' },
  'config.relative-permalinks': { level: 'error', fix: false, description: '`relative_permalinks:` in `_config.yml`, removed in Jekyll 3.0: the build stops' },
  'config.source-missing': { level: 'info', fix: false, description: '`source:` in `_config.yml` names a folder that does not exist (a build step may make it): nothing is checked' },
  'config.source-invalid': { level: 'error', fix: false, description: '`source:` in `_config.yml` is not text (a number, a list, `true`): Jekyll stops the build' },
  'config.source-outside': { level: 'warning', fix: false, description: '`source:` in `_config.yml` names a folder outside the workspace or a symbolic link: Blogwright reads nothing there' },
  'settings.invalid': { level: 'error', fix: false, description: 'A value in `.blogwright.yml` that Blogwright cannot use (the rest of the file still applies)' },
  'editorial.image-alt': { level: 'off', fix: false, description: 'An image without alt text: `![](x.png)`, `<img>` without `alt` (`alt=""` marks a decorative one and is fine)' },
  'editorial.description': { level: 'off', fix: true, description: 'A post or draft without `description` (or `excerpt`) for search engines and link previews; fix: one from the first paragraph' },
  'editorial.description-length': { level: 'off', fix: false, description: 'A `description` (or `excerpt`) over 160 characters, more than search engines show' },
  'editorial.title-length': { level: 'off', fix: false, description: 'A `title` over 60 characters, more than search results show' },
  'editorial.heading-skip': { level: 'off', fix: true, description: 'A heading that skips a level (an h4 after an h2; the title is the h1); fix: the next level' },
  'editorial.tags': { level: 'off', fix: false, description: 'A post or draft without tags' },
  'file.skipped': { level: 'info', fix: false, description: 'A file too large (over 2 MB) or binary to check' },
  'file.too-many-problems': { level: 'info', fix: false, description: 'A file with more than 500 problems: the first 500 are listed, and this one counts the rest' },
} as const satisfies Readonly<Record<`${string}.${string}`, RuleEntry>>;

export type RuleCode = keyof typeof ENTRIES;
export const RULE_CATALOG: Readonly<Record<RuleCode, RuleEntry>> = ENTRIES;
/** A code's first segment (`frontmatter`, `link`): `blogwright.validate` sets a level for a whole area too. */
export type RuleArea = AreaOf<RuleCode>;
type AreaOf<C extends string> = C extends `${infer Area}.${string}` ? Area : never;
/** The codes whose findings may carry a quick fix. */
export type FixableCode = { [C in RuleCode]: (typeof ENTRIES)[C]['fix'] extends true ? C : never }[RuleCode];

export const RULE_CODES = Object.keys(RULE_CATALOG) as RuleCode[];

/** Codes by an older name, still accepted in `blogwright.validate`. */
export const RENAMED_CODES: Readonly<Record<string, RuleCode>> = {
  'link.liquid-in-code': 'liquid.in-code',
};

/** A level for each code or area that a user may set. */
export type ValidateSettings = Readonly<Partial<Record<RuleCode | RuleArea, RuleLevel>>>;

export function areaOf(code: RuleCode): RuleArea {
  return code.slice(0, code.indexOf('.')) as RuleArea;
}

/** The key `blogwright.validate` means by `key`: a code (by its current name) or an area; undefined for neither. */
export function validateKey(key: string): RuleCode | RuleArea | undefined {
  const renamed = RENAMED_CODES[key];
  if (renamed) {
    return renamed;
  }
  return Object.hasOwn(RULE_CATALOG, key) || RULE_CODES.some((code) => areaOf(code) === key) ? (key as RuleCode | RuleArea) : undefined;
}

/** The configured level: the rule's own setting, else its area's (`frontmatter`), else its default. */
export function levelOf(code: RuleCode, validate: ValidateSettings): RuleLevel {
  return validate[code] ?? validate[areaOf(code)] ?? RULE_CATALOG[code].level;
}
