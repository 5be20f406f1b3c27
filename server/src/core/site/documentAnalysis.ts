import { detached } from '../detached';
import type { ParsedFrontMatter } from '../frontmatter/parse';
import type { LinkForm, LinkOccurrence, ScannedLinks } from '../links/scanLinks';
import type { DocumentAnchor } from './documentAnchors';
import type { DocumentScan } from './documentScan';

/**
 * What indexing learned of a document's text: its parsed front matter and its links. The check run after a build
 * keeps it until the document's first check (`KeptAnalyses`), so a whole-blog check parses and scans each file
 * once, not twice.
 */
export interface DocumentAnalysis {
  /** The length of the text it was made from: a different text gets a fresh parse. */
  readonly length: number;
  readonly frontMatter: ParsedFrontMatter;
  readonly links: KeptLinks | undefined;
}

/**
 * A scan with no strings cut from the text: links as (form, start, end) triples, their targets sliced again
 * from the text when checked. Thousands wait for their check at once, and strings kept from a file would keep
 * the whole file alive (see `detached`); on a 10,000-post blog this form takes 70 MB less than the scan itself.
 */
interface KeptLinks extends Omit<ScannedLinks, 'links' | 'headings'> {
  readonly spans: Int32Array;
  /** Where each heading starts; their ids and text are the index's anchors, in the same order. */
  readonly headingStarts: Int32Array;
  readonly anchors: readonly DocumentAnchor[];
}

/** Most documents define no references: one empty set for all of them. */
const NO_DEFINITIONS: ReadonlySet<string> = new Set();

const FORM_CODES = { inline: 0, image: 1, reference: 2, definition: 3, autolink: 4, html: 5, post_url: 6, link: 7 } satisfies Record<LinkForm, number>;
const FORMS = Object.keys(FORM_CODES) as LinkForm[];
/** Added to a form's code for a tag in code (`LinkOccurrence.inCode`). */
const IN_CODE = 8;

/** What the index keeps of a scan (detached): shared with the kept analysis, not copied again. */
interface IndexedScan {
  readonly scanned: ScannedLinks;
  readonly ids: ReadonlySet<string>;
  readonly anchors: readonly DocumentAnchor[];
}

export function keptAnalysis(text: string, frontMatter: ParsedFrontMatter, links: IndexedScan | undefined): DocumentAnalysis {
  return { length: text.length, frontMatter, links: links && keptLinks(links) };
}

function keptLinks({ scanned, ids, anchors }: IndexedScan): KeptLinks {
  const links = scanned.links;
  const spans = new Int32Array(links.length * 3);
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    spans[i * 3] = FORM_CODES[link.form] + (link.inCode ? IN_CODE : 0);
    spans[i * 3 + 1] = link.start;
    spans[i * 3 + 2] = link.end;
  }
  const headingStarts = new Int32Array(scanned.headings.length);
  for (let i = 0; i < headingStarts.length; i++) {
    headingStarts[i] = scanned.headings[i]!.start;
  }
  return {
    spans,
    definitions: scanned.definitions.size === 0 ? NO_DEFINITIONS : new Set([...scanned.definitions].map(detached)),
    definitionsComplete: scanned.definitionsComplete,
    ids,
    idsComplete: scanned.idsComplete,
    includes: scanned.includes.length === 0 ? scanned.includes : scanned.includes.map(detached),
    headingStarts,
    anchors,
    liquidInCode: scanned.liquidInCode,
  };
}

/** The scan again, from the kept form and the same text: each target is the text between its offsets. */
export function scannedLinksOf(analysis: DocumentAnalysis, text: string): ScannedLinks | undefined {
  const kept = analysis.links;
  if (!kept) {
    return undefined;
  }
  const links: LinkOccurrence[] = [];
  for (let i = 0; i < kept.spans.length; i += 3) {
    const code = kept.spans[i]!;
    const form = FORMS[code % IN_CODE]!;
    const start = kept.spans[i + 1]!;
    const end = kept.spans[i + 2]!;
    const target = text.slice(start, end);
    links.push(form === 'reference' ? { form, start, end, target, label: target } : code >= IN_CODE ? { form, start, end, target, inCode: true } : { form, start, end, target });
  }
  const headings = kept.anchors.map((anchor, i) => ({ id: anchor.id, start: kept.headingStarts[i]!, text: anchor.text }));
  return { links, definitions: kept.definitions, definitionsComplete: kept.definitionsComplete, ids: kept.ids, idsComplete: kept.idsComplete, headings, includes: kept.includes, liquidInCode: kept.liquidInCode };
}

/**
 * The analyses one build made, handed to the check run that follows it (`SiteIndex.build` returns them): each is
 * taken once, by its document's first check, and whatever the run does not take goes with it.
 */
export class KeptAnalyses {
  readonly #byPath = new Map<string, { readonly analysis: DocumentAnalysis; readonly document: object }>();

  /** `document` is the index's entry the analysis was made for: an update replaces it, and the analysis is then stale. */
  add(path: string, analysis: DocumentAnalysis, document: object): void {
    this.#byPath.set(path, { analysis, document });
  }

  /** The scan of `text` as the build made it, once; undefined for another text or after the document changed. */
  take(path: string, text: string, current: object | undefined): DocumentScan | undefined {
    const kept = this.#byPath.get(path);
    this.#byPath.delete(path);
    if (!kept || kept.document !== current || kept.analysis.length !== text.length) {
      return undefined;
    }
    return { frontMatter: kept.analysis.frontMatter, links: scannedLinksOf(kept.analysis, text) };
  }

  drop(path: string): void {
    this.#byPath.delete(path);
  }

  get size(): number {
    return this.#byPath.size;
  }
}
