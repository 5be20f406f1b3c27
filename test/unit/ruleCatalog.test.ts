import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fileDiagnostics } from '../../server/src/core/fileDiagnostics';
import { areaOf, RULE_CODES } from '../../server/src/core/ruleCatalog';
import { withSettings, type SettingsLayer } from '../../server/src/core/settings';
import { loadSettings, SETTINGS_FILE } from '../../server/src/core/settingsLoader';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { findingsOf, indexBlog } from '../util/checkBlog';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const ROOT = path.resolve(__dirname, '../../..');

suite('rule catalog', () => {
  test('the README tables list every code, each area in one table, as the catalog has it', async () => {
    const { readmeWithRules } = (await import(path.join(ROOT, 'scripts', 'rulesTable.mjs'))) as { readmeWithRules(readme: string): { readme: string; areas: string[] } };
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const { readme: updated, areas } = readmeWithRules(readme);
    assert.strictEqual(readme, updated, 'README.md tables of rule codes are out of date: run `npm run docs:rules`');
    assert.deepStrictEqual([...areas].sort(), [...new Set(RULE_CODES.map(areaOf))].sort());
  });

  test('codes are `area.name` in lower case with hyphens', () => {
    assert.deepStrictEqual(RULE_CODES.filter((code) => !/^[a-z]+\.[a-z]+(-[a-z]+)*$/.test(code)), []);
  });

  test('the codes for files, _config.yml and .blogwright.yml follow blogwright.validate too', async () => {
    const files = exampleBlog({ '_config.yml': 'title: [unclosed\n', [SETTINGS_FILE]: 'validate:\n  frontmatter.required: loud\n' });
    const configDocument = { document: new TextDocumentSnapshot('_config.yml', 1, files['_config.yml']!) };
    const settingsDocument = { document: new TextDocumentSnapshot(SETTINGS_FILE, 1, files[SETTINGS_FILE]!) };
    const skipped = { path: 'huge.md', skipped: 'too large' };
    const { problems } = await loadSettings(new InMemoryWorkspace(files), undefined);
    const severities = async (validate: SettingsLayer['validate']) => {
      const site = await indexBlog(files, withSettings({ validate }));
      return [configDocument, settingsDocument, skipped].map((source) => fileDiagnostics(site, source, problems).map((d) => [d.code, d.severity]));
    };
    assert.deepStrictEqual(await severities({}), [[['config.yaml', DiagnosticSeverity.Error]], [['settings.invalid', DiagnosticSeverity.Error]], [['file.skipped', DiagnosticSeverity.Information]]]);
    assert.deepStrictEqual(await severities({ config: 'warning', 'settings.invalid': 'hint', file: 'off' }), [[['config.yaml', DiagnosticSeverity.Warning]], [['settings.invalid', DiagnosticSeverity.Hint]], []]);
  });

  test('liquid.in-code was link.liquid-in-code: the old name still sets its level, the area link no longer does', async () => {
    const post = '_posts/2020-01-01-code.md';
    const body = { [post]: '---\nlayout: post\ntitle: Code\nauthor: jane.doe\n---\n`{{ secrets.TOKEN }}`\n' };
    const liquid = async (files: Record<string, string>, layer?: SettingsLayer) => {
      const { settings } = await loadSettings(new InMemoryWorkspace(files), layer);
      return (await findingsOf(files, post, settings)).filter(([code]) => areaOf(code) === 'liquid');
    };
    assert.deepStrictEqual(await liquid(exampleBlog({ ...body, [SETTINGS_FILE]: 'validate:\n  link.liquid-in-code: off\n' })), []);
    assert.deepStrictEqual(await liquid(exampleBlog(body), { validate: { link: 'off' } }), [['liquid.in-code', '{{ secrets.TOKEN }}']]);
  });
});
