import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { configureLocalization, environmentLocale } from '../../server/src/localization';

suite('Localization', () => {
  let root: string;
  setup(() => {
    root = mkdtempSync(path.join(tmpdir(), 'blogwright-l10n-'));
    mkdirSync(path.join(root, 'l10n'));
    writeFileSync(path.join(root, 'l10n', 'bundle.l10n.de.json'), JSON.stringify({ 'Unknown tag {0}': 'Unbekanntes Schlagwort {0}' }));
  });
  teardown(() => {
    l10n.config({ contents: {} });
    rmSync(root, { recursive: true, force: true });
  });

  test('loads the bundle for the locale, falling back from a region to the language', () => {
    assert.strictEqual(configureLocalization('de-AT', root), path.join(root, 'l10n', 'bundle.l10n.de.json'));
    assert.strictEqual(l10n.t('Unknown tag {0}', 'rust'), 'Unbekanntes Schlagwort rust');
  });

  test('English, unknown locales and odd locale strings load nothing and keep the English text', () => {
    for (const locale of [undefined, 'en', 'fr', '../../etc/passwd', 'de/../x']) {
      assert.strictEqual(configureLocalization(locale, root), undefined, String(locale));
    }
    assert.strictEqual(l10n.t('Unknown tag {0}', 'rust'), 'Unknown tag rust');
  });

  test('the CLI reads LC_ALL, LC_MESSAGES, LANG in that order', () => {
    assert.strictEqual(environmentLocale({ LANG: 'de_DE.UTF-8' }), 'de_DE');
    assert.strictEqual(environmentLocale({ LC_ALL: 'fr_FR@euro', LANG: 'de_DE.UTF-8' }), 'fr_FR');
    assert.strictEqual(environmentLocale({ LC_MESSAGES: 'C', LANG: 'de' }), undefined);
    assert.strictEqual(environmentLocale({}), undefined);
  });
});
