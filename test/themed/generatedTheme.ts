/**
 * A generated blog with a real theme for the differential check against Jekyll: a layout chain, includes with
 * parameters and `include.*`, an author card from `site.data`, loops over `site.posts`, `page.next`/`previous`,
 * `site.related_posts`, `site.tags`, Jekyll's filters (dates, `where`, `group_by`, `sort`, `map`, `jsonify`,
 * `markdownify`, `slugify`, `relative_url`, `absolute_url`, `number_of_words`, `array_to_sentence_string`),
 * `post_url`, `link` and `highlight` in the posts. Deterministic for a seed.
 */
export function generatedThemeBlog(posts: number, seed = 1): Record<string, string> {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const authors = ['jane', 'john', 'ada'];
  const tags = ['jvm', 'kotlin', 'big data', 'go', 'frontend', 'testing'];
  const files: Record<string, string> = {
    '_config.yml': 'title: Generated & themed\ndescription: A blog made for the differential check\nurl: https://blog.example.com\nbaseurl: /tech\npermalink: /:year/:month/:title.html\ntimezone: Europe/Warsaw\nplugins: [jekyll-seo-tag, jekyll-feed]\nwhitelist: [jekyll-seo-tag, jekyll-feed]\ndefaults:\n  - scope: { path: "", type: posts }\n    values: { layout: post, comments: true }\n',
    '_data/authors.yml': 'jane:\n  name: Jane Doe\n  bio: Writes about the **JVM**.\n  links: [github, twitter]\njohn:\n  name: John Smith\n  bio: Go and data.\n  links: [github]\nada:\n  name: Ada L.\n  bio: Frontend & tests.\n  links: []\n',
    '_data/nav.json': '[{"title": "Home", "url": "/"}, {"title": "About", "url": "/about.html"}, {"title": "Tags", "url": "/tags.html"}]\n',
    '_layouts/default.html': [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>{% include head.html %}</head>',
      '<body class="{{ layout.body_class | default: "page" }}">',
      '{% include header.html %}',
      '<main>{{ content }}</main>',
      '{% include footer.html year=site.time.year note="All rights reserved" %}',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    '_layouts/post.html': [
      '---',
      'layout: default',
      'body_class: post-page',
      '---',
      '<article class="post">',
      '  <h1>{{ page.title | escape }}</h1>',
      '  <p class="meta">{{ page.date | date: "%B %-d, %Y" }} · {{ page.date | date_to_string }} · {{ page.content | strip_html | number_of_words }} words',
      '  {% if page.tags.size > 0 %}· tagged {{ page.tags | array_to_sentence_string }}{% endif %}</p>',
      '  {% assign author = site.data.authors[page.author] %}',
      '  {% if author %}{% include author-card.html author=author id=page.author %}{% endif %}',
      '  <div class="content">{{ content }}</div>',
      '  <nav class="pager">',
      '    {% if page.previous %}<a href="{{ page.previous.url | relative_url }}">« {{ page.previous.title }}</a>{% endif %}',
      '    {% if page.next %}<a href="{{ page.next.url | relative_url }}">{{ page.next.title }} »</a>{% endif %}',
      '  </nav>',
      '  <section class="related"><h2>Related</h2><ul>',
      '    {% for post in site.related_posts limit:3 %}<li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> ({{ post.date | date: "%Y-%m-%d" }})</li>{% endfor %}',
      '  </ul></section>',
      '  {% assign same = site.posts | where: "author", page.author | where_exp: "p", "p.url != page.url" %}',
      '  <p class="same-author">{{ same.size }} more by {{ author.name | default: page.author }}</p>',
      '</article>',
      '',
    ].join('\n'),
    '_layouts/page.html': '---\nlayout: default\n---\n<div class="page"><h1>{{ page.title }}</h1>{{ content }}</div>\n',
    '_includes/head.html': '<meta charset="utf-8"><title>{% if page.title %}{{ page.title }} | {% endif %}{{ site.title }}</title>{% seo %}{% feed_meta %}<link rel="stylesheet" href="{{ "/assets/site.css" | relative_url }}">\n',
    '_includes/header.html': '<header class="site-header"><a class="brand" href="{{ "/" | relative_url }}">{{ site.title }}</a><nav>{% for item in site.data.nav %}<a href="{{ item.url | relative_url }}">{{ item.title }}</a>{% unless forloop.last %} | {% endunless %}{% endfor %}</nav></header>\n',
    '_includes/footer.html': '<footer class="site-footer">© {{ include.year }} {{ site.title }}. {{ include.note }}. <a href="{{ "/feed.xml" | absolute_url }}">Feed</a>. {{ site.posts.size }} posts, latest: {{ site.posts.first.title }}.</footer>\n',
    '_includes/author-card.html': '<aside class="author-card"><strong>{{ include.author.name }}</strong> ({{ include.id | upcase }}): {{ include.author.bio | markdownify | strip_html | strip }}{% if include.author.links.size > 0 %} — {{ include.author.links | join: ", " }}{% endif %}</aside>\n',
    '_includes/note.html': '<div class="note {{ include.kind | default: "info" }}">{{ include.text }}</div>\n',
    'assets/site.css': 'body { font-family: serif; }\n',
    'about.md': '---\nlayout: page\ntitle: About\n---\nThis is **about** the blog.\n',
    'tags.html': '---\nlayout: page\ntitle: Tags\n---\n{% assign groups = site.posts | group_by: "author" %}{% for g in groups %}<p>{{ g.name }}: {{ g.size }}</p>{% endfor %}\n',
  };
  for (let i = 0; i < posts; i++) {
    const year = 2015 + (i % 6);
    const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
    const day = String(1 + ((i * 7) % 27)).padStart(2, '0');
    const slug = `post-number-${i}`;
    const author = authors[random(authors.length)]!;
    const postTags = [...new Set([tags[random(tags.length)]!, tags[random(tags.length)]!])];
    const previousSlug = i > 0 ? `${2015 + ((i - 1) % 6)}-${String(1 + (((i - 1) * 5) % 12)).padStart(2, '0')}-${String(1 + (((i - 1) * 7) % 27)).padStart(2, '0')}-post-number-${i - 1}` : undefined;
    const body = [
      `Post ${i} starts here -- with "quotes", an ellipsis... and *emphasis*.`,
      '',
      `## Section ${i}`,
      '',
      `{% include note.html text="Note for post ${i}" kind="${i % 2 ? 'warning' : 'info'}" %}`,
      '',
      previousSlug ? `See [the previous post]({% post_url ${previousSlug} %}) and [about]({% link about.md %}).` : 'The first post.',
      '',
      '- one item',
      `- {{ page.title | upcase }}`,
      `- {{ "Hello World" | slugify }} and {{ site.description | truncatewords: 3 }}`,
      '',
      i % 3 === 0 ? '{% highlight ruby %}\ndef hello(name)\n  puts "Hello #{name}"\nend\n{% endhighlight %}\n' : '```js\nconst x = 1;\n```\n',
      `| a | b |\n|---|---|\n| ${i} | ${i * 2} |`,
      '',
      `{% assign total = 0 %}{% for n in (1..${1 + (i % 5)}) %}{% assign total = total | plus: n %}{% endfor %}Sum: {{ total }}.`,
      '',
    ].join('\n');
    files[`_posts/${year}-${month}-${day}-${slug}.md`] = `---\ntitle: "Post number ${i}"\nauthor: ${author}\ntags: [${postTags.join(', ')}]\n---\n${body}`;
  }
  return files;
}
