// The read+parse floor of a whole-blog check: list the blog, read every document, parse its front matter
// and tokenize its Markdown once. No rule can check a blog faster than this; the CLI is measured against it.
// Usage: node out/test/bench/floor.js ROOT
import MarkdownIt from 'markdown-it';
import { parseFrontMatter } from '../../server/src/core/frontmatter/parse';
import { FileSystemWorkspace } from '../../server/src/fileSystemWorkspace';

async function main(root: string): Promise<void> {
  const workspace = new FileSystemWorkspace(root);
  const markdown = new MarkdownIt({ html: true });
  const paths = (await workspace.listFiles()).filter((p) => /\.(md|markdown|html)$/i.test(p) && !p.startsWith('_layouts/') && !p.startsWith('_includes/'));
  let tokens = 0;
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        const read = await workspace.readText(path);
        if (read.kind === 'text') {
          const frontMatter = parseFrontMatter(read.text);
          tokens += markdown.parse(read.text.slice(frontMatter.bodyStart), {}).length;
        }
      }
    }),
  );
  process.stdout.write(JSON.stringify({ files: paths.length, tokens }) + '\n');
}

void main(process.argv[2] ?? '.');
