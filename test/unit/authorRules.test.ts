import * as assert from 'node:assert';
import { parseYaml } from '../../server/src/core/frontmatter/yaml';
import { authorsFromData, authorsFromFlatData, type AuthorSource } from '../../server/src/core/site/authors';
import { withSettings } from '../../server/src/core/settings';
import { exampleBlog } from '../util/blogs';
import { afterQuickFix, findingsOf } from '../util/checkBlog';

const POST = '_posts/2020-05-01-new.md';
const post = (author: string) => `---\nlayout: post\ntitle: New\n${author}\n---\nBody\n`;

suite('author rules', () => {
  test('a data file keyed by id: a known id is fine, an unknown one is reported with "did you mean"', async () => {
    assert.deepStrictEqual(await findingsOf(exampleBlog({ [POST]: post('author: jane.doe') }), POST), []);
    const files = exampleBlog({ [POST]: post('author: jane.deo') });
    const findings = await findingsOf(files, POST);
    assert.deepStrictEqual(findings, [['author.unknown', 'jane.deo']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'author.unknown'), post('author: jane.doe'));
  });

  test('the same id in another case, and a display name, suggest the id', async () => {
    assert.strictEqual(await afterQuickFix(exampleBlog({ [POST]: post('author: Jane.Doe') }), POST, 'author.unknown'), post('author: jane.doe'));
    assert.strictEqual(await afterQuickFix(exampleBlog({ [POST]: post('author: John Smith') }), POST, 'author.unknown'), post('author: john.smith'));
  });

  test('a list of authors is normal; only the unknown item is reported, and fixed in place', async () => {
    const files = exampleBlog({ [POST]: post('author: [jane.doe, jonh.smith]') });
    assert.deepStrictEqual(await findingsOf(files, POST), [['author.unknown', 'jonh.smith']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'author.unknown'), post('author: [jane.doe, john.smith]'));
    const block = exampleBlog({ [POST]: post('authors:\n  - jane.doe\n  - nobody.known') });
    assert.deepStrictEqual(await findingsOf(block, POST), [['author.unknown', 'nobody.known']]);
    assert.strictEqual(await afterQuickFix(block, POST, 'author.unknown'), undefined, 'nothing close: no fix');
  });

  test('`author: a,b` is a list when one of its parts is an author (themes split it at commas: crystal-lang.org); each unknown part is reported and fixed in place', async () => {
    assert.deepStrictEqual(await findingsOf(exampleBlog({ [POST]: post('author: jane.doe,john.smith') }), POST), []);
    const files = exampleBlog({ [POST]: post('author: "jane.doe, jon.smith,450"') });
    assert.deepStrictEqual(await findingsOf(files, POST), [
      ['author.unknown', 'jon.smith'],
      ['author.unknown', '450'],
    ]);
    assert.strictEqual(await afterQuickFix(files, POST, 'author.unknown'), post('author: "jane.doe, john.smith,450"'));
    // No part known: one name with a comma in it, reported whole.
    assert.deepStrictEqual(await findingsOf(exampleBlog({ [POST]: post('author: Doe, Jane') }), POST), [['author.unknown', 'Doe, Jane']]);
  });

  test('a data file that is a list of records with ids', async () => {
    const files = exampleBlog({
      '_data/authors.yml': '- id: ada\n  name: Ada Lovelace\n- id: alan\n  name: Alan Turing\n',
      [POST]: post('author: [ada, alna]'),
    });
    assert.deepStrictEqual(await findingsOf(files, POST), [['author.unknown', 'alna']]);
    assert.strictEqual(await afterQuickFix(files, POST, 'author.unknown'), post('author: [ada, alan]'));
  });

  test('another data file name (members.yml), and a setting that names the file', async () => {
    const files = exampleBlog({ [POST]: post('author: piotr') });
    delete files['_data/authors.yml'];
    files['_data/members.yml'] = 'piotr:\n  name: Piotr\n';
    files['_data/people.yml'] = 'other:\n  name: Other\n';
    assert.deepStrictEqual(await findingsOf(files, POST), []);
    assert.deepStrictEqual(await findingsOf(files, POST, withSettings({ authorsSource: 'data:people' })), [['author.unknown', 'piotr']]);
  });

  test('an _authors collection matched by name', async () => {
    const files = exampleBlog({
      '_config.yml': 'collections:\n  authors:\n    output: true\n',
      '_authors/ada.md': '---\nname: Ada Lovelace\n---\n',
      '_authors/alan.md': '---\nname: Alan Turing\n---\n',
      [POST]: post('authors: [Ada Lovelace, alan turing, Grace Hopper]'),
    });
    delete files['_data/authors.yml'];
    assert.deepStrictEqual(await findingsOf(files, POST), [
      ['author.unknown', 'alan turing'],
      ['author.unknown', 'Grace Hopper'],
    ]);
    assert.strictEqual(await afterQuickFix(files, POST, 'author.unknown'), post('authors: [Ada Lovelace, Alan Turing, Grace Hopper]'));
    assert.deepStrictEqual(await findingsOf(files, '_authors/ada.md'), [], 'the author documents themselves are not checked for authors');
  });

  test('no author source: nothing to check against, so nothing is reported', async () => {
    const files = exampleBlog({ [POST]: post('author: Whoever Wrote It') });
    delete files['_data/authors.yml'];
    assert.deepStrictEqual(await findingsOf(files, POST), []);
    const withData = exampleBlog({ [POST]: post('author: Whoever Wrote It') });
    assert.deepStrictEqual(await findingsOf(withData, POST, withSettings({ authorsSource: 'none' })), []);
  });

  test('an authors file that defines none of the names the posts give is not where they come from (a theme\'s sample: swcarpentry/website), unless the settings name it', async () => {
    const named = (file: string, authors: string) => [file, `---\nlayout: post\ntitle: T\nauthors: ${authors}\n---\nBody\n`];
    const files = exampleBlog({
      '_data/authors.yml': 'admin:\n  name: Site Administrator\n',
      ...Object.fromEntries([
        named('_posts/2020-01-01-first.md', '["Greg Wilson"]'),
        named('_posts/2020-02-01-second.md', '["Greg Wilson", "Jane Roe"]'),
        named('_posts/2020-03-01-third.md', 'Jane Roe'),
        named(POST, '["Greg Wilson"]'),
      ]),
    });
    assert.deepStrictEqual(await findingsOf(files, POST), []);
    assert.deepStrictEqual(await findingsOf(files, POST, withSettings({ authorsSource: 'data:authors' })), [['author.unknown', '"Greg Wilson"']], 'a file the settings name is the blog\'s');
    // One post naming the file's author: the file is the blog's, and the others' names are checked against it.
    files['_posts/2020-03-01-third.md'] = named('', 'admin')[1]!;
    assert.deepStrictEqual(await findingsOf(files, POST), [['author.unknown', '"Greg Wilson"']]);
  });

  test('an author page naming an undefined author suggests the author of its folder', async () => {
    const page = 'authors/john.smith/index.md';
    const files = exampleBlog({ [page]: '---\nlayout: default\nauthor: index.md\n---\n' });
    assert.deepStrictEqual(await findingsOf(files, page), [['author.unknown', 'index.md']]);
    assert.strictEqual(await afterQuickFix(files, page, 'author.unknown'), '---\nlayout: default\nauthor: john.smith\n---\n');
    assert.deepStrictEqual(await findingsOf(exampleBlog({ [page]: '---\nlayout: default\nauthor: john.smith\n---\n' }), page), []);
  });

  test('other pages may credit anyone; a page with the author layout may not', async () => {
    const files = exampleBlog({ 'about.md': '---\nlayout: default\ntitle: About\nauthor: The Team\n---\n', 'team/jane.md': '---\nlayout: author\nauthor: jane\n---\n', '_layouts/author.html': '{{ content }}' });
    assert.deepStrictEqual(await findingsOf(files, 'about.md'), []);
    assert.deepStrictEqual(await findingsOf(files, 'team/jane.md'), [['author.unknown', 'jane']]);
  });
});

