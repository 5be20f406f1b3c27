#!/usr/bin/env node
import * as nodePath from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from './core/diagnostics';
import { withSettings } from './core/settings';
import { SiteIndex } from './core/site/siteIndex';
import { TextDocumentSnapshot } from './core/textDocument';
import { FileSystemWorkspace } from './fileSystemWorkspace';

interface FileDiagnostic {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'check') {
    process.stderr.write('Usage: blogwright check [ROOT] [--format stylish|json]\n');
    return 2;
  }
  let format = process.stdout.isTTY ? 'stylish' : 'json';
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--format') {
      format = rest[++i] ?? '';
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else {
      positional.push(arg);
    }
  }
  if (format !== 'stylish' && format !== 'json') {
    process.stderr.write(`Unknown format "${format}": use stylish or json.\n`);
    return 2;
  }
  const root = nodePath.resolve(positional[0] ?? '.');
  const workspace = new FileSystemWorkspace(root);
  const site = new SiteIndex(workspace, withSettings(undefined));
  await site.build();
  const results: FileDiagnostic[] = [];
  for (const path of site.documents.keys()) {
    const read = await workspace.readText(path);
    if (read.kind !== 'text') {
      continue;
    }
    for (const diagnostic of computeDiagnostics(site, new TextDocumentSnapshot(path, 0, read.text))) {
      results.push({ file: path, diagnostic });
    }
  }
  if (format === 'json') {
    const json = {
      version: 1,
      root,
      files: site.documents.size,
      diagnostics: results.map(({ file, diagnostic }) => ({
        file,
        range: diagnostic.range,
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: diagnostic.code,
        message: diagnostic.message,
      })),
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const { file, diagnostic } of results) {
      const { line, character } = diagnostic.range.start;
      process.stdout.write(`${file}:${line + 1}:${character + 1}  ${SEVERITY_NAMES[diagnostic.severity ?? 1]}  ${diagnostic.message}  ${diagnostic.code}\n`);
    }
    process.stdout.write(`${results.length} problem${results.length === 1 ? '' : 's'} in ${site.documents.size} files\n`);
  }
  return results.some(({ diagnostic }) => diagnostic.severity === DiagnosticSeverity.Error) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`blogwright: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
