import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics, type ILogger } from './diagnostics';
import { SETTINGS_FILE, type SettingsProblem } from './settingsLoader';
import type { SiteIndex } from './site/siteIndex';
import type { ITextDocument } from './workspace';

/** One file to check: its text, or why it was not read. */
export type FileSource = { readonly document: ITextDocument } | { readonly path: string; readonly skipped: string };

const CONFIG_FILE = '_config.yml';

/** The files a whole-blog check covers: the two configuration files, then every document Jekyll renders. */
export function pathsToCheck(site: SiteIndex): string[] {
  return [CONFIG_FILE, SETTINGS_FILE, ...site.documents.keys()];
}

/**
 * Every diagnostic of one file, exactly as both the language server and the CLI report it: the YAML problems of
 * `_config.yml`, the unusable values of `.blogwright.yml`, a notice for a file too large or binary to read, or
 * the rules' findings for a document.
 */
export function fileDiagnostics(site: SiteIndex, source: FileSource, settingsProblems: readonly SettingsProblem[], logger?: ILogger): Diagnostic[] {
  if ('skipped' in source) {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, code: 'file.skipped', source: 'blogwright', message: l10n.t('Not checked: {0}.', source.skipped) }];
  }
  const document = source.document;
  if (document.path === CONFIG_FILE) {
    return site.configProblems.map((p) =>
      // A repeated key does not stop Jekyll (the last value wins), so the settings are still read.
      p.code === 'frontmatter.duplicate-key'
        ? diagnostic(document, p.start, p.end, DiagnosticSeverity.Warning, p.code, p.message)
        : diagnostic(document, p.start, p.end, DiagnosticSeverity.Error, 'config.yaml', l10n.t("{0} Jekyll cannot read _config.yml; Blogwright checks the blog with Jekyll's defaults.", p.message)),
    );
  }
  if (document.path === SETTINGS_FILE) {
    return settingsProblems.filter((p) => p.file === SETTINGS_FILE).map((p) => diagnostic(document, p.start, p.end, DiagnosticSeverity.Error, 'settings.invalid', p.message));
  }
  return computeDiagnostics(site, document, logger);
}

function diagnostic(document: ITextDocument, start: number, end: number, severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, severity, code, source: 'blogwright', message };
}