suite('authors read without the YAML library', () => {
  const reading = (source: AuthorSource | undefined) => source && [...source.authors.values()].map(({ id, name, bio, offset }) => ({ id, name, bio, offset }));

  test('reads what the library reads, or declines', () => {
    const taken = [
      'jane.doe:\n    name: Jane Doe\n    bio: Writes.\n\njohn_smith:\n  name: "John Smith"\n  twitter: js\n',
      'a:\n  name: 2015-10-10\n  bio: >\n    folded\n    text\n',
      'a:\nb:\n  name: B\n',
      'a:\n  name: A\n  links:\n    - x\n    - y\n',
      '\n\nx-1:   \n  name: X\n\n',
    ];
    for (const source of taken) {
      const flat = authorsFromFlatData('_data/authors.yml', source);
      assert.notStrictEqual(flat, 'declined', source);
      assert.deepStrictEqual(reading(flat as AuthorSource | undefined), reading(authorsFromData('_data/authors.yml', parseYaml(source).doc)), source);
    }
    const declined = ['yes:\n  name: Y\n', '1e3:\n  name: N\n', 'a:\n  name: A\na:\n  name: B\n', 'a:\n    name: A\n  bio: B\n', '- id: a\n', 'a: {name: A}\n', 'a:\n  name: A # c\n', 'a:\n\tname: A\n', '---\na:\n  name: A\n'];
    for (const source of declined) {
      assert.strictEqual(authorsFromFlatData('_data/authors.yml', source), 'declined', source);
    }
  });
});
