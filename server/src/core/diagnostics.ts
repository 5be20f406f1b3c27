import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { IExternalLinks } from './links/externalLinkStatus';
import type { KeptAnalyses } from './site/documentAnalysis';
import { isBesideThePosts } from './site/documentKind';
import { settingsGlobMatcher } from './glob';
import { frontMatterData } from './frontmatter/parse';
import { unknownAuthorRule } from './rules/authorRules';
import { dateRule, postFileNameRule } from './rules/dateRules';
import { editorialRule } from './rules/editorialRules';
import { markdownInHtmlRule, tableAsTextRule } from './rules/markdownRules';
import { frontMatterSyntaxRule, requiredKeysRule } from './rules/frontMatterRules';
import { layoutRule } from './rules/layoutRules';
import { externalLinkRule } from './rules/externalLinkRule';
import { linkRule } from './rules/linkRules';
import { liquidInCodeRule } from './rules/liquidRules';
import { unknownTagRule } from './rules/unknownTagRule';
import type { Finding, Rule } from './rules/rule';
import { tagRule } from './rules/tagRules';
import { valueTypesRule } from './rules/typeRules';
import { unknownKeyRule } from './rules/unknownKeyRule';
import { levelOf, type RuleCode, type RuleLevel, type ValidateSettings } from './ruleCatalog';
import type { SiteIndex } from './site/siteIndex';
import type { ITextDocument } from './workspace';

export const RULES: readonly Rule[] = [frontMatterSyntaxRule, requiredKeysRule, valueTypesRule, unknownKeyRule, unknownAuthorRule, tagRule, layoutRule, postFileNameRule, dateRule, linkRule, liquidInCodeRule, tableAsTextRule, markdownInHtmlRule, unknownTagRule, externalLinkRule, editorialRule];

/** A diagnostic of ours: its code is one of the catalog's. */
export interface BlogwrightDiagnostic extends Diagnostic {
  readonly code: RuleCode;
}

export interface ILogger {
  error(message: string): void;
}

/** What a check takes from its adapter besides the index: nothing of it is written into the model. */
export interface CheckInputs {
  /** What the build this check follows learned of each text (`SiteIndex.build`): each document's is taken once. */
  readonly kept?: KeptAnalyses;
  /** Results of external link checks, when the user turned them on. */
  readonly externalLinks?: IExternalLinks;
  readonly logger?: ILogger;
  /**
   * The index holds only part of the blog (a build is reading it): only the rules that need nothing but the
   * document run, and the document's front matter is taken from its text, not from the index.
   */
  readonly partial?: boolean;
}

/** Every diagnostic of one document: front matter, then the rest. A rule that throws is logged and skipped. */
export function computeDiagnostics(site: SiteIndex, document: ITextDocument, { kept, externalLinks, logger, partial = false }: CheckInputs = {}): BlogwrightDiagnostic[] {
  const path = document.path;
  // Front matter does not make a post of an `.Rmd` source kept beside the posts: Jekyll never reads it.
  if (settingsGlobMatcher(site.settings.exclude)(path) || isBesideThePosts(path, site.config)) {
    kept?.drop(path);
    return [];
  }
  const text = document.getText();
  const indexed = site.document(path);
  const scan = kept?.take(path, text, indexed) ?? site.scan(path, text);
  // While the blog is read, the index may hold an older text of an open document than the one checked.
  const siteDocument = partial && indexed ? { ...indexed, data: frontMatterData(scan.frontMatter) } : indexed;
  const context = { site, settings: site.settings, document, text, frontMatter: scan.frontMatter, siteDocument, links: scan.links, externalLinks };
  const diagnostics: BlogwrightDiagnostic[] = [];
  for (const rule of partial ? RULES.filter((r) => !r.wholeBlog) : RULES) {
    let findings: Finding[];
    try {
      findings = rule.check(context);
    } catch (error) {
      logger?.error(`Rule "${rule.name}" failed on ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    for (const finding of findings) {
      const severity = severityOf(finding.code, site.settings.validate);
      if (severity !== undefined) {
        diagnostics.push(toDiagnostic(finding.code, severity, rangeOf(document, finding.start, finding.end), finding.message, diagnosticData(document, finding)));
      }
    }
  }
  return capped(diagnostics, site, document);
}

/**
 * Diagnostics listed per document; past it one more counts the rest. A file built to break things (a line of
 * thousands of broken links) must not flood the Problems panel, the protocol or a CI log (issue 22); no real
 * post comes near it (allegro's most is 3).
 */
export const MAX_DIAGNOSTICS = 500;

function capped(diagnostics: BlogwrightDiagnostic[], site: SiteIndex, document: ITextDocument): BlogwrightDiagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) {
    return diagnostics;
  }
  const listed = diagnostics.slice(0, MAX_DIAGNOSTICS);
  const severity = severityOf('file.too-many-problems', site.settings.validate);
  if (severity !== undefined) {
    const message = l10n.t('{0} more problems in this file are not listed: Blogwright lists the first {1} of a file.', diagnostics.length - MAX_DIAGNOSTICS, MAX_DIAGNOSTICS);
    listed.push(toDiagnostic('file.too-many-problems', severity, rangeOf(document, 0, 0), message));
  }
  return listed;
}

/** What a diagnostic carries for its quick fixes, in LSP terms, so any editor can apply them. */
export interface DiagnosticData {
  /** One edit that fixes it. */
  readonly fix?: { readonly title: string; readonly edit: TextEdit };
  /** The URL path of a missing link target, which the user may choose not to check (`blogwright.links.ignore`). */
  readonly ignorable?: string;
}

function diagnosticData(document: ITextDocument, { data: fix, ignorable, start, end }: Finding): DiagnosticData | undefined {
  if (!fix && ignorable === undefined) {
    return undefined;
  }
  return {
    ...(fix ? { fix: { title: fix.title, edit: { range: rangeOf(document, fix.start ?? start, fix.end ?? end), newText: fix.replacement } } } : {}),
    ...(ignorable !== undefined ? { ignorable } : {}),
  };
}

export function rangeOf(document: ITextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toDiagnostic(code: RuleCode, severity: DiagnosticSeverity, range: Range, message: string, data?: DiagnosticData): BlogwrightDiagnostic {
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
