import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { parseFrontMatter } from './frontmatter/parse';
import { scannedLinksOf } from './site/documentAnalysis';
import { globMatcher } from './glob';
import { unknownAuthorRule } from './rules/authorRules';
import { dateRule, postFileNameRule } from './rules/dateRules';
import { editorialRule } from './rules/editorialRules';
import { frontMatterSyntaxRule, requiredKeysRule } from './rules/frontMatterRules';
import { layoutRule } from './rules/layoutRules';
import { externalLinkRule } from './rules/externalLinkRule';
import { linkRule, liquidInCodeRule } from './rules/linkRules';
import type { Finding, Rule } from './rules/rule';
import { tagRule } from './rules/tagRules';
import { valueTypesRule } from './rules/typeRules';
import { unknownKeyRule } from './rules/unknownKeyRule';
import { levelOf, type RuleCode, type RuleLevel, type ValidateSettings } from './ruleCatalog';
import type { SiteIndex } from './site/siteIndex';
import type { ITextDocument } from './workspace';

export const RULES: readonly Rule[] = [frontMatterSyntaxRule, requiredKeysRule, valueTypesRule, unknownKeyRule, unknownAuthorRule, tagRule, layoutRule, postFileNameRule, dateRule, linkRule, liquidInCodeRule, externalLinkRule, editorialRule];

/** A diagnostic of ours: its code is one of the catalog's. */
export interface BlogwrightDiagnostic extends Diagnostic {
  readonly code: RuleCode;
}

export interface ILogger {
  error(message: string): void;
}

/** Every diagnostic of one document: front matter, then the rest. A rule that throws is logged and skipped. */
export function computeDiagnostics(site: SiteIndex, document: ITextDocument, logger?: ILogger): BlogwrightDiagnostic[] {
  const text = document.getText();
  // Taken even from an excluded file, so that the index does not keep it.
  const indexed = site.takeAnalysis(document.path, text);
  if (excluded(site.settings.exclude, document.path)) {
    return [];
  }
  const context = {
    site,
    settings: site.settings,
    document,
    text,
    frontMatter: indexed?.frontMatter ?? parseFrontMatter(text),
    siteDocument: site.document(document.path),
    indexedLinks: indexed && scannedLinksOf(indexed, text),
  };
  const diagnostics: BlogwrightDiagnostic[] = [];
  for (const rule of RULES) {
    let findings: Finding[];
    try {
      findings = rule.check(context);
    } catch (error) {
      logger?.error(`Rule "${rule.name}" failed on ${document.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    for (const finding of findings) {
      const severity = severityOf(finding.code, site.settings.validate);
      if (severity !== undefined) {
        diagnostics.push(toDiagnostic(finding.code, severity, rangeOf(document, finding.start, finding.end), finding.message, finding.data && fixData(document, finding)));
      }
    }
  }
  return diagnostics;
}

/** The matcher for the `exclude` setting, made once per settings object. */
const excludeMatchers = new WeakMap<readonly string[], (path: string) => boolean>();

function excluded(patterns: readonly string[], path: string): boolean {
  if (patterns.length === 0) {
    return false;
  }
  let matcher = excludeMatchers.get(patterns);
  if (!matcher) {
    matcher = globMatcher(patterns);
    excludeMatchers.set(patterns, matcher);
  }
  return matcher(path);
}

/** What a diagnostic carries for its quick fix: one edit, in LSP terms, so any editor can apply it. */
export interface DiagnosticFixData {
  readonly fix: { readonly title: string; readonly edit: TextEdit };
}

function fixData(document: ITextDocument, finding: Finding): DiagnosticFixData {
  const fix = finding.data!;
  return { fix: { title: fix.title, edit: { range: rangeOf(document, fix.start ?? finding.start, fix.end ?? finding.end), newText: fix.replacement } } };
}

export function rangeOf(document: ITextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toDiagnostic(code: RuleCode, severity: DiagnosticSeverity, range: Range, message: string, data?: DiagnosticFixData): BlogwrightDiagnostic {
  return { range, severity, code, source: 'blogwright', message, ...(data ? { data } : {}) };
}

/** The severity `blogwright.validate` gives a code (its own level, else its area's, else its default); undefined when off. */
export function severityOf(code: RuleCode, validate: ValidateSettings): DiagnosticSeverity | undefined {
  return toSeverity(levelOf(code, validate));
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
