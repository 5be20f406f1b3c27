import * as l10n from '@vscode/l10n';
import { itemsOf, yamlText, type EntryItems } from '../frontmatter/items';
import { splitsTagString } from '../site/tags';
import { differOnlyByEnding, differOnlyInDigits, editDistance } from '../similarity';
import type { Finding, Rule, RuleContext } from './rule';

type TagKey = 'tags' | 'categories';

/** A typo's common form must be used this often, and this many times more than the typo. */
const FREQUENT = 3;
const MORE_USED = 3;
/** Shorter tags are too often different words one letter apart (`lean`/`leak`, `pools`/`tools`). */
const MIN_TYPO_LENGTH = 6;

/**
 * Tags (and categories) that split one topic in two: a variant of an as much or more used tag that differs only in
 * case, spaces, hyphens or underscores (`Kotlin`/`kotlin`, `bigdata`/`big data`), a likely typo of a
 * frequent tag (`kotiln`), and the same tag twice in one list. A new tag as such is fine.
 */
export const tagRule: Rule = {
  name: 'tags and categories',
  wholeBlog: true,
  check(context: RuleContext): Finding[] {
    return [...checkKey(context, 'tags'), ...checkKey(context, 'categories')];
  },
};

function checkKey({ frontMatter, site, text, siteDocument }: RuleContext, key: TagKey): Finding[] {
  const area = key === 'tags' ? 'tag' : 'category';
  const counts = site.tagCounts(key);
  const findings: Finding[] = [];
  for (const entryKey of key === 'tags' ? ['tags'] : ['categories', 'category']) {
    const entry = frontMatter.entries.get(entryKey);
    if (typeof entry?.data === 'string' && !splitsTagString(siteDocument?.kind)) {
      continue; // a page's string is not tags to Jekyll
    }
    const items = entry && itemsOf(entry, text, true);
    if (!items) {
      continue;
    }
    const seen = new Map<string, string>();
    for (const item of items.items) {
      if (typeof item.data !== 'string') {
        continue;
      }
      const tag = item.data;
      const normal = normalize(tag);
      const earlier = seen.get(normal);
      if (earlier !== undefined) {
        findings.push({
          code: `${area}.duplicate`,
          start: item.start,
          end: item.end,
          message: earlier === tag ? l10n.t('`{0}` is already in this list.', tag) : l10n.t('`{0}` is `{1}` again, written differently.', tag, earlier),
          data: { title: l10n.t('Remove the second {0}', tag), replacement: '', start: item.removeStart, end: item.removeEnd },
        });
        continue;
      }
      seen.set(normal, tag);
      // `tags: kotlin, jvm` makes `kotlin,`: the comma rule reports it and its fix writes the list (`typeRules.ts`).
      if (items.form === 'words' && tag.includes(',')) {
        continue;
      }
      const common = commonForm(tag, counts);
      // Nor is a comma form (`design,`, from other documents' `tags: design, ux`) the one to move to.
      if (!common || common.tag.includes(',')) {
        continue;
      }
      const uses = counts.get(common.tag) ?? 0;
            findings.push({
        code: `${area}.${common.kind}`,
        start: item.start,
        end: item.end,
        message:
          common.kind === 'variant'
            ? l10n.t('`{0}` differs only in case, spaces or hyphens from `{1}`, used in {2} documents: Jekyll treats them as two {3}.', tag, common.tag, uses, key)
            : l10n.t('`{0}` looks like a typo of `{1}`, used in {2} documents: Jekyll treats them as two {3}.', tag, common.tag, uses, key),
        ...(items.form === 'words' && /\s/.test(common.tag) ? {} : { data: { title: l10n.t('Change to {0}', common.tag), replacement: replacementText(common.tag, items) } }),
      });
    }
  }
  return findings;
}

interface CommonForm {
  readonly kind: 'variant' | 'typo';
  readonly tag: string;
}

/** What the blog-wide counts say, prepared once per counts (they are replaced when a document changes). */
interface TagTable {
  readonly counts: ReadonlyMap<string, number>;
  /** Tags by their normalized form, most used first. */
  readonly byNormal: ReadonlyMap<string, readonly string[]>;
  readonly frequent: readonly { readonly tag: string; readonly normal: string; readonly uses: number }[];
  readonly answers: Map<string, CommonForm | null>;
}

