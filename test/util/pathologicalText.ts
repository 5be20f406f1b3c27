/**
 * Text built to make a scanner restart its search from every opener: one syntax opener (or a short unit)
 * repeated on one line, or on many lines, with no closer. A linear scanner checks each at any size in time
 * proportional to the size; a scanner that searches from every opener to the end of the line, the paragraph
 * or the text takes time that grows with the square of it. Shared by the scaling test and the fuzzer.
 */

export interface PathologicalPattern {
  /** What is repeated, for a report. */
  readonly name: string;
  /** The repeated unit; repeated to the size asked for. */
  readonly unit: string;
  /** Text before the repetition in the body: the construct whose inside is repeated. */
  readonly prefix?: string;
  /** Text after the repetition: the construct's closer. */
  readonly suffix?: string;
  /** Where the repetition goes: the body (default), or the front matter's `title:` (quoted as YAML). */
  readonly where?: 'body' | 'title';
}

/** Every syntax opener the scanners know, alone and in the combinations that once made a scan restart. */
export const PATHOLOGICAL_PATTERNS: readonly PathologicalPattern[] = [
  { name: 'link openers `[a](`', unit: '[a](' },
  { name: 'image openers `![a](`', unit: '![a](' },
  { name: 'link closers `](`', unit: '](' },
  { name: 'escaped link openers `\\[a](`', unit: '\\[a](' },
  { name: 'nested links `[a](b(`', unit: '[a](b(' },
  { name: 'links with Liquid `[a]({{`', unit: '[a]({{' },
  { name: 'angle destinations `[a](<`', unit: '[a](<' },
  { name: 'titles `[a](b "`', unit: '[a](b "' },
  { name: 'reference links `[a][`', unit: '[a][' },
  { name: 'reference definitions on every line', unit: '[a\n' },
  { name: 'HTML links `<a href="`', unit: '<a href="' },
  { name: 'HTML tags `<a `', unit: '<a ' },
  { name: 'HTML ids `<b id=x `', unit: '<b id=x ' },
  { name: 'autolinks `<http://a`', unit: '<http://a' },
  { name: 'IALs `{: `', unit: '{: ' },
  { name: 'IALs with ids `{:#a `', unit: '{:#a ' },
  { name: 'extension openers `{:: `', unit: '{:: ' },
  { name: 'code spans `` `a ``', unit: '`a ``' },
  { name: 'unmatched backtick runs', unit: '`a``b```c' },
  { name: 'fences on one line', unit: '~~~ ``` ' },
  { name: 'fences on every line', unit: '```\n~~~\n' },
  { name: 'fences that never close', unit: '```` never closed\n~~~ never closed\n' },
  { name: 'Liquid tags `{% `', unit: '{% ' },
  { name: 'Liquid output `{{ `', unit: '{{ ' },
  { name: 'post_url tags `{% post_url `', unit: '{% post_url a' },
  { name: 'link tags `{% link `', unit: '{% link a' },
  { name: 'raw blocks `{% raw %}`', unit: '{% raw %}{{' },
  { name: 'Liquid in code', unit: '`{{ a` ' },
  { name: 'highlight blocks `{% highlight x %}`', unit: '{% highlight x %}' },
  { name: 'footnote references `[^a`', unit: '[^a' },
  { name: 'footnote definitions on every line', unit: '[^a\n' },
  { name: 'HTML comments `<!--`', unit: '<!-- -- ' },
  { name: 'HTML comments in code spans', unit: '`<!--` `' },
  { name: 'capture blocks with headers', unit: '{% capture a %}\n## h\n' },
  { name: 'unclosed tags in an HTML block', unit: '<div><a b=' },
  { name: 'Markdown-in-HTML attributes `<div markdown=1 `', unit: '<div markdown=1 ' },
  { name: 'unclosed tags inside `<div markdown="1">`', prefix: '<div markdown="1">\n\n', unit: '<div ' },
  { name: 'headings with `{#id}` on every line', unit: '# a {#b} {#c\n' },
  { name: 'heading IAL lines', unit: '# h\n{:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a {:#a\n' },
  { name: 'trailing hashes in headings', unit: '# a ######################################## b\n' },
  { name: 'brackets in headings', unit: '## [a](`b`) [c][d] <e> &amp; __f__ \\[\n' },
  { name: 'srcset candidates with unclosed Liquid', prefix: '<img srcset="', unit: '{{ a {% b {', suffix: '">' },
  { name: 'HTML block openers on every line', unit: '<div a="\n<div b=\'\n' },
  { name: 'unclosed elements in a raw HTML block', prefix: '<div>\n', unit: '<p><b x=\'' },
  { name: 'comments and stray closers in a raw HTML block', prefix: '<div>\n', unit: '<!-- </p></x><script>' },
  { name: 'span HTML blocks on every line', unit: '<p markdown="1">[a](b\n' },
  { name: 'footnotes referring to each other', unit: '[^a]: x[^b] [^a]\n\n    y[^a]\n[^b]: [^c\n' },
  { name: 'lines of Liquid tags', unit: '{% if a %} {% endif %}{% for b \n' },
  { name: 'nested list items and lazy lines', unit: '- a\n  * b\n    1. c\n       [^d]: e\nlazy\n        code\n\n' },
  { name: 'placeholders `<x>`', unit: '<x> a ' },
  { name: 'placeholders in attribute values', unit: '<i title="<x> ' },
  { name: 'front matter title of openers', unit: '[a]({{ ', where: 'title' },
  { name: 'Markdown in code after an element left open', prefix: '<div>\n<p>x\n</div>\n', unit: '\n<pre>\n\n## h [a](b)\n' },
  { name: 'definitions after paragraph lines', unit: 'a\n[b]: c\n> d\n[e]: f\n' },
  { name: 'indented code with lazy lines', unit: '    a\n- b [c](d)\n# e\n' },
  { name: 'table rows in quotes', unit: '> [a](b|c) |\n>\n- > d | e\n' },
  { name: 'definition list terms', unit: 'term\n: def\nmore\n\nt\n' },
  { name: 'paragraph lines never defined', unit: 'line\n' },
  { name: 'unclosed kramdown extensions `{::comment}`', unit: 'a {::comment} b {::nomarkdown}\n{::comment}\n\n' },
  { name: 'abbreviations and their words', unit: '*[a b]: t\n\na b a b *[a]: x\n\n' },
  { name: 'IALs after tight lists', unit: '- a *b*{: .c}\n{: .d}\n\n' },
];

/** A whole document: front matter, then the pattern repeated to about `size` characters. */
export function pathologicalDocument(pattern: PathologicalPattern, size: number): string {
  const repeated = pattern.unit.repeat(Math.ceil(size / pattern.unit.length)).slice(0, size);
  if (pattern.where === 'title') {
    return `---\nlayout: post\ntitle: ${JSON.stringify(repeated)}\nauthor: jane.doe\n---\nBody.\n`;
  }
  return `---\nlayout: post\ntitle: T\nauthor: jane.doe\n---\n${pattern.prefix ?? ''}${repeated}${pattern.suffix ?? ''}\n`;
}
