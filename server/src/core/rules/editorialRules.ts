import * as l10n from '@vscode/l10n';
import { yamlString } from '../features/newPost';
import { countWords } from '../features/readingTime';
import { scanMarkdownBlocks } from '../render/markdownBlocks';
import { levelOf, type RuleCode } from '../ruleCatalog';
import { tagsOf } from '../site/tags';
import { hasDefault } from './frontMatterRules';
import type { Finding, Rule, RuleContext } from './rule';

/** What search engines show of a description (Google cuts snippets near 160 characters) and of a title (near 60). */
export const DESCRIPTION_LIMIT = 160;
export const TITLE_LIMIT = 60;

/**
 * The checks editors do by hand before merging a post: alt texts, a description search engines show whole, a title
 * they do not cut, headings that do not skip a level, tags. All off by default (`blogwright.validate` turns them on,
 * `editorial` all at once); each does its work only when it is on.
 */
export const editorialRule: Rule = {
  name: 'editorial',
  check(context: RuleContext): Finding[] {
    const { siteDocument, settings, frontMatter } = context;
    if (!siteDocument || siteDocument.kind === 'misnamed-post') {
      return [];
    }
    const on = (code: RuleCode) => levelOf(code, settings.validate) !== 'off';
    const findings: Finding[] = [];
    const isPost = siteDocument.kind === 'post' || siteDocument.kind === 'draft';
    const readable = frontMatter.block.kind === 'closed' && frontMatter.isMapping && !frontMatter.problems.some((p) => p.code === 'frontmatter.yaml');
    if (on('editorial.image-alt')) {
      findings.push(...missingAltTexts(context));
    }
    if (on('editorial.heading-skip') && /\.(md|markdown|mkdown|mkdn|mkd)$/i.test(siteDocument.path)) {
      findings.push(...skippedHeadings(context));
    }
    // Pages (author pages, archives, the home page) are the theme's business; these are about posts.
    if (!readable || !isPost) {
      return findings;
    }
    if (on('editorial.description') || on('editorial.description-length')) {
      findings.push(...descriptionFindings(context));
    }
    if (on('editorial.title-length')) {
      const entry = frontMatter.entries.get('title');
      if (entry && typeof entry.data === 'string' && [...entry.data].length > TITLE_LIMIT) {
        findings.push({ code: 'editorial.title-length', start: entry.valueStart, end: entry.valueEnd, message: l10n.t('The title has {0} characters: search engines show about {1}.', [...entry.data].length, TITLE_LIMIT) });
      }
    }
    if (on('editorial.tags') && isPost && tagsOf(siteDocument.data).length === 0 && !hasDefault(context.site, siteDocument, 'tags')) {
      const start = frontMatter.block.kind === 'closed' ? frontMatter.block.openStart : 0;
      findings.push({ code: 'editorial.tags', start, end: start + 3, message: l10n.t('This post has no tags: readers and tag pages will not find it.') });
    }
    return findings;
  },
};

/** `![](x.png)` and `<img>` without `alt`; `alt=""` in HTML is a deliberate "decorative" and is left alone. */
function missingAltTexts({ text, links }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const link of links?.links ?? []) {
    if (link.form === 'image') {
      const open = text.lastIndexOf('![', link.start);
      const close = text.lastIndexOf('](', link.start);
      if (open >= 0 && close > open && text.slice(open + 2, close).trim() === '') {
        findings.push({ code: 'editorial.image-alt', start: open, end: link.end + 1, message: l10n.t('This image has no alt text: screen readers and search engines see nothing.') });
      }
    } else if (link.form === 'html') {
      const open = text.lastIndexOf('<', link.start);
      const tag = /^<img\b[^>]*>/i.exec(text.slice(open, text.indexOf('>', link.end) + 1));
      if (tag && !/\salt\s*=/i.test(tag[0]) && /\ssrc\s*=/i.test(text.slice(open, link.start))) {
        findings.push({ code: 'editorial.image-alt', start: open, end: open + tag[0].length, message: l10n.t('This image has no alt text: screen readers and search engines see nothing.') });
      }
    }
  }
  return findings;
}

/** A heading more than one level below the one before it (the layout's title is the h1 above the first). */
function skippedHeadings({ text, frontMatter, site }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  let previous = 1;
  for (const heading of scanMarkdownBlocks(text, frontMatter.bodyStart, site.config.kramdownInput, [], site.config.kramdownParseBlockHtml).headings) {
    if (heading.level > previous + 1) {
      const expected = previous + 1;
      const hashes = /^ {0,3}(#+)/.exec(text.slice(heading.start, heading.end));
      const hashStart = hashes ? heading.start + hashes[0].length - hashes[1]!.length : undefined;
      const message = l10n.t('An h{0} after an h{1}: a heading level is skipped.', heading.level, previous);
      findings.push(
        hashStart === undefined
          ? { code: 'editorial.heading-skip', start: heading.start, end: heading.end, message }
          : { code: 'editorial.heading-skip', start: heading.start, end: heading.end, message, data: { title: l10n.t('Make it an h{0}', expected), replacement: '#'.repeat(expected), start: hashStart, end: hashStart + heading.level } },
      );
    }
    previous = heading.level;
  }
  return findings;
}

function descriptionFindings({ frontMatter, siteDocument, site, settings, text }: RuleContext): Finding[] {
  const entry = frontMatter.entries.get('description') ?? frontMatter.entries.get('excerpt');
  if (entry) {
    const value = typeof entry.data === 'string' ? entry.data.trim() : '';
    if (levelOf('editorial.description-length', settings.validate) !== 'off' && [...value].length > DESCRIPTION_LIMIT) {
      return [{ code: 'editorial.description-length', start: entry.valueStart, end: entry.valueEnd, message: l10n.t('The {0} has {1} characters: search engines show about {2}.', entry.key, [...value].length, DESCRIPTION_LIMIT) }];
    }
    return [];
  }
  if (levelOf('editorial.description', settings.validate) === 'off' || !siteDocument || hasDefault(site, siteDocument, 'description') || frontMatter.block.kind !== 'closed') {
    return [];
  }
  const start = frontMatter.block.openStart;
  const message = l10n.t('No `description`: search engines and link previews show the first paragraph, or nothing.');
  const summary = firstParagraph(text.slice(frontMatter.bodyStart));
  return [
    summary
      ? { code: 'editorial.description', start, end: start + 3, message, data: { title: l10n.t('Add a description from the first paragraph'), replacement: `description: ${yamlString(summary)}\n`, start: frontMatter.block.closeStart, end: frontMatter.block.closeStart } }
      : { code: 'editorial.description', start, end: start + 3, message },
  ];
}

/** The body's first paragraph of prose as plain text, cut at a word before the limit. */
export function firstParagraph(body: string): string | undefined {
  for (const block of body.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed || /^(?:#|>|```|~~~|\{%|\{:|<|!\[|[-*+] |\d+\. |\|| {4})/.test(trimmed) || countWords(trimmed) < 3) {
      continue;
    }
    const plain = trimmed
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|<[^>]+>/g, '')
      .replace(/[*_`]+/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if ([...plain].length <= DESCRIPTION_LIMIT) {
      return plain;
    }
    const cut = plain.slice(0, DESCRIPTION_LIMIT - 1);
    return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.]+$/, '') + '…';
  }
  return undefined;
}
