import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { parseFrontMatter } from './frontmatter/parse';
import { scannedLinksOf } from './site/documentAnalysis';
import { globMatcher } from './glob';
import { unknownAuthorRule } from './rules/authorRules';
import { dateRule, postFileNameRule } from './rules/dateRules';
import { frontMatterSyntaxRule, requiredKeysRule } from './rules/frontMatterRules';
import { layoutRule } from './rules/layoutRules';
import { externalLinkRule } from './rules/externalLinkRule';
import { LINK_DEFAULT_LEVELS, linkRule, liquidInCodeRule } from './rules/linkRules';
import type { Finding, Rule } from './rules/rule';
import { tagRule } from './rules/tagRules';
import { valueTypesRule } from './rules/typeRules';
import { unknownKeyRule } from './rules/unknownKeyRule';
import type { RuleLevel } from './settings';
import type { SiteIndex } from './site/siteIndex';
import type { ITextDocument } from './workspace';

export const RULES: readonly Rule[] = [frontMatterSyntaxRule, requiredKeysRule, valueTypesRule, unknownKeyRule, unknownAuthorRule, tagRule, layoutRule, postFileNameRule, dateRule, linkRule, liquidInCodeRule, externalLinkRule];

/**
 * Default level of each rule; a rule not listed is an error. Errors are for what breaks the build or loses
 * content (YAML errors, skipped posts, unknown authors, unreadable dates); warnings for what Jekyll renders
 * but the editor would still fix.
 */
const DEFAULT_LEVELS: Readonly<Record<string, RuleLevel>> = {
  'frontmatter.duplicate-key': 'warning',
  'frontmatter.unknown-key': 'warning',
  'frontmatter.not-text': 'warning',
  'frontmatter.empty-item': 'warning',
  'tag.variant': 'warning',
  'tag.typo': 'warning',
  'tag.duplicate': 'warning',
  'tag.comma': 'warning',
  'category.variant': 'warning',
  'category.typo': 'warning',
  'category.duplicate': 'warning',
  'category.comma': 'warning',
  'layout.unknown': 'warning',
  'filename.invalid-date': 'warning',
  'date.mismatch': 'warning',
  ...LINK_DEFAULT_LEVELS,
};

export interface ILogger {
  error(message: string): void;
}

/** Every diagnostic of one document: front matter, then the rest. A rule that throws is logged and skipped. */
export function computeDiagnostics(site: SiteIndex, document: ITextDocument, logger?: ILogger): Diagnostic[] {
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
        ...(finding.data ? { data: fixData(document, finding) } : {}),
      });
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
  const start = fix.start ?? finding.start;
  const end = fix.end ?? finding.end;
  return { fix: { title: fix.title, edit: { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText: fix.replacement } } };
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
