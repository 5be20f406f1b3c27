import * as assert from 'node:assert';
import { parseJsonc } from '../../server/src/core/jsonc';
import { loadSettings, readSettingsFile, readVsCodeSettings, settingsFromSection } from '../../server/src/core/settingsLoader';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

suite('settings loader', () => {
  test('JSONC: comments and trailing commas go, strings that look like them stay', () => {
    const text = '{\n  // a comment\n  "a": "http://x.test/*not a comment*/",\n  /* block\n comment */ "b": [1, 2,],\n  "c": "quote \\" // still a string",\n}\n';
    assert.deepStrictEqual(parseJsonc(text), { value: { a: 'http://x.test/*not a comment*/', b: [1, 2], c: 'quote " // still a string' } });
  });

  test('JSONC: an error says where, in the original text', () => {
    const result = parseJsonc('{ // c\n  "a": 1\n  "b": 2 }');
    assert.ok('error' in result);
    assert.strictEqual(result.offset, '{ // c\n  "a": 1\n  '.length);
  });

  test('JSONC: nothing is evaluated', () => {
    assert.ok('error' in parseJsonc('{ "a": (() => { throw new Error("ran") })() }'));
  });

  test('a section in VS Code shape becomes a layer; dotted and nested rule codes are the same', () => {
    const { layer, problems } = settingsFromSection({ validate: { 'link.fragment': 'info', frontmatter: { required: false } }, 'authors.source': 'data:members', requiredKeys: { post: ['title'] } }, { fromBlog: true });
    assert.deepStrictEqual(layer, { validate: { 'link.fragment': 'info', 'frontmatter.required': 'off' }, requiredKeys: { post: ['title'] }, authorsSource: 'data:members' });
    assert.deepStrictEqual(problems, []);
  });

  test('validate keeps codes and areas, reads a renamed code as its new name, and drops keys that name no rule', () => {
    const { layer, problems } = settingsFromSection({ validate: { 'link.liquid-in-code': 'off', link: 'info', 'link.anchor': 'error', tags: 'off' } }, { fromBlog: true });
    assert.deepStrictEqual(layer.validate, { 'liquid.in-code': 'off', link: 'info' });
    assert.deepStrictEqual(problems, []);
    const both = (validate: Record<string, string>) => settingsFromSection({ validate }, { fromBlog: true }).layer.validate;
    assert.deepStrictEqual(both({ 'liquid.in-code': 'error', 'link.liquid-in-code': 'off' }), { 'liquid.in-code': 'error' });
    assert.deepStrictEqual(both({ 'link.liquid-in-code': 'off', 'liquid.in-code': 'error' }), { 'liquid.in-code': 'error' });
  });

  test('bad values are problems with their path; good ones are kept', () => {
    const { layer, problems } = settingsFromSection({ validate: ['x'], requiredKeys: { posts: ['title'], page: 'title' }, authors: { source: 42 } }, { fromBlog: true });
    assert.deepStrictEqual(layer, { validate: {}, requiredKeys: {} });
    assert.deepStrictEqual(problems.map((p) => p.path.join('.')), ['validate', 'requiredKeys.posts', 'requiredKeys.page', 'authors.source']);
  });

  test('links.ignore: a list of URL path globs, from the editor or the blog; anything else is a problem', () => {
    assert.deepStrictEqual(settingsFromSection({ links: { ignore: ['/bin/**'] } }, { fromBlog: true }).layer.ignoredLinks, ['/bin/**']);
    assert.deepStrictEqual(settingsFromSection({ 'links.ignore': ['/api/*'] }, { fromBlog: false }).layer.ignoredLinks, ['/api/*']);
    const { layer, problems } = settingsFromSection({ links: { ignore: '/bin/**' } }, { fromBlog: true });
    assert.strictEqual(layer.ignoredLinks, undefined);
    assert.deepStrictEqual(problems.map((p) => p.path.join('.')), ['links.ignore']);
  });

  test('only the editor, never a file from the blog, turns external link checks on', () => {
    const section = { links: { external: { enabled: true } } };
    assert.strictEqual(settingsFromSection(section, { fromBlog: false }).layer.externalLinks, true);
    assert.strictEqual(settingsFromSection(section, { fromBlog: true }).layer.externalLinks, undefined);
  });

  test('.blogwright.yml over the editor, the command line over both, merged per rule and per kind', async () => {
    const workspace = new InMemoryWorkspace({ '.blogwright.yml': 'validate:\n  frontmatter.required: hint\nrequiredKeys:\n  page: [title]\n' });
    const { settings, problems } = await loadSettings(
      workspace,
      { validate: { 'frontmatter.required': 'error', frontmatter: 'warning' }, requiredKeys: { post: ['title'] }, externalLinks: true },
      { externalLinks: false },
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings.validate, { 'frontmatter.required': 'hint', frontmatter: 'warning' });
    assert.deepStrictEqual(settings.requiredKeys, { post: ['title'], draft: [], page: ['title'], collection: [] });
    assert.strictEqual(settings.externalLinks, false);
    assert.strictEqual(settings.authorsSource, 'auto');
  });

  test('a problem in .blogwright.yml points at the value, also under a dotted key', async () => {
    const text = 'authors.source: somewhere\nvalidate:\n  frontmatter:\n    required: loud\n';
    const { problems } = await readSettingsFile(new InMemoryWorkspace({ '.blogwright.yml': text }));
    assert.deepStrictEqual(
      problems.map((p) => text.slice(p.start, p.end)),
      ['somewhere', 'loud'],
    );
  });

  test('.vscode/settings.json: only blogwright.* keys, dotted as VS Code writes them', async () => {
    const workspace = new InMemoryWorkspace({ '.vscode/settings.json': '{ "editor.tabSize": 2, "blogwright.authors.source": "none", "blogwright.validate": { "tag": "off" }, }' });
    assert.deepStrictEqual(await readVsCodeSettings(workspace), { layer: { validate: { tag: 'off' }, authorsSource: 'none' }, problems: [] });
  });
});
