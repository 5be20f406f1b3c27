import type { SiteIndex } from '../site/siteIndex';
import { decodeUri } from '../url';

export interface UrlTreeEntry {
  readonly name: string;
  readonly folder: boolean;
  /** The source file served at this URL (files only). */
  readonly path: string | undefined;
}

/**
 * The URLs the blog serves as folders of entries (`/assets/` -> `img/`, `logo.png`), for completing link and
 * image paths one segment at a time. Built once per change of the blog.
 */
/** The front matter keys a document's URL is made of (what `permalink.ts` reads): other edits keep the tree. */
const URL_KEYS = ['permalink', 'date', 'slug', 'categories', 'category'];

export function urlTree(site: SiteIndex): ReadonlyMap<string, readonly UrlTreeEntry[]> {
  return site.derived('urlTree', () => {
    const folders = new Map<string, Map<string, UrlTreeEntry>>();
    const add = (url: string, path: string) => {
      const segments = url.split('/').filter(Boolean);
      let folder = '/';
      segments.forEach((segment, i) => {
        const isFolder = i < segments.length - 1 || url.endsWith('/');
        let entries = folders.get(folder);
        if (!entries) {
          folders.set(folder, (entries = new Map()));
        }
        const key = segment + (isFolder ? '/' : '');
        if (!entries.has(key)) {
          entries.set(key, { name: segment, folder: isFolder, path: isFolder ? undefined : path });
        }
        folder += segment + '/';
      });
    };
    for (const path of site.staticFiles) {
      add('/' + path, path);
    }
    for (const document of site.documents.values()) {
      const url = site.urls.urlOf(document.path);
      if (url !== undefined) {
        add(decodeUri(url), document.path);
      }
    }
    const sorted = new Map<string, UrlTreeEntry[]>();
    for (const [folder, entries] of folders) {
      sorted.set(folder, [...entries.values()].sort((a, b) => Number(b.folder) - Number(a.folder) || a.name.localeCompare(b.name)));
    }
    return sorted;
  }, URL_KEYS);
}
