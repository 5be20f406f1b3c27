import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { diagnosticsOf, indexBlog } from '../util/checkBlog';

/** Inputs the fuzzer (npm run fuzz) found to hang the server; each would run for minutes if the fix regressed. */
suite('fuzz regressions', () => {
  test('a post_url name with many slashes is looked up in linear time (case 44178)', async () => {
    const path = '_posts/2021-01-01-slashes.md';
    const name = 'a/'.repeat(40) + 'x';
    const diagnostics = await diagnosticsOf(exampleBlog({ [path]: `---\nlayout: post\ntitle: T\nauthor: jane.doe\n---\n[x]({% post_url ${name} %})\n` }), path);
    assert.ok(diagnostics.some((d) => d.code === 'link.post-url'), 'the name is still reported as not a post');
  });

  test('a 200,000-character header of brackets gets an id without quadratic work (case 8809)', async () => {
    const path = '_posts/2021-01-02-brackets.md';
    const body = '# ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n';
    await diagnosticsOf(exampleBlog({ [path]: `---\nlayout: post\ntitle: T\nauthor: jane.doe\n---\n${body}` }), path);
  });
});

suite('fuzz regressions in data files', () => {
  test('an author record with a deeply nested flow-map key is read in linear time (case 78072)', async () => {
    const nested = '{'.repeat(40) + 'x' + '}'.repeat(40);
    const site = await indexBlog(exampleBlog({ '_data/authors.yml': `jane.doe:\n  name: Jane Doe\n  ${nested}: 1\njohn.smith:\n  name: John Smith\n` }));
    assert.strictEqual(site.authors?.authors.get('jane.doe')?.name, 'Jane Doe');
  });
});
