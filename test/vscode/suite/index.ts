import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import Mocha from 'mocha';

/** What the suite reports to its launcher. */
export interface SuiteResult {
  readonly passed: number;
  readonly failed: number;
  readonly failures: readonly string[];
}

/**
 * Entry point that VS Code calls in the extension host (`extensionTestsPath`). Runs every `*.test.js`
 * beside it with mocha, then reports to the launcher when it gave a results URL (the local VS Code
 * server cannot pass an exit code back), and rejects on failure (what @vscode/test-electron reads).
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false });
  // While iterating on one part: BLOGWRIGHT_SUITE_GREP=Workflow npm run test:vscode
  const grep = process.env['BLOGWRIGHT_SUITE_GREP'];
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures: string[] = [];
  let passed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      passed++;
      console.log(`  ✔ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error: Error) => {
      failures.push(`${test.fullTitle()}: ${error.stack ?? error.message}`);
      console.log(`  ✖ ${test.fullTitle()}: ${error.message}`);
    });
  });
  const result: SuiteResult = { passed, failed: failures.length, failures };
  await report(result);
  if (failures.length > 0) {
    throw new Error(`${failures.length} VS Code test(s) failed`);
  }
}

function report(result: SuiteResult): Promise<void> {
  const url = process.env['BLOGWRIGHT_RESULTS_URL'];
  if (!url) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    request.on('error', () => resolve());
    request.end(JSON.stringify(result));
  });
}
