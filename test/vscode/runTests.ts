import '../util/scratchRoot';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { installedLocalVsCode, resultsReceiver, startVsCodeServer } from './localServer';
import type { SuiteResult } from './suite/index';
import { writeTestBlog } from './testBlog';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SUITE = path.resolve(__dirname, 'suite', 'index');
/** A deadline for the whole suite, so a hung VS Code fails the run instead of stalling CI. */
const SUITE_DEADLINE_MS = 10 * 60 * 1000;
/**
 * The packaged VSIX to run the suite against instead of the development folder: BLOGWRIGHT_TEST_VSIX, or in CI the
 * one `npm test` has just packaged, so that a packaging mistake fails CI.
 */
const VSIX_FILE = process.env['BLOGWRIGHT_TEST_VSIX'] || (process.env['CI'] ? path.join(REPO_ROOT, 'blogwright.vsix') : undefined);
const VSIX = VSIX_FILE ? path.resolve(VSIX_FILE) : undefined;

/**
 * VS Code runs a test entry only for an extension under development; with a VSIX installed, that is an
 * empty folder, so the extension the suite talks to is the installed one.
 */
function developmentPath(): string {
  return VSIX ? mkdtempSync(path.join(tmpdir(), 'blogwright-no-extension-')) : REPO_ROOT;
}

/**
 * Runs the integration suite in a real VS Code: desktop VS Code through @vscode/test-electron where it can
 * be downloaded or is installed, else VS Code's own server with headless Chromium as the window.
 */
async function main(): Promise<number> {
  const blog = writeTestBlog();
  const mode = process.env['BLOGWRIGHT_VSCODE'] ?? (process.env['VSCODE_EXECUTABLE'] || process.platform !== 'linux' || process.env['DISPLAY'] ? 'electron' : 'server');
  if (mode === 'electron') {
    try {
      const vscodeExecutablePath = process.env['VSCODE_EXECUTABLE'] ?? (await downloadAndUnzipVSCode());
      if (VSIX) {
        const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
        const install = spawnSync(cli!, [...args, '--install-extension', VSIX], { stdio: 'inherit', shell: process.platform === 'win32' });
        if (install.status !== 0) {
          throw new Error(`could not install ${VSIX}`);
        }
      }
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: developmentPath(),
        extensionTestsPath: SUITE,
        launchArgs: [blog, '--disable-workspace-trust'],
      });
      return 0;
    } catch (error) {
      console.error(`[vscode] desktop VS Code could not run the suite (${error instanceof Error ? error.message : String(error)}); trying the local VS Code server.`);
    }
  }
  return runInLocalServer(blog);
}

async function runInLocalServer(blog: string): Promise<number> {
  const vscodeDir = installedLocalVsCode();
  const browserPath = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!vscodeDir || !browserPath) {
    console.error(`[vscode] NO REAL VS CODE AVAILABLE: ${!vscodeDir ? 'the local VS Code server is not installed (run `bash scripts/setup.sh test`)' : 'no Chromium found'}. The integration suite did not run.`);
    return 1;
  }
  const receiver = await resultsReceiver();
  const server = await startVsCodeServer(vscodeDir, { BLOGWRIGHT_RESULTS_URL: receiver.url }, VSIX);
  const browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let deadline: NodeJS.Timeout | undefined;
  try {
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(developmentPath())],
      ['extensionTestsPath', remote(SUITE)],
    ]);
    const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(blog)}&payload=${encodeURIComponent(payload)}`;
    const page = await browser.newPage();
    if (process.env['BW_DEBUG']) { page.on('console', (m) => console.log('[page]', m.text())); }
    await page.goto(url);
    console.log(`[vscode] running the suite in VS Code ${(JSON.parse(readFileSync(path.join(vscodeDir, 'package.json'), 'utf8')) as { version: string }).version} (local server, headless Chromium) against ${VSIX ? path.basename(VSIX) : 'the development folder'}`);
    const failed = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(new Error(`no results within ${SUITE_DEADLINE_MS / 1000} s`)), SUITE_DEADLINE_MS);
      server.process.once('exit', (code) => reject(new Error(`the VS Code server exited (${code})`)));
    });
    const result = (await Promise.race([receiver.result, failed])) as SuiteResult;
    for (const failure of result.failures) {
      console.error(`[vscode] FAILED ${failure}`);
    }
    console.log(`vscode: ${result.passed} passed, ${result.failed} failed`);
    return result.failed === 0 && result.passed > 0 ? 0 : 1;
  } catch (error) {
    console.error(`[vscode] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    clearTimeout(deadline);
    await browser.close();
    server.stop();
    receiver.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
