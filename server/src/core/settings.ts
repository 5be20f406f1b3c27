import type { ValidateSettings } from './ruleCatalog';

export interface BlogwrightSettings {
  /** Per rule code (`frontmatter.required`), or per area (`frontmatter`); the most specific wins. */
  readonly validate: ValidateSettings;
  /** Keys each kind of document must have. `author` means "an author, when the blog keeps authors". */
  readonly requiredKeys: Readonly<Record<'post' | 'draft' | 'page' | 'collection', readonly string[]>>;
  /** `auto`, `data:<name>` (a file in `_data/`), `collection:<name>` or `none`. */
  readonly authorsSource: string;
  /** Check external (http/https) links over the network. Only the person running Blogwright turns this on. */
  readonly externalLinks: boolean;
  /** Globs of files (relative to the blog root) that get no diagnostics; they still count for tags and authors. */
  readonly exclude: readonly string[];
  /** Globs of URL paths (`/bin/**`) a link may point to without being checked: served by something other than Jekyll. */
  readonly ignoredLinks: readonly string[];
}

export type DocumentKindName = keyof BlogwrightSettings['requiredKeys'];

/** Part of the settings, as one source (editor, `.blogwright.yml`, command line) gives them. */
export type SettingsLayer = Partial<Omit<BlogwrightSettings, 'requiredKeys'>> & {
  readonly requiredKeys?: Readonly<Partial<Record<DocumentKindName, readonly string[]>>>;
};

export const DEFAULT_SETTINGS: BlogwrightSettings = {
  validate: {},
  requiredKeys: {
    post: ['title', 'layout', 'author'],
    draft: [],
    page: [],
    collection: [],
  },
  authorsSource: 'auto',
  externalLinks: false,
  exclude: [],
  ignoredLinks: [],
};

export function withSettings(overrides: SettingsLayer | undefined): BlogwrightSettings {
  return mergeSettings(overrides);
}

/**
 * The defaults with each layer laid over the one before: a later layer wins per rule code in `validate`,
 * per kind in `requiredKeys`, and per value elsewhere.
 */
export function mergeSettings(...layers: readonly (SettingsLayer | undefined)[]): BlogwrightSettings {
  let settings = DEFAULT_SETTINGS;
  for (const layer of layers) {
    if (layer) {
      const given = Object.fromEntries(Object.entries(layer).filter(([, value]) => value !== undefined));
      settings = {
        ...settings,
        ...given,
        validate: { ...settings.validate, ...layer.validate },
        requiredKeys: { ...settings.requiredKeys, ...layer.requiredKeys },
      };
    }
  }
  return settings;
}
