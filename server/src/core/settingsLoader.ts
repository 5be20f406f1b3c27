import * as l10n from '@vscode/l10n';
import { isMap, type Document } from 'yaml';
import { asRecord } from './site/config';
import { parseJsonc } from './jsonc';
import { parseYaml, yamlToData } from './frontmatter/yaml';
import { validateKey, type RuleLevel, type ValidateSettings } from './ruleCatalog';
import { mergeSettings, type BlogwrightSettings, type DocumentKindName, type SettingsLayer } from './settings';
import type { IWorkspace } from './workspace';

/** The blog's own settings file, read by the language server and the CLI alike. */
export const SETTINGS_FILE = '.blogwright.yml';
/** VS Code's workspace settings; the CLI reads their `blogwright.*` keys (the editor gets them from VS Code). */
export const VSCODE_SETTINGS_FILE = '.vscode/settings.json';

/** A setting that cannot be used, with offsets in the file it came from. */
export interface SettingsProblem {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface LoadedSettings {
  readonly settings: BlogwrightSettings;
  readonly problems: readonly SettingsProblem[];
}

const LEVELS: ReadonlySet<string> = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);
const KINDS: ReadonlySet<string> = new Set<DocumentKindName>(['post', 'draft', 'page', 'collection']);

/**
 * The settings both adapters use, lowest first: Blogwright's defaults, the editor's settings (VS Code's
 * `blogwright` section in the server, `.vscode/settings.json` in the CLI), `.blogwright.yml`, then the
 * command line. `.blogwright.yml` is what CI enforces, so the editor shows the same.
 */
export async function loadSettings(workspace: IWorkspace, editor: SettingsLayer | undefined, commandLine?: SettingsLayer): Promise<LoadedSettings> {
  const file = await readSettingsFile(workspace);
  return { settings: mergeSettings(editor, file.layer, commandLine), problems: file.problems };
}

/** `.blogwright.yml`: the keys of VS Code's `blogwright.*` settings without the prefix (`authors: { source: none }` or `authors.source: none`). */
export async function readSettingsFile(workspace: IWorkspace): Promise<{ layer: SettingsLayer | undefined; problems: SettingsProblem[] }> {
  const read = await workspace.readText(SETTINGS_FILE);
  if (read.kind !== 'text') {
    return { layer: undefined, problems: [] };
  }
  const { doc, errors } = parseYaml(read.text);
  // Blogwright's own file: YAML that Jekyll would partly ignore is a mistake here too.
  const syntax = errors.filter((e) => e.code !== 'frontmatter.duplicate-key');
  if (syntax.length > 0) {
    return { layer: undefined, problems: syntax.map((e) => ({ file: SETTINGS_FILE, start: e.start, end: e.end, message: l10n.t('{0} Blogwright ignores {1}.', e.message, SETTINGS_FILE) })) };
  }
  const data = yamlToData(doc);
  const firstLineEnd = Math.max(1, read.text.indexOf('\n'));
  if ('error' in data || (doc.contents !== null && !isMap(doc.contents))) {
    return { layer: undefined, problems: [{ file: SETTINGS_FILE, start: 0, end: firstLineEnd, message: l10n.t('{0} must be a mapping of settings; Blogwright ignores it.', SETTINGS_FILE) }] };
  }
  const { layer, problems } = settingsFromSection(data.value, { fromBlog: true });
  return {
    layer,
    problems: problems.map(({ path, message }) => ({ file: SETTINGS_FILE, ...(locateInYaml(doc, path) ?? { start: 0, end: firstLineEnd }), message })).sort((a, b) => a.start - b.start),
  };
}

/** The `blogwright.*` keys of `.vscode/settings.json` (comments and trailing commas allowed, as VS Code allows them). */
export async function readVsCodeSettings(workspace: IWorkspace): Promise<{ layer: SettingsLayer | undefined; problems: SettingsProblem[] }> {
  const read = await workspace.readText(VSCODE_SETTINGS_FILE);
  if (read.kind !== 'text') {
    return { layer: undefined, problems: [] };
  }
  const parsed = parseJsonc(read.text);
  if ('error' in parsed) {
    return { layer: undefined, problems: [{ file: VSCODE_SETTINGS_FILE, start: parsed.offset, end: parsed.offset + 1, message: l10n.t('{0}; its blogwright settings are ignored.', parsed.error) }] };
  }
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(asRecord(parsed.value))) {
    if (key.startsWith('blogwright.')) {
      section[key.slice('blogwright.'.length)] = value;
    }
  }
  const { layer, problems } = settingsFromSection(section, { fromBlog: true });
  return { layer, problems: problems.map(({ path, message }) => ({ file: VSCODE_SETTINGS_FILE, start: 0, end: 0, message: l10n.t('{0}: {1}', `blogwright.${path.join('.')}`, message) })) };
}

/**
 * Reads a `blogwright` settings section in VS Code's shape (`validate`, `requiredKeys`, `authors.source`,
 * `links.external.enabled`), keeping every valid value and saying what is wrong with the rest. Files that come
 * with the blog (`fromBlog`) cannot turn on network access: external link checks are the user's choice alone.
 */
