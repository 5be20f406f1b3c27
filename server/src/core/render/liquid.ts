import { wellFormed } from '../wellFormed';

/**
 * Liquid as far as a preview can know it, applied before Markdown as Jekyll does. URL tags and filters
 * (`post_url`, `link`, `site.baseurl`, `relative_url`, `absolute_url`) become the URLs Jekyll would write,
 * `{% raw %}` is literal, `{% highlight %}` becomes a fenced code block, and every other tag or output
 * becomes a placeholder marker the renderer shows as a quiet box. Nothing is ever evaluated, and the text
 * keeps its line count so `data-line` and header lines stay right. Values come from the link checker's
 * evaluator (`links/resolveUrl.ts`), so preview and diagnostics agree on every URL.
 */
import { evaluateOutput } from '../links/resolveUrl';
import { linkTagBaseurl, type SiteConfig } from '../site/config';
import { linkTagArgument } from '../links/linkTags';
import { liquidEndTag } from './liquidBlockTags';

export interface LiquidContext {
  readonly config: SiteConfig;
  /** The document's front matter, for `{{ page.title }}` and the like. */
  readonly page: Readonly<Record<string, unknown>>;
  /** URL (without baseurl) of `{% post_url name %}`, undefined when no post has that name. */
  postUrl(name: string): string | undefined;
  /** URL (without baseurl) of `{% link path %}`, undefined when there is no such file. */
  linkUrl(path: string): string | undefined;
}

export interface AppliedLiquid {
  readonly text: string;
  /** The Liquid source of each placeholder, by number: the text holds `\uE000<n>\uE001` where it was. */
  readonly placeholders: readonly string[];
}

/** Private-use characters around a placeholder's number: Markdown leaves them alone, and they are taken out of the post first. */
const MARKER_CHARS = /[\uE000\uE001]/g;

/** The href of a URL tag whose target does not exist: the link shows as broken and a click says why. */
export const MISSING_SCHEME = 'bw-missing:';

const BLOCK_END: Record<string, RegExp> = {
  raw: liquidEndTag('raw', 'g'),
  comment: liquidEndTag('comment', 'g'),
  highlight: liquidEndTag('highlight', 'g'),
};

export function applyLiquid(text: string, context: LiquidContext): AppliedLiquid {
  const placeholders: string[] = [];
  const out = expand(text.replace(MARKER_CHARS, '\uFFFD'), context, placeholders);
  return { text: out, placeholders };
}

function expand(text: string, context: LiquidContext, placeholders: string[]): string {
  let out = '';
  let at = 0;
  const placeholder = (source: string) => {
    placeholders.push(source);
    // The marker stands for the whole tag; its newlines stay so that lines keep their numbers.
    return `\uE000${placeholders.length - 1}\uE001` + newlinesOf(source);
  };
  // Next `{%` and `{{` at or after `at`, found again only when passed: one scan of the text, not one per tag.
  let nextTag = -2;
  let nextOutput = -2;
  while (at < text.length) {
    if (nextTag !== -1 && nextTag < at) {
      nextTag = text.indexOf('{%', at);
    }
    if (nextOutput !== -1 && nextOutput < at) {
      nextOutput = text.indexOf('{{', at);
    }
    const open = nextTag < 0 ? nextOutput : nextOutput < 0 ? nextTag : Math.min(nextTag, nextOutput);
    if (open < 0) {
      break;
    }
    const isTag = text[open + 1] === '%';
    const close = text.indexOf(isTag ? '%}' : '}}', open + 2);
    if (close < 0) {
      break;
    }
    out += text.slice(at, open);
    const source = text.slice(open, close + 2);
    at = close + 2;
    const inner = source.slice(2, -2).replace(/^-/, '').replace(/-$/, '').trim();
    if (!isTag) {
      out += outputValue(inner, context) ?? placeholder(source);
      continue;
    }
    const [name = '', ...args] = inner.split(/\s+/);
    const end = BLOCK_END[name];
    if (end) {
      end.lastIndex = at;
      const match = end.exec(text);
      const contentEnd = match ? match.index : text.length;
      const content = text.slice(at, contentEnd);
      at = match ? match.index + match[0].length : text.length;
      if (name === 'raw') {
        out += content; // literal, Liquid included
      } else if (name === 'comment') {
        out += newlinesOf(source + content + (match?.[0] ?? ''));
      } else {
        // Unclosed, it runs to the end as written: expanded, each unclosed block inside would take the rest again.
        const code = match ? expand(content, context, placeholders) : content;
        out += fencedCode(args[0] ?? '', code, !atLineStart(out)) + newlinesOf(source);
      }
      continue;
    }
    const argument = linkTagArgument(inner.slice(name.length));
    if (name === 'post_url') {
      out += urlOrMissing(context.postUrl(argument), 'post_url', argument, context);
    } else if (name === 'link') {
      out += urlOrMissing(context.linkUrl(argument.replace(/^\/+/, '')), 'link', argument, context);
    } else {
      out += placeholder(source);
    }
  }
  return out + text.slice(at);
}

function urlOrMissing(url: string | undefined, tag: string, argument: string, context: LiquidContext): string {
  return url === undefined ? `${MISSING_SCHEME}${tag}/${encodeURIComponent(wellFormed(argument))}` : linkTagBaseurl(context.config) + url;
}

/** `{% highlight lang %}` as a fence longer than any backtick run inside, so the code cannot close it. */
function fencedCode(language: string, code: string, needsLineBreak: boolean): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = (code.startsWith('\n') ? code : '\n' + code) + (code.endsWith('\n') ? '' : '\n');
  return (needsLineBreak ? '\n' : '') + fence + language.replace(/[^\w+#.-]/g, '') + body + fence;
}

/** `{{ ... }}` whose value is known without running anything: what the link checker evaluates, plus page variables and the site title. */
function outputValue(expression: string, context: LiquidContext): string | undefined {
  const value = evaluateOutput(expression, context.config);
  if (value !== undefined) {
    return value;
  }
  if (expression === 'site.title') {
    return context.config.title;
  }
  const pageValue = /^page\.(\w+)$/.exec(expression) ? context.page[expression.slice(5)] : undefined;
  return typeof pageValue === 'string' || typeof pageValue === 'number' ? String(pageValue) : undefined;
}

/** Whether only spaces and tabs follow the last line break of `text` (read from its end, not searched from its start). */
function atLineStart(text: string): boolean {
  let i = text.length;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
    i--;
  }
  return i === 0 || text[i - 1] === '\n';
}

function newlinesOf(text: string): string {
  return '\n'.repeat(text.split('\n').length - 1);
}
