import type { FixableCode, RuleCode } from '../ruleCatalog';
import type { ParsedFrontMatter } from '../frontmatter/parse';
import type { IExternalLinks } from '../links/externalLinkStatus';
import type { ScannedLinks } from '../links/scanLinks';
import type { BlogwrightSettings } from '../settings';
import type { SiteDocument, SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';

/** One problem a rule found, with offsets into the document's text; only a fixable code may carry a fix. */
export type Finding = FindingOf<FixableCode, FixData> | FindingOf<Exclude<RuleCode, FixableCode>, undefined>;

interface FindingOf<C extends RuleCode, F extends FixData | undefined> {
  /** `area.rule`, stable: users configure severities and CI tools filter by it. */
  readonly code: C;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** Context for a quick fix (for example the replacement text). */
  readonly data?: F;
  /** A missing link target's URL path (the site's, without `baseurl`): the user may choose not to check it (`blogwright.links.ignore`). */
  readonly ignorable?: string;
}

/** A quick fix a finding offers: replace its own range (or `start`..`end` when given) with `replacement`. */
export interface FixData {
  readonly title: string;
  readonly replacement: string;
  readonly start?: number;
  readonly end?: number;
}

export interface RuleContext {
  readonly site: SiteIndex;
  readonly settings: BlogwrightSettings;
  readonly document: ITextDocument;
  readonly text: string;
  readonly frontMatter: ParsedFrontMatter;
  /** What the site model knows of this file; undefined for files Jekyll does not render. */
  readonly siteDocument: SiteDocument | undefined;
  /** The one scan of this text (`SiteIndex.scan`, or the build's own when the check follows it); undefined unless Markdown or HTML. */
  readonly links: ScannedLinks | undefined;
  /** Results of the external link checks the adapter ran, when the user turned them on. */
  readonly externalLinks: IExternalLinks | undefined;
}

export interface Rule {
  /** For logs when the rule throws. */
  readonly name: string;
  /**
   * Its findings depend on what other documents say (their URLs, ids, tags, keys) or on the authors: while the
   * blog is only partly read, it would report what is merely not read yet, so it waits for the whole blog.
   */
  readonly wholeBlog?: boolean;
  check(context: RuleContext): Finding[];
}
