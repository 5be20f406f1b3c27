import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseFrontMatter } from './frontmatter/parse';
import { frontMatterSyntaxRule, requiredKeysRule } from './rules/frontMatterRules';
import type { Finding, Rule } from './rules/rule';
import type { RuleLevel } from './settings';
import type { SiteIndex } from './site/siteIndex';
import type { ITextDocument } from './workspace';

export const RULES: readonly Rule[] = [frontMatterSyntaxRule, requiredKeysRule];

/** Default level of each rule; a rule not listed is an error. */
const DEFAULT_LEVELS: Readonly<Record<string, RuleLevel>> = {
  'frontmatter.duplicate-key': 'warning',
};

export interface ILogger {
  error(message: string): void;
}

/** Every diagnostic of one document: front matter, then the rest. A rule that throws is logged and skipped. */
export function computeDiagnostics(site: SiteIndex, document: ITextDocument, logger?: ILogger): Diagnostic[] {
  const text = document.getText();
  const context = {
    site,
    settings: site.settings,
    document,
    text,
    frontMatter: parseFrontMatter(text),
    siteDocument: site.document(document.path),
  };
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    let findings: Finding[];
    try {
      findings = rule.check(context);
    } catch (error) {
      logger?.error(`Rule "${rule.name}" failed on ${document.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    for (const finding of findings) {
      const severity = toSeverity(levelOf(finding.code, site.settings.validate));
      if (severity === undefined) {
        continue;
      }
      diagnostics.push({
        range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
        severity,
        code: finding.code,
        source: 'blogwright',
        message: finding.message,
        ...(finding.data ? { data: finding.data } : {}),
      });
    }
  }
  return diagnostics;
}

/** The configured level: the rule's own setting, else its area's (`frontmatter`), else the default. */
export function levelOf(code: string, validate: Readonly<Record<string, RuleLevel>>): RuleLevel {
  return validate[code] ?? validate[code.split('.')[0]!] ?? DEFAULT_LEVELS[code] ?? 'error';
}

export function toSeverity(level: RuleLevel): DiagnosticSeverity | undefined {
  switch (level) {
    case 'off':
      return undefined;
    case 'hint':
      return DiagnosticSeverity.Hint;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'error':
      return DiagnosticSeverity.Error;
  }
}
