// `npm run screenshots`: takes the README's screenshots from the real VS Code (the local VS Code server in
// headless Chromium), on examples/blog, with the built extension. Writes images/screenshots/*.png.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, watch } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const repo = path.resolve(import.meta.dirname, '..');
const out = path.join(repo, 'images', 'screenshots');
mkdirSync(out, { recursive: true });
// A copy, so that the edits the screenshots make never touch the example blog.
const blog = mkdtempSync(path.join(tmpdir(), 'blogwright-shots-'));
cpSync(path.join(repo, 'examples', 'blog'), blog, { recursive: true });

const vscodeDir = path.join(process.env.BLOGWRIGHT_VSCODE_DIR ?? path.join(homedir(), '.cache', 'blogwright-vscode'), 'node_modules', 'code-server', 'lib', 'vscode');
// The same set-up as the tests': Chromium and VS Code's server, installed when missing.
if (spawnSync('bash', [path.join(repo, 'scripts', 'setup.sh'), 'test'], { stdio: ['ignore', 'inherit', 'inherit'] }).status !== 0) {
  throw new Error('scripts/setup.sh could not install what the screenshots need');
}
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const data = mkdtempSync(path.join(tmpdir(), 'blogwright-shots-data-'));
const server = spawn(process.execPath, [
  path.join(vscodeDir, 'out', 'server-main.js'), '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
  '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust',
  '--user-data-dir', path.join(data, 'user'), '--server-data-dir', path.join(data, 'server'), '--extensions-dir', path.join(data, 'ext'),
], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (c) => /Extension host agent listening|Server bound to/.test(String(c)) && resolve()));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repo}`]]);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(blog)}&payload=${encodeURIComponent(payload)}`);
  await page.waitForSelector('.monaco-workbench .part.editor');
  // The extension is active once its status (indexing progress) has come and gone; the explorer shows the blog.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row');
  await page.click('.monaco-workbench .part.editor');

  const quickInput = async (text) => {
    // The command center in the title bar opens Quick Open wherever the focus is; `>` turns it to commands.
    // While the workbench is still restoring, a click can be swallowed: try again a few times.
    for (let attempt = 1; ; attempt++) {
      await page.click('.command-center-center');
      try {
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 5000 });
        break;
      } catch (error) {
        if (attempt === 5) {throw error;}
      }
    }
    // On a busy machine keys can be lost while the widget settles: type until the box holds the text.
    const box = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.type(text);
    for (let attempt = 1; (await box.inputValue()) !== text && attempt < 5; attempt++) {
      await box.fill(text);
    }
  };
  const command = async (name) => {
    await quickInput('>' + name);
    await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${name}"]`);
    await page.keyboard.press('Enter');
  };
  const openFile = async (name) => {
    await quickInput(name);
    await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${name}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[aria-label*="${name}"]`);
  };

  await command('View: Close All Editors');
  // The blog is indexed once the status bar counts its errors.
  await page.waitForSelector('.statusbar-item[id="status.problems"] >> text=/[1-9]/');

  // 1. Diagnostics: a post without a title and a broken YAML list, in the editor and the Problems panel.
  await openFile('2024-04-10-broken-front-matter.md');
  await command('View: Focus Problems');
  await page.waitForSelector('.markers-panel .monaco-list-row');
  await page.waitForSelector('.squiggly-error');
  await page.screenshot({ path: path.join(out, 'diagnostics.png') });

  // 2. Quick fix: a misspelt author id, fixed from the lightbulb.
  await openFile('2024-08-20-profiling-the-jvm.md');
  await page.waitForSelector('.squiggly-error');
  await page.click('.squiggly-error', { force: true });
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget .monaco-list-row');
  await page.screenshot({ path: path.join(out, 'quick-fix.png') });
  await page.keyboard.press('Escape');

  // 3. Completion: authors with their display names after `author: `.
  await openFile('2024-07-02-observability.md');
  await page.click('.monaco-editor .view-line >> nth=3');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('author: ');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.suggest-widget.visible .monaco-list-row');
  await page.screenshot({ path: path.join(out, 'completion.png') });
  await page.keyboard.press('Escape');
  await command('File: Revert File');
  await page.waitForSelector('.tab.active:not(.dirty)');

  // 4. Preview beside the post.
  await openFile('2023-10-03-how-we-made-search-fast.md');
  await command('View: Hide Panel');
  await command('Blogwright: Open Preview to the Side');
  await page.waitForSelector('.webview.ready, iframe.webview');
  const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
  // The published view has the layout's title, the content view Blogwright's own header: either is an h1.
  await frame.locator('h1').first().waitFor();
  await page.mouse.move(640, 740);
  await page.waitForSelector('.workbench-hover, .monaco-hover:not(.hidden)', { state: 'detached' }).catch(() => undefined);
  await page.screenshot({ path: path.join(out, 'preview.png') });
  // 5. The Blog view: posts by year, tag and author, with the status bar's words, reading time and URL.
  await command('View: Close All Editors');
  await openFile('2023-10-03-how-we-made-search-fast.md');
  await command('View: Show Blog');
  const row = (label) => page.locator(`.pane-body .monaco-list-row[aria-label*="${label}"]`).first();
  await row('Posts by year').click();
  await row('2024').click();
  await row('Posts with problems').click();
  await page.waitForSelector('.statusbar-item >> text=/words/');
  await page.mouse.move(640, 740);
  await page.screenshot({ path: path.join(out, 'blog-view.png') });

  // 6. Pasting an image: a real paste (Ctrl+V) of an image on the clipboard, into the folder the blog's posts use.
  await openFile('2024-06-18-feature-flags.md');
  await command('View: Show Explorer');
  await page.waitForSelector('.explorer-folders-view .monaco-list-row');
  await page.click('.monaco-editor .view-line >> nth=3');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
  const png = readFileSync(path.join(repo, 'examples', 'blog', 'assets', 'img', 'articles', 'search-flamegraph.png')).toString('base64');
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
  }, png);
  // The file is written by the paste's additional edit, just after the text: wait for it to appear.
  const pasted = path.join(blog, 'assets', 'img', 'articles', 'image.png');
  const landed = new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(pasted), () => existsSync(pasted) && (watcher.close(), resolve()));
    setTimeout(() => (watcher.close(), reject(new Error('the pasted image was not copied into assets/img/articles/'))), 30_000);
  });
  await page.keyboard.press('Control+V');
  await page.waitForSelector('.monaco-editor .view-line >> text=/!\\[image\\]\\(\\/assets\\/img\\/articles\\/image\\.png\\)/');
  await landed;
  // Opening the image reveals it in the explorer; back in the post, both show.
  await openFile('image.png');
  await openFile('2024-06-18-feature-flags.md');
  await page.waitForSelector('.explorer-folders-view .monaco-list-row[aria-label*="image.png"]');
  await page.mouse.move(640, 740);
  await page.screenshot({ path: path.join(out, 'paste.png') });
  console.log(`screenshots written to ${path.relative(repo, out)}`);
} catch (error) {
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(tmpdir(), 'blogwright-screenshots-failure.png') });
  throw error;
} finally {
  await browser.close();
  server.kill();
}
