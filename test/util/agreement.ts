import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { runCli, type JsonReport } from './cli';
import type { LspTestClient } from './lspClient';

const SEVERITIES = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' } as const;

/** A diagnostic as the CLI's JSON report writes it: comparable between the CLI and the server. */
export interface PlainDiagnostic {
  readonly file: string;
  readonly range: Diagnostic['range'];
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

const key = (d: PlainDiagnostic) => JSON.stringify([d.file, d.range, d.severity, d.code, d.message]);
const sorted = (list: PlainDiagnostic[]) => list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Every diagnostic a fresh `blogwright check --format json` of `root` reports, in a stable order. */
export async function cliDiagnostics(root: string): Promise<PlainDiagnostic[]> {
  const run = await runCli(['check', root, '--format', 'json']);
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`the CLI failed (${run.status}): ${run.stderr}`);
  }
  return sorted((JSON.parse(run.stdout) as JsonReport).diagnostics.map((d) => ({ file: d.file, range: d.range, severity: d.severity, code: d.code, message: d.message })));
}

/** The path of a `file:` URI relative to `root`, or undefined for any other URI. */
function relativeFile(uri: string, root: string): string | undefined {
  try {
    const relative = path.relative(root, fileURLToPath(uri));
    return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
  } catch {
    return undefined;
  }
}

/** Every diagnostic the server has published last for a file under `root`, in the same form and order. */
export function serverDiagnostics(client: LspTestClient, root = client.root): PlainDiagnostic[] {
  return sorted(
    [...client.diagnostics].flatMap(([uri, diagnostics]) =>
      diagnostics.map((d) => ({
        file: relativeFile(uri, root) ?? uri,
        range: d.range,
        severity: SEVERITIES[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code),
        message: typeof d.message === 'string' ? d.message : '',
      })),
    ),
  );
}

/** What differs between two lists, one line each (`-` only in the first, `+` only in the second). */
export function differences(expected: readonly PlainDiagnostic[], actual: readonly PlainDiagnostic[]): string[] {
  const left = new Set(expected.map(key));
  const right = new Set(actual.map(key));
  return [...[...left].filter((k) => !right.has(k)).map((k) => `- ${k}`), ...[...right].filter((k) => !left.has(k)).map((k) => `+ ${k}`)];
}

/** The first differences and how many there are, for an assertion message. */
export function describeDifferences(lines: readonly string[]): string {
  return lines.length <= 12 ? lines.join('\n') : [...lines.slice(0, 12), `... and ${lines.length - 12} more`].join('\n');
}

/**
 * Resolves once the server's published diagnostics equal `expected`; rejects after `ms` with what still differs.
 * For tests of a state the server must reach: on a server that never reaches it, this fails.
 */
export function waitForAgreement(client: LspTestClient, expected: readonly PlainDiagnostic[], ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the server's diagnostics never equalled the CLI's:\n${describeDifferences(differences(expected, serverDiagnostics(client)))}`));
    }, ms);
    let scheduled = false;
    const check = () => {
      scheduled = false;
      if (differences(expected, serverDiagnostics(client)).length === 0) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    };
    // Compared once per burst of publications, not after each one.
    stop = client.onPublish(() => {
      if (!scheduled) {
        scheduled = true;
        setImmediate(check);
      }
    });
    check();
  });
}
