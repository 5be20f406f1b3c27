/**
 * Synthetic Jekyll blogs in the allegro.tech style, for tests and the benchmark.
 *
 * Deterministic: the same `posts` and `seed` give the same files, byte for byte. The blog is clean: every
 * author, tag, layout, `{% post_url %}`, root-relative link, image and `#anchor` it writes exists, so correct
 * rules report nothing on it.
 */

export interface GenerateBlogOptions {
  readonly posts: number;
  readonly seed?: number;
}

/** What the generator decided about one post, before writing its body. */
interface PostPlan {
  readonly path: string;
  /** `2015-03-04-slug`, as `{% post_url %}` names it. */
  readonly name: string;
  /** Root-relative URL through the permalink `/:year/:month/:title.html`. */
  readonly url: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  /** Heading texts with their kramdown auto ids, in order. */
  readonly headings: readonly { readonly text: string; readonly level: number; readonly id: string }[];
  readonly images: readonly string[];
  readonly bytes: number;
}

const MIN_BODY = 2 * 1024 + 256;
const MAX_BODY = 40 * 1024;
/** Room left at the end for the images no section used. */
const IMAGE_RESERVE = 256;
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2010, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);

const WORDS = (
  'service data cluster consumer producer latency throughput message queue event stream topic partition offset ' +
  'schema contract client server request response cache memory heap garbage collector thread pool lock ' +
  'index query shard replica leader follower network socket timeout retry circuit breaker metric trace log ' +
  'deployment container image registry pipeline build test release version module package dependency graph ' +
  'frontend backend browser component state render layout style bundle page search ranking model feature ' +
  'experiment team process review design decision architecture boundary domain aggregate entity value ' +
  'transaction payment order offer seller buyer catalog listing recommendation mobile application platform'
).split(' ');

const HEADING_WORDS = (
  'introduction background motivation problem solution approach results lessons summary overview details ' +
  'measurements benchmarks configuration migration rollout monitoring testing debugging tuning scaling ' +
  'architecture design implementation alternatives tradeoffs limitations future work conclusions'
).split(' ');

const TAG_BASE = (
  'tech java kotlin jvm kafka microservices frontend javascript typescript react testing performance ' +
  'architecture agile devops kubernetes cloud mobile android ios python machine-learning data spring ' +
  'security hermes elasticsearch mongodb cassandra hadoop spark go rust graphql rest api monitoring ' +
  'observability events ddd tdd clean-code open-source conference meetup career team management ux'
).split(' ');

const FIRST_NAMES = 'adam anna bartosz piotr michal katarzyna tomasz agnieszka pawel magdalena krzysztof joanna marcin ewa jakub monika lukasz aleksandra rafal dorota'.split(' ');
const LAST_NAMES = 'nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski kozlowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski nowakowski pawlowski'.split(' ');

const CODE_SNIPPETS: readonly (readonly [string, string])[] = [
  ['java', 'public class OrderService {\n    private final OrderRepository repository;\n\n    public Order find(String id) {\n        return repository.findById(id).orElseThrow();\n    }\n}'],
  ['kotlin', 'fun main() {\n    val offers = listOf(1, 2, 3).map { it * 2 }\n    println(offers.sum())\n}'],
  ['yaml', 'consumer:\n  group: orders\n  maxPollRecords: 500\n  timeout: 30s'],
  ['bash', 'kubectl get pods -n orders\ncurl -s http://localhost:8080/health | jq .status'],
  ['javascript', 'export function debounce(fn, ms) {\n  let timer;\n  return (...args) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n}'],
  ['sql', 'SELECT seller_id, count(*) AS offers\nFROM offer\nWHERE created_at > now() - interval 1 day\nGROUP BY seller_id;'],
];

