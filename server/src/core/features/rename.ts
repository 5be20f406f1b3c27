import * as l10n from '@vscode/l10n';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { frontMatterTokens, type FrontMatterToken } from '../site/frontMatterTokens';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';
import { yamlString } from './newPost';
import { symbolAt } from './symbolAt';
import { byCodeUnits } from '../codeUnitOrder';

/** Tags, categories and author ids are blog-wide names: find and rename them in every document at once. */

export interface BlogReference {
  readonly path: string;
  readonly range: Range;
}

type NameToken = FrontMatterToken & { readonly kind: 'tag' | 'category' | 'author' };

/** The tag, category or author id under the cursor, with its range; undefined elsewhere. */
export function prepareRename(site: SiteIndex, document: ITextDocument, position: Position): { range: Range; placeholder: string } | { error: string } | undefined {
  const token = nameTokenAt(site, document, position);
  if (!token) {
    return undefined;
  }
  if (token.kind === 'author' && site.authors?.kind === 'collection') {
    return { error: l10n.t("Authors of this blog are the names of documents in `{0}`: rename the author's document, then its posts.", site.authors.path) };
  }
  return { range: rangeOf(token), placeholder: token.value };
}

/** Every place the blog writes the name under the cursor (the author's data entry counts as its declaration). */
export function provideReferences(site: SiteIndex, document: ITextDocument, position: Position, includeDeclaration: boolean): BlogReference[] {
  const token = nameTokenAt(site, document, position);
  if (!token) {
    return [];
  }
  const references = occurrences(site, token, document).map(({ path, token: t }) => ({ path, range: rangeOf(t) }));
  const declaration = includeDeclaration ? authorDeclaration(site, token) : undefined;
  return declaration ? [declaration, ...references] : references;
}

/**
 * One edit for the whole blog, changing only the name's characters (quotes, spacing and line endings stay as
 * they are). An author id is also renamed where the data file defines it.
 */
export function provideRename(site: SiteIndex, document: ITextDocument, position: Position, newName: string): { changes: Map<string, TextEdit[]> } | { error: string } | undefined {
  const prepared = prepareRename(site, document, position);
  if (!prepared || 'error' in prepared) {
    return prepared;
  }
  const token = nameTokenAt(site, document, position)!;
  const name = newName.trim();
  if (!name || /[\r\n]/.test(name)) {
    return { error: l10n.t('The new name must be one line of text.') };
  }
  const changes = new Map<string, TextEdit[]>();
  const add = (path: string, range: Range, newText: string) => {
    const edits = changes.get(path) ?? [];
    edits.push({ range, newText });
    changes.set(path, edits);
  };
  for (const { path, token: t } of occurrences(site, token, document)) {
    if (t.form === 'words' && /\s/.test(name)) {
      return {
        error:
          t.kind === 'tag'
            ? l10n.t('`{0}` writes its tags as one string split at spaces, so the new name cannot contain a space.', path)
            : l10n.t('`{0}` writes its categories as one string split at spaces, so the new name cannot contain a space.', path),
      };
    }
    const newText = t.quote === '"' ? name.replace(/[\\"]/g, '\\$&') : t.quote === "'" ? name.replace(/'/g, "''") : t.form === 'words' ? name : yamlString(name, t.form === 'item');
    if (t.form === 'words' && newText !== yamlString(newText)) {
      return { error: l10n.t('`{0}` writes its tags as one string, where `{1}` would not read back as written.', path, name) };
    }
    add(path, rangeOf(t), newText);
  }
  const declaration = authorDeclaration(site, token);
  if (declaration) {
    add(declaration.path, declaration.range, yamlString(name));
  }
  return { changes };
}

function nameTokenAt(site: SiteIndex, document: ITextDocument, position: Position): NameToken | undefined {
  const symbol = symbolAt(site, document, document.offsetAt(position));
  return symbol?.kind === 'token' && symbol.token.kind !== 'layout' ? (symbol.token as NameToken) : undefined;
}

/**
 * Every token of the same kind and value in the index, in path order. The document at hand is read from its live
 * text: the index may lag the last keystrokes by the debounce, and an edit to stale positions would corrupt it.
 */
function occurrences(site: SiteIndex, token: NameToken, current: ITextDocument): { path: string; token: FrontMatterToken }[] {
  const found: { path: string; token: FrontMatterToken }[] = [];
  const text = current.getText();
  const live = [{ path: current.path, tokens: frontMatterTokens(text, site.scan(current.path, text).frontMatter) }];
  for (const document of [...live, ...[...site.documents.values()].filter((d) => d.path !== current.path)]) {
    for (const t of document.tokens) {
      if (t.kind === token.kind && t.value === token.value) {
        found.push({ path: document.path, token: t });
      }
    }
  }
  return found.sort((a, b) => byCodeUnits(a.path, b.path) || a.token.start - b.token.start);
}

function authorDeclaration(site: SiteIndex, token: NameToken): BlogReference | undefined {
  const author = token.kind === 'author' ? site.authors?.authors.get(token.value) : undefined;
  if (!author?.position || !author.idWritten) {
    return undefined;
  }
  return { path: author.path, range: { start: author.position, end: { line: author.position.line, character: author.position.character + author.id.length } } };
}

function rangeOf(token: FrontMatterToken): Range {
  return { start: { line: token.line, character: token.character }, end: { line: token.line, character: token.character + token.end - token.start } };
}
