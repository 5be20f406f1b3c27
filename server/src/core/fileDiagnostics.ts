import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import { computeDiagnostics, rangeOf, severityOf, toDiagnostic, type BlogwrightDiagnostic, type CheckInputs } from './diagnostics';
import type { RuleCode } from './ruleCatalog';
import { SETTINGS_FILE, type SettingsProblem } from './settingsLoader';
import { isBesideThePosts } from './site/documentKind';
import { settingValueRange } from './site/removedSettings';
import type { SourceProblem } from './site/siteDiscovery';
import type { SiteIndex } from './site/siteIndex';
import type { ITextDocument } from './workspace';

/** One file to check: its text, or why it was not read. */
export type FileSource = { readonly document: ITextDocument } | { readonly path: string; readonly skipped: string };

const CONFIG_FILE = '_config.yml';

const SOURCE_PROBLEM_CODES: Record<SourceProblem['kind'], RuleCode> = {
  missing: 'config.source-missing',
  outside: 'config.source-outside',
  link: 'config.source-outside',
  'not-text': 'config.source-invalid',
};

function sourceMessage({ kind, setting }: SourceProblem): string {
  switch (kind) {
    case 'missing':
      return l10n.t('Jekyll reads this site from "{0}" (source:), which does not exist yet (a build step may make it): nothing is checked until it does.', setting);
    case 'link':
      return l10n.t('Jekyll reads this site from "{0}" (source:), a symbolic link: Blogwright does not follow links, so nothing is checked.', setting);
    case 'outside':
      return l10n.t('Jekyll reads this site from "{0}" (source:), outside the workspace: Blogwright reads nothing there, so nothing is checked.', setting);
    case 'not-text':
      return l10n.t('`source:` is {0}, not the name of a folder: Jekyll stops the build. Quote it if it names a folder; nothing else is checked until then.', setting);
  }
}

/** Settings that stop a Jekyll 4 build: one finding on each, rather than one per document Jekyll never writes. */
function removedSettingDiagnostics(site: SiteIndex, document: ITextDocument, reported: (code: RuleCode, range: Range, message: string) => BlogwrightDiagnostic[]): BlogwrightDiagnostic[] {
  return site.config.removedSettings.flatMap(({ key, value }) => {
    const { start, end } = settingValueRange(document.getText(), key);
    return key === 'markdown'
      ? reported('config.markdown-processor', rangeOf(document, start, end), l10n.t(
        'Jekyll 4 has no Markdown processor "{0}" (only kramdown, or a class a plugin adds): its build stops at the first Markdown file. GitHub Pages builds the site with kramdown instead; write `markdown: kramdown`. Blogwright reads the Markdown as kramdown does.',
        value,
      ))
      : reported('config.relative-permalinks', rangeOf(document, start, end), l10n.t(
        'Jekyll stops the build at `relative_permalinks: {0}` (removed in 3.0): a page\'s `permalink:` is read from the site\'s root, not its folder. Remove the setting; Blogwright reads permalinks from the root.',
        value,
      ));
  });
}

/** The files a whole-blog check covers: the two configuration files, then every document Jekyll renders. */
export function pathsToCheck(site: SiteIndex): string[] {
  return [CONFIG_FILE, SETTINGS_FILE, ...site.documents.keys()];
}

/**
 * Every diagnostic of one file, exactly as both the language server and the CLI report it: the YAML problems of
 * `_config.yml`, the unusable values of `.blogwright.yml`, a notice for a file too large or binary to read, or
 * the rules' findings for a document.
 */
export function fileDiagnostics(site: SiteIndex, source: FileSource, settingsProblems: readonly SettingsProblem[], inputs: CheckInputs = {}): BlogwrightDiagnostic[] {
  const validate = site.settings.validate;
  const reported = (code: RuleCode, range: Range, message: string): BlogwrightDiagnostic[] => {
    const severity = severityOf(code, validate);
    return severity === undefined ? [] : [toDiagnostic(code, severity, range, message)];
  };
  if ('skipped' in source) {
    // An image beside the posts is neither read by Jekyll nor a post by mistake: not worth a notice.
    if (isBesideThePosts(source.path, site.config)) {
      return [];
    }
    return reported('file.skipped', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, l10n.t('Not checked: {0}.', source.skipped));
  }
  const document = source.document;
  if (document.path === CONFIG_FILE) {
    const source = site.sourceProblem;
    const sourceDiagnostics = source ? reported(SOURCE_PROBLEM_CODES[source.kind], rangeOf(document, source.start, source.end), sourceMessage(source)) : [];
    return sourceDiagnostics.concat(removedSettingDiagnostics(site, document, reported), site.configProblems.flatMap((p) =>
      // A repeated key does not stop Jekyll (the last value wins), nor lines it ignores, so the settings are still read.
      p.code === 'frontmatter.duplicate-key' || p.code === 'frontmatter.ignored-rest'
        ? reported(p.code, rangeOf(document, p.start, p.end), p.message)
        : reported('config.yaml', rangeOf(document, p.start, p.end), l10n.t("{0} Jekyll cannot read _config.yml; Blogwright checks the blog with Jekyll's defaults.", p.message)),
    ));
  }
  if (document.path === SETTINGS_FILE) {
    return settingsProblems.filter((p) => p.file === SETTINGS_FILE).flatMap((p) => reported('settings.invalid', rangeOf(document, p.start, p.end), p.message));
  }
  return computeDiagnostics(site, document, inputs);
}
