import type { Position } from 'vscode-languageserver-types';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';
import { resolveLink } from './linkTargets';
import { symbolAt } from './symbolAt';

/** A place in the blog: a path and a position in it. */
export interface BlogLocation {
  readonly path: string;
  readonly position: Position;
}

const START: Position = { line: 0, character: 0 };

/** Author -> its data entry (or document), layout -> its file, post_url/link/URL -> the target file. */
export function provideDefinition(site: SiteIndex, document: ITextDocument, position: Position): BlogLocation | undefined {
  const symbol = symbolAt(site, document, document.offsetAt(position));
  if (!symbol) {
    return undefined;
  }
  if (symbol.kind === 'link') {
    const target = resolveLink(site, symbol.link, document.path);
    if (target.kind === 'document') {
      const anchor = symbol.link.fragment ? target.document.anchors.find((a) => a.id === symbol.link.fragment) : undefined;
      return { path: target.path, position: anchor ? { line: anchor.line, character: 0 } : START };
    }
    return target.kind === 'static' ? { path: target.path, position: START } : undefined;
  }
  const { token } = symbol;
  switch (token.kind) {
    case 'author': {
      const author = site.authors?.authors.get(token.value);
      return author ? { path: author.path, position: author.position ?? START } : undefined;
    }
    case 'layout': {
      const path = site.layouts.get(token.value);
      return path ? { path, position: START } : undefined;
    }
    default:
      return undefined;
  }
}
