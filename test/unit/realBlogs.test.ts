import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { findingsOf } from '../util/checkBlog';

/** Conventions of real Jekyll blogs other than the one the checks were first tuned on. */
suite('real blog conventions', () => {
  test('an _authors collection named by file name (18F: `_authors/dan-williams.md` with `name: Dan O. Williams`)', async () => {
    const post = '_posts/2019-04-08-launch.md';
    const files = exampleBlog({
      '_config.yml': 'collections:\n  authors:\n    output: true\n',
      '_authors/dan-williams.md': '---\nname: Dan O. Williams\n---\n',
      '_authors/maya.md': '---\nname: maya\n---\n',
      [post]: '---\nlayout: post\ntitle: Launch\nauthors:\n- dan-williams\n- maya\n- Dan O. Williams\n- dan-wiliams\n---\nBody\n',
    });
    delete files['_data/authors.yml'];
    assert.deepStrictEqual(await findingsOf(files, post), [['author.unknown', 'dan-wiliams']]);
  });
});
