import * as l10n from '@vscode/l10n';
import { yamlText } from '../frontmatter/items';
import { editDistance } from '../similarity';
import { defaultsTypeOf, withDefaults } from '../site/frontMatterDefaults';
import type { Finding, Rule, RuleContext } from './rule';

/**
 * `layout:` naming no file in `_layouts/`. Jekyll only warns and renders the page bare. With a theme
 * (`theme:`/`remote_theme:`) the layout may come from the gem, which we cannot see: then nothing is said.
 */
export const layoutRule: Rule = {
  name: 'layout',
  check({ frontMatter, site, siteDocument }: RuleContext): Finding[] {
    const entry = frontMatter.entries.get('layout');
    if (!entry || !siteDocument || site.config.hasTheme || typeof entry.data !== 'string' || entry.data === '') {
      return [];
    }
    const name = entry.data;
    // `none` means "no layout" for every document (Jekyll 4.3.1's `no_layout?`, pages and documents alike).
    if (site.layouts.has(name) || name === 'none') {
      return [];
    }
    // The layout `defaults` give this document, which the line overrides: most likely the one meant.
    const byDefault = withDefaults(site.config, siteDocument.path, defaultsTypeOf(siteDocument), {})['layout'];
    const fromDefaults = typeof byDefault === 'string' && site.layouts.has(byDefault) ? byDefault : undefined;
    const suggestion = fromDefaults ?? closestLayout(name, [...site.layouts.keys()]);
    return [
      {
        code: 'layout.unknown',
        start: entry.valueStart,
        end: entry.valueEnd,
        message: fromDefaults
          ? l10n.t("There is no layout `{0}` in _layouts/, and this line overrides `{1}`, the layout _config.yml's `defaults` give it. Jekyll renders this page without one.", name, fromDefaults)
          : suggestion
            ? l10n.t('There is no layout `{0}` in _layouts/: did you mean `{1}`? Jekyll renders this page without one.', name, suggestion)
            : l10n.t('There is no layout `{0}` in _layouts/. Jekyll renders this page without one.', name),
        ...(suggestion ? { data: { title: l10n.t('Use layout {0}', suggestion), replacement: yamlText(suggestion, 'scalar') } } : {}),
      },
    ];
  },
};

function closestLayout(name: string, layouts: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const byCase = layouts.find((l) => l.toLowerCase() === lower);
  if (byCase) {
    return byCase;
  }
  const close = layouts.filter((l) => editDistance(l.toLowerCase(), lower, 2) <= (lower.length >= 6 ? 2 : 1));
  return close.length === 1 ? close[0] : undefined;
}
