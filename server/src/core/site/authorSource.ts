/**
 * Where the blog's authors are defined, as `blogwright.authors.source` says: a `_data` file (`authors.yml`,
 * `members.yml`, ...) or an `_authors` collection, with each definition's position for navigation.
 */
import { parseYaml } from '../frontmatter/yaml';
import { TextDocumentSnapshot } from '../textDocument';
import type { IWorkspace } from '../workspace';
import { AUTHOR_DATA_NAMES, authorsFromCollection, authorsFromData, authorsFromFlatData, type AuthorSource } from './authors';
import type { SiteDocument } from './siteDocument';

/** What reading the authors needs of the site. */
export interface AuthorSite {
  readonly workspace: IWorkspace;
  /** `_data` files by name. */
  readonly dataFiles: ReadonlyMap<string, string>;
  readonly collectionsDir: string;
  documents(): Iterable<SiteDocument>;
}

export async function readAuthorSource(setting: string, site: AuthorSite): Promise<AuthorSource | undefined> {
  if (setting === 'none') {
    return undefined;
  }
  const [kind, name] = setting.includes(':') ? (setting.split(':', 2) as [string, string]) : ['auto', ''];
  if (kind === 'data' || kind === 'auto') {
    const names = kind === 'data' ? [name] : AUTHOR_DATA_NAMES;
    for (const dataName of names) {
      const path = site.dataFiles.get(dataName);
      if (path && /\.(?:ya?ml|json)$/i.test(path)) {
        const read = await site.workspace.readText(path);
        const text = read.kind === 'text' ? read.text : undefined;
        const flat = text !== undefined && /\.ya?ml$/i.test(path) ? authorsFromFlatData(path, text) : 'declined';
        const source = flat !== 'declined' ? flat : text === undefined ? undefined : authorsFromData(path, parseYaml(text).doc);
        if (source && text !== undefined) {
          return withPositions(source, text);
        }
      }
    }
  }
  if (kind === 'collection' || kind === 'auto') {
    const collection = kind === 'collection' ? name : 'authors';
    const folder = (site.collectionsDir ? site.collectionsDir + '/' : '') + '_' + collection;
    const documents = [...site.documents()].filter((d) => d.kind === 'collection' && d.path.startsWith(folder + '/'));
    return authorsFromCollection(folder, documents);
  }
  return undefined;
}

/** Adds line and character to each author's definition, so go-to-definition needs no read. */
function withPositions(source: AuthorSource, text: string): AuthorSource {
  const snapshot = new TextDocumentSnapshot(source.path, 0, text);
  const authors = new Map(
    [...source.authors].map(([id, author]) => {
      // A quoted key (`"jane.doe":`) starts at its quote; the id's own characters are what rename changes.
      const start = /["']/.test(text[author.offset] ?? '') ? author.offset + 1 : author.offset;
      return [id, { ...author, position: snapshot.positionAt(start), idWritten: text.startsWith(id, start) }];
    }),
  );
  return { ...source, authors };
}
