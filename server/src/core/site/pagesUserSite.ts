/**
 * A GitHub Pages user or organization site: the repository `<owner>.github.io`, published at the root of its domain
 * (`https://<owner>.github.io`, or the domain its CNAME names). GitHub serves each of the owner's project sites on
 * that domain too, under `/<repository>/`: jupyter.github.io (jupyter.org) links to `/governance/...`, which the
 * jupyter/governance repository publishes. So a link into a folder this site has nothing in may be another site's.
 */
import type { SiteConfig } from './config';

const USER_SITE_HOST = /^[a-z0-9-]+\.github\.io$/i;
/** The repository's name: `<owner>.github.io`, or the older `<owner>.github.com`, which GitHub still publishes so. */
const USER_SITE_REPOSITORY = /^[a-z0-9-]+\.github\.(?:io|com)$/i;

/**
 * True when the site is one: its folder is named as the repository must be, or its `url` is such a domain with no
 * baseurl (a project site's is `/<repository>`).
 */
export function isPagesUserSite(config: SiteConfig, folderName: string | undefined): boolean {
  if (folderName !== undefined && USER_SITE_REPOSITORY.test(folderName)) {
    return true;
  }
  if (config.url === undefined || config.baseurl !== '') {
    return false;
  }
  try {
    const url = new URL(config.url);
    return USER_SITE_HOST.test(url.hostname) && (url.pathname === '/' || url.pathname === '');
  } catch {
    return false;
  }
}

/** The first segment of every URL the site publishes, lower-cased: the folders (and top-level pages) it has. */
export function topSegments(urls: readonly string[]): ReadonlySet<string> {
  const segments = new Set<string>();
  for (const url of urls) {
    segments.add(firstSegment(url));
  }
  return segments;
}

/** `/governance/people.html` -> `governance`, lower-cased; a top-level page `/about.html` -> `about`. */
export function firstSegment(path: string): string {
  const segment = /^\/*([^/]*)/.exec(path)![1]!;
  return segment.replace(/\.html?$/i, '').toLowerCase();
}
