import * as assert from 'node:assert';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { indexBlog } from '../util/checkBlog';
import { generateBlog } from '../util/generateBlog';

suite('a clean generated blog', () => {
  test('2,000 posts (and their author pages) get zero diagnostics', async function () {
    this.timeout(60_000);
    const files = generateBlog({ posts: 2000, seed: 1 });
    const site = await indexBlog(files);
    const found: string[] = [];
    for (const path of site.documents.keys()) {
      for (const diagnostic of computeDiagnostics(site, new TextDocumentSnapshot(path, 1, files[path]!))) {
        found.push(`${path}:${diagnostic.range.start.line + 1} ${diagnostic.code} ${diagnostic.message}`);
      }
    }
    assert.ok(site.documents.size > 2000);
    assert.deepStrictEqual(found.slice(0, 20), []);
  });
});