const tables = new WeakMap<ReadonlyMap<string, number>, TagTable>();

function tableOf(counts: ReadonlyMap<string, number>): TagTable {
  let table = tables.get(counts);
  if (!table) {
    const byNormal = new Map<string, string[]>();
    const frequent: { tag: string; normal: string; uses: number }[] = [];
    for (const [tag, uses] of counts) {
      const normal = normalize(tag);
      const forms = byNormal.get(normal);
      if (forms) {
        forms.push(tag);
      } else {
        byNormal.set(normal, [tag]);
      }
      if (uses >= FREQUENT && normal.length >= MIN_TYPO_LENGTH) {
        frequent.push({ tag, normal, uses });
      }
    }
    table = { counts, byNormal, frequent, answers: new Map() };
    tables.set(counts, table);
  }
  return table;
}

/** The more used tag this one should have been, if any. */
function commonForm(tag: string, counts: ReadonlyMap<string, number>): CommonForm | undefined {
  const table = tableOf(counts);
  let answer = table.answers.get(tag);
  if (answer === undefined) {
    answer = variantOf(tag, table) ?? typoOf(tag, table) ?? null;
    table.answers.set(tag, answer);
  }
  return answer ?? undefined;
}

function variantOf(tag: string, table: TagTable): CommonForm | undefined {
  // Two spellings are two tag pages whatever their counts: every form but the one most used is reported, and on a
  // tie each names the other. `forms` is most used first, so the first other form is the one to offer.
  const other = (table.byNormal.get(normalize(tag)) ?? []).find((form) => form !== tag);
  if (other === undefined || (table.counts.get(other) ?? 0) < (table.counts.get(tag) ?? 0)) {
    return undefined;
  }
  return { kind: 'variant', tag: other };
}

function typoOf(tag: string, table: TagTable): CommonForm | undefined {
  const normal = normalize(tag);
  const uses = table.counts.get(tag) ?? 0;
  if (normal.length < MIN_TYPO_LENGTH || (table.byNormal.get(normal)?.length ?? 0) > 1) {
    return undefined;
  }
  const candidates = table.frequent.filter(
    (f) =>
      f.uses >= MORE_USED * Math.max(uses, 1) &&
      f.normal !== normal &&
      editDistance(normal, f.normal, 1) === 1 &&
      !differOnlyByEnding(normal, f.normal) &&
      !differOnlyInDigits(normal, f.normal) &&
      !differInShortWord(tag, f.tag),
  );
  return candidates.length === 1 ? { kind: 'typo', tag: candidates[0]!.tag } : undefined;
}

/** `rest-api`/`rust-api`, `tdd-conference`/`ddd-conference`: one short word for another is another topic, not a slip. */
function differInShortWord(a: string, b: string): boolean {
  const wordsA = a.toLowerCase().split(/[\s_-]+/);
  const wordsB = b.toLowerCase().split(/[\s_-]+/);
  if (wordsA.length !== wordsB.length) {
    return false;
  }
  return wordsA.some((word, i) => word !== wordsB[i] && Math.max(word.length, wordsB[i]!.length) < MIN_TYPO_LENGTH);
}

/**
 * Whether a change in how often `changed` is used may change this rule's finding on `tag`: the same normal form
 * (a variant), or one edit apart where both are long enough to be a typo. The server re-checks those documents.
 */
export function tagFindingMayChange(tag: string, changed: string): boolean {
  const a = normalize(tag);
  const b = normalize(changed);
  return a === b || (a.length >= MIN_TYPO_LENGTH && b.length >= MIN_TYPO_LENGTH && editDistance(a, b, 1) <= 1);
}

/** Case, spaces, hyphens and underscores do not make a different topic. */
function normalize(tag: string): string {
  return tag.toLowerCase().replace(/[\s_-]+/g, '');
}

function replacementText(tag: string, items: EntryItems): string {
  return items.form === 'words' ? tag : yamlText(tag, items.form === 'flow' ? 'flow' : 'scalar');
}
