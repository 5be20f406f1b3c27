import * as nodePath from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { BlogwrightDiagnostic } from '../core/diagnostics';

/** One diagnostic and the file it is in (relative to the root given, forward slashes). */
export interface FileDiagnostic {
  readonly file: string;
  readonly diagnostic: BlogwrightDiagnostic;
}

/** The outcome of one check, ready for any output format. */
export interface CheckReport {
  /** The folder checked, absolute. */
  readonly root: string;
  /** The sites checked, as folders relative to the root (`''` for the root itself), outermost first. */
  readonly sites: readonly string[];
  /** How many files were checked. */
  readonly files: number;
  /** By file, then by position. */
  readonly diagnostics: readonly FileDiagnostic[];
  /** Rules that failed (a bug of ours): the check is incomplete. */
  readonly internalErrors: number;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export function severityName(diagnostic: Diagnostic): SeverityName {
  switch (diagnostic.severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

export function countBySeverity(report: CheckReport): Record<SeverityName, number> {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { diagnostic } of report.diagnostics) {
    counts[severityName(diagnostic)]++;
  }
  return counts;
}

/** 0 when nothing fails the check, 1 for errors or more warnings than allowed, 2 when a rule failed. */
export function exitStatus(report: CheckReport, maxWarnings: number | undefined): 0 | 1 | 2 {
  if (report.internalErrors > 0) {
    return 2;
  }
  const counts = countBySeverity(report);
  return counts.error > 0 || (maxWarnings !== undefined && counts.warning > maxWarnings) ? 1 : 0;
}

/** What an output format may need besides the report. */
export interface FormatContext {
  /** Paths for people and CI tools are shown relative to this folder (the checkout in CI). */
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
}

/** A checked file's path relative to the current folder, with forward slashes; absolute when outside it. */
export function pathFromCwd(report: CheckReport, file: string, cwd: string): string {
  const absolute = nodePath.join(report.root, file);
  const relative = nodePath.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !nodePath.isAbsolute(relative) ? relative : absolute;
  return shown.split(nodePath.sep).join('/');
}

/** The message as plain text (LSP 3.18 also allows Markdown content). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
