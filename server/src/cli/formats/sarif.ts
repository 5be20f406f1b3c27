import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { messageText, pathFromCwd, severityName, type CheckReport, type FormatContext } from '../report';

const LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0 for code scanning. Locations are relative to the current folder (`%SRCROOT%`, the checkout in
 * CI); columns count UTF-16 code units, as LSP's characters do, so no conversion is needed beyond 1-based.
 */
export function formatSarif(report: CheckReport, context: FormatContext): string {
  const ruleIds = [...new Set(report.diagnostics.map(({ diagnostic }) => String(diagnostic.code ?? '')))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'blogwright',
            version: context.version,
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: `Blogwright rule ${id}` } })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : context.cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        results: report.diagnostics.map(({ file, diagnostic }) => {
          const code = String(diagnostic.code ?? '');
          const { start, end } = diagnostic.range;
          const path = pathFromCwd(report, file, context.cwd);
          const artifactLocation = isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
          return {
            ruleId: code,
            ruleIndex: ruleIndex.get(code)!,
            level: LEVELS[severityName(diagnostic)],
            message: { text: messageText(diagnostic) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation,
                  region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
