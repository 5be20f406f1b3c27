import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { areaOf, RULE_CATALOG, RULE_CODES, type RuleCode } from '../../core/ruleCatalog';
import { messageText, pathFromCwd, severityName, type CheckReport, type FormatContext } from '../report';

const LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
const DEFAULT_LEVELS = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0 for code scanning. Locations are relative to the current folder (`%SRCROOT%`, the checkout in
 * CI); columns count UTF-16 code units, as LSP's characters do, so no conversion is needed beyond 1-based.
 */
export function formatSarif(report: CheckReport, context: FormatContext): string {
  const ruleIndex = new Map(RULE_CODES.map((code, index) => [code, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'blogwright',
            version: context.version,
            rules: RULE_CODES.map(sarifRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : context.cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        results: report.diagnostics.map(({ file, diagnostic }) => {
          const { start, end } = diagnostic.range;
          const path = pathFromCwd(report, file, context.cwd);
          const artifactLocation = isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
          return {
            ruleId: diagnostic.code,
            ruleIndex: ruleIndex.get(diagnostic.code)!,
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

/** A rule's metadata for code scanning: what it finds, and its level unless `blogwright.validate` changes it. */
function sarifRule(code: RuleCode) {
  const { level, description } = RULE_CATALOG[code];
  return {
    id: code,
    shortDescription: { text: description.replace(/`/g, ''), markdown: description },
    defaultConfiguration: level === 'off' ? { enabled: false, level: 'none' } : { level: DEFAULT_LEVELS[level] },
    properties: { tags: [areaOf(code)] },
  };
}
