import * as l10n from '@vscode/l10n';
import { sortRanges, tagsAsText, type Range } from '../links/scanLinks';
import { containing } from '../sortedSearch';
import { isMarkdownPath } from '../site/documentKind';
import { scanOf } from './linkRules';
import { rendersWithKramdown } from './markdownRules';
import type { Finding, Rule, RuleContext } from './rule';

/**
 * A placeholder in angle brackets (`yarn-<version>.js`, `cd <your-folder>`, `<MRUBY_ROOT>`) is an HTML tag for kramdown
 * (the oracle: `<p>yarn-<version>.js</version></p>`): the browser shows nothing of it, the rest of the paragraph is
 * its content (`**` after it stays as written), and at a line's start it opens an HTML block to the end of the page.
 * Inside an HTML block it stays open and the block's own closing tag becomes text. Reported where kramdown reads a
 * tag (not in code, math, comments, Liquid, `{::nomarkdown}`, URLs, attribute values), for a name that is no HTML
 * element, without attributes with values, not written with `/>`, nor closed anywhere in the page: a tag the author
 * closes, or gives `x="y"`, is HTML meant as such (a custom element, `<note>...</note>` styled by the site).
 */
export const unknownTagRule: Rule = {
  name: 'unknown tags',
  check(context: RuleContext): Finding[] {
    const { text, frontMatter, siteDocument, site } = context;
    if (!siteDocument || !isMarkdownPath(siteDocument.path, site.config) || frontMatter.block.kind !== 'closed' || !rendersWithKramdown(site.config.raw['markdown'])) {
      return [];
    }
    const candidates = placeholders(text, frontMatter.bodyStart);
    if (candidates.length === 0) {
      return [];
    }
    const { asText, blocks } = tagsAsText(text, frontMatter.bodyStart, site.config.kramdownInput);
    const urls = sortRanges((scanOf(context)?.links ?? []).map(({ start, end }) => ({ start, end })));
    const htmlBlocks = sortRanges(blocks.html.map(({ start, end }) => ({ start, end })));
    /** HTML blocks already reported: the first placeholder keeps the block open to the page's end, the rest is in it. */
    const reported = new Set<Range>();
    const findings: Finding[] = [];
    for (const tag of candidates) {
      if (containing(asText, tag.start) || containing(urls, tag.start) || inAttributeValue(text, tag.start)) {
        continue;
      }
      const block = containing(htmlBlocks, tag.start);
      if (block && reported.has(block)) {
        continue;
      }
      if (block) {
        reported.add(block);
      }
      const written = text.slice(tag.start, tag.end);
      const opensBlock = block !== undefined && /^[ \t]*$/.test(text.slice(block.start, tag.start));
      findings.push({
        code: 'markdown.unknown-tag',
        start: tag.start,
        end: tag.end,
        message: opensBlock
          ? l10n.t('kramdown reads {0} as an HTML tag that opens an HTML block to the end of the page: readers see neither it nor the Markdown after it. Write &lt; for its <.', written)
          : l10n.t('kramdown reads {0} as an HTML tag: readers see nothing of it, and it holds the text after it. Write &lt; for its <.', written),
        data: { title: l10n.t('Write {0}', '&lt;' + written.slice(1)), replacement: '&lt;', start: tag.start, end: tag.start + 1 },
      });
    }
    return findings;
  },
};

/**
 * `<name>` or `<name word word>` (kramdown's tag, attributes without values), tried at each `<`: the match stops at
 * the first character of another kind, so the tries read the text once.
 */
const PLACEHOLDER = /<([A-Za-z_][\w.-]*)(?:[ \t]+[A-Za-z_][\w.-]*)*[ \t]*>/y;
/** kramdown's closing tag. */
const CLOSING = /<\/([A-Za-z_][\w.:-]*)\s*>/y;

const DRAWING = /<(?:svg|math)[\s>]/gi;

/** The placeholders from `from` on whose name is no element and that the page never closes. */
function placeholders(text: string, from: number): Range[] {
  const found: { start: number; end: number; name: string }[] = [];
  const closed = new Set<string>();
  for (let lt = text.indexOf('<', from); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      CLOSING.lastIndex = lt;
      const close = CLOSING.exec(text);
      if (close) {
        closed.add(close[1]!.toLowerCase());
      }
      continue;
    }
    // `\<name>` is kramdown's escape (a `\\` before it is an escaped backslash); `<<name>>` its guillemets, «name».
    if ((text.charCodeAt(lt - 1) === 92 && text.charCodeAt(lt - 2) !== 92) || text.charCodeAt(lt - 1) === 60 /* < */) {
      continue;
    }
    PLACEHOLDER.lastIndex = lt;
    const tag = PLACEHOLDER.exec(text);
    const name = tag?.[1]!.toLowerCase() ?? '';
    if (tag && !HTML_ELEMENTS.has(name)) {
      found.push({ start: lt, end: PLACEHOLDER.lastIndex, name });
    }
  }
  const open = found.filter(({ name }) => !closed.has(name));
  // SVG and MathML elements are elements only inside `<svg>` and `<math>`; elsewhere `<path>` is a placeholder. The
  // page is searched for those only when such a name is there: a case-blind pattern reads a text 20 times slower
  // than the search for `<`.
  if (!open.some(({ name }) => SVG_AND_MATHML_ELEMENTS.has(name))) {
    return open;
  }
  DRAWING.lastIndex = from;
  const drawing = DRAWING.test(text);
  return open.filter(({ name }) => !(drawing && SVG_AND_MATHML_ELEMENTS.has(name)));
}

/** Whether `at` lies in a quoted attribute value of a tag opened earlier on its line (`<img alt="cd <folder>">`). */
function inAttributeValue(text: string, at: number): boolean {
  // Bounded: a long line of placeholders must not be read back from each.
  const from = Math.max(0, at - 300);
  let inTag = false;
  let quote = '';
  for (let i = from + text.slice(from, at).lastIndexOf('\n') + 1; i < at; i++) {
    const c = text[i]!;
    if (quote !== '') {
      quote = c === quote ? '' : quote;
    } else if (!inTag) {
      inTag = c === '<' && /[A-Za-z]/.test(text[i + 1] ?? '');
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      inTag = false;
    }
  }
  return quote !== '';
}

/** HTML's elements, the obsolete ones browsers still know included (`<center>`, `<font>`, `<marquee>`). */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br button ' +
    'canvas caption center cite code col colgroup command content data datalist dd del details dfn dialog dir div dl dt element em ' +
    'embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img ' +
    'input ins isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem meta meter multicol nav nextid ' +
    'nobr noembed noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q rb rbc rp rt rtc ' +
    'ruby s samp script search section select shadow slot small source spacer span strike strong style sub summary sup svg table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp'
  ).split(' '),
);

/** SVG's and MathML's elements, in lower case. */
const SVG_AND_MATHML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'animate animatemotion animatetransform circle clippath defs desc discard ellipse feblend fecolormatrix fecomponenttransfer ' +
    'fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg ' +
    'fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile ' +
    'feturbulence filter foreignobject g line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient ' +
    'rect set stop switch symbol text textpath tspan use view ' +
    'annotation annotation-xml maction menclose merror mfenced mfrac mglyph mi mlabeledtr mmultiscripts mn mo mover mpadded mphantom ' +
    'mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none semantics'
  ).split(' '),
);
