import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';
import { navigationLinks } from './navigationLinks';
import { documentTitle, resolveLink, sourceFileLinks } from './linkTargets';

export interface BlogDocumentLink {
  readonly range: Range;
  readonly path: string;
  /** The heading's line when the link names a header id of the target. */
  readonly line: number | undefined;
  readonly tooltip: string;
}

/** `{% post_url %}`, `{% link %}`, root-relative URLs and links jekyll-relative-links rewrites that lead to a file of the blog, made clickable. */
export function provideDocumentLinks(site: SiteIndex, document: ITextDocument): BlogDocumentLink[] {
  const text = document.getText();
  const links: BlogDocumentLink[] = [];
  for (const link of navigationLinks(text, site.scan(document.path, text).links, sourceFileLinks(site, document.path))) {
    const target = resolveLink(site, link, document.path);
    if (target.kind !== 'document' && target.kind !== 'static') {
      continue;
    }
    const anchor = target.kind === 'document' && link.fragment ? target.document.anchors.find((a) => a.id === link.fragment) : undefined;
    if (link.kind === 'fragment' && !anchor) {
      // A jump within the document is worth a link only to a heading we can show.
      continue;
    }
    const title = target.kind === 'document' ? documentTitle(target.document) : undefined;
    links.push({
      range: { start: document.positionAt(link.targetStart), end: document.positionAt(link.targetEnd) },
      path: target.path,
      line: anchor?.line,
      tooltip: link.kind === 'fragment' ? l10n.t('Go to "{0}"', anchor!.text) : title ? l10n.t('Open "{0}" ({1})', title, target.path) : l10n.t('Open {0}', target.path),
    });
  }
  return links;
}
