/**
 * Inputs that have broken parsers before: each must give a diagnostic (or nothing), never a crash or a hang.
 * Shared by the unit tests, the server tests and the fuzzer's seeds.
 */

const post = (yaml: string, body = 'Body.\n') => `---\n${yaml}\n---\n${body}`;

function aliasBomb(): string {
  let yaml = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) {
    yaml += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  }
  return yaml + 'title: boom';
}

/** Front matter (YAML) that is broken or built to exhaust a parser. */
export const HOSTILE_YAML: Readonly<Record<string, string>> = {
  'alias bomb': post(aliasBomb()),
  'deep flow nesting': post('title: ' + '['.repeat(100_000) + ']'.repeat(100_000)),
  'deep unclosed nesting': post('title: ' + '{a: '.repeat(50_000)),
  'deep block nesting': post(Array.from({ length: 600 }, (_, i) => ' '.repeat(i) + 'k:').join('\n')),
  'huge scalar': post('title: ' + 'x'.repeat(1_000_000)),
  'many keys': post(Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n')),
  'many aliases': post('a: &a 1\nb: [' + Array(100_000).fill('*a').join(', ') + ']'),
  'tabs as indentation': post('title: A\ntags:\n\t- a\n\t- b'),
  'duplicate keys': post('title: A\ntitle: B\nlayout: post'),
  'unclosed quote': post('title: "never closed\nlayout: post'),
  'ruby and js tags': post('title: !ruby/object:Gem::Installer {i: x}\nrun: !!js/function "function () { return 1 }"\nsys: !!python/object/apply:os.system ["echo"]'),
  '__proto__ key': post('__proto__: {polluted: true}\ntitle: A\nconstructor: {prototype: {polluted: true}}'),
  'merge of itself': post('a: &a\n  <<: *a\ntitle: A'),
  'unknown alias': post('title: *nothing'),
  'scalar front matter': post('just a string'),
  'list front matter': post('- a\n- b'),
  'lone surrogates': post('title: a\ud800b\nslug: x\udc00y\npermalink: /p\ud800/\nlayout: post', '[l](/a\ud800) [m](\udc00.md) {% post_url 2020-01-01-\ud800 %} {% link \udc00.md %} ![i](/\ud800.png)\n'),
};

/** Whole files that are not what a post should be (the keys are descriptions; the values the bytes). */
export const HOSTILE_FILES: Readonly<Record<string, Uint8Array>> = {
  'empty file': new Uint8Array(0),
  'binary with NUL bytes': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  'invalid UTF-8': Buffer.concat([Buffer.from('---\ntitle: caf'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\nlayout: post\n---\nBody \xff\n', 'latin1')]),
  'BOM': Buffer.from('\ufeff---\ntitle: A\nlayout: post\n---\nBody\n'),
  'CRLF': Buffer.from('---\r\ntitle: A\r\nlayout: post\r\n---\r\nBody\r\n'),
  'mixed line endings': Buffer.from('---\r\ntitle: A\nlayout: post\r---\r\nBody\n\r\n'),
  'NUL after the first 8 KB': Buffer.from('---\ntitle: A\n---\n' + 'x'.repeat(9000) + '\0tail\n'),
  '100,000-character line': Buffer.from('---\ntitle: A\n---\n' + 'word '.repeat(20_000) + '\n'),
  'only a delimiter': Buffer.from('---'),
  'unclosed front matter': Buffer.from('---\ntitle: A\n'),
};

/** A post of about `megabytes` MB: larger than Blogwright reads. */
export function oversizedPost(megabytes: number): string {
  const paragraph = 'Lorem ipsum dolor sit amet, [a link](/about.html) and `code`.\n\n';
  return post('title: Big\nlayout: post', paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length)));
}
