import * as l10n from '@vscode/l10n';
import type { FrontMatterTokenKind } from '../site/frontMatterTokens';
import type { SiteDocument, SiteIndex } from '../site/siteIndex';
import { tagKeys, tagsOf } from '../site/tags';
import { documentDate, documentTitle, type LinkTarget } from './linkTargets';
import { byCodeUnits } from '../codeUnitOrder';

/** Markdown that completion documentation and hovers share, so both say the same thing. */

const RECENT_POSTS = 5;

export function authorMarkdown(site: SiteIndex, id: string): string {
  const author = site.authors?.authors.get(id);
  const posts = site.authorPostCounts().get(id) ?? 0;
  const lines = [author?.name ? `**${escapeMarkdown(author.name)}** (\`${id}\`)` : `\`${id}\``];
  if (author?.bio) {
    lines.push(escapeMarkdown(author.bio));
  }
  lines.push(plural(posts, 'post'));
  if (!author && site.authors) {
    lines.push(l10n.t('Not in `{0}`.', site.authors.path));
  }
  return lines.join('\n\n');
}

export function tagMarkdown(site: SiteIndex, kind: Extract<FrontMatterTokenKind, 'tag' | 'category'>, tag: string): string {
  const key = kind === 'tag' ? 'tags' : 'categories';
  const count = site.tagCounts(key).get(tag) ?? 0;
  const recent = documentsWithTag(site, key).get(tag)?.slice(0, RECENT_POSTS) ?? [];
  const lines = [kind === 'tag' ? l10n.t('**{0}**: tag of {1}', escapeMarkdown(tag), plural(count, 'document')) : l10n.t('**{0}**: category of {1}', escapeMarkdown(tag), plural(count, 'document'))];
  if (recent.length > 0) {
    lines.push(recent.map((d) => `- ${documentLine(d)}`).join('\n'));
  }
  return lines.join('\n\n');
}

export function targetMarkdown(target: LinkTarget): string {
  switch (target.kind) {
    case 'document':
      return documentLine(target.document) + `\n\n\`${target.path}\``;
    case 'static':
      return l10n.t('Static file `{0}`', target.path);
    case 'unresolved':
    case 'unknown':
      return target.reason;
  }
}

/** `Title` · 2024-01-09, for lists of posts. */
export function documentLine(document: SiteDocument): string {
  const title = documentTitle(document);
  const date = documentDate(document);
  return [title ? `**${escapeMarkdown(title)}**` : `\`${document.path}\``, date].filter(Boolean).join(' · ');
}

/** Documents per tag (or category), newest first: one pass per change of the blog, not per hover. */
export function documentsWithTag(site: SiteIndex, key: 'tags' | 'categories'): ReadonlyMap<string, readonly SiteDocument[]> {
  return site.derived(`documentsWith:${key}`, () => {
    const byTag = new Map<string, SiteDocument[]>();
    for (const document of site.documents.values()) {
      for (const tag of new Set(tagsOf(document.data, key, document.kind))) {
        let list = byTag.get(tag);
        if (!list) {
          byTag.set(tag, (list = []));
        }
        list.push(document);
      }
    }
    for (const list of byTag.values()) {
      list.sort((a, b) => byCodeUnits(documentDate(b) ?? '', documentDate(a) ?? ''));
    }
    return byTag;
  }, [...tagKeys(key), 'date']);
}

export function plural(count: number, noun: 'post' | 'document'): string {
  if (noun === 'post') {
    return count === 1 ? l10n.t('1 post') : l10n.t('{0} posts', count);
  }
  return count === 1 ? l10n.t('1 document') : l10n.t('{0} documents', count);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-!|]/g, '\\$&');
}