/** Generates the blog's files: path -> text. */
export function generateBlog({ posts, seed = 1 }: GenerateBlogOptions): Record<string, string> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const files: Record<string, string> = {};

  const authorIds = makeAuthorIds(Math.min(2000, Math.max(8, Math.ceil(posts / 8))), random);
  files['_config.yml'] =
    'title: Synthetic tech blog\nurl: "https://blog.example.com"\ntimezone: Europe/Warsaw\npermalink: /:year/:month/:title.html\n' +
    'kramdown:\n  auto_ids: true\nplugins:\n  - jekyll-feed\n  - jekyll-seo-tag\n';
  files['_data/authors.yml'] = authorIds
    .map((id) => `${id}:\n    name: ${displayName(id)}\n    bio: ${capitalize(sentence(pick, 12))}\n`)
    .join('\n');
  // A theme as blogs have one: includes, the newest posts in a sidebar, an author card from site.data, a pager.
  files['_layouts/default.html'] =
    '<!DOCTYPE html>\n<html>\n<head><title>{{ page.title }}</title>{% seo %}<link rel="stylesheet" href="{{ "/assets/site.css" | relative_url }}"></head>\n<body>\n{% include header.html %}\n{{ content }}\n' +
    '<aside><h2>Recent</h2><ul>{% for post in site.posts limit:5 %}<li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> {{ post.date | date_to_string }}</li>{% endfor %}</ul></aside>\n' +
    '{% include footer.html %}\n</body>\n</html>\n';
  files['_layouts/post.html'] =
    '---\nlayout: default\n---\n<article>\n<h1>{{ page.title }}</h1>\n<p>{{ page.date | date: "%B %-d, %Y" }}{% for tag in page.tags %} #{{ tag }}{% endfor %}</p>\n' +
    '{% assign author = site.data.authors[page.author] %}{% if author %}<p class="author">{{ author.name }}: {{ author.bio }}</p>{% endif %}\n{{ content }}\n' +
    '<nav>{% if page.previous %}<a href="{{ page.previous.url | relative_url }}">{{ page.previous.title }}</a>{% endif %} {% if page.next %}<a href="{{ page.next.url | relative_url }}">{{ page.next.title }}</a>{% endif %}</nav>\n</article>\n';
  files['_includes/header.html'] = '<header><a href="{{ "/" | relative_url }}">{{ site.title }}</a></header>\n';
  files['_includes/footer.html'] = '<footer>{{ site.title }}, {{ site.posts.size }} posts</footer>\n';
  files['assets/site.css'] = 'body { font-family: sans-serif; max-width: 50rem; margin: auto; }\n';
  files['_layouts/author.html'] = '---\nlayout: default\n---\n{% assign author = site.data.authors[page.author] %}\n<h1>{{ author.name }}</h1>\n{{ content }}\n';
  files['index.html'] = '---\nlayout: default\ntitle: Blog\n---\n<ul>\n{% for post in site.posts limit:25 %}\n  <li><a href="{{ post.url }}">{{ post.title }}</a></li>\n{% endfor %}\n</ul>\n';
  files['about/index.md'] = '---\nlayout: default\ntitle: About\n---\n\nWe write about how we build our platform. Read [the latest posts](/).\n';
  files['assets/img/logo.svg'] = '<svg xmlns="http://www.w3.org/2000/svg"/>\n';
  for (const id of authorIds) {
    files[`authors/${id}/index.md`] = `---\nlayout: author\nauthor: ${id}\n---\n`;
    files[`assets/img/authors/${id}.jpg`] = '';
  }

  const tagWeights = zipfWeights(TAG_VOCABULARY.length);
  const authorWeights = zipfWeights(authorIds.length, 0.8);
  const plans: PostPlan[] = [];
  const slugs = new Set<string>();
  for (let i = 0; i < posts; i++) {
    // Spread over past years only: Jekyll does not publish future posts.
    const date = new Date(FIRST_DAY + Math.floor((i * (LAST_DAY - FIRST_DAY)) / Math.max(posts, 1) / DAY) * DAY).toISOString().slice(0, 10);
    let slug = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(WORDS)).join('-');
    while (slugs.has(slug)) {
      slug += '-' + pick(WORDS);
    }
    slugs.add(slug);
    const name = `${date}-${slug}`;
    const authorCount = random() < 0.1 ? 2 + Math.floor(random() * 2) : 1;
    const authors = distinct(authorCount, () => authorIds[weighted(authorWeights, random)]!);
    const tags = distinct(1 + Math.floor(random() * 5), () => TAG_VOCABULARY[weighted(tagWeights, random)]!);
    // Every 97th post is as large as posts get, so benchmarks always find a 40 KB post.
    const bytes = i % 97 === 0 ? MAX_BODY : Math.round(MIN_BODY + random() * random() * (MAX_BODY - MIN_BODY));
    const sections = Math.max(2, Math.round(bytes / 2500));
    const headingIds = new Set<string>();
    const headings: { text: string; level: number; id: string }[] = [];
    for (let s = 0; s < sections; s++) {
      let text = capitalize(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(HEADING_WORDS)).join(' '));
      while (headingIds.has(autoId(text))) {
        text += ' ' + pick(HEADING_WORDS);
      }
      headingIds.add(autoId(text));
      headings.push({ text, level: s > 0 && random() < 0.3 ? 3 : 2, id: autoId(text) });
    }
    const images = Array.from({ length: Math.floor(random() * 3) }, (_, n) => `assets/img/articles/${name}-${n + 1}.png`);
    plans.push({
      path: `_posts/${name}.md`,
      name,
      url: `/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}.html`,
      title: capitalize(slug.replace(/-/g, ' ')),
      authors,
      tags,
      headings,
      images,
      bytes,
    });
  }

  for (const plan of plans) {
    for (const image of plan.images) {
      files[image] = '';
    }
    files[plan.path] = writePost(plan, plans, random, pick);
  }
  return files;
}

