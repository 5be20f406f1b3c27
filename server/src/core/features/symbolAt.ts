import { parseFrontMatter } from '../frontmatter/parse';
import { frontMatterTokens, tokenAt, type FrontMatterToken } from '../site/frontMatterTokens';
import type { ITextDocument } from '../workspace';
import { bodyLinkAt, type BodyLink } from './bodyLinks';

/** What hover, definition, references and rename act on: a front matter token or a link in the body. */
export type SymbolAt = { readonly kind: 'token'; readonly token: FrontMatterToken } | { readonly kind: 'link'; readonly link: BodyLink };

/** Reads the live text (the index may lag an edit by the debounce), front matter first. */
export function symbolAt(document: ITextDocument, offset: number): SymbolAt | undefined {
  const text = document.getText();
  const frontMatter = parseFrontMatter(text);
  if (frontMatter.block.kind === 'closed' && offset <= frontMatter.block.yamlEnd) {
    const token = tokenAt(frontMatterTokens(text, frontMatter), offset);
    return token ? { kind: 'token', token } : undefined;
  }
  const link = bodyLinkAt(text, frontMatter.bodyStart, offset);
  return link ? { kind: 'link', link } : undefined;
}
