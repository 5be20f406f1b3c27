/**
 * The files a gem or remote theme publishes into the site: Jekyll reads the theme's `assets/` folder, and no other,
 * into the site, a site's own file winning over the theme's (oracle, Jekyll 4.3.1: minima 2.5.1 gives
 * /assets/main.css from its assets/main.scss and /assets/minima-social-icons.svg; a made-up theme gem's images/ and
 * docs/ folders gave nothing). Which files the theme has we cannot know without its files.
 */
import type { SiteConfig } from './config';

/** What the question reads of the site: its configuration and its own layouts. */
export interface ThemedSite {
  readonly config: SiteConfig;
  readonly layouts: ReadonlyMap<string, string>;
}

/**
 * The theme that may provide `path` (a URL path without the baseurl, or a source path as `{% link %}` takes it), when
 * its files are not in the workspace. Only a file, a name with an extension: a theme's assets are files, not pages.
 */
export function themeThatMayProvide(site: ThemedSite, path: string): string | undefined {
  const { theme, loadsOwnGem } = site.config;
  const relative = path.startsWith('/') ? path.slice(1) : path;
  if (theme === undefined || !relative.startsWith('assets/') || !/\.[A-Za-z0-9]+$/.test(relative.slice(relative.lastIndexOf('/') + 1))) {
    return undefined;
  }
  // The theme's own repository (the Gemfile loads its gem from here, its layouts are here): its assets are the site's.
  return loadsOwnGem && site.layouts.size > 0 ? undefined : theme;
}
