import * as path from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.resolve(__dirname, '../../..');

// The cases run inside one mocha test, which fails with the first case that fails.
RuleTester.describe = (_text: string, method: () => void) => method();
RuleTester.it = (_text: string, method: () => void) => method();

suite('lint rules', () => {
  test('localized-text: words for users written into a message, title or reason are reported', async () => {
    const plugin = (await import(path.join(ROOT, 'scripts', 'eslint', 'localizedText.mjs'))) as { default: { rules: Record<string, Rule.RuleModule> } };
    new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('localized-text', plugin.default.rules['localized-text']!, {
      valid: [
        "f({ message: l10n.t('No file {0}.', x) })",
        "f({ message: cond ? l10n.t('A b.') : l10n.t('C d.') })",
        'f({ message: `${a}: ${b}`, code: "link.url" })',
        "f({ title: 'blogwright', reason: name, detail: '' })",
        "f({ description: 'English reference text' })",
      ],
      invalid: [
        { code: "f({ message: 'Jekyll skips it.' })", errors: [{ messageId: 'bare' }] },
        { code: 'f({ title: `Change to ${x}` })', errors: [{ messageId: 'bare' }] },
        { code: "f({ reason: ok ? l10n.t('Fine.') : 'not fine' })", errors: [{ messageId: 'bare' }] },
        { code: "f({ error: (e as Error).message ?? 'no message' })", errors: [{ messageId: 'bare' }] },
        { code: "f({ 'tooltip': 'Open ' + x })", errors: [{ messageId: 'bare' }] },
      ],
    });
  });
});
