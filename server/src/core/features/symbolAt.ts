import type { SiteIndex } from '../site/siteIndex';
import { frontMatterTokens, tokenAt, type FrontMatterToken } from '../site/frontMatterTokens';
import type { ITextDocument } from '../workspace';
import { sourceFileLinks } from './linkTargets';
import { navigationLinkAt, type NavigationLink } from './navigationLinks';

/** What hover, definition, references and rename act on: a front matter token or a link in the body. */
export type SymbolAt = { readonly kind: 'token'; readonly token: FrontMatterToken } | { readonly kind: 'link'; readonly link: NavigationLink };

/** Reads the live text (the index may lag an edit by the debounce) through the one scan, front matter first. */
export function symbolAt(site: SiteIndex, document: ITextDocument, offset: number): SymbolAt | undefined {
  const text = document.getText();
  const { frontMatter, links } = site.scan(document.path, text);
  if (frontMatter.block.kind === 'closed' && offset <= frontMatter.block.yamlEnd) {
    const token = tokenAt(frontMatterTokens(text, frontMatter), offset);
    return token ? { kind: 'token', token } : undefined;
  }
  const link = navigationLinkAt(text, links, offset, sourceFileLinks(site, document.path));
  return link ? { kind: 'link', link } : undefined;
}
