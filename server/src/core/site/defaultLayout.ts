/**
 * The layout a document that names none gets. Jekyll itself gives none (the oracle renders such a post bare, even
 * with a `post` layout). jekyll-default-layout (in `plugins:`, or a GitHub Pages default) gives a page or post
 * written in Markdown, after front matter defaults, the first of these the site has: `home` for the page at `/`,
 * `page` for a page, `post` for a post, then `default` (its source, checked with the oracle: an `.html` page stays bare).
 */
import type { SiteConfig } from './config';
import { isMarkdownPath } from './documentKind';
import type { SiteDocumentKind } from './siteDocument';

/** The layouts to try in turn for a document without `layout`: none without the plugin, or for what it leaves alone. */
export function defaultLayoutCandidates(config: SiteConfig, path: string, kind: SiteDocumentKind, url: string | undefined): readonly string[] {
  if (!config.plugins.includes('jekyll-default-layout') || !isMarkdownPath(path, config)) {
    return [];
  }
  // A misnamed post is not read by Jekyll; it is taken as the post it was meant to be.
  const post = kind === 'post' || kind === 'misnamed-post' || kind === 'draft';
  if (!post && kind !== 'page') {
    return [];
  }
  return [...(url === '/' ? ['home'] : []), post ? 'post' : 'page', 'default'];
}
