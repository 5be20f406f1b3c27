/**
 * Random kramdown documents for the conformance run: the link forms kramdown reads differently from
 * CommonMark (spaces, angle brackets, titles), references, footnotes, nested lists, HTML blocks with
 * markdown="1", code fences and spans with backticks, and Liquid tags and blocks at every indentation.
 * Every Liquid construct is well formed, so Jekyll builds every case; what differs is where it stands.
 * A document is a list of blocks, so a failing case can be shrunk block by block.
 */
import { Random } from '../fuzz/random';

/** The files every fuzzed blog has besides its cases: link targets that exist. */
export const FUZZ_SITE: Readonly<Record<string, string>> = {
  '_layouts/default.html': '<html><body><div id="layout-id"></div>{{ content }}</body></html>\n',
  'about.md': '---\ntitle: About\npermalink: /about/\n---\n# About us\n\n## Team {#the-team}\n',
  'assets/img/logo.png': 'png',
  'assets/my file.png': 'png',
  'docs/page.html': '---\ntitle: Page\n---\n<h2 id="part">Part</h2>\n',
};

const URLS = [
  '/about/', '/about/#about-us', '/about/#the-team', '/about/#nope', '#missing', '/assets/img/logo.png', '/assets/img/none.png',
  '/docs/page.html#part', '/docs/page.html#other', '../about/', 'https://example.com/x', '/assets/my%20file.png', 'mailto:a@b.c',
  '/about', '/nowhere/', '{{ site.baseurl }}/about/', '{{ "/about/" | relative_url }}',
];
const SPACED_URLS = ['/assets/my file.png', '/about/ "Title"', '/about/#about-us \'t\'', '/none here.png'];
const WORDS = ['alpha', 'Beta', 'gamma-ray', 'C#', 'x_y', 'über', '1st', 'what?', 'a.b', '`code`', '**bold**', '&amp;', 'it\'s'];
const LIQUID_INLINE = ['{{ page.title }}', '{{ site.title }}', '{{ x | upcase }}', '{% raw %}{{ kept }}{% endraw %}', '{% if true %}yes{% endif %}', '{{ "{{" }}', '{% assign v = 1 %}{{ v }}'];

export interface FuzzDocument {
  readonly blocks: readonly string[];
}

export function fuzzDocument(random: Random): FuzzDocument {
  const blocks: string[] = [];
  const count = 2 + random.int(7);
  for (let i = 0; i < count; i++) {
    blocks.push(block(random, 0));
  }
  return { blocks };
}

export function documentText(document: FuzzDocument, title = 'Case'): string {
  return `---\nlayout: default\ntitle: ${title}\n---\n` + document.blocks.join('\n\n') + '\n';
}

function block(random: Random, depth: number): string {
  const kinds: (() => string)[] = [
    () => heading(random),
    () => paragraph(random),
    () => paragraph(random),
    () => `[${random.pick(['ref', 'Ref', 'r 1'])}]: ${random.pick([...URLS.filter((u) => !u.includes('{')), '<' + random.pick(SPACED_URLS) + '>', random.pick(SPACED_URLS), '/about/ "T" more'])}${random.chance(0.3) ? ' "T"' : ''}`,
    () => `[^${random.pick(['1', 'n', 'note'])}]: A footnote with ${inline(random)}.`,
    () => list(random, depth),
    () => `<div markdown="1">\n${paragraph(random)}\n</div>`,
    () => `<div>\n<a href="${random.pick(URLS)}">html</a> ${inline(random)}\n</div>`,
    () => fence(random),
    () => '    ' + code(random).split('\n').join('\n    '),
    () => liquidBlock(random, depth),
    () => `${' '.repeat(random.int(5))}${random.pick(LIQUID_INLINE)}`,
  ];
  return depth > 2 ? paragraph(random) : random.pick(kinds)();
}

