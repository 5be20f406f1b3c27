import { exampleBlog, writeBlog } from '../util/blogs';

/** The blog the VS Code suite opens: the example blog plus posts with known defects. */
export function writeTestBlog(): string {
  return writeBlog(
    exampleBlog({
      '_posts/2020-04-01-untitled.md': '---\nlayout: post\nauthor: jane.doe\n---\nBody\n',
      '_posts/2020-04-02-broken.md': '---\nlayout: post\ntitle: [unclosed\nauthor: jane.doe\n---\nBody\n',
      // A third post tagged `jvm`, in the block form, for the rename test.
      '_posts/2020-05-01-jvm-again.md': '---\nlayout: post\ntitle: JVM again\nauthor: jane.doe\ntags:\n  - jvm\n  - kotlin\n---\nBody\n',
      // An author id with a typo, for the quick fix test.
      '_posts/2020-06-01-typo.md': '---\nlayout: post\ntitle: Typo\nauthor: jane.deo\n---\nBody\n',
      '.vscode/settings.json': JSON.stringify({ 'blogwright.diagnostics.debounce': 50, 'security.workspace.trust.enabled': false }),
    }),
  );
}
