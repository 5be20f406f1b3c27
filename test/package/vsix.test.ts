import * as assert from 'node:assert';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { zipEntries } from '../util/zipEntries';

const ROOT = path.resolve(__dirname, '../../..');
const VSIX = path.join(ROOT, 'blogwright.vsix');

/** What may be in the VSIX: bundles, grammars, webview media, icon, docs, manifest. Nothing else. */
const ALLOWED = [
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[\w-]+)?\.json$/,
  /^extension\/dist\/(extension|client|server|sassWorker|indexWorker|readAheadWorker)\.js$/,
  /^extension\/client\/media\/[\w.-]+\.(js|css)$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/images\/[\w.-]+\.png$/,
  /^extension\/images\/blog-view\.svg$/,
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^extension\/walkthrough\/[\w.-]+\.md$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/i,
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
];

suite('VSIX', () => {
  test('holds only the allow-listed files', () => {
    const names = zipEntries(VSIX).map((e) => e.name);
    const unexpected = names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepStrictEqual(unexpected, [], `unexpected files in the VSIX: ${unexpected.join(', ')}`);
    for (const needed of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/indexWorker.js', 'extension/dist/readAheadWorker.js', 'extension/client/media/preview.js', 'extension/images/icon.png', 'extension/images/blog-view.svg']) {
      assert.ok(names.includes(needed), `${needed} is missing`);
    }
    assert.ok(!names.some((n) => n.includes('node_modules') || n.endsWith('.map') || n.endsWith('.ts')), 'no sources, maps or node_modules');
  });

  // dart-sass for the published preview is most of it (700 KB compressed); the bar is the 5 MB.
  test('stays under 5 MB', () => {
    const size = statSync(VSIX).size;
    assert.ok(size < 5 * 1024 * 1024, `the VSIX is ${(size / 1024).toFixed(0)} KB`);
  });
});
