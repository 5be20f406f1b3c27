import { messageText, severityName, type CheckReport } from '../report';

/**
 * The stable machine-readable report (version 1): other programs read it, so fields are only ever added under a
 * new version. Files are relative to the root with forward slashes; ranges are LSP's, 0-based.
 */
export function formatJson(report: CheckReport): string {
  const json = {
    version: 1,
    root: report.root,
    files: report.files,
    diagnostics: report.diagnostics.map(({ file, diagnostic }) => ({
      file,
      range: { start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character }, end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character } },
      severity: severityName(diagnostic),
      code: diagnostic.code,
      message: messageText(diagnostic),
    })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}
