import { frontMatterData, parseFrontMatter } from '../../frontmatter/parse';
import type { SiteIndex } from '../../site/siteIndex';
import { liquidEngine, normalizePath, renderTemplate } from './liquidEngine';
import type { PageStyle } from './pageHtml';
import { RenderState } from './renderState';
import { SiteModel } from './siteModel';

/**
 * The page's styles as `<style>` elements the preview's CSP admits: the blog's CSS files read through the
 * workspace, `.scss`/`.sass` entry points compiled (by the injected compiler, so the Sass bundle loads only
 * when a blog has Sass), `{{ }}` in a stylesheet with front matter rendered, and every `url()` pointed at the
 * workspace. A remote stylesheet is not loaded; a comment says so. Compiled CSS is kept while its files are the same.
 */

/** Compiles one Sass entry; `load` reads an `@import`/`@use` target, site-relative, through the workspace. */
export interface ISassCompiler {
  compile(source: string, syntax: 'scss' | 'sass', entry: string, load: (url: string, fromPath: string) => Promise<{ path: string; text: string } | undefined>): Promise<string>;
}

/** Compiled Sass by entry path, with the text of every file it read: kept while they all read the same. */
const compiled = new WeakMap<SiteIndex, Map<string, { readonly inputs: ReadonlyMap<string, string>; readonly css: string }>>();

/** `sass`: the adapter's compiler; without one, Sass entry points are left out with a note. */
export async function pageStyles(site: SiteIndex, styles: readonly PageStyle[], resourceRoot: string | undefined, deadline: number, sass: ISassCompiler | undefined): Promise<string> {
  const parts: string[] = [];
  for (const style of styles) {
    const css = style.kind === 'inline' ? rewriteUrls(style.css, '', site, resourceRoot) : await linkedStyle(site, style.href, resourceRoot, deadline, sass);
    parts.push(`<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`);
  }
  return parts.join('\n');
}

async function linkedStyle(site: SiteIndex, href: string, resourceRoot: string | undefined, deadline: number, sass: ISassCompiler | undefined): Promise<string> {
  const urlPath = sitePath(site, href);
  if (urlPath === undefined) {
    return `/* ${comment(href)}: a remote stylesheet, not loaded in the preview */`;
  }
  const target = site.urls.lookup(urlPath);
  const path = target?.path ?? (site.staticFiles.has(urlPath.slice(1)) ? urlPath.slice(1) : undefined);
  if (path === undefined) {
    return `/* ${comment(href)}: not found in the blog */`;
  }
  const read = await site.workspace.readText(path);
  if (read.kind !== 'text') {
    return `/* ${comment(path)}: not read */`;
  }
  const frontMatter = parseFrontMatter(read.text);
  let css = frontMatter.block ? read.text.slice(frontMatter.bodyStart) : read.text;
  if (/\.s[ac]ss$/i.test(path)) {
    css = await compileSass(site, path, css, /\.sass$/i.test(path) ? 'sass' : 'scss', deadline, sass);
  } else if (frontMatter.block) {
    css = await renderStyleLiquid(site, css, path, deadline, frontMatterData(frontMatter));
  }
  return rewriteUrls(css, path, site, resourceRoot);
}

async function compileSass(site: SiteIndex, path: string, source: string, syntax: 'scss' | 'sass', deadline: number, sassCompiler: ISassCompiler | undefined): Promise<string> {
  if (!sassCompiler) {
    return `/* ${comment(path)}: Sass is not compiled here */`;
  }
  let cache = compiled.get(site);
  if (!cache) {
    cache = new Map();
    compiled.set(site, cache);
  }
  const previous = cache.get(path);
  if (previous && (await sameInputs(site, previous.inputs))) {
    return previous.css;
  }
  // Jekyll runs Liquid over a Sass entry with front matter before compiling it.
  const rendered = source.includes('{{') || source.includes('{%') ? await renderStyleLiquid(site, source, path, deadline) : source;
  const sassDir = typeof site.config.raw['sass'] === 'object' && site.config.raw['sass'] !== null ? (site.config.raw['sass'] as Record<string, unknown>)['sass_dir'] : undefined;
  const loadPaths = [typeof sassDir === 'string' ? sassDir.replace(/^\/+|\/+$/g, '') : '_sass', path.slice(0, Math.max(0, path.lastIndexOf('/')))];
  const inputs = new Map<string, string>([[path, source]]);
  try {
    const css = await sassCompiler.compile(rendered, syntax, path, async (url, fromPath) => {
      const found = await findSassFile(site, url, fromPath || path, loadPaths);
      if (found) {
        inputs.set(found.path, found.text);
      }
      return found;
    });
    cache.set(path, { inputs, css });
    return css;
  } catch (error) {
    return `/* ${comment(path)}: ${comment(error instanceof Error ? error.message.split('\n')[0]! : String(error))} */`;
  }
}

