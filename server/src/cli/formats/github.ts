import { countBySeverity, messageText, pathFromCwd, severityName, type CheckReport, type FormatContext } from '../report';
import { summaryLine } from './stylish';

const COMMANDS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request's diff. */
export function formatGithub(report: CheckReport, context: FormatContext): string {
  const lines = report.diagnostics.map(({ file, diagnostic }) => {
    const { start, end } = diagnostic.range;
    const properties = [
      `file=${escapeProperty(pathFromCwd(report, file, context.cwd))}`,
      `line=${start.line + 1}`,
      `endLine=${end.line + 1}`,
      `col=${start.character + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(`blogwright ${diagnostic.code}`)}`,
    ];
    return `::${COMMANDS[severityName(diagnostic)]} ${properties.join(',')}::${escapeData(messageText(diagnostic))}`;
  });
  lines.push(summaryLine(countBySeverity(report), report));
  return lines.join('\n') + '\n';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
