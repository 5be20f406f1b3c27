import * as l10n from '@vscode/l10n';
import { itemsOf, yamlText, type ValueItem } from '../frontmatter/items';
import { editDistance } from '../similarity';
import type { AuthorSource } from '../site/authors';
import type { Finding, Rule, RuleContext } from './rule';

/**
 * `author:`/`authors:` naming someone the blog's author source does not define, with "did you mean", in posts,
 * drafts, collection documents and author pages (`authors/<id>/index.md`, `layout: author`), whose folder names
 * the author they were meant for. A blog without an author source gets no author diagnostics.
 */
export const unknownAuthorRule: Rule = {
  name: 'unknown author',
  wholeBlog: true,
  check({ site, frontMatter, siteDocument, text, settings }: RuleContext): Finding[] {
    const source = site.authors;
    if (!source || !siteDocument || (source.kind === 'collection' && siteDocument.path.startsWith(source.path + '/'))) {
      return [];
    }
    if (settings.authorsSource === 'auto' && !namesAnyOf(site, source)) {
      return [];
    }
    const pageFolder = authorPageFolder(siteDocument.path);
    const layout = frontMatter.entries.get('layout')?.data;
    if (siteDocument.kind === 'page' && pageFolder === undefined && !(typeof layout === 'string' && /author/i.test(layout))) {
      // Other pages may credit anyone (`author: The Team` for jekyll-seo-tag): only posts and author pages name ids.
      return [];
    }
    const findings: Finding[] = [];
    for (const key of ['author', 'authors']) {
      const entry = frontMatter.entries.get(key);
      const items = entry && itemsOf(entry, text, false);
      if (!items) {
        continue;
      }
      for (const item of items.items.flatMap((written) => commaSeparated(written, text, source))) {
        if (typeof item.data !== 'string' || item.data.trim() === '' || source.authors.has(item.data.trim())) {
          continue;
        }
        const id = item.data.trim();
        const suggestion = suggestAuthor(id, source, pageFolder);
        const where = source.kind === 'data' ? source.path : `the ${source.path} collection`;
        findings.push({
          code: 'author.unknown',
          start: item.start,
          end: item.end,
          message: suggestion ? l10n.t('`{0}` is not an author in {1}: did you mean `{2}`?', id, where, suggestion) : l10n.t('`{0}` is not an author in {1}.', id, where),
          ...(suggestion ? { data: { title: l10n.t('Change to {0}', suggestion), replacement: 'part' in item ? suggestion : yamlText(suggestion, items.form === 'flow' ? 'flow' : 'scalar') } } : {}),
        });
      }
    }
    return findings;
  },
};

/**
 * Whether some document names an author the source defines. A source found (not set) that none does is not where
 * the blog's authors come from: a theme's sample left in place (swcarpentry/website: `_data/authors.yml` holds `admin:` alone, and
 * its layouts print the 2,000 posts' `authors: ["Greg Wilson"]` as written), where every name would be "unknown".
 */
function namesAnyOf(site: RuleContext['site'], source: AuthorSource): boolean {
  const known = (name: unknown) => typeof name === 'string' && namesKnownAuthor(name, source);
  return site.derived(
    'namesAnyAuthor',
    () => {
      for (const { data } of site.documents.values()) {
        if ([data['author'], data['authors']].flat().some(known)) {
          return true;
        }
      }
      return false;
    },
    ['author', 'authors'],
  );
}

/** Whether `value` is an author the source defines, or a comma-separated list naming one. */
function namesKnownAuthor(value: string, source: AuthorSource): boolean {
  return source.authors.has(value.trim()) || value.split(',').some((part) => source.authors.has(part.trim()));
}

/** One name of a comma-separated value: replaced as it stands, not written as YAML. */
interface CommaPart extends ValueItem {
  readonly part: true;
}

/**
 * `author: asterite,waj`: themes that take several authors in one string split it at commas (`page.author | split:
 * ','`, crystal-lang.org), so when one of its parts is an author, each part is one, at its own place in the line.
 * A value written plainly or in simple quotes only, so that its characters are its text.
 */
function commaSeparated(item: ValueItem, text: string, source: AuthorSource): (ValueItem | CommaPart)[] {
  const value = item.data;
  if (typeof value !== 'string' || !value.includes(',') || source.authors.has(value.trim())) {
    return [item];
  }
  const written = text.slice(item.start, item.end);
  const offset = written.indexOf(value);
  if (offset < 0 || !namesKnownAuthor(value, source)) {
    return [item];
  }
  const parts: CommaPart[] = [];
  let at = item.start + offset;
  for (const part of value.split(',')) {
    const lead = part.length - part.trimStart().length;
    parts.push({ ...item, data: part.trim(), start: at + lead, end: at + lead + part.trim().length, part: true });
    at += part.length + 1;
  }
  return parts;
}

/** `authors/<id>/index.md` or `authors/<id>.md`: the page's own name says which author it is about. */
function authorPageFolder(path: string): string | undefined {
  const match = /(?:^|\/)_?authors\/([^/]+?)(?:\/index)?\.[^./]+$/.exec(path);
  return match?.[1];
}

/** The author meant: the page's own folder, the same id in another case, the display name, or one close id. */
function suggestAuthor(id: string, source: AuthorSource, pageFolder: string | undefined): string | undefined {
  if (pageFolder && source.authors.has(pageFolder)) {
    return pageFolder;
  }
  const lower = id.toLowerCase();
  const authors = [...source.authors.values()];
  const exact = authors.filter((a) => a.id.toLowerCase() === lower || a.name?.toLowerCase() === lower);
  if (exact.length === 1) {
    return exact[0]!.id;
  }
  const limit = lower.length >= 8 ? 2 : 1;
  const close = authors.filter((a) => editDistance(a.id.toLowerCase(), lower, limit) <= limit);
  return close.length === 1 ? close[0]!.id : undefined;
}
