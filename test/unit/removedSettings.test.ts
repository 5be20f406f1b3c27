import * as assert from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fileDiagnostics } from '../../server/src/core/fileDiagnostics';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { exampleBlog } from '../util/blogs';
import { indexBlog } from '../util/checkBlog';

/** The findings on `_config.yml`: code, severity and the text each covers. */
async function configFindings(config: string, more: Record<string, string> = {}): Promise<[string, DiagnosticSeverity | undefined, string][]> {
  const files = exampleBlog({ '_config.yml': config, ...more });
  const site = await indexBlog(files);
  const document = new TextDocumentSnapshot('_config.yml', 1, config);
  return fileDiagnostics(site, { document }, []).map((d) => [d.code, d.severity, config.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end))]);
}

// The oracle (Jekyll 4.3.1): `markdown: rdiscount` (or redcarpet, maruku) stops the build at the first Markdown file,
// "Invalid Markdown processor given: rdiscount"; kramdown in any case builds; any other name must be a class a plugin
// defines under Jekyll::Converters::Markdown (`CommonMarkGhPages`), so a name no Ruby class can have never loads.
/** A Gemfile that builds with Jekyll 4: only then is a processor Jekyll 4 lacks reported. */
const JEKYLL_4 = { Gemfile: "source 'https://rubygems.org'\ngem 'jekyll', '~> 4.3'\n" };

suite('settings Jekyll 4 no longer has', () => {
  test('an engine Jekyll 4 no longer has is one warning on its value in _config.yml', async () => {
    for (const engine of ['rdiscount', 'redcarpet', 'maruku']) {
      assert.deepStrictEqual(await configFindings(`title: t\nmarkdown: ${engine} # fast\npygments: true\n`, JEKYLL_4), [['config.markdown-processor', DiagnosticSeverity.Warning, engine]]);
    }
  });

  test('kramdown in any case, or a class a plugin may add, is no finding', async () => {
    for (const markdown of ['kramdown', 'Kramdown', '"KRAMDOWN"', 'CommonMarkGhPages', 'CommonMark']) {
      assert.deepStrictEqual(await configFindings(`markdown: ${markdown}\n`, JEKYLL_4), [], markdown);
    }
    assert.deepStrictEqual(await configFindings('title: t\n'), []);
  });

  test('a Gemfile that builds with Jekyll 3 or GitHub Pages (which uses kramdown instead) is no finding', async () => {
    assert.deepStrictEqual(await configFindings('markdown: redcarpet\n', { Gemfile: "gem 'github-pages'\n" }), []);
    assert.deepStrictEqual(await configFindings('markdown: redcarpet\n', { Gemfile: "gem 'jekyll', '~> 3.9'\n" }), []);
  });

  test('a site whose Gemfile does not ask for Jekyll 4 is no finding: it may build with Jekyll 2 or 3', async () => {
    // CocoaPods' blog: `gem 'jekyll'` unpinned, its Gemfile.lock holds jekyll 2.5.3, which has redcarpet.
    assert.deepStrictEqual(await configFindings('markdown: redcarpet\n', { Gemfile: "gem 'rdiscount'\ngem 'jekyll'\n" }), []);
    assert.deepStrictEqual(await configFindings('markdown: rdiscount\n'), []);
    assert.deepStrictEqual((await configFindings('markdown: rdiscount\n', { Gemfile: 'gem "jekyll", ">= 4.0", "< 5"\n' })).map(([code]) => code), ['config.markdown-processor']);
  });

  // The oracle (Jekyll 4.3.1, and Jekyll 3 since 3.0, GitHub Pages too) aborts at once: "Since v3.0, permalinks for
  // pages in subfolders must be relative to the site source directory".
  test('`relative_permalinks: true` stops every build since Jekyll 3: an error on its value', async () => {
    assert.deepStrictEqual(await configFindings('title: t\nrelative_permalinks: true\n'), [['config.relative-permalinks', DiagnosticSeverity.Error, 'true']]);
    assert.deepStrictEqual(await configFindings('relative_permalinks: yes\n', { Gemfile: "gem 'github-pages'\n" }).then((f) => f.map(([code]) => code)), ['config.relative-permalinks']);
    assert.deepStrictEqual(await configFindings('relative_permalinks: false\n'), []);
    assert.deepStrictEqual(await configFindings('relative_permalinks:\n'), []);
  });
});
