import type { RuleArea, RuleCode } from '../core/ruleCatalog';
import { tagFindingMayChange } from '../core/rules/tagRules';
import { keyFindingMayChange } from '../core/rules/unknownKeyRule';
import type { SiteIndex } from '../core/site/siteIndex';
import { tagsOf } from '../core/site/tags';

/**
 * What one file gives the messages of other documents, beyond the link targets the reverse link index tracks:
 * whether and where it is a target at all (suggestions list every page), its tags and categories (counts), and its
 * front matter keys (key counts).
 */
export interface BlogFacts {
  readonly target: string;
  readonly tags: ReadonlySet<string>;
  readonly keys: ReadonlySet<string>;
}

/** Where the publisher knows which documents show messages with a code, or of an area (`link`, `tag`). */
export type FindingsOf = (codeOrArea: RuleCode | RuleArea) => Iterable<string>;

const TAG_KEYS = ['tags', 'categories'] as const;
type TagKey = (typeof TAG_KEYS)[number];

export function factsOf(site: SiteIndex, path: string): BlogFacts {
  const document = site.document(path);
  const kind = document?.kind ?? (site.staticFiles.has(path) ? 'static' : '');
  return {
    target: kind && `${kind}|${site.urls.urlsOf(path).join(' ')}`,
    tags: new Set(document ? TAG_KEYS.flatMap((key) => tagsOf(document.data, key, document.kind).map((tag) => `${key}:${tag}`)) : []),
    keys: new Set(document ? Object.keys(document.data) : []),
  };
}

/**
 * The documents whose messages may change when a file's facts go from `before` to `after`: those that show link
 * messages when a target comes, goes or moves (a suggestion may name it), and those with a tag or key whose
 * finding a changed count may change (as `tagRules` and `unknownKeyRule` say), with those already showing such
 * messages (their counts may be quoted).
 */
export function dependantsOf(site: SiteIndex, before: BlogFacts, after: BlogFacts, findingsOf: FindingsOf): Set<string> {
  const paths = new Set<string>();
  if (before.target !== after.target) {
    addAll(paths, findingsOf('link'));
  }
  // Counts are per spelling: `tags:Kotlin` to `tags:kotlin` changes two. Only a changed tag near one another
  // document uses can change that document's findings (typing `tags: [m]` usually concerns no other post).
  const usedElsewhere = (key: TagKey, tag: string) => (site.tagCounts(key).get(tag) ?? 0) > (after.tags.has(`${key}:${tag}`) ? 1 : 0);
  const tags = changed(before.tags, after.tags)
    .map((entry) => entry.split(/:(.*)/s) as [TagKey, string])
    .filter(([key, tag]) => [...site.tagCounts(key).keys()].some((other) => usedElsewhere(key, other) && tagFindingMayChange(other, tag)));
  const keys = changed(before.keys, after.keys);
  if (keys.length > 0) {
    addAll(paths, findingsOf('frontmatter.unknown-key'));
  }
  if (tags.length === 0 && keys.length === 0) {
    return paths;
  }
  for (const [path, document] of site.documents) {
    const near =
      (tags.length > 0 && TAG_KEYS.some((key) => tagsOf(document.data, key, document.kind).some((tag) => tags.some(([k, t]) => k === key && tagFindingMayChange(tag, t))))) ||
      (keys.length > 0 && Object.keys(document.data).some((key) => keys.some((k) => keyFindingMayChange(key, k))));
    if (near) {
      paths.add(path);
    }
  }
  return paths;
}

function changed(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  return [...[...before].filter((x) => !after.has(x)), ...[...after].filter((x) => !before.has(x))];
}

function addAll(into: Set<string>, paths: Iterable<string>): void {
  for (const path of paths) {
    into.add(path);
  }
}
