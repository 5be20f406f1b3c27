import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { renderPost } from '../../server/src/core/render/renderPost';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
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

suite('fuzz regressions in the preview', () => {
  test('a body over 512 KB is not rendered, only named (case 85493)', async () => {
    const path = '_posts/2021-01-03-huge.md';
    const text = '---\ntitle: Huge\n---\n' + '*a* '.repeat(200_000);
    const site = await indexBlog(exampleBlog({ [path]: text }));
    const rendered = renderPost(site, new TextDocumentSnapshot(path, 1, text));
    assert.match(rendered.html, /too long to preview/);
    assert.match(rendered.html, /Huge/);
  });
});
