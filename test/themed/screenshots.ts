/**
 * Side-by-side screenshots for the published preview: for each blog and post, the preview's page (the very HTML
 * the webview gets, in headless Chromium, the blog's files from a stand-in origin, nothing from elsewhere) beside
 * the page `jekyll build` wrote (its own CSS and images from the build). Writes images/published-preview-NAME.png.
 *
 *   node out/test/themed/screenshots.js NAME=BLOG_DIR:POST_PATH...
 */
import '../util/scratchRoot';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { previewPage } from '../../client/src/preview/previewPage';
import { renderThemedPage } from '../../server/src/core/render/themed/themedPage';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';
import { WorkerSassCompiler } from '../../server/src/sassCompiler';

const REPO = path.resolve(__dirname, '../../..');
const PREVIEW = 'https://preview.test';
const JEKYLL = 'https://jekyll.test';
const VIEWPORT = { width: 900, height: 1100 };

async function shoot(browser: Browser, name: string, blog: string, post: string, sass: WorkerSassCompiler): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bw-shots-'));
  try {
    const source = path.join(work, 'src');
    const built = path.join(work, 'site');
    cpSync(blog, source, { recursive: true, filter: (file) => !/(^|\/)(\.git|node_modules|Gemfile(\.lock)?|_site)$/.test(file) });
    execFileSync('jekyll', ['build', '--safe', '--quiet', '-s', source, '-d', built], { stdio: 'pipe', timeout: 300_000 });
    const site = new SiteIndex(new FileSystemWorkspace(source), withSettings(undefined), { dependants: false });
    await site.build();
    const themed = await renderThemedPage(site, new TextDocumentSnapshot(post, 1, readFileSync(path.join(source, post), 'utf8')), { resourceRoot: `${PREVIEW}/blog`, styles: true, sass });
    if (themed.kind !== 'page') {
      throw new Error(`${name}: ${themed.note}`);
    }
    const html = previewPage({
      cspSource: PREVIEW,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: `${PREVIEW}/media/preview.js`,
      styleUri: `${PREVIEW}/media/preview.css`,
      userStyleUri: undefined,
      state: { resource: `file:///blog/${post}`, version: 1, line: 0, locked: false, view: 'published' },
      html: themed.body,
      themed: { head: themed.head, bodyClass: themed.bodyClass, styleUri: `${PREVIEW}/media/themed.css` },
    });
    const url = decodeURIComponent(site.urls.urlOf(post)!);
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(() => Object.assign(window, { acquireVsCodeApi: () => ({ postMessage: () => undefined, setState: () => undefined, getState: () => undefined }) }));
    await page.route('**/*', async (route) => {
      const requested = new URL(route.request().url());
      const file = (root: string, at: string) => {
        const full = path.join(root, decodeURIComponent(at));
        const target = existsSync(full) && statSync(full).isDirectory() ? path.join(full, 'index.html') : full;
        return target.startsWith(root) && existsSync(target) ? route.fulfill({ path: target }) : route.fulfill({ status: 404, body: '' });
      };
      if (requested.origin === PREVIEW) {
        if (requested.pathname === '/') {
          return route.fulfill({ contentType: 'text/html', body: html });
        }
        if (requested.pathname.startsWith('/media/')) {
          return route.fulfill({ path: path.join(REPO, 'client/media', path.basename(requested.pathname)) });
        }
        return file(source, requested.pathname.replace(/^\/blog/, ''));
      }
      if (requested.origin === JEKYLL) {
        const baseurl = site.config.baseurl;
        return file(built, baseurl && requested.pathname.startsWith(baseurl) ? requested.pathname.slice(baseurl.length) : requested.pathname);
      }
      return route.abort();
    });
    await page.goto(`${PREVIEW}/`);
    await page.waitForLoadState('load');
    const left = await page.screenshot();
    await page.goto(`${JEKYLL}${site.config.baseurl}${url}`);
    await page.waitForLoadState('load');
    const right = await page.screenshot();
    const sheet = await browser.newPage({ viewport: { width: VIEWPORT.width * 2 + 24, height: VIEWPORT.height + 40 } });
    const image = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await sheet.setContent(
      `<body style="margin:0;background:#444;font:14px sans-serif;color:#fff"><div style="display:flex;gap:24px">` +
        `<figure style="margin:0"><figcaption style="padding:10px">Blogwright preview, as published (${name})</figcaption><img src="${image(left)}"></figure>` +
        `<figure style="margin:0"><figcaption style="padding:10px">jekyll build 4.3.1</figcaption><img src="${image(right)}"></figure></div></body>`,
    );
    await sheet.screenshot({ path: path.join(REPO, 'images', `published-preview-${name}.png`) });
    await page.close();
    await sheet.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const sass = new WorkerSassCompiler();
  try {
    for (const argument of process.argv.slice(2)) {
      const [, name, blog, post] = /^([^=]+)=([^:]+):(.+)$/.exec(argument) ?? [];
      if (name && blog && post) {
        await shoot(browser, name, blog, post, sass);
        console.log(`images/published-preview-${name}.png`);
      }
    }
  } finally {
    sass.dispose();
    await browser.close();
  }
}

if (require.main === module) {
  void main();
}
