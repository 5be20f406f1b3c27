import { HOSTILE_FILES, HOSTILE_YAML } from '../util/hostileInputs';
import type { Random } from './random';

/**
 * Documents for the fuzzer: generated from a grammar of what Jekyll posts contain (front matter keys and values,
 * Markdown, Liquid, HTML), then mutated at the character level. Everything depends only on the `Random` given.
 */

const KEYS = ['title', 'layout', 'author', 'authors', 'tags', 'categories', 'category', 'date', 'permalink', 'excerpt', 'published', 'redirect_from', 'image', 'description', 'slug', 'lang', 'comments', 'last_modified_at', 'x-custom', '"quoted key"', '<<', '__proto__', 'ключ', '', 'tags '];
const SCALARS = [
  'jane.doe', 'john.smith', 'nobody', 'post', 'default', 'missing-layout', 'jvm', 'kotlin', 'big data', 'kafka', 'A title: with colon',
  '2020-01-01', '2020-13-45', '2020-02-30 10:00:00 +0100', '2021-06-01T12:00:00Z', '/:year/:month/:title.html', '/about/', 'pretty', 'none',
  'https://example.invalid/x', '/assets/img/logo.png', '../../../../etc/passwd', '42', '3.0', '0x1F', '1e309', 'yes', 'no', 'on', 'off', 'true', 'null', '~', '',
  '"double \\" quoted \\u263A"', "'single ''quoted'''", '"unclosed', "'unclosed", '{{ site.title }}', '{% post_url 2020-01-01-first %}', '&anchor value', '*anchor', '*missing',
  '!!str 12', '!!int x', '!!binary aGVsbG8=', '!ruby/object:Foo {a: 1}', '!!set {a, b}', '!!omap [a: 1]', '| \n  block\n  text', '>-\n  folded\n  text', '@at', '`tick', '%percent',
  '😀 emoji', 'עברית', '\u200b zero width', 'tab\there', 'a'.repeat(300),
];
const FLOW = ['[]', '[jvm, kotlin]', '[jvm, null, ~, 1, yes]', '[unclosed', '[a, [b, [c]]]', '{a: 1}', '{a: [1, {b: 2}]}', '[{a: 1}, {b: 2}]', '[jane.doe, nobody]', '["q", \'s\', *anchor]'];
const LIQUID = [
  '{% post_url 2020-01-01-first %}', '{% post_url 2099-01-01-missing %}', '{% post_url ../../etc %}', '{% link about.md %}', '{% link missing.md %}', '{{ site.baseurl }}', '{{ "/about.html" | relative_url }}',
  '{{ page.title }}', '{% include note.html text="x" %}', '{% raw %}{{ raw }}{% endraw %}', '{% highlight ruby %}\nputs 1\n{% endhighlight %}', '{% if x %}y{% endif %}', '{%', '{{', '%}', '}}', '{% endraw %}', '{% raw %}',
  '{% comment %}x{% endcomment %}', '{% assign x = "y" %}',
];
const TARGETS = [
  '/2020/01/first.html', '/2020/01/missing.html', '/about.html', '/about/', '/assets/img/logo.png', '/assets/missing.png', '#hello', '#missing', '../about.md', './x',
  'https://example.invalid/page', 'mailto:a@b.c', 'javascript:alert(1)', '', ' ', '<>', '/a b', '/%E2%9C%93', '/../../etc/passwd', 'file:///etc/passwd',
];
const TOKENS = [
  '---', '...', '\n', '\r\n', '\r', '\t', '\0', '\ufeff', '\ud800', '\udc00', '[', ']', '{', '}', '(', ')', ':', ': ', '- ', '-', '&a', '*a', '!', '!!', '"', "'", '`', '```', '~~~', '#', '\\',
  '<', '>', '|', '>-', '{%', '%}', '{{', '}}', '<!--', '-->', '<script>', '</div>', '&amp;', '[^1]', '{: .c}', '{#id}', '    ', '😀', '\u0301', '\u202e', ' ', ',', '?', '%', '@',
];

function scalar(random: Random): string {
  return random.chance(0.15) ? random.pick(LIQUID) : random.pick(SCALARS);
}

function yamlValue(random: Random, depth: number): string {
  const roll = random.int(10);
  if (depth < 3 && roll === 0) {
    return '\n' + Array.from({ length: 1 + random.int(4) }, () => '  '.repeat(depth + 1) + '- ' + scalar(random)).join('\n');
  }
  if (depth < 3 && roll === 1) {
    return '\n' + Array.from({ length: 1 + random.int(3) }, () => '  '.repeat(depth + 1) + random.pick(KEYS) + ': ' + yamlValue(random, depth + 1)).join('\n');
  }
  if (roll <= 3) {
    return random.pick(FLOW);
  }
  return scalar(random);
}

