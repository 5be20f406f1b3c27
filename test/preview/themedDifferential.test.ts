import * as assert from 'node:assert';
import { writeBlog } from '../util/blogs';
import { compareBlog } from '../themed/differential';
import { generatedThemeBlog } from '../themed/generatedTheme';

/** The published preview against the real Jekyll (`jekyll build --safe`), on a generated blog with a real theme. */
suite('published preview = jekyll build', () => {
  test('every post of a generated themed blog shows the same visible text as the page Jekyll builds', async function () {
    this.timeout(120_000);
    const result = await compareBlog(writeBlog(generatedThemeBlog(24, 7)));
    assert.strictEqual(result.jekyllError, undefined);
    assert.strictEqual(result.posts.length, 24);
    const differing = result.posts.filter((p) => !p.same);
    assert.deepStrictEqual(differing, []);
  });
});
