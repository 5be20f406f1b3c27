import * as path from 'node:path';
import { exampleBlog, writeBlog } from '../util/blogs';

/** A post whose preview has links to click: another post at a heading, and a fragment far down the page. */
export const PREVIEW_LINKS_POST = [
  '---',
  'layout: post',
  'title: Links',
  'author: jane.doe',
  '---',
  '',
  'Read [the first post]({% post_url 2020-01-01-first %}#hello) or jump [far down](#far-away).',
  '',
  ...Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of filler text.\n`),
  '## Far away',
  '',
  // Enough below the heading that the preview can scroll it to the top.
  ...Array.from({ length: 80 }, (_, i) => `Closing paragraph ${i + 1}.\n`),
].join('\n');

/** Where the blog is in the repository the suite opens, as a product keeps its GitHub Pages site. */
export const BLOG_FOLDER = 'docs';

/**
 * The folder the VS Code suite opens: a product's repository with its blog in `docs/` (the example blog plus posts
 * with known defects) and files outside it that are no site's.
 */
export function writeTestBlog(): string {
  const repository = writeBlog({
    'README.md': '---\ntitle: [not front matter, not a post\n---\n# A product\n\n[Docs](/docs/)\n',
    'src/index.js': 'module.exports = {};\n',
    'test/fixtures/_posts/not-a-post.md': '---\n---\n',
    '.vscode/settings.json': JSON.stringify({ 'blogwright.diagnostics.debounce': 50, 'security.workspace.trust.enabled': false }),
  });
  writeBlog(
    exampleBlog({
      '_posts/2020-04-01-untitled.md': '---\nlayout: post\nauthor: jane.doe\n---\nBody\n',
      '_posts/2020-04-02-broken.md': '---\nlayout: post\ntitle: [unclosed\nauthor: jane.doe\n---\nBody\n',
      // A third post tagged `jvm`, in the block form, for the rename test.
      '_posts/2020-05-01-jvm-again.md': '---\nlayout: post\ntitle: JVM again\nauthor: jane.doe\ntags:\n  - jvm\n  - kotlin\n---\nBody\n',
      // An author id with a typo, for the quick fix test.
      '_posts/2020-06-01-typo.md': '---\nlayout: post\ntitle: Typo\nauthor: jane.deo\n---\nBody\n',
      '_posts/2020-04-03-links.md': PREVIEW_LINKS_POST,
      // A post_url and its target, for the links suite's rename test.
      '_posts/2020-07-01-rename-target.md': '---\nlayout: post\ntitle: Rename target\nauthor: jane.doe\ntags: [kafka]\n---\nBody\n',
      '_posts/2020-07-02-links-to-target.md': '---\nlayout: post\ntitle: Links\nauthor: jane.doe\ntags: [kafka]\n---\nSee [it]({% post_url 2020-07-01-rename-target %}).\n',
      // Images in a folder named like the post, for the paste and drop tests; a draft to publish, and a page linking to it.
      '_posts/2020-08-01-with-image.md': '---\nlayout: post\ntitle: With an image\nauthor: jane.doe\n---\n![Diagram](/assets/img/articles/2020-08-01-with-image/diagram.png)\n',
      'assets/img/articles/2020-08-01-with-image/diagram.png': 'not really a PNG',
      '_drafts/ready-to-go.md': '---\nlayout: post\ntitle: Ready to go\nauthor: jane.doe\ndate: 2020-01-01 09:30:00 +0100\n---\nAlmost done.\n',
      'drafts-index.md': '---\ntitle: Drafts\n---\nNext: {% link _drafts/ready-to-go.md %}\n',
      // A layout with a footer from an include and an author card from site.data, for the published preview.
      '_layouts/card.html': '---\nlayout: default\n---\n<article>{{ content }}</article>\n<aside class="author-card">{{ site.data.authors[page.author].name }}: {{ site.data.authors[page.author].bio }}</aside>\n{% include card-footer.html %}\n',
      '_includes/card-footer.html': '<footer class="site-footer">Footer, first version</footer>\n',
      '_posts/2020-08-01-card.md': '---\nlayout: card\ntitle: Card\nauthor: jane.doe\n---\nThe body of the card post.\n',
    }),
    path.join(repository, BLOG_FOLDER),
  );
  return repository;
}
