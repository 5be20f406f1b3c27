import * as assert from 'node:assert';
import { exampleBlog } from '../util/blogs';
import { fileDiagnostics } from '../../server/src/core/fileDiagnostics';
import { diagnosticsOf, findingsOf, indexBlog } from '../util/checkBlog';

const body = (lines = '') => `---\nlayout: post\ntitle: T\nauthor: jane.doe\n${lines}---\nBody\n`;
/** The example blog's `timezone` is Europe/Warsaw (UTC+1 in winter, +2 in summer). */
const check = (path: string, lines = '', config?: string) => findingsOf(exampleBlog({ [path]: body(lines), ...(config === undefined ? {} : { '_config.yml': config }) }), path);

suite('post file name and date rules', () => {
  test('a post file name without a date is skipped by Jekyll', async () => {
    assert.deepStrictEqual(await check('_posts/kafka-tips.md'), [['filename.misnamed-post', '---']]);
    assert.deepStrictEqual(await check('_posts/2020-01-1x-tips.md'), [['filename.misnamed-post', '---']]);
  });

  // The oracle with `collections_dir: collections` builds nothing from `_posts/` or `blog/_posts/`, silently.
  test('with collections_dir, a post outside it is skipped by Jekyll', async () => {
    const config = 'collections_dir: collections\ntimezone: Europe/Warsaw\n';
    for (const path of ['_posts/2020-01-02-tips.md', 'blog/_posts/2020-01-02-tips.md']) {
      const findings = await check(path, '', config);
      assert.deepStrictEqual(findings, [['filename.misnamed-post', '---']], path);
    }
    assert.deepStrictEqual(await check('collections/_posts/2020-01-02-tips.md', '', config), []);
    assert.deepStrictEqual(await check('collections/blog/_posts/2020-01-02-tips.md', '', config), []);
  });

  test('files in _posts that are no posts are not reported: images, a README without front matter', async () => {
    const files = exampleBlog({ '_posts/img/diagram.png': 'PNG', '_posts/README.md': 'How we write posts.\n' });
    assert.deepStrictEqual(await findingsOf(files, '_posts/img/diagram.png'), []);
    assert.deepStrictEqual(await findingsOf(files, '_posts/README.md'), []);
  });

  // aljrico/blog keeps R Markdown sources with post front matter beside its posts; the oracle skips them silently.
  test('a source file with front matter in _posts that is no post is not checked as a post (an .Rmd, a .txt)', async () => {
    const rmd = '---\nlayout: post\ntitle: ""\n---\n![](figs/a.png)\n';
    const files = exampleBlog({ '_posts/rmarkdown/first_r_package.Rmd': rmd, '_posts/notes.txt': '---\nsome: thing\n---\n[x](/nowhere/)\n' });
    assert.deepStrictEqual(await findingsOf(files, '_posts/rmarkdown/first_r_package.Rmd'), []);
    assert.deepStrictEqual(await findingsOf(files, '_posts/notes.txt'), []);
  });

  test('a binary or too large file in _posts that is no post is not "not checked" (jalammar.github.io: 11 images beside its posts; the oracle copies none)', async () => {
    const site = await indexBlog(exampleBlog({ '_posts/2020-01-02-a.md': body() }));
    const skipped = (path: string) => fileDiagnostics(site, { path, skipped: 'the file is binary' }, []).map((d) => d.code);
    assert.deepStrictEqual(skipped('_posts/pic.png'), []);
    assert.deepStrictEqual(skipped('_posts/img/CWzUJbpUkAEBOtD.jpg'), []);
    assert.deepStrictEqual(skipped('_posts/notes.md'), ['file.skipped'], 'a Markdown file there may be a misnamed post');
    assert.deepStrictEqual(skipped('_posts/2020-01-03-huge.md'), ['file.skipped'], 'a post');
    assert.deepStrictEqual(skipped('assets/big.md'), ['file.skipped'], 'a page');
  });

  test('an impossible date in the file name', async () => {
    const findings = await check('_posts/2014-02-29-leap.md');
    assert.deepStrictEqual(findings.map(([c]) => c), ['filename.invalid-date']);
    assert.deepStrictEqual(await check('_posts/2016-02-29-leap.md'), [], '2016 is a leap year');
    assert.deepStrictEqual((await check('_posts/2014-13-01-x.md')).map(([c]) => c), ['filename.invalid-date']);
    assert.deepStrictEqual(await check('_posts/2014-02-29-leap.md', 'date: 2014-02-28\n'), [['date.mismatch', '2014-02-28']], 'date: replaces the name\'s date');
    // The oracle dates `2018-04-31-a.md` with `date: 2018-04-31` or `date: 2018-05-01` on May 1, as without `date:` (manageiq.org).
    assert.deepStrictEqual(await check('_posts/2014-02-29-leap.md', 'date: 2014-03-01\n'), [], 'the name\'s day rolls over to the same day');
    assert.deepStrictEqual(await check('_posts/2014-02-29-leap.md', 'date: 2014-02-29\n'), []);
    assert.deepStrictEqual(await check('_posts/2014-2-3-short.md'), [], 'one-digit month and day are fine for Jekyll');
  });

  test('a date on another day than the name says the URL changes only where the permalink has the day (CocoaPods blog: /:title)', async () => {
    const path = '_posts/2014-01-08-kucha.md';
    const message = async (config: string) => String((await diagnosticsOf(exampleBlog({ [path]: body('date: 2014-01-07\n'), '_config.yml': config }), path))[0]?.message);
    assert.match(await message('permalink: /:year/:month/:day/:title/\n'), /builds its URL, from `date:`/);
    assert.match(await message('permalink: /:title\n'), /dates the post from `date:` \(in feeds/);
  });

  test('a date that does not parse stops the build', async () => {
    for (const value of ['', 'soon', 'true', '2015-13-01', '2015-10-10 25:00:00', '[2015]']) {
      const findings = await check('_posts/2015-10-10-x.md', `date: ${value}\n`);
      assert.deepStrictEqual(findings.map(([c]) => c), ['date.invalid'], value);
    }
  });

  test('hours Ruby rolls over: any with an offset other than zero, only 24:00:00 without (the oracle: `25:30:00 -05:00` builds /2015/05/22/; houbb)', async () => {
    const post = '_posts/2015-05-21-x.md';
    for (const value of ['2015-05-21 25:30:00 +08:00', '2015-05-21 30:30:00 +0800', '2015-05-21 24:30:00 +08:00', '2015-05-21 23:59:60 +08:00', '2015-05-20 24:00:00']) {
      assert.deepStrictEqual(await check(post, `date: ${value}\n`, 'title: x\n'), [], value);
    }
    for (const value of ['2015-05-21 24:30:00', '2015-05-21 25:30:00 +00:00', '2015-05-21 25:30:00 Z', '2015-05-21 24:30:00 Z', '2015-05-21 23:61:00 +08:00']) {
      assert.deepStrictEqual((await check(post, `date: ${value}\n`, 'title: x\n')).map(([c]) => c), ['date.invalid'], value);
    }
    assert.deepStrictEqual((await check(post, 'date: 2015-05-21 25:30:00 -05:00\n', 'title: x\ntimezone: UTC\n')).map(([c]) => c), ['date.mismatch'], 'the 22nd in UTC');
  });

  test('dates Ruby reads in ways we do not imitate are left alone', async () => {
    for (const value of ['"October 10, 2015"', '10 Oct 2015', '"2015/10/10"']) {
      assert.deepStrictEqual(await check('_posts/2015-10-10-x.md', `date: ${value}\n`), [], value);
    }
  });

  test('the day of `date:` in the site timezone must be the file name\'s', async () => {
    const post = '_posts/2015-10-10-x.md';
    for (const value of ['2015-10-10', '2015-10-10 23:30:00 +0200', '2015-10-10 21:30:00', '"2015-10-10 23:30:00"', '2015-10-09T23:30:00Z']) {
      assert.deepStrictEqual(await check(post, `date: ${value}\n`), [], value);
    }
    // Plain, without an offset, SafeYAML reads UTC: 23:30 UTC is already the 11th in Warsaw.
    for (const value of ['2015-10-11', '2015-10-10 23:30:00', '2015-10-10 23:30:00 +0000', '2015-10-09 22:00:00 +0200']) {
      assert.deepStrictEqual((await check(post, `date: ${value}\n`)).map(([c]) => c), ['date.mismatch'], value);
    }
  });

  test('without a site timezone only a day no zone can reach is reported', async () => {
    const post = '_posts/2015-10-10-x.md';
    assert.deepStrictEqual(await check(post, 'date: 2015-10-10 23:30:00 +0000\n', 'title: x\n'), []);
    assert.deepStrictEqual((await check(post, 'date: 2015-10-12 12:00:00 +0000\n', 'title: x\n')).map(([c]) => c), ['date.mismatch']);
  });

  test('without a site timezone, 10:00 to 12:00 UTC reaches three days, the middle one too (houbb, news.opensuse.org; the oracle builds /2017/11/16/ in UTC)', async () => {
    const post = '_posts/2017-11-16-a.md';
    for (const value of ['2017-11-16 19:23:06 +0800', '2017-11-16 10:00:00 +0000', '2017-11-16 11:59:00']) {
      assert.deepStrictEqual(await check(post, `date: ${value}\n`, 'title: x\n'), [], value);
    }
    const [finding] = await diagnosticsOf(exampleBlog({ '_posts/2017-11-18-a.md': body('date: 2017-11-16 11:00:00 +0000\n'), '_config.yml': 'title: x\n' }), '_posts/2017-11-18-a.md');
    assert.match(String(finding?.message), /falls on 2017-11-15, 2017-11-16 or 2017-11-17 \(by the building machine's time zone/);
  });

  test('drafts and pages may have any valid date', async () => {
    assert.deepStrictEqual(await check('_drafts/idea.md', 'date: 2030-01-01\n'), []);
  });
});
