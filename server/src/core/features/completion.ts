import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { frontMatterCursorAt } from '../frontmatter/cursor';
import { splitFrontMatter } from '../frontmatter/split';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';

/** Completions at a position: for now the author keys of front matter. */
export function provideCompletions(site: SiteIndex, document: ITextDocument, position: Position): CompletionItem[] {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const cursor = frontMatterCursorAt(text, splitFrontMatter(text), offset);
  if (!cursor || (cursor.key !== 'author' && cursor.key !== 'authors')) {
    return [];
  }
  const range = { start: document.positionAt(cursor.tokenStart), end: document.positionAt(cursor.tokenEnd) };
  return authorItems(site, new Set(cursor.siblings)).map((item) => ({ ...item, textEdit: { range, newText: item.label } }));
}

function authorItems(site: SiteIndex, exclude: ReadonlySet<string>): CompletionItem[] {
  const counts = site.authorPostCounts();
  const authors = site.authors
    ? [...site.authors.authors.values()].map((a) => ({ id: a.id, name: a.name, bio: a.bio }))
    : [...counts.keys()].map((id) => ({ id, name: undefined, bio: undefined }));
  return authors
    .filter((a) => !exclude.has(a.id))
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .map((author, rank): CompletionItem => {
      const posts = counts.get(author.id) ?? 0;
      return {
        label: author.id,
        kind: CompletionItemKind.Value,
        ...(author.name ? { labelDetails: { description: author.name }, detail: author.name } : {}),
        documentation: {
          kind: MarkupKind.Markdown,
          value: [author.name ? `**${author.name}**` : undefined, author.bio, `${posts} post${posts === 1 ? '' : 's'}`].filter(Boolean).join('\n\n'),
        },
        sortText: String(rank).padStart(6, '0'),
        filterText: author.name ? `${author.id} ${author.name}` : author.id,
      };
    });
}