/** Front matter, then one section per planned heading until the planned size is reached. */
function writePost(plan: PostPlan, plans: readonly PostPlan[], random: () => number, pick: <T>(items: readonly T[]) => T): string {
  const frontMatter = [
    '---',
    'layout: post',
    `title: "${plan.title}"`,
    plan.authors.length === 1 ? `author: ${plan.authors[0]}` : `author: [${plan.authors.join(', ')}]`,
    `tags: [${plan.tags.join(', ')}]`,
  ];
  if (random() < 0.2) {
    frontMatter.push('excerpt: >', `    ${capitalize(sentence(pick, 14))}`, `    ${sentence(pick, 10)}.`);
  }
  frontMatter.push('---', '');
  const out: string[] = [frontMatter.join('\n')];
  const other = () => plans[Math.floor(random() * plans.length)]!;
  const images = [...plan.images];
  // Sections share the planned size; a block that would pass MAX_BODY ends the post.
  let body = 0;
  for (const [index, heading] of plan.headings.entries()) {
    const sectionEnd = (plan.bytes * (index + 1)) / plan.headings.length;
    const section: string[] = [`${'#'.repeat(heading.level)} ${heading.text}\n`];
    body += section[0]!.length + 1;
    while (body < sectionEnd) {
      const roll = random();
      let block: string;
      if (roll < 0.12) {
        const [language, code] = pick(CODE_SNIPPETS);
        block = '```' + language + '\n' + code + '\n```\n';
      } else if (roll < 0.2) {
        block = Array.from({ length: 2 + Math.floor(random() * 4) }, () => `* ${capitalize(sentence(pick, 6))}`).join('\n') + '\n';
      } else if (roll < 0.25 && images.length > 0) {
        block = `![${sentence(pick, 3)}](/${images.shift()!})\n`;
      } else {
        block = paragraph(plan, other, random, pick);
      }
      if (body + block.length + 1 > MAX_BODY - IMAGE_RESERVE) {
        break;
      }
      section.push(block);
      body += block.length + 1;
    }
    out.push(section.join('\n'));
  }
  for (const image of images) {
    out.push(`![${sentence(pick, 3)}](/${image} "${capitalize(sentence(pick, 3))}")\n`);
  }
  return out.join('\n');
}

/** A paragraph of prose with, now and then, a link of each kind the blog uses. */
function paragraph(plan: PostPlan, other: () => PostPlan, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  const sentences: string[] = [];
  const count = 3 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    let text = capitalize(sentence(pick, 8 + Math.floor(random() * 12)));
    const roll = random();
    if (roll < 0.08) {
      const target = other();
      text += ` as described in [${target.title}]({% post_url ${target.name} %})`;
    } else if (roll < 0.14) {
      const target = other();
      text += ` (see [the previous article](${target.url}))`;
    } else if (roll < 0.17) {
      const target = other();
      text += `, compare [${target.headings[0]!.text.toLowerCase()}](${target.url}#${target.headings[0]!.id})`;
    } else if (roll < 0.21) {
      const heading = plan.headings[Math.floor(random() * plan.headings.length)]!;
      text += ` (more in [${heading.text.toLowerCase()}](#${heading.id}))`;
    } else if (roll < 0.23) {
      text += ` by [${displayName(plan.authors[0]!)}](/authors/${plan.authors[0]}/)`;
    } else if (roll < 0.27) {
      text += ` with \`${pick(WORDS)}.${pick(WORDS)}()\``;
    } else if (roll < 0.3) {
      text += ` on [GitHub](https://github.com/example/${pick(WORDS)})`;
    } else if (roll < 0.33) {
      text += ` and **${pick(WORDS)} ${pick(WORDS)}**`;
    }
    sentences.push(text + '.');
  }
  return sentences.join(random() < 0.5 ? ' ' : '\n') + '\n';
}

function sentence(pick: <T>(items: readonly T[]) => T, words: number): string {
  return Array.from({ length: words }, () => pick(WORDS)).join(' ');
}

/** kramdown's auto id for a heading of plain lowercase-able words: lower case, spaces to hyphens. */
function autoId(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function displayName(id: string): string {
  return id
    .split('.')
    .map((part) => capitalize(part.replace(/\d+$/, '')))
    .join(' ');
}

function makeAuthorIds(count: number, random: () => number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    const base = `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]}.${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) {
      id = base + n;
    }
    ids.add(id);
  }
  return [...ids];
}

/** A few hundred tags: the common ones first, then rarer compounds, so Zipf weights give a realistic long tail. */
const TAG_VOCABULARY: readonly string[] = [
  ...TAG_BASE,
  ...TAG_BASE.flatMap((a, i) => TAG_BASE.slice(i + 1, i + 8).map((b) => `${a}-${b}`)),
];

function zipfWeights(count: number, exponent = 1.1): number[] {
  const weights: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= count; rank++) {
    total += 1 / rank ** exponent;
    weights.push(total);
  }
  return weights.map((w) => w / total);
}

/** Index drawn from cumulative weights. */
function weighted(cumulative: readonly number[], random: () => number): number {
  const r = random();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < r) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

function distinct<T>(count: number, draw: () => T): T[] {
  const seen = new Set<T>();
  for (let attempts = 0; seen.size < count && attempts < count * 20; attempts++) {
    seen.add(draw());
  }
  return [...seen];
}

/** A small, fast, seedable PRNG (mulberry32): tests and benchmarks must see the same blog every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
