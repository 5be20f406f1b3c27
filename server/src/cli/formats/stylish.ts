import * as l10n from '@vscode/l10n';
import { countBySeverity, messageText, pathFromCwd, severityName, type CheckReport, type FormatContext, type SeverityName } from '../report';

const STYLES = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;
const SEVERITY_STYLE: Record<SeverityName, keyof typeof STYLES> = { error: 'red', warning: 'yellow', information: 'cyan', hint: 'gray' };

/** For people: problems grouped by file, one per line with its position and rule, then a summary line. */
export function formatStylish(report: CheckReport, context: FormatContext): string {
  const paint = (style: keyof typeof STYLES, text: string) => (context.color ? `\x1b[${STYLES[style]}m${text}\x1b[0m` : text);
  const out: string[] = [];
  let current: string | undefined;
  let group: string[][] = [];
  const flush = () => {
    if (current !== undefined) {
      out.push(paint('underline', pathFromCwd(report, current, context.cwd)), ...alignColumns(group, paint), '');
    }
  };
  for (const { file, diagnostic } of report.diagnostics) {
    if (file !== current) {
      flush();
      current = file;
      group = [];
    }
    const { line, character } = diagnostic.range.start;
    const severity = severityName(diagnostic);
    group.push([`${line + 1}:${character + 1}`, severity, messageText(diagnostic).replace(/\s*\n\s*/g, ' '), diagnostic.code]);
  }
  flush();
  const counts = countBySeverity(report);
  const summary = summaryLine(counts, report);
  out.push(counts.error > 0 ? paint('red', paint('bold', summary)) : counts.warning > 0 ? paint('yellow', paint('bold', summary)) : summary);
  return out.join('\n') + '\n';
}

/**
 * `✖ 3 problems (2 errors, 1 warning) in 12 files`, or `✔ No problems in 12 files`, then the sites checked
 * (`; sites: docs, lib/site_template`) unless the root itself was the one site.
 */
export function summaryLine(counts: Record<SeverityName, number>, report: Pick<CheckReport, 'files' | 'sites'>): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const filesText = plural(report.files, 'file');
  const sites = report.sites.length === 1 && report.sites[0] === '' ? '' : `; ${sitesText(report.sites.map((site) => site || '.'))}`;
  if (total === 0) {
    return `✔ ${l10n.t('No problems in {0}', filesText)}${sites}`;
  }
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information + counts.hint > 0) {
    parts.push(l10n.t('{0} info', counts.information + counts.hint));
  }
  return `✖ ${l10n.t('{0} ({1}) in {2}', plural(total, 'problem'), parts.join(', '), filesText)}${sites}`;
}

function sitesText(sites: readonly string[]): string {
  return sites.length === 1 ? l10n.t('site: {0}', sites[0]!) : l10n.t('sites: {0}', sites.join(', '));
}

function plural(count: number, word: 'file' | 'problem' | 'error' | 'warning'): string {
  switch (word) {
    case 'file':
      return count === 1 ? l10n.t('1 file') : l10n.t('{0} files', count);
    case 'problem':
      return count === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', count);
    case 'error':
      return count === 1 ? l10n.t('1 error') : l10n.t('{0} errors', count);
    case 'warning':
      return count === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', count);
  }
}

function alignColumns(rows: string[][], paint: (style: keyof typeof STYLES, text: string) => string): string[] {
  const positionWidth = Math.max(...rows.map((r) => r[0]!.length));
  const severityWidth = Math.max(...rows.map((r) => r[1]!.length));
  return rows.map(([position, severity, message, code]) => {
    const style = SEVERITY_STYLE[severity as SeverityName];
    return `  ${paint('gray', position!.padStart(positionWidth))}  ${paint(style, severity!.padEnd(severityWidth))}  ${message}  ${paint('gray', code!)}`;
  });
}
