import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A small allegro.tech-style blog; tests add or override files. */
export function exampleBlog(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    '_config.yml': 'title: Test blog\npermalink: /:year/:month/:title.html\ntimezone: Europe/Warsaw\n',
    '_data/authors.yml': 'jane.doe:\n  name: Jane Doe\n  bio: Jane writes about the JVM.\njohn.smith:\n  name: John Smith\n',
    '_layouts/default.html': '<html>{{ content }}</html>\n',
    '_layouts/post.html': '---\nlayout: default\n---\n{{ content }}\n',
    '_posts/2020-01-01-first.md': '---\nlayout: post\ntitle: First\nauthor: jane.doe\ntags: [jvm, kotlin]\n---\n\n# Hello\n\nBody.\n',
    '_posts/2020-02-01-second.md': '---\nlayout: post\ntitle: Second\nauthor: jane.doe\ntags: [jvm]\n---\n\nText.\n',
    '_posts/2020-03-01-third.md': '---\nlayout: post\ntitle: Third\nauthor: john.smith\ntags: [kafka]\n---\n\nText.\n',
    'about.md': '---\nlayout: default\ntitle: About\n---\nAbout us.\n',
    'assets/img/logo.png': '',
    ...overrides,
  };
}

/** Writes a blog into a new temporary folder and returns its path. */
export function writeBlog(files: Record<string, string>, folder = mkdtempSync(path.join(tmpdir(), 'blogwright-'))): string {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return folder;
}

/** Body lines of a post linking to `exampleBlog`'s posts, page and image in each form navigation reads. */
export const LINKING_LINES: readonly string[] = [
  'See [the first post]({% post_url 2020-01-01-first %}) and [about]({% link about.md %}).',
  '',
  '![logo](/assets/img/logo.png) and [gone]({% post_url 2099-01-01-nope %}).',
  '',
];