/** Jekyll renders a stylesheet with front matter as a page: `site` and its own `page`. */
function renderStyleLiquid(site: SiteIndex, source: string, path: string, deadline: number, page: Record<string, unknown> = {}): Promise<string> {
  const model = new SiteModel(site, { content: async () => '', excerpt: async () => '' });
  return renderTemplate(source, path, { site: model.siteDrop, page }, new RenderState(site, liquidEngine(site)), deadline);
}

async function sameInputs(site: SiteIndex, inputs: ReadonlyMap<string, string>): Promise<boolean> {
  for (const [path, text] of inputs) {
    const read = await site.workspace.readText(path);
    if (read.kind !== 'text' || read.text !== text) {
      return false;
    }
  }
  return true;
}

/** Sass's lookup: the name, as a partial (`_name`), with `.scss`/`.sass`/`.css`, or `name/_index`, beside the importer, then in the load paths. */
async function findSassFile(site: SiteIndex, url: string, fromPath: string, loadPaths: readonly string[]): Promise<{ path: string; text: string } | undefined> {
  const fromDir = fromPath.slice(0, Math.max(0, fromPath.lastIndexOf('/')));
  for (const base of [fromDir, ...loadPaths]) {
    const joined = normalizePath(base ? `${base}/${url}` : url);
    const slash = joined.lastIndexOf('/');
    const dir = slash >= 0 ? joined.slice(0, slash + 1) : '';
    const name = joined.slice(slash + 1);
    const names = /\.(s[ac]ss|css)$/.test(name) ? [name, '_' + name] : [`${name}.scss`, `_${name}.scss`, `${name}.sass`, `_${name}.sass`, `${name}.css`, `${name}/_index.scss`, `${name}/index.scss`];
    for (const candidate of names) {
      const read = await site.workspace.readText(dir + candidate);
      if (read.kind === 'text') {
        return { path: dir + candidate, text: read.text };
      }
    }
  }
  return undefined;
}

/** A stylesheet's URL as a path of this blog (no scheme, host, `baseurl`), or undefined when it is elsewhere. */
function sitePath(site: SiteIndex, href: string): string | undefined {
  let url = href.replace(/[?#].*$/, '');
  const siteUrl = site.config.url;
  if (siteUrl && url.startsWith(siteUrl)) {
    url = url.slice(siteUrl.length);
  } else if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) {
    return undefined;
  }
  const baseurl = site.config.baseurl;
  if (baseurl && (url === baseurl || url.startsWith(baseurl + '/'))) {
    url = url.slice(baseurl.length);
  }
  return url.startsWith('/') ? url : '/' + url;
}

/** `url(...)` in CSS from `fromPath` (site-relative; '' for the page): workspace files through the preview's resource URL. */
export function rewriteUrls(css: string, fromPath: string, site: SiteIndex, resourceRoot: string | undefined): string {
  const fromDir = fromPath.slice(0, Math.max(0, fromPath.lastIndexOf('/')));
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (match, _quote: string, url: string) => {
    if (/^(data:|#)/i.test(url) || /^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) {
      return match;
    }
    const absolute = url.startsWith('/');
    const stripped = absolute ? (sitePath(site, url) ?? url).slice(1) : normalizePath(fromDir ? `${fromDir}/${url}` : url);
    const path = stripped.replace(/[?#].*$/, '');
    return `url("${(resourceRoot ?? '') + '/' + path.split('/').map(encodeURIComponent).join('/')}")`;
  });
}

function comment(text: string): string {
  return text.replace(/\*\//g, '* /');
}