function frontMatter(random: Random): string {
  const lines = Array.from({ length: random.size(12) }, () => `${random.chance(0.9) ? random.pick(KEYS) : scalar(random)}:${random.chance(0.95) ? ' ' : ''}${yamlValue(random, 0)}`);
  if (random.chance(0.1)) {
    lines.push('# a comment', '');
  }
  const open = random.chance(0.95) ? '---' : random.pick(['--- ', '---js', '----', ' ---', '---\t']);
  const close = random.chance(0.9) ? '---' : random.pick(['...', '', '--- ', '----']);
  return `${open}\n${lines.join('\n')}\n${close}\n`;
}

function markdownBlock(random: Random): string {
  const words = () => Array.from({ length: 1 + random.int(8) }, () => random.pick(['word', 'Kafka', 'JVM', '*em*', '**strong**', '`code`', '_u_', 'x', '2020'])).join(' ');
  const link = () => {
    const target = random.chance(0.3) ? random.pick(LIQUID) : random.pick(TARGETS);
    return random.pick([`[${words()}](${target})`, `![${words()}](${target})`, `<${target}>`, `[${words()}][ref]`, `<a href="${target}">x</a>`, `<img src="${target}">`, target]);
  };
  switch (random.int(14)) {
    case 0:
      return `${'#'.repeat(1 + random.int(7))} ${words()}${random.chance(0.2) ? ' {#custom-id}' : ''}`;
    case 1:
      return `${words()} ${link()} ${words()}`;
    case 2:
      return '```' + random.pick(['', 'ruby', 'yaml', 'liquid']) + `\n${words()} ${random.pick(LIQUID)}\n` + (random.chance(0.8) ? '```' : '');
    case 3:
      return `    indented ${random.pick(LIQUID)}`;
    case 4:
      return random.pick(LIQUID) + ' ' + link();
    case 5:
      return `[ref]: ${random.pick(TARGETS)}${random.chance(0.3) ? ' "title"' : ''}`;
    case 6:
      return Array.from({ length: 1 + random.int(4) }, () => `${random.pick(['-', '*', '1.', '>', '> >'])} ${words()} ${random.chance(0.3) ? link() : ''}`).join('\n');
    case 7:
      return `| a | b |\n|---|---|\n| ${words()} | ${link()} |`;
    case 8:
      return `<div markdown="1">\n${words()}\n</div>`;
    case 9:
      return `${words()}[^1]\n\n[^1]: ${words()}`;
    case 10:
      return '{% raw %}\n' + random.pick(LIQUID) + '\n' + (random.chance(0.8) ? '{% endraw %}' : '');
    case 11:
      return `<!-- ${words()} ${link()} -->`;
    case 12:
      return '~~~\n' + words() + '\n~~~';
    default:
      return words();
  }
}

/** A post as a writer might (almost) have written it. */
export function generatedDocument(random: Random): string {
  const head = random.chance(0.9) ? frontMatter(random) : '';
  const body = Array.from({ length: random.size(20) }, () => markdownBlock(random)).join(random.chance(0.9) ? '\n\n' : '\n');
  let text = head + '\n' + body + '\n';
  if (random.chance(0.1)) {
    text = text.replace(/\n/g, '\r\n');
  }
  if (random.chance(0.05)) {
    text = '\ufeff' + text;
  }
  return text;
}

/** One character-level change: what a keystroke, a paste or a broken tool does to a file. */
export function mutate(random: Random, text: string, other: () => string): string {
  const at = random.int(text.length + 1);
  const end = Math.min(text.length, at + random.size(64));
  switch (random.int(9)) {
    case 0:
      return text.slice(0, at) + random.pick(TOKENS) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(end);
    case 2:
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 3:
      return text.slice(0, at) + String.fromCharCode(random.int(0x3000)) + text.slice(at + 1);
    case 4:
      return text.slice(0, at);
    case 5: {
      const donor = other();
      const from = random.int(donor.length + 1);
      return text.slice(0, at) + donor.slice(from, from + random.size(512)) + text.slice(at);
    }
    case 6:
      // A long run of one token: long lines, deep nesting.
      return text.slice(0, at) + random.pick(TOKENS).repeat(random.size(1500)) + text.slice(at);
    case 7: {
      const lines = text.split('\n');
      const i = random.int(lines.length);
      const j = random.int(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    default:
      return text.slice(0, at) + random.pick(TOKENS) + random.pick(TOKENS) + text.slice(at);
  }
}

/** Known-bad inputs, as starting points for mutation. */
export const SEED_DOCUMENTS: readonly string[] = [...Object.values(HOSTILE_YAML), ...Object.values(HOSTILE_FILES).map((bytes) => Buffer.from(bytes).toString('utf8'))];

/** A case's document: generated, mutated a few times, or a known-bad seed mutated. */
export function fuzzDocument(random: Random): string {
  const base = random.chance(0.08) ? random.pick(SEED_DOCUMENTS) : generatedDocument(random);
  let text = base;
  const mutations = random.chance(0.3) ? 0 : random.size(16);
  for (let i = 0; i < mutations; i++) {
    text = mutate(random, text, () => generatedDocument(random));
  }
  return text;
}
