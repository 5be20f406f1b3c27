/** Liquid that Jekyll renders where the author meant it to be shown as written. */
import * as l10n from '@vscode/l10n';
import { isMarkdownPath } from '../site/documentKind';
import { JEKYLL_KEYS } from '../features/frontMatterKeys';
import { scanOf, shorten } from './linkRules';
import type { Finding, Rule, RuleContext } from './rule';

export const liquidInCodeRule: Rule = {
  name: 'liquid in code',
  check(context: RuleContext): Finding[] {
    // Only Markdown has code blocks: an indented line of an HTML page is markup, and its Liquid is meant to run.
    if (!isMarkdownPath(context.document.path, context.site.config)) {
      return [];
    }
    const scanned = scanOf(context);
    /** Whether each `{% for %}` in code not closed yet is meant: its `{% endfor %}` is as meant as it. */
    const loops: boolean[] = [];
    return (scanned?.liquidInCode ?? []).flatMap(({ start, end, indented, inMath, unterminated }) => {
      const expression = context.text.slice(start, end);
      const wrapInRaw = { title: l10n.t('Wrap in {% raw %}'), replacement: `{% raw %}${expression}{% endraw %}` };
      if (unterminated) {
        return {
          code: 'liquid.in-code',
          start,
          end,
          message: l10n.t('Liquid reads `{0}` as an output that `}}` does not close, and Jekyll fails the build. Wrap it in {% raw %}...{% endraw %}, or put a space between the braces.', expression),
          data: wrapInRaw,
        };
      }
      if (indented && includeOpensBlankLine(context, start, end, expression)) {
        return [];
      }
      const tag = /^\{%-?\s*(for|endfor)\b\s*([\s\S]*?)\s*-?%\}$/.exec(expression);
      if (tag?.[1] === 'for') {
        // A loop over a list the page or the site sets writes the code's lines (`--extra_apks {{ apex }}.apex` for
        // each item); one over `site.posts` in a tutorial writes nothing there.
        const list = /^[A-Za-z_][\w-]*\s+in\s+(.+)$/.exec(tag[2]!)?.[1];
        loops.push(list !== undefined && meantAsOutput(`{{ ${list} }}`, context));
      }
      if (tag?.[1] === 'for' ? loops[loops.length - 1] : tag?.[1] === 'endfor' ? loops.pop() : meantAsOutput(expression, context)) {
        return [];
      }
      return {
        code: 'liquid.in-code',
        start,
        end,
        message: inMath
          ? l10n.t('Jekyll renders `{0}` although it stands in math, so the formula gets its output (usually nothing) instead of the braces. Wrap it in {% raw %}...{% endraw %}, or put a space between the braces.', shorten(expression))
          : l10n.t('Jekyll renders `{0}` although it stands in code, so readers see its output (usually nothing). Wrap it in {% raw %}...{% endraw %} to show it as written.', shorten(expression)),
        data: wrapInRaw,
      };
    });
  },
};

/**
 * Output in code that the author means readers to see: a string (`{{ "{{" }}`, the way to show braces), a
 * setting or data value of the site (`{{ site.version }}` in an install command, `{{ site.time | date: "%Y" }}` in a
 * licence), a key of the page's own front matter, or a variable the page sets itself (`{% for snapshot in ... %}`)
 * or by an include.
 */
function meantAsOutput(expression: string, context: RuleContext): boolean {
  const inner = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/.exec(expression)?.[1];
  if (inner === undefined) {
    return false;
  }
  // A string opened by either quote holds the other (`{{ "'{{" }}` shows `'{{`).
  if (/^(?:"[^"]*"|'[^']*')/.test(inner)) {
    return true;
  }
  const [name, first, second] = (/^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/.exec(inner)?.[0] ?? '').split('.');
  if (name === 'site') {
    if (first === 'data') {
      return second !== undefined && [...context.site.dataFiles.keys()].some((d) => d === second || d.startsWith(second + '/'));
    }
    // `site.time` is the build's time (a copyright year), `site.github` jekyll-github-metadata's repository data; a
    // site's own plugins may set any other (bitcoin.org's `_plugins/releases.rb` sets `site.DOWNLOAD_VERSION`).
    return first !== undefined && (Object.hasOwn(context.site.config.raw, first) || first === 'time' || first === 'github' || context.site.localPlugins.size > 0);
  }
  if (name === 'page') {
    // A key of the page's own front matter (`imgver: 3.4` for `releases/{{page.imgver}}/`); not one Jekyll reads
    // itself: `{{ page.title }}` in code is how a post about Jekyll shows a template.
    if (first !== undefined && !JEKYLL_KEYS.has(first) && context.frontMatter.entries.has(first)) {
      return true;
    }
  }
  return name !== undefined && name !== '' && (new RegExp(`\\{%-?\\s*(?:for\\s+${name}\\s+in\\b|assign\\s+${name}\\s*=|capture\\s+${name}\\s*-?%)`).test(context.text) || assignedByInclude(name, context));
}

/**
 * An `{% include %}` alone on an indented line whose file's first line writes nothing: the line Jekyll writes is blank,
 * so the indentation makes no code block of it (Minimal Mistakes' `    {% include archive-single.html %}` after a
 * Liquid-only line; the oracle renders it as HTML, and as code when the include starts with `<div>`).
 */
function includeOpensBlankLine(context: RuleContext, start: number, end: number, expression: string): boolean {
  const name = /^\{%\s*include\s+([^\s{}%]+)/.exec(expression)?.[1];
  if (name === undefined) {
    return false;
  }
  const text = context.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
  return alone && context.site.includeOpensBlank(name) === true;
}

/** Whether an `{% include %}` of the page assigns the variable: Liquid keeps it for the rest of the page. */
function assignedByInclude(name: string, context: RuleContext): boolean {
  if (!context.text.includes('include')) {
    return false;
  }
  for (const include of context.text.matchAll(/\{%-?\s*include\s+([^\s{}%]+)/g)) {
    if (context.site.includeAssigns(include[1]!)?.has(name)) {
      return true;
    }
  }
  return false;
}
