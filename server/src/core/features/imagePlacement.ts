/**
 * Where a pasted or dropped image goes and how the post links it, learned from the blog's own posts: the folder
 * their images live in (`assets/img/articles/:name/`, `images/posts/:slug/`, one shared folder) and the way they
 * write image URLs (`/path`, `{{ site.baseurl }}/path`, `{{ '/path' | relative_url }}`).
 */
import { resolveUrl } from '../links/resolveUrl';
import type { SiteIndex } from '../site/siteIndex';
import { documentDate } from './linkTargets';
import { slugify } from './newPost';

export type ImageUrlStyle = 'root' | 'baseurl' | 'relative_url';

export interface ImageConvention {
  /** Folder template relative to the blog root: `:name` (file name without extension), `:slug`, `:year`, `:month`, `:day`. */
  readonly folder: string;
  readonly urlStyle: ImageUrlStyle;
  /** Whether the blog's posts showed it (false: Blogwright's default). */
  readonly learned: boolean;
}

/** Where images go when no post shows it. */
export const DEFAULT_IMAGE_FOLDER = 'assets/images/:name';

const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i;
const SAMPLE_POSTS = 40;

export function isImageFile(name: string): boolean {
  return IMAGE_EXTENSION.test(name);
}

/** The newest posts, whose images show the convention: the adapter reads their text for `learnImageConvention`. */
export function imageSamplePaths(site: SiteIndex): string[] {
  return [...site.documents.values()]
    .filter((d) => d.kind === 'post')
    .sort((a, b) => (documentDate(b) ?? '').localeCompare(documentDate(a) ?? '') || b.path.localeCompare(a.path))
    .slice(0, SAMPLE_POSTS)
    .map((d) => d.path);
}