function heading(random: Random): string {
  const text = Array.from({ length: 1 + random.int(3) }, () => random.pick(WORDS)).join(' ');
  const id = random.chance(0.15) ? ' {#custom-' + random.int(9) + '}' : '';
  return random.chance(0.2) ? `${text}${id}\n${random.pick(['===', '---'])}` : `${'#'.repeat(1 + random.int(4))} ${text}${id}${random.chance(0.1) ? ' ##' : ''}`;
}

function paragraph(random: Random): string {
  return Array.from({ length: 1 + random.int(3) }, () => inline(random)).join(' ');
}

function inline(random: Random): string {
  const url = () => random.pick(URLS);
  const forms: (() => string)[] = [
    () => random.pick(WORDS),
    () => `[text](${url()})`,
    () => `[text](${url()} "a title")`,
    () => `[text](<${random.pick(SPACED_URLS)}>)`,
    () => `[text](${random.pick(SPACED_URLS)})`,
    () => `![img](${url()})`,
    () => `[text][${random.pick(['ref', 'Ref', 'r 1', 'missing'])}]`,
    () => `[ref][]`,
    () => `[ref]`,
    () => `<${random.pick(['https://example.com/a', 'http://x.y/z'])}>`,
    () => `text[^${random.pick(['1', 'n', 'note', 'none'])}]`,
    () => `\`${random.pick(['x', '{{ x }}', '{% raw %}{{ y }}{% endraw %}', '`a`', 'a `b` c', '[l](/nowhere/)'])}\``,
    () => `\`\` ${random.pick(['a ` b', '{{ page.url }}', '{{ "{{" }}'])} \`\``,
    () => random.pick(LIQUID_INLINE),
    () => `<a href="${url()}">a</a>`,
    () => `<img src="${url()}" srcset="${url()} 2x">`,
    () => `[nested [brackets]](${url()})`,
    () => `\\[not a link](${url()})`,
  ];
  return random.pick(forms)();
}

function list(random: Random, depth: number): string {
  const marker = random.pick(['-', '*', '1.']);
  const indent = marker === '1.' ? '   ' : random.pick(['  ', '    ']);
  return Array.from({ length: 1 + random.int(3) }, () => {
    const item = `${marker} ${paragraph(random)}`;
    if (random.chance(0.4)) {
      const inner = random.chance(0.5) ? fence(random) : block(random, depth + 1);
      return item + '\n\n' + inner.split('\n').map((l) => (l === '' ? l : indent + l)).join('\n');
    }
    return item;
  }).join('\n');
}

function code(random: Random): string {
  return random.pick(['let a = 1;', 'echo {{ page.title }}', '{% raw %}{{ raw }}{% endraw %}', 'x = "{{ site.title }}"', '{% if a %}b{% endif %}', 'no liquid [l](/nowhere/)', '`tick`']);
}

function fence(random: Random): string {
  const marker = random.pick(['```', '~~~', '````']);
  return `${marker}${random.pick(['', 'ruby', 'js', 'liquid'])}\n${code(random)}\n${marker}`;
}

function liquidBlock(random: Random, depth: number): string {
  const indent = ' '.repeat(random.pick([0, 0, 2, 4]));
  const inner = depth > 1 ? paragraph(random) : block(random, depth + 1);
  const wrap = random.pick([
    (s: string) => `{% if true %}\n${s}\n{% endif %}`,
    // Liquid has no nested raw: `{% endraw %}` inside would end it early and leave the outer one unknown.
    (s: string) => (s.includes('raw %}') ? `{% if true %}\n${s}\n{% endif %}` : `{% raw %}\n${s}\n{% endraw %}`),
    (s: string) => `{% comment %}\n${s}\n{% endcomment %}`,
    (s: string) => `{% capture c %}\n${s}\n{% endcapture %}{{ c }}`,
    () => `{% highlight ruby %}\n${code(random)}\n{% endhighlight %}`,
    (s: string) => `{% for i in (1..1) %}\n${s}\n{% endfor %}`,
  ]);
  return wrap(inner).split('\n').map((l) => indent + l).join('\n');
}
