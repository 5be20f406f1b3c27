import * as l10n from '@vscode/l10n';
import { defaultsTypeOf, withDefaults } from '../site/frontMatterDefaults';
import { defaultLayoutCandidates } from '../site/defaultLayout';
import { givesTitleFromHeading } from '../site/titleFromHeading';
import type { SiteDocumentKind, SiteDocumentShape } from '../site/siteDocument';
import type { Finding, Rule, RuleContext } from './rule';

/** The block itself: present where a post needs it, closed, valid YAML, a mapping. */
export const frontMatterSyntaxRule: Rule = {
  name: 'frontmatter syntax',
  check({ frontMatter, siteDocument, text }: RuleContext): Finding[] {
    const block = frontMatter.block;
    if (block.kind === 'none') {
      // Jekyll reads every dated file in `_posts/` (any file in `_drafts/`) as a post, front matter or not.
      if (siteDocument?.kind === 'post' || siteDocument?.kind === 'draft') {
        return [{ code: 'frontmatter.missing', start: 0, end: lineEnd(text, 0), message: l10n.t('No front matter: Jekyll still publishes this post, titled from its file name, with only what `defaults` give. To set a title or layout, start it with a `---` line, the keys, and another `---` line.') }];
      }
      return [];
    }
    if (block.kind === 'unclosed') {
      return [{ code: 'frontmatter.unclosed', start: block.openStart, end: block.openEnd - 1, message: l10n.t('Front matter is not closed: add a `---` line after the last key. Jekyll reads the whole file as content.') }];
    }
    const findings: Finding[] = frontMatter.problems.map((p) => ({ code: p.code, start: p.start, end: p.end, message: p.message }));
    if (!frontMatter.isMapping && findings.length === 0) {
      findings.push({ code: 'frontmatter.not-mapping', start: block.yamlStart, end: block.yamlEnd, message: l10n.t('Front matter must be a mapping of `key: value` lines; Jekyll ignores anything else.') });
    }
    return findings;
  },
};

/** Keys a kind of document must have, unless `_config.yml` defaults supply them. */
export const requiredKeysRule: Rule = {
  name: 'required keys',
  check({ frontMatter, siteDocument, settings, site, text }: RuleContext): Finding[] {
    if (!siteDocument || frontMatter.block.kind !== 'closed' || frontMatter.problems.some((p) => p.code === 'frontmatter.yaml') || !frontMatter.isMapping) {
      return [];
    }
    const kind = siteDocument.kind === 'misnamed-post' ? 'post' : siteDocument.kind;
    const required = settings.requiredKeys[kind] ?? [];
    const missing = required.filter((key) => {
      if (key === 'author') {
        return site.authors !== undefined && !frontMatter.entries.has('author') && !frontMatter.entries.has('authors') && !hasDefault(site, siteDocument, 'author') && !hasSiteAuthor(site) && mostPostsWrite(site, AUTHOR_KEYS);
      }
      if (key === 'layout' && givesDefaultLayout(site, siteDocument.path, kind)) {
        return false;
      }
      if (key === 'title' && (givesTitleFromHeading(site.config, siteDocument.path, kind, text, frontMatter.bodyStart) || (kind === 'post' && !mostPostsWrite(site, TITLE_KEYS)))) {
        return false;
      }
      return !frontMatter.entries.has(key) && !hasDefault(site, siteDocument, key);
    });
    if (missing.length === 0) {
      return [];
    }
    const start = frontMatter.block.openStart;
    return [
      {
        code: 'frontmatter.required',
        start,
        end: lineEnd(text, start),
        message: missing.length === 1
          ? l10n.t('Missing {0}: every {1} of this blog needs it.', `\`${missing[0]}\``, kind)
          : l10n.t('Missing {0}: every {1} of this blog needs them.', missing.map((k) => `\`${k}\``).join(', '), kind),
      },
    ];
  },
};

/**
 * jekyll-default-layout gives the document a layout (`defaultLayout.ts`). A site with no `_layouts/` of its own takes
 * them from a theme: taken as having them.
 */
function givesDefaultLayout(site: RuleContext['site'], path: string, kind: SiteDocumentKind): boolean {
  const candidates = defaultLayoutCandidates(site.config, path, kind, site.urls.urlOf(path));
  return candidates.length > 0 && (site.layouts.size === 0 || candidates.some((name) => site.layouts.has(name)));
}

const AUTHOR_KEYS = ['author', 'authors'];
const TITLE_KEYS = ['title'];

/**
 * Whether the blog's posts write one of `keys` as a rule: half of them or more do, or get it from `defaults`. Where
 * they don't, "missing" on every post says nothing:
 * - A theme may ship an authors file for a blog whose posts name none (Type-on-Strap's `_data/authors.yml`;
 *   sylhare.github.io: 1 post of 210 names one). On a team blog the few posts without one are reported.
 * - A post without `title` has one all the same, made from its file name, and a blog may show something else
 *   (jmojmojmo.github.io: none of its 39 posts has a `title`; its layout prints `page.head`).
 */
function mostPostsWrite(site: RuleContext['site'], keys: readonly string[]): boolean {
  return site.derived(
    `mostPostsWrite:${keys.join(',')}`,
    () => {
      let posts = 0;
      let writing = 0;
      for (const document of site.documents.values()) {
        if (document.kind === 'post') {
          posts++;
          if (keys.some((key) => key in document.data || hasDefault(site, document, key))) {
            writing++;
          }
        }
      }
      return writing * 2 >= posts;
    },
    keys,
  );
}

/**
 * A site-wide `author:` in `_config.yml`: jekyll-seo-tag, the feed and the common themes (minima, minimal-mistakes,
 * Hydejack) show it for a post that names none, so such a post is not missing one. The Chirpy theme shows its
 * `social.name` instead (its post layout: `{% else %}<a href="{{ site.social.links[0] }}">{{ site.social.name }}</a>`).
 */
function hasSiteAuthor(site: RuleContext['site']): boolean {
  const raw = site.config.raw;
  const author = raw['author'];
  if ((typeof author === 'string' && author.trim() !== '') || (typeof author === 'object' && author !== null && Object.keys(author).length > 0)) {
    return true;
  }
  const social = raw['social'];
  const name = typeof social === 'object' && social !== null ? (social as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && name.trim() !== '' && usesChirpy(raw);
}

/** `theme: jekyll-theme-chirpy`, or `remote_theme: cotes2020/jekyll-theme-chirpy` (with `@version` or not). */
function usesChirpy(raw: Readonly<Record<string, unknown>>): boolean {
  const theme = raw['theme'];
  const remote = raw['remote_theme'];
  return theme === 'jekyll-theme-chirpy' || (typeof remote === 'string' && /^cotes2020\/jekyll-theme-chirpy(?:@|$)/i.test(remote.trim()));
}

/** Whether a `_config.yml` default scope supplies the key for this document (a misnamed post's scope is `posts`, as meant). */
export function hasDefault(site: RuleContext['site'], document: SiteDocumentShape & { readonly path: string }, key: string): boolean {
  const type = document.kind === 'misnamed-post' ? 'posts' : defaultsTypeOf(document);
  return key in withDefaults(site.config, document.path, type, {});
}

function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