/** One vote per post for the folder its images are in; a vote per image for the URL style. Ties go to the newer post. */
export function learnImageConvention(site: SiteIndex, samples: readonly { readonly path: string; readonly text: string }[]): ImageConvention {
  const folders = new Map<string, number>();
  const styles = new Map<ImageUrlStyle, number>();
  for (const { path, text } of samples) {
    const names = postNames(path, undefined);
    const postFolders = new Map<string, number>();
    for (const link of site.scan(path, text).links?.links ?? []) {
      const written = link.form === 'image' || link.form === 'html' ? writtenImage(link.target) : undefined;
      if (!written || !isImageFile(written.path.replace(/[?#].*$/, ''))) {
        continue;
      }
      const resolved = resolveUrl(written.path, '/', site.config);
      if (resolved.kind !== 'internal') {
        continue;
      }
      bump(styles, written.style);
      const folder = resolved.path.replace(/^\/+/, '').split('/').slice(0, -1);
      bump(postFolders, folder.map((segment) => templateSegment(segment, names)).join('/'));
    }
    const top = [...postFolders].sort((a, b) => b[1] - a[1])[0];
    if (top) {
      bump(folders, top[0]);
    }
  }
  const folder = mostCommon(folders);
  const style = mostCommon(styles);
  return {
    folder: folder ?? DEFAULT_IMAGE_FOLDER,
    urlStyle: style ?? (site.config.baseurl ? 'relative_url' : 'root'),
    learned: folder !== undefined,
  };
}

/** An image URL as written: its root-relative path and the style it is written in; undefined for other forms. */
function writtenImage(target: string): { path: string; style: ImageUrlStyle } | undefined {
  const trimmed = target.trim();
  const filter = /^\{\{-?\s*(["'])(\/[^"']*)\1\s*\|\s*relative_url\s*-?\}\}$/.exec(trimmed);
  if (filter) {
    return { path: filter[2]!, style: 'relative_url' };
  }
  const baseurl = /^\{\{-?\s*site\.baseurl\s*-?\}\}(\/\S*)$/.exec(trimmed);
  if (baseurl) {
    return { path: baseurl[1]!, style: 'baseurl' };
  }
  return trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.includes('{') ? { path: trimmed, style: 'root' } : undefined;
}

interface PostNames {
  readonly name: string;
  readonly slug: string;
  readonly year: string | undefined;
  readonly month: string | undefined;
  readonly day: string | undefined;
}

/** The names a folder template can use for a document: `2024-03-06-kafka` gives name, slug `kafka`, year, month, day. */
function postNames(path: string, date: string | undefined): PostNames {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(base);
  if (dated) {
    return { name: base, slug: dated[4]!, year: dated[1], month: dated[2], day: dated[3] };
  }
  // A draft or page: the date it will be published on names it.
  const [year, month, day] = date?.split('-') ?? [];
  return { name: date ? `${date}-${base}` : base, slug: base, year, month, day };
}

function templateSegment(segment: string, names: PostNames): string {
  const entries: [string, string | undefined][] = [
    [':name', names.name],
    [':slug', names.slug],
    [':year', names.year],
    [':month', names.month],
    [':day', names.day],
  ];
  return entries.find(([, value]) => value !== undefined && segment.toLowerCase() === value.toLowerCase())?.[0] ?? segment;
}

export interface ImageRequest {
  /** The file's own name (`Screen Shot 2024.png`, `image.png` for a pasted image). */
  readonly fileName: string;
  /** The alt text the author gave (the selected text), if any: it names the file. */
  readonly alt: string | undefined;
}

export interface PlacedImage {
  /** Where the file goes, relative to the blog root. */
  readonly path: string;
  /** The Markdown image, with the URL written the blog's way. */
  readonly markdown: string;
  readonly alt: string;
  readonly url: string;
}

/**
 * Names and places each image in the document's folder: named from the alt text or the file, never over an existing
 * file (`exists`, and the images placed before it in the same batch), linked the way the blog writes image URLs.
 * `folderOverride` (the `blogwright.images.folder` setting) replaces the learned folder.
 */
export function placeImages(
  convention: ImageConvention,
  documentPath: string,
  date: string,
  images: readonly ImageRequest[],
  exists: (path: string) => boolean,
  folderOverride?: string,
): PlacedImage[] {
  const names = postNames(documentPath, date);
  const folder = fillTemplate(folderOverride?.trim() || convention.folder, names);
  const taken = new Set<string>();
  return images.map(({ fileName, alt }) => {
    const extension = (/\.[A-Za-z0-9]+$/.exec(fileName)?.[0] ?? '.png').toLowerCase();
    const stem = slugify(alt?.trim() || fileName.slice(0, fileName.length - (/\.[A-Za-z0-9]+$/.exec(fileName)?.[0].length ?? 0))) || 'image';
    let path = `${folder ? folder + '/' : ''}${stem}${extension}`;
    for (let n = 1; exists(path) || taken.has(path); n++) {
      path = `${folder ? folder + '/' : ''}${stem}-${n}${extension}`;
    }
    taken.add(path);
    const url = imageUrl('/' + path.split('/').map(encodeURIComponent).join('/'), convention.urlStyle);
    const altText = alt?.trim() || stem.replace(/-/g, ' ');
    return { path, url, alt: altText, markdown: `![${altText.replace(/([[\]\\])/g, '\\$1')}](${url})` };
  });
}

function fillTemplate(template: string, names: PostNames): string {
  const today = new Map<string, string | undefined>([
    [':name', names.name],
    [':slug', names.slug],
    [':year', names.year],
    [':month', names.month],
    [':day', names.day],
  ]);
  return template
    .replace(/:(name|slug|year|month|day)\b/g, (token) => today.get(token) ?? token)
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .join('/');
}

export function imageUrl(path: string, style: ImageUrlStyle): string {
  switch (style) {
    case 'root':
      return path;
    case 'baseurl':
      return `{{ site.baseurl }}${path}`;
    case 'relative_url':
      return `{{ '${path}' | relative_url }}`;
  }
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The key seen most often; the first seen among equals (samples come newest first). */
function mostCommon<K>(counts: ReadonlyMap<K, number>): K | undefined {
  let best: [K, number] | undefined;
  for (const entry of counts) {
    if (!best || entry[1] > best[1]) {
      best = entry;
    }
  }
  return best?.[0];
}
