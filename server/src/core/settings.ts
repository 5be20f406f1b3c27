/** How loudly a rule speaks; `off` silences it. */
export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface BlogwrightSettings {
  /** Per rule code (`frontmatter.required`), or per area (`frontmatter`); the most specific wins. */
  readonly validate: Readonly<Record<string, RuleLevel>>;
  /** Keys each kind of document must have. `author` means "an author, when the blog keeps authors". */
  readonly requiredKeys: Readonly<Record<'post' | 'draft' | 'page' | 'collection', readonly string[]>>;
  /** `auto`, `data:<name>` (a file in `_data/`), `collection:<name>` or `none`. */
  readonly authorsSource: string;
}

export const DEFAULT_SETTINGS: BlogwrightSettings = {
  validate: {},
  requiredKeys: {
    post: ['title', 'layout', 'author'],
    draft: [],
    page: [],
    collection: [],
  },
  authorsSource: 'auto',
};

export function withSettings(overrides: Partial<BlogwrightSettings> | undefined): BlogwrightSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...overrides,
    requiredKeys: { ...DEFAULT_SETTINGS.requiredKeys, ...overrides?.requiredKeys },
    validate: { ...DEFAULT_SETTINGS.validate, ...overrides?.validate },
  };
}
