/**
 * Jekyll sites for the conformance run: one seed, one site, varied along every axis of Jekyll's URL and
 * document rules (permalink styles and patterns, collections, pages, static files, baseurl, defaults,
 * redirect_from, time zones, drafts, future and unpublished posts, kramdown input modes and auto_ids).
 * Unlike test/util/generateBlog.ts the site need not be clean: broken links are planted on purpose, so that
 * both verdicts are compared. Nothing in it fails Jekyll's build (post_url and link targets exist).
 */
import { Random } from '../fuzz/random';

const PERMALINKS = [
  'date', 'pretty', 'ordinal', 'weekdate', 'none', '/:year/:month/:title.html', '/:categories/:title/', '/blog/:year/:slug:output_ext',
  '/:year/:i_month/:i_day/:title', '/:short_year/:y_day-:title/', '/posts/:title', '/:categories/:year/:month/:day/:hour-:minute/:title.html',
];
const ZONES = [undefined, 'Europe/Warsaw', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC', 'Pacific/Auckland'];
const WORDS = 'kafka cache latency stream Schema queue Go rust élan naïve data API v2 C++ node.js 100% "quoted" it\'s a_b x-y'.split(' ');
const TAGS = ['java', 'Java', 'kotlin', 'big data', 'big-data', 'ops', 'café', 'c++', 'Go', 'go'];
const CATEGORIES = ['tech', 'Tech', 'news', 'release notes', 'dev'];

interface Post {
  readonly path: string;
  readonly name: string;
  readonly headings: string[];
  readonly published: boolean;
}

export function generateSite(seed: number): Record<string, string> {
  const random = new Random(seed);
  const files: Record<string, string> = {};
  const permalink = PERMALINKS[seed % PERMALINKS.length]!;
  const zone = random.pick(ZONES);
  const baseurl = random.chance(0.4) ? '/blog' : '';
  const input = random.chance(0.5) ? 'GFM' : 'kramdown';
  const autoIds = random.chance(0.8);
  const collectionOutput = random.chance(0.7);
  // Every other site rewrites links to source files (jekyll-relative-links); decided by the seed, not drawn, so the
  // draws that shape the rest of each site are those of before.
  const relativeLinks = seed % 2 === 0 ? ['jekyll-relative-links'] : [];
  const plugins = ['jekyll-feed', 'jekyll-sitemap', 'jekyll-redirect-from', ...(random.chance(0.4) ? ['jekyll-paginate'] : []), ...relativeLinks];
  const config = [
    'title: Generated site',
    'url: "https://example.com"',
    `baseurl: "${baseurl}"`,
    `permalink: ${permalink}`,
    ...(zone ? [`timezone: ${zone}`] : []),
    'markdown: kramdown',
    'kramdown:',
    `  input: ${input}`,
    `  auto_ids: ${autoIds}`,
    ...(plugins.includes('jekyll-paginate') ? ['paginate: 2'] : []),
    `plugins: [${plugins.join(', ')}]`,
    'collections:',
    '  recipes:',
    `    output: ${collectionOutput}`,
    ...(random.chance(0.5) ? ['    permalink: /cook/:path/'] : []),
    '  notes:',
    '    output: true',
    'defaults:',
    '  - scope: { path: "", type: posts }',
    '    values: { layout: post }',
    '  - scope: { path: "_posts/archive" }',
    '    values: { permalink: "/archive/:title/" }',
    '  - scope: { path: "", type: recipes }',
    '    values: { layout: default }',
    'exclude: [notes.txt]',
  ];
  files['_config.yml'] = config.join('\n') + '\n';
  files['_layouts/default.html'] = '<!DOCTYPE html>\n<html><body>\n<nav id="site-nav"><a href="{{ "/" | relative_url }}">Home</a></nav>\n{{ content }}\n</body></html>\n';
  files['_layouts/post.html'] = '---\nlayout: default\n---\n<article><h1 class="title">{{ page.title }}</h1>\n{{ content }}\n</article>\n';
  files['index.html'] = '---\nlayout: default\ntitle: Home\n---\n{% for post in paginator.posts %}<a href="{{ post.url | relative_url }}">{{ post.title }}</a>{% endfor %}\n';
  files['about.md'] = '---\ntitle: About\nlayout: default\npermalink: /about/\n---\n# About us\n\nSee [the notes](notes/first/).\n';
  files['contact.html'] = '---\ntitle: Contact\n---\n<h2 id="write">Write</h2>\n<p><a href="{{ site.baseurl }}/about/#about-us">About</a></p>\n{% include box.html n="1" %}\n';
  // An include writing an id made by Liquid: on the pages that include it only.
  files['_includes/box.html'] = '<div id="box-{{ include.n }}">box</div>\n';
  // Links to source files: with jekyll-relative-links the first four go to the files' URLs, the last stays broken.
  files['docs/index.md'] = '---\ntitle: Docs\n---\n## Start here\n\n[Guide](guide.html), [its source](guide.md#step-one), ![Logo](../assets/img/logo.png), [about][about] and [nothing](nothing.md).\n\n[about]: /about.md\n';
  files['docs/guide.md'] = '---\ntitle: Guide\nredirect_from: /old-guide/\n---\n## Step one\n';
  files['assets/img/logo.png'] = 'png';
  files['assets/site.css'] = 'body { color: red }\n';
  files['assets/doc.pdf'] = 'pdf';
  files['notes.txt'] = 'excluded\n';
  files['_recipes/soup.md'] = '---\ntitle: Soup\n---\n## Ingredients\n';
  files['_recipes/2019-02-03-bread.md'] = '---\ntitle: Bread\n---\nBake.\n';
  files['_notes/first.md'] = '---\ntitle: First note\n---\n# A note\n';
  files['_drafts/unfinished.md'] = '---\ntitle: Draft\n---\n# Draft heading\n';

  const posts: Post[] = [];
  const count = 6 + random.int(6);
  for (let i = 0; i < count; i++) {
    const year = 2012 + random.int(12);
    const month = 1 + random.int(12);
    const day = 1 + random.int(28);
    const future = i === 3;
    const date = `${future ? 2091 : year}-${pad(month)}-${pad(day)}`;
    const slug = slugWords(random, i);
    const folder = random.pick(['', '', 'archive/', 'Tech/']);
    const under = folder === 'Tech/' ? 'Tech/_posts/' : `_posts/${folder}`;
    const name = `${date}-${slug}`;
    const published = !(i === 4);
    const front: string[] = [`title: ${yamlString(random.pick(WORDS) + ' ' + slug)}`];
    if (!published) {
      front.push('published: false');
    }
    if (random.chance(0.4)) {
      front.push(random.chance(0.5) ? `tags: ${random.pick(TAGS)} ${random.pick(TAGS)}` : `tags: [${yamlString(random.pick(TAGS))}, ${yamlString(random.pick(TAGS))}]`);
    }
    if (random.chance(0.4)) {
      front.push(random.chance(0.5) ? `categories: ${random.pick(CATEGORIES)}` : `category: ${random.pick(CATEGORIES)}`);
    }
    if (random.chance(0.3)) {
      const hour = random.int(24);
      front.push(random.pick([`date: ${date} ${pad(hour)}:30:00`, `date: ${date} ${pad(hour)}:05:00 +0200`, `date: "${date} ${pad(hour)}:45:00"`, `date: ${date}`]));
    }
    if (random.chance(0.2)) {
      front.push(`slug: Custom ${slug}`);
    }
    if (random.chance(0.2)) {
      front.push(`redirect_from: /old/${slug}/`);
    }
    if (random.chance(0.1)) {
      front.push('layout: default');
    }
    const headings = Array.from({ length: 1 + random.int(4) }, () => Array.from({ length: 1 + random.int(3) }, () => random.pick(WORDS)).join(' '));
    posts.push({ path: `${under}${name}.md`, name: folder === '' ? name : folder + name, headings, published });
    files[posts[i]!.path] = `---\n${front.join('\n')}\n---\n`;
  }
  // Bodies once every post is known: links go to other posts (only to published ones: a missing post_url fails the build).
  const linkable = posts.filter((p, i) => p.published && i !== 3);
  for (const post of posts) {
    const body: string[] = [];
    for (const heading of post.headings) {
      body.push(`${'#'.repeat(2 + random.int(2))} ${heading}`, '');
      body.push(paragraph(random, linkable, post), '');
    }
    if (random.chance(0.3)) {
      body.push('{% include box.html n="2" %}', '');
    }
    if (random.chance(0.3)) {
      body.push('```liquid', random.pick(['{{ page.title }}', '{% raw %}{{ page.title }}{% endraw %}', '{{ site.title }}', 'plain {{ }} text']), '```', '');
    }
    files[post.path] += body.join('\n');
  }
  return files;
}

function paragraph(random: Random, posts: readonly Post[], self: Post): string {
  const other = random.pick(posts);
  const idOf = (p: Post) => p.headings[0]!;
  void idOf;
  const forms = [
    () => `[post]({% post_url ${other.name} %})`,
    () => `[post]({% post_url ${other.name} %}#missing-heading)`,
    () => `[logo]({{ site.baseurl }}/assets/img/logo.png)`,
    () => `![logo]({{ "/assets/img/logo.png" | relative_url }})`,
    () => `[gone]({{ site.baseurl }}/assets/img/gone.png)`,
    () => `[about]({{ site.baseurl }}/about/)`,
    () => `[about]({{ site.baseurl }}/about/#about-us)`,
    () => `[about](/about/#nowhere)`,
    () => `[box]({{ site.baseurl }}/contact.html#box-1)`,
    () => `[boxed]({% post_url ${other.name} %}#box-2)`,
    () => `[about](/about/#box-1)`,
    () => `[pdf]({{ site.baseurl }}/assets/doc.pdf)`,
    () => `[guide]({{ site.baseurl }}/old-guide/)`,
    () => `[docs]({% link docs/guide.md %})`,
    () => `[self](#${self.headings[0]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').trim().replace(/ +/g, '-')})`,
    () => `[x](https://example.com/a)`,
    () => `<a href="{{ site.baseurl }}/missing.html">missing</a>`,
    () => `[notes]({{ site.baseurl }}/notes/first/)`,
    () => `[feed]({{ site.baseurl }}/feed.xml)`,
    () => `\`{{ page.url }}\` in code`,
  ];
  return Array.from({ length: 1 + random.int(3) }, () => random.pick(forms)()).join(' and ') + '.';
}

function slugWords(random: Random, index: number): string {
  return ['intro', 'Deep-Dive', 'notes', 'part_two', 'q&a', 'release'][index % 6] + '-' + random.pick(['one', 'two', 'three', 'x']) + index;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