export function settingsFromSection(raw: unknown, { fromBlog }: { fromBlog: boolean }): { layer: SettingsLayer; problems: { path: string[]; message: string }[] } {
  const section = expandDottedKeys(asRecord(raw));
  const problems: { path: string[]; message: string }[] = [];
  const layer: { -readonly [K in keyof SettingsLayer]: SettingsLayer[K] } = {};

  if (section['validate'] !== undefined) {
    const validate: { -readonly [K in keyof ValidateSettings]: ValidateSettings[K] } = {};
    for (const [segments, value] of leaves(objectAt(section, ['validate'], problems), [])) {
      // YAML 1.1 reads an unquoted `off` as false.
      const level = value === false ? 'off' : value;
      if (typeof level !== 'string' || !LEVELS.has(level)) {
        problems.push({ path: ['validate', ...segments], message: l10n.t('`{0}` is not a level: use off, hint, info, warning or error.', String(value)) });
        continue;
      }
      const written = segments.join('.');
      const key = validateKey(written);
      // A key that names no rule or area does nothing (as always); a code's current name beats its old one.
      if (key !== undefined && (key === written || !(key in validate))) {
        validate[key] = level as RuleLevel;
      }
    }
    layer.validate = validate;
  }
  if (section['requiredKeys'] !== undefined) {
    const requiredKeys: Partial<Record<DocumentKindName, string[]>> = {};
    for (const [kind, keys] of Object.entries(objectAt(section, ['requiredKeys'], problems))) {
      if (!KINDS.has(kind)) {
        problems.push({ path: ['requiredKeys', kind], message: l10n.t('`{0}` is not a kind of document: use post, draft, page or collection.', kind) });
      } else if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) {
        requiredKeys[kind as DocumentKindName] = keys as string[];
      } else {
        problems.push({ path: ['requiredKeys', kind], message: l10n.t('Required keys must be a list of key names.') });
      }
    }
    layer.requiredKeys = requiredKeys;
  }
  const authors = asRecord(section['authors']);
  if (authors['source'] !== undefined) {
    const source = authors['source'];
    if (typeof source === 'string' && /^(auto|none|data:.+|collection:.+)$/.test(source)) {
      layer.authorsSource = source;
    } else {
      problems.push({ path: ['authors', 'source'], message: l10n.t('Use auto, none, data:<name> or collection:<name>.') });
    }
  }
  if (section['exclude'] !== undefined) {
    const exclude = section['exclude'];
    if (Array.isArray(exclude) && exclude.every((e) => typeof e === 'string')) {
      layer.exclude = exclude as string[];
    } else {
      problems.push({ path: ['exclude'], message: l10n.t('Use a list of path globs, such as `_drafts/**`.') });
    }
  }
  const ignoredLinks = asRecord(section['links'])['ignore'];
  if (ignoredLinks !== undefined) {
    if (Array.isArray(ignoredLinks) && ignoredLinks.every((e) => typeof e === 'string')) {
      layer.ignoredLinks = ignoredLinks as string[];
    } else {
      problems.push({ path: ['links', 'ignore'], message: l10n.t('Use a list of URL path globs, such as `/bin/**`.') });
    }
  }
  const external = asRecord(asRecord(section['links'])['external'])['enabled'];
  if (external !== undefined && !fromBlog) {
    if (typeof external === 'boolean') {
      layer.externalLinks = external;
    } else {
      problems.push({ path: ['links', 'external', 'enabled'], message: l10n.t('Use true or false.') });
    }
  }
  return { layer, problems };
}

function objectAt(section: Record<string, unknown>, path: string[], problems: { path: string[]; message: string }[]): Record<string, unknown> {
  const value = section[path[0]!];
  const record = asRecord(value);
  if (record !== value) {
    problems.push({ path, message: l10n.t('This setting must be a mapping.') });
  }
  return record;
}

/** The leaves of nested mappings with their key paths: `{ frontmatter: { required: off } }` is `frontmatter.required`. */
function* leaves(record: Record<string, unknown>, prefix: readonly string[]): Generator<[string[], unknown]> {
  for (const [key, value] of Object.entries(record)) {
    if (asRecord(value) === value) {
      yield* leaves(value as Record<string, unknown>, [...prefix, key]);
    } else {
      yield [[...prefix, key], value];
    }
  }
}

/** `{ 'authors.source': 'none' }` as `{ authors: { source: 'none' } }`, the shape VS Code hands to the server. */
function expandDottedKeys(section: Record<string, unknown>): Record<string, unknown> {
  const expanded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    const parts = key.split('.');
    let target = expanded;
    for (const part of parts.slice(0, -1)) {
      const next = asRecord(target[part]);
      target[part] = next;
      target = next;
    }
    const last = parts[parts.length - 1]!;
    const existing = target[last];
    target[last] = typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null ? { ...existing, ...value } : value;
  }
  return expanded;
}

/** The range of the value at `path`, also when the file wrote some of its keys dotted (`authors.source:`). */
function locateInYaml(doc: Document.Parsed, path: readonly string[]): { start: number; end: number } | undefined {
  for (let joined = 1; joined <= path.length; joined++) {
    const node = doc.getIn([path.slice(0, joined).join('.'), ...path.slice(joined)], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      return { start: node.range[0], end: Math.max(node.range[1], node.range[0] + 1) };
    }
  }
  return undefined;
}
