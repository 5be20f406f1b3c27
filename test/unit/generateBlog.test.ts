import * as assert from 'node:assert';
import { computeDiagnostics } from '../../server/src/core/diagnostics';
import { splitFrontMatter } from '../../server/src/core/frontmatter/split';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { generateBlog } from '../util/generateBlog';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

suite('generateBlog', () => {
  const files = generateBlog({ posts: 300, seed: 7 });
  const posts = Object.keys(files).filter((p) => p.startsWith('_posts/'));

  test('is deterministic per seed', () => {
    assert.deepStrictEqual(generateBlog({ posts: 300, seed: 7 }), files);
    assert.notDeepStrictEqual(generateBlog({ posts: 300, seed: 8 }), files);
  });

  test('writes the asked number of posts with bodies of 2-40 KB, some of them 40 KB', () => {
    assert.strictEqual(posts.length, 300);
    const sizes = posts.map((p) => Buffer.byteLength(bodyOf(files[p]!)));
    assert.ok(Math.min(...sizes) >= 2048, `smallest ${Math.min(...sizes)}`);
    assert.ok(Math.max(...sizes) <= 40 * 1024, `largest ${Math.max(...sizes)}`);
    assert.ok(sizes.filter((s) => s > 39 * 1024).length >= 3);
  });

  test('every post_url, root-relative link, image and anchor points at something that exists', () => {
    const headingIds = new Map<string, Set<string>>();
    const urls = new Map<string, string>();
    for (const path of posts) {
      const [, year, month, slug] = /^_posts\/(\d{4})-(\d{2})-\d{2}-(.+)\.md$/.exec(path)!;
      urls.set(`/${year}/${month}/${slug}.html`, path);
      headingIds.set(path, new Set([...files[path]!.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/ /g, '-'))));
    }
    let checked = 0;
    for (const path of posts) {
      const text = files[path]!;
      for (const [, name] of text.matchAll(/\{% post_url (\S+) %\}/g)) {
        assert.ok(files[`_posts/${name}.md`] !== undefined, `${path}: post_url ${name}`);
        checked++;
      }
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)/g)) {
        if (target!.startsWith('{%') || target!.startsWith('http')) {
          continue;
        }
        const [url, anchor] = target!.split('#') as [string, string | undefined];
        const targetPath = url === '' ? path : (urls.get(url) ?? url.slice(1));
        const exists = url === '' || urls.has(url) || files[targetPath] !== undefined || files[`${targetPath}index.md`] !== undefined;
        assert.ok(exists, `${path}: link ${target}`);
        if (anchor !== undefined) {
          assert.ok(headingIds.get(targetPath)?.has(anchor), `${path}: anchor ${target}`);
        }
        checked++;
      }
    }
    assert.ok(checked > 1000, `only ${checked} links`);
  });

  test('is clean: the rules report nothing', async function () {
    this.timeout(20_000); // every rule, links included, over 300 posts of up to 40 KB
    const site = new SiteIndex(new InMemoryWorkspace(files), withSettings(undefined));
    await site.build();
    for (const path of Object.keys(files).filter((p) => p.endsWith('.md'))) {
      assert.deepStrictEqual(computeDiagnostics(site, new TextDocumentSnapshot(path, 1, files[path]!)), [], path);
    }
  });
});

function bodyOf(text: string): string {
  const split = splitFrontMatter(text);
  return split.kind === 'closed' ? text.slice(split.bodyStart) : text;
}
