import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const CLI_PATH = path.resolve(__dirname, '../../../dist/cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  /** Run as this user (needs root): lets a root test run see a folder it cannot read. */
  readonly uid?: number;
  readonly gid?: number;
  /** Another copy of the bundle to run (the bundle is self-contained). */
  readonly script?: string;
}

/** Runs the built `dist/cli.js` as a real process and resolves when it exits. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  // FORCE_COLOR and NO_COLOR from the test runner's own terminal must not leak into the child.
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  const child = spawn(process.execPath, [options.script ?? CLI_PATH, ...args], {
    cwd: options.cwd,
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The `--format json` report (version 1). */
export interface JsonReport {
  readonly version: number;
  readonly root: string;
  readonly files: number;
  readonly diagnostics: readonly {
    readonly file: string;
    readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
    readonly severity: 'error' | 'warning' | 'information' | 'hint';
    readonly code: string;
    readonly message: string;
  }[];
}
