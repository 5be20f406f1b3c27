/// <reference lib="dom" />
import * as assert from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewPage } from '../../client/src/preview/previewPage';
import { renderPost } from '../../server/src/core/render/renderPost';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

/**
 * The preview page as the webview gets it (the real renderer, the real page with its CSP and a fresh
 * nonce, the real preview.js and preview.css), loaded into headless Chromium from a stand-in of the
 * webview's resource origin. A hostile post must not run anything; the page must look right.
 */
const REPO = path.resolve(__dirname, '../../..');
const ORIGIN = 'https://webview.test';
const RESULTS = path.join(REPO, 'test-results');
const POST = '_posts/2021-06-01-hostile.md';

const DIAGRAM = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#4a90d9"/><script>top.pwn("svg-in-img")</script></svg>';

/** Each payload calls `pwn(name)` if it ever runs; the page records the calls. */
const HOSTILE_BODY = [
  '## Attack surface',
  '',
  '<script>pwn("script")</script>',
  '',
  '<img src="x" onerror="pwn(\'onerror\')"> <svg onload="pwn(\'svg-onload\')"></svg>',
  '',
  '<a id="js-link" href="javascript:pwn(\'javascript-url\')">js link</a> <a id="js-entity" href="&#106;avascript:pwn(\'entity\')">entity link</a>',
  '',
  '<div onmouseover="pwn(\'mouseover\')" id="hover-me">hover me</div>',
  '',
  '<iframe srcdoc="<script>top.pwn(\'iframe\')</script>"></iframe>',
  '',
  '<form action="javascript:pwn(\'form\')"><input name="q" value="x"><button id="submit-me">send</button></form>',
  '',
  '<meta http-equiv="refresh" content="0;url=javascript:pwn(\'meta\')">',
  '',
  '<style>body { display: none }</style>',
  '',
  '[markdown js](javascript:pwn("md-link"))',
  '',
  '## What it shows',
  '',
  'Text with a [link to the first post]({% post_url 2020-01-01-first %}) and `code`.',
  '',
  '![diagram](/assets/img/diagram.svg) ![missing](/assets/img/missing.png)',
  '',
  '| Language | Year |',
  '|----------|------|',
  '| Kotlin   | 2011 |',
  '',
  '```kotlin',
  'fun main() = println("hello")',
  '```',
  '',
  '{% include newsletter.html %}',
  '',
].join('\n');

/** Raw hostile HTML that skips the renderer's sanitizer: the CSP alone must stop it. */
const UNSANITIZED = [
  '<p id="marker">unsanitized</p>',
  '<script>pwn("csp-script")</script>',
  '<img src="x" onerror="pwn(\'csp-onerror\')">',
  '<a id="csp-js-link" href="javascript:pwn(\'csp-javascript-url\')">js</a>',
  '<iframe srcdoc="<script>top.pwn(\'csp-iframe\')</script>"></iframe>',
  '<object data="data:text/html,<script>top.pwn(\'csp-object\')</script>"></object>',
  '<form action="https://evil.example/"><button id="csp-submit">send</button></form>',
  '<img src="https://evil.example/track.png">',
].join('\n');

interface Recorded {
  readonly pwned: string[];
  readonly posted: { type: string; href?: string; version?: number }[];
}

