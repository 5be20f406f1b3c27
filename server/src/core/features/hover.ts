import * as l10n from '@vscode/l10n';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';
import type { Position } from 'vscode-languageserver-types';
import { authorMarkdown, escapeMarkdown, plural, tagMarkdown, targetMarkdown } from './describe';
import { resolveLink } from './linkTargets';
import { symbolAt } from './symbolAt';

/** Hover on an author (name, bio, posts), a tag (count, recent posts), a layout, or a link (its target). */
export function provideHover(site: SiteIndex, document: ITextDocument, position: Position): Hover | undefined {
  const symbol = symbolAt(site, document, document.offsetAt(position));
  if (!symbol) {
    return undefined;
  }
  let value: string;
  let start: number;
  let end: number;
  if (symbol.kind === 'token') {
    const { token } = symbol;
    ({ start, end } = token);
    switch (token.kind) {
      case 'author':
        value = authorMarkdown(site, token.value);
        break;
      case 'tag':
      case 'category':
        value = tagMarkdown(site, token.kind, token.value);
        break;
      case 'layout': {
        const path = site.layouts.get(token.value);
        const uses = [...site.documents.values()].filter((d) => d.data['layout'] === token.value).length;
        value = path
          ? l10n.t('Layout `{0}`, used by {1}', path, plural(uses, 'document'))
          : site.config.hasTheme
            ? l10n.t('Layout `{0}` is not in `_layouts/`; the theme may supply it.', token.value)
            : l10n.t('No layout `{0}` in `_layouts/`.', token.value);
        break;
      }
    }
  } else {
    ({ start, end } = symbol.link);
    const target = resolveLink(site, symbol.link, document.path);
    const fragment = symbol.link.fragment;
    value = symbol.link.kind === 'fragment' ? '' : targetMarkdown(target);
    if (fragment && target.kind === 'document') {
      const anchor = target.document.anchors.find((a) => a.id === fragment);
      // Other ids (raw HTML, footnotes) are valid targets too; the link checker knows them all.
      const known = anchor !== undefined || site.links.summary(target.path)?.ids.has(fragment) === true;
      const section = anchor ? l10n.t('Section: {0}', escapeMarkdown(anchor.text)) : known ? l10n.t('Element `#{0}`', fragment) : l10n.t('No heading has the id `{0}` there.', fragment);
      value = value ? `${value}\n\n${section}` : section;
    }
  }
  if (!value) {
    return undefined;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: document.positionAt(start), end: document.positionAt(end) } };
}
