import * as l10n from '@vscode/l10n';
import { itemsOf, yamlText, type ValueItem } from '../frontmatter/items';
import type { FrontMatterEntry } from '../frontmatter/parse';
import { splitsTagString } from '../site/tags';
import type { Finding, Rule, RuleContext } from './rule';

/** Keys whose value is text: a YAML 1.1 boolean, null or reshaped number there is a slip. */
const TEXT_KEYS = new Set(['title', 'layout', 'description', 'permalink', 'excerpt', 'author', 'category', 'tag']);
/** Keys that hold a list (or, for tags and categories, a space-separated string). */
const LIST_KEYS = new Set(['tags', 'categories', 'authors', 'author', 'redirect_from']);
/** Jekyll splits these at white space when they are a string (`Utils.pluralized_array_from_hash`). */
export const WORD_LIST_KEYS = new Set(['tags', 'categories']);

/**
 * Values Jekyll reads differently from what the author wrote: `title: yes` is a boolean, `tags: [kotlin, null]`
 * has a nil tag, `tags: 2019` is no tag at all; plus empty titles, empty list items and commas in a
 * space-separated tag string.
 */
export const valueTypesRule: Rule = {
  name: 'value types',
  check({ frontMatter, text, siteDocument }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const entry of frontMatter.entries.values()) {
      const key = entry.key;
      // A page's or a collection document's blank title is a layout's choice (a home page's `title: " "` under a
      // splash header, a sample shown by its `short_name`); a post's is lost in feeds.
      if (key === 'title' && siteDocument?.kind !== 'page' && siteDocument?.kind !== 'collection' && (entry.data === null || (typeof entry.data === 'string' && entry.data.trim() === ''))) {
        findings.push({ code: 'frontmatter.empty-title', start: entry.keyStart, end: Math.max(entry.valueEnd, entry.keyEnd), message: l10n.t('The title is empty: feeds, the page title and links to this post show nothing.') });
        continue;
      }
      if (!TEXT_KEYS.has(key) && !LIST_KEYS.has(key)) {
        continue;
      }
      const items = itemsOf(entry, text, WORD_LIST_KEYS.has(key));
      if (!items) {
        continue;
      }
      if (items.form === 'scalar' && WORD_LIST_KEYS.has(key) && (typeof entry.data === 'number' || typeof entry.data === 'boolean')) {
        const item = items.items[0]!;
        const written = text.slice(item.start, item.end);
        findings.push({ code: 'frontmatter.not-list', start: item.start, end: item.end, message: l10n.t('Jekyll reads `{0}` as a {1}, not as text, and then ignores `{2}`: quote it.', written, typeof entry.data, key), data: { title: l10n.t('Quote {0}', written), replacement: JSON.stringify(written) } });
        continue;
      }
      if (items.form === 'words') {
        findings.push(...(splitsTagString(siteDocument?.kind) ? commaInWords(entry, items.items) : []));
        continue;
      }
      for (const item of items.items) {
        findings.push(...misreadItem(key, item, text, items.form === 'block' || items.form === 'flow'));
      }
    }
    return findings;
  },
};

function misreadItem(key: string, item: ValueItem, text: string, inList: boolean): Finding[] {
  const written = text.slice(item.start, item.end);
  if (item.start === item.end) {
    // `-` with nothing after it: a nil item Jekyll drops.
    const dash = text.lastIndexOf('-', item.start);
    return [{ code: 'frontmatter.empty-item', start: dash, end: dash + 1, message: l10n.t('An empty item in `{0}`: Jekyll reads it as nothing. Remove it or write the value.', key), data: { title: l10n.t('Remove the empty item'), replacement: '', start: item.removeStart, end: item.removeEnd } }];
  }
  if (!item.plain || (!inList && item.data === null)) {
    // Quoted text is text; a bare `key:` or `layout: null` is a deliberate "nothing".
    return [];
  }
  const reading = misreading(written, item.data);
  if (!reading) {
    return [];
  }
  const where = inList ? l10n.t('this item of `{0}`', key) : `\`${key}\``;
  return [
    {
      code: 'frontmatter.not-text',
      start: item.start,
      end: item.end,
      message:
        inList && item.data === null
          ? l10n.t('Jekyll reads `{0}` as nil and drops this item of `{1}`: quote it to keep it as text.', written, key)
          : l10n.t('Jekyll reads `{0}` as {1}, not as the text "{0}", in {2}: quote it.', written, reading, where),
      ...(written === '~' ? {} : { data: { title: l10n.t('Quote {0}', written), replacement: JSON.stringify(written) } }),
    },
  ];
}

/** What YAML 1.1 (Ruby's SafeYAML) makes of a plain scalar when that is not the text written; undefined when it is. */
function misreading(written: string, data: unknown): string | undefined {
  if (data === null) {
    return 'nothing (null)';
  }
  if (typeof data === 'boolean') {
    return `the boolean ${data}`;
  }
  if (typeof data === 'number') {
    const shown = rubyNumberText(written);
    return shown !== undefined && shown !== written ? `the number ${shown}` : undefined;
  }
  return undefined;
}

/** How Ruby prints the number SafeYAML reads from `written`; undefined when SafeYAML keeps it as text. */
function rubyNumberText(written: string): string | undefined {
  const value = written.replace(/_/g, '');
  if (/^[-+]?0[0-7]+$/.test(value)) {
    return String(parseInt(value, 8));
  }
  if (/^[-+]?0x[0-9a-f]+$/i.test(value) || /^[-+]?0b[01]+$/.test(value)) {
    return String(Number(value.replace(/^\+/, '')));
  }
  if (/^[-+]?(?:0|[1-9]\d*)$/.test(value)) {
    return String(Number(value));
  }
  if (/^[-+]?(?:\d+)?\.\d*(?:e[-+]?\d+)?$/i.test(value) || /^[-+]?\d+e[-+]?\d+$/i.test(value)) {
    const number = Number(value);
    return Number.isInteger(number) && Math.abs(number) < 1e16 ? number.toFixed(1) : String(number);
  }
  return undefined;
}

/** `tags: java, kotlin` gives the tags `java,` and `kotlin`: a comma does not separate. */
function commaInWords(entry: FrontMatterEntry, words: readonly ValueItem[]): Finding[] {
  const withComma = words.find((w) => typeof w.data === 'string' && w.data.includes(','));
  if (!withComma || typeof entry.data !== 'string') {
    return [];
  }
  const area = entry.key === 'categories' ? 'category' : 'tag';
  const intended = entry.data
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const list = `[${intended.map((t) => yamlText(t, 'flow')).join(', ')}]`;
  return [
    {
      code: `${area}.comma`,
      start: entry.valueStart,
      end: entry.valueEnd,
      message: l10n.t('Jekyll splits `{0}` at spaces, not commas: this reads as {1}. Write a list.', entry.key, words.map((w) => `"${String(w.data)}"`).join(', ')),
      data: { title: l10n.t('Write {0}', list), replacement: list },
    },
  ];
}