suite('preview page in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  const offOrigin: string[] = [];

  suiteSetup(async () => {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(RESULTS, { recursive: true });
  });

  suiteTeardown(async () => {
    await browser?.close();
  });

  async function renderedHostilePost(): Promise<string> {
    const text = `---\ntitle: A hostile post\nauthor: jane.doe\ntags: [security, preview]\n---\n${HOSTILE_BODY}`;
    const site = new SiteIndex(new InMemoryWorkspace(exampleBlog({ [POST]: text, 'assets/img/diagram.svg': DIAGRAM })), withSettings(undefined));
    await site.build();
    return renderPost(site, new TextDocumentSnapshot(POST, 1, text), { resourceRoot: `${ORIGIN}/blog` }).html;
  }

  /** Serves the page, the extension's media and the blog's files from the stand-in origin; anything else is refused and recorded. */
  async function open(html: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
    const content = previewPage({
      cspSource: ORIGIN,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: `${ORIGIN}/media/preview.js`,
      styleUri: `${ORIGIN}/media/preview.css`,
      userStyleUri: undefined,
      state: { resource: `file:///blog/${POST}`, version: 1, line: 0, locked: false },
      html,
    });
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) {
        offOrigin.push(url.href);
        return route.abort();
      }
      if (url.pathname === '/') {
        return route.fulfill({ contentType: 'text/html', body: content });
      }
      if (url.pathname.startsWith('/media/')) {
        return route.fulfill({ path: path.join(REPO, 'client/media', path.basename(url.pathname)) });
      }
      if (url.pathname === '/blog/assets/img/diagram.svg') {
        return route.fulfill({ contentType: 'image/svg+xml', body: DIAGRAM });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    // What VS Code gives the webview (acquireVsCodeApi), and the trap every payload would spring.
    await page.addInitScript(() => {
      const recorded = { pwned: [] as string[], posted: [] as unknown[] };
      Object.assign(window, {
        recorded,
        pwn: (name: string) => recorded.pwned.push(name),
        acquireVsCodeApi: () => ({ postMessage: (m: unknown) => recorded.posted.push(m), setState: (s: unknown) => s, getState: () => undefined }),
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { recorded: Recorded }).recorded.posted.some((m) => m.type === 'rendered'));
    return page;
  }

  function recorded(page: Page): Promise<Recorded> {
    return page.evaluate(() => (window as unknown as { recorded: Recorded }).recorded);
  }

  /** Tries every way a person could set a payload off. */
  async function provoke(page: Page, selectors: string[]): Promise<void> {
    for (const selector of selectors) {
      const element = await page.$(selector);
      if (element) {
        await element.hover();
        await element.click();
      }
    }
    // Images and frames have had their chance to load and fail.
    await page.waitForLoadState('load');
  }

  test('a hostile post runs nothing, loads nothing from elsewhere, and looks right', async () => {
    offOrigin.length = 0;
    const page = await open(await renderedHostilePost());
    await provoke(page, ['#js-link', '#js-entity', '#hover-me', 'a[href^="javascript"]']);
    const { pwned, posted } = await recorded(page);
    assert.deepStrictEqual(pwned, [], `payloads ran: ${pwned.join(', ')}`);
    assert.deepStrictEqual(offOrigin, []);
    assert.ok(
      posted.every((m) => m.type !== 'openLink' || !/script:/i.test(m.href ?? '')),
      'no javascript: link reached the extension',
    );

    // Looks right: header, body, highlighted code, the blog's image shown, the missing one broken, placeholders quiet.
    const look = await page.evaluate(() => {
      const style = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element) : undefined;
      };
      const image = (alt: string) => document.querySelector<HTMLImageElement>(`img[alt="${alt}"]`);
      return {
        title: document.querySelector('h1.bw-title')?.textContent,
        tags: Array.from(document.querySelectorAll('.bw-tags li')).map((li) => li.textContent),
        author: document.querySelector('.bw-authors')?.textContent,
        headings: Array.from(document.querySelectorAll('h2')).map((h) => h.id),
        tableCells: document.querySelectorAll('table td').length,
        keywordColor: style('.hljs-keyword')?.color,
        codeColor: style('pre code')?.color,
        diagramWidth: image('diagram')?.naturalWidth,
        missingWidth: image('missing')?.naturalWidth,
        missingClass: image('missing')?.className,
        placeholder: document.querySelector('.bw-placeholder')?.textContent,
        bodyDisplay: getComputedStyle(document.body).display,
        forms: document.querySelectorAll('form, input, button, iframe, script:not([nonce]), style').length,
      };
    });
    assert.strictEqual(look.title, 'A hostile post');
    assert.deepStrictEqual(look.tags, ['security', 'preview']);
    assert.strictEqual(look.author, 'Jane Doe');
    assert.deepStrictEqual(look.headings, ['attack-surface', 'what-it-shows']);
    assert.strictEqual(look.tableCells, 2);
    assert.notStrictEqual(look.keywordColor, look.codeColor, 'keywords are coloured');
    assert.strictEqual(look.diagramWidth, 120, 'the blog\'s image is shown');
    assert.strictEqual(look.missingWidth, 0, 'the missing image is broken');
    assert.strictEqual(look.missingClass, 'bw-missing');
    assert.strictEqual(look.placeholder, 'iframe');
    assert.notStrictEqual(look.bodyDisplay, 'none', 'the post\'s <style> did not apply');
    assert.strictEqual(look.forms, 0);

    // A click on the blog's own link goes to the extension (which opens the source), never navigates the page.
    await page.click('a[href="/2020/01/first.html"]');
    assert.ok((await recorded(page)).posted.some((m) => m.type === 'openLink' && m.href === '/2020/01/first.html'));
    assert.strictEqual(page.url(), `${ORIGIN}/`);

    await page.screenshot({ path: path.join(RESULTS, 'preview-light.png'), fullPage: true });
    await page.evaluate(() => {
      document.body.classList.add('vscode-dark');
      const dark: Record<string, string> = {
        '--vscode-editor-background': '#1e1e1e',
        '--vscode-foreground': '#cccccc',
        '--vscode-textLink-foreground': '#3794ff',
        '--vscode-textCodeBlock-background': '#0a0a0a66',
        '--vscode-descriptionForeground': '#ccccccb3',
        '--vscode-badge-background': '#616161',
        '--vscode-badge-foreground': '#f8f8f8',
        '--vscode-symbolIcon-keywordForeground': '#569cd6',
        '--vscode-debugTokenExpression-string': '#ce9178',
      };
      for (const [name, value] of Object.entries(dark)) {
        document.documentElement.style.setProperty(name, value);
      }
    });
    await page.screenshot({ path: path.join(RESULTS, 'preview-dark.png'), fullPage: true });
    await page.close();
  });

  test('the CSP alone stops what the sanitizer would have removed', async () => {
    offOrigin.length = 0;
    const page = await open(UNSANITIZED);
    await provoke(page, ['#csp-js-link', '#csp-submit']);
    assert.deepStrictEqual((await recorded(page)).pwned, []);
    assert.strictEqual(await page.textContent('#marker'), 'unsanitized', 'the page is still there: no form or link navigated it');
    assert.deepStrictEqual(offOrigin, [], 'the tracking image was not requested');
    await page.close();
  });

  test('an update swaps only the changed blocks: unchanged images stay in the page', async () => {
    const html = await renderedHostilePost();
    const page = await open(html);
    await page.evaluate(() => {
      (document.querySelector('img[alt="diagram"]') as HTMLImageElement & { kept?: boolean }).kept = true;
    });
    const edited = html.replace(/(<h2 [^>]*>)Attack surface<\/h2>/, '$1Attack surface, edited</h2><p data-line="6">New paragraph.</p>');
    assert.notStrictEqual(edited, html);
    await page.evaluate((next) => window.postMessage({ type: 'update', source: `file:///blog/${'_posts/2021-06-01-hostile.md'}`, version: 2, html: next }, '*'), edited);
    await page.waitForFunction(() => (window as unknown as { recorded: Recorded }).recorded.posted.some((m) => m.type === 'rendered' && m.version === 2));
    const state = await page.evaluate(() => ({
      heading: document.querySelector('h2')?.textContent,
      kept: (document.querySelector('img[alt="diagram"]') as HTMLImageElement & { kept?: boolean }).kept,
    }));
    assert.deepStrictEqual(state, { heading: 'Attack surface, edited', kept: true });
    assert.deepStrictEqual((await recorded(page)).pwned, []);
    await page.close();
  });
});
