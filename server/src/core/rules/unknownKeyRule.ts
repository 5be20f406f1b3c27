import * as l10n from '@vscode/l10n';
import { differOnlyInDigits, editDistance } from '../similarity';
import type { Finding, Rule, RuleContext } from './rule';

/** Keys Jekyll itself reads. A misspelling of one does nothing, however many documents repeat it. */
const JEKYLL_KEYS = ['layout', 'permalink', 'published', 'date', 'category', 'categories', 'tags', 'tag', 'title', 'slug', 'excerpt', 'excerpt_separator', 'render_with_liquid', 'author', 'authors'];
/** Keys of the plugins nearly every blog has (jekyll-seo-tag, -sitemap, -redirect-from, -feed, -paginate). */
const PLUGIN_KEYS = ['description', 'image', 'lang', 'locale', 'canonical_url', 'last_modified_at', 'sitemap', 'redirect_from', 'redirect_to', 'pagination', 'paginate', 'seo'];
const WELL_KNOWN = new Set([...JEKYLL_KEYS, ...PLUGIN_KEYS]);

/**
 * A key that looks like a slip for a known one (`tittle`, `autor`, `publish` for `published`), with a fix.
 * Known: Jekyll's and the common plugins' keys, whatever the count, keys other documents of the blog use and keys
 * its layouts and includes read; such a key is the blog's own convention, not a typo, unless it misspells Jekyll's.
 */
export const unknownKeyRule: Rule = {
  name: 'unknown key',
  wholeBlog: true,
  check({ frontMatter, site, siteDocument }: RuleContext): Finding[] {
    if (!siteDocument) {
      return [];
    }
    const counts = site.keyCounts();
    const defaults = new Set(site.config.defaults.flatMap((d) => Object.keys(d.values)));
    const findings: Finding[] = [];
    for (const entry of frontMatter.entries.values()) {
      const key = entry.key;
      // A leading `_` switches a key off on purpose (`_title: In Brief` keeps the value, unused): no slip.
      if (WELL_KNOWN.has(key) || defaults.has(key) || key.startsWith('_')) {
        continue;
      }
      const uses = counts.get(key) ?? 0;
      const byOthers = uses - (key in siteDocument.data ? 1 : 0);
      const target = intendedKey(key, byOthers, counts, defaults);
      if (target && !fitsKey(target, entry.data)) {
        continue;
      }
      // A key the blog's layouts or includes read is theirs, however few documents set it (scala-lang.org's `apiDocs`).
      if (!target || (!WELL_KNOWN.has(target) && site.templateReads(key))) {
        continue;
      }
      findings.push({
        code: 'frontmatter.unknown-key',
        start: entry.keyStart,
        end: entry.keyEnd,
        message: WELL_KNOWN.has(target)
          ? l10n.t('`{0}` is not a key Jekyll reads, so it does nothing: did you mean `{1}`?', key, target)
          : l10n.t('No other document uses `{0}`: did you mean `{1}` (used in {2})?', key, target, counts.get(target) ?? 0),
        data: { title: l10n.t('Rename to {0}', target), replacement: target },
      });
    }
    return findings;
  },
};

function intendedKey(key: string, byOthers: number, counts: ReadonlyMap<string, number>, defaults: ReadonlySet<string>): string | undefined {
  if (key.length < 4) {
    return undefined;
  }
  const lower = key.toLowerCase();
  const uses = counts.get(key) ?? 0;
  const targets = new Set<string>(WELL_KNOWN);
  if (byOthers === 0) {
    // Only a key nobody else uses may be a slip for one of the blog's own keys, and only for one used more.
    for (const [other, otherUses] of counts) {
      if (otherUses >= 2 && otherUses > uses) {
        targets.add(other);
      }
    }
    defaults.forEach((d) => targets.add(d));
  }
  const close = [...targets].filter((t) => t !== key && isSlip(lower, t.toLowerCase()));
  return close.length === 1 ? close[0] : undefined;
}

/** Jekyll's keys that do something only when true or false (the oracle: `published: ACM` publishes). */
const TRUE_OR_FALSE_KEYS = new Set(['published', 'render_with_liquid']);

/**
 * Whether `data` is a value one would give `target`: a slip for a true-or-false key has one (or none yet), so
 * `publisher: ACM` names a publisher and is no slip for `published`.
 */
function fitsKey(target: string, data: unknown): boolean {
  return !TRUE_OR_FALSE_KEYS.has(target) || typeof data === 'boolean' || data === null || data === undefined;
}

/**
 * Whether a change in how many documents use `changed` may change this rule's finding on `key`: its own count, or
 * a key it may be a slip for (or that may be a slip for it). Counts of the well-known keys are never read.
 * The server re-checks those documents.
 */
export function keyFindingMayChange(key: string, changed: string): boolean {
  if (WELL_KNOWN.has(changed)) {
    return false;
  }
  const a = key.toLowerCase();
  const b = changed.toLowerCase();
  return a === b || isSlip(a, b) || isSlip(b, a);
}

/**
 * One edit apart (`tittle`, `autor`, `titel`), or a word cut short (`publish` for `published`). Not a slip:
 * the target plus or minus an `s` (`images` beside `image` is a list of its own), the target numbered (`gallery2`
 * beside `gallery`: minimal-mistakes' galleries are named so), and one letter swapped for another in a four-letter
 * key (`data` is a word, not `date` mistyped).
 */
function isSlip(key: string, target: string): boolean {
  if (differOnlyInDigits(key, target) || key + 's' === target || target + 's' === key || numbered(key, target) || numbered(target, key)) {
    return false;
  }
  if (editDistance(key, target, 1) === 1) {
    return !(key.length < 5 && key.length === target.length && [...key].filter((c, i) => c !== target[i]).length === 1);
  }
  return key.length >= 5 && target.startsWith(key) && target.length - key.length <= 2;
}

/** `key` is `base` with a number after it (`gallery2`, `image_2`). */
function numbered(key: string, base: string): boolean {
  return key.length > base.length && key.startsWith(base) && /^[-_]?\d+$/.test(key.slice(base.length));
}
