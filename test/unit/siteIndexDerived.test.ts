import * as assert from 'node:assert';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

async function indexed(): Promise<SiteIndex> {
  const site = new SiteIndex(new InMemoryWorkspace(exampleBlog()), withSettings(undefined));
  await site.build();
  return site;
}

const FIRST = '_posts/2020-01-01-first.md';

suite('site index: live counts and derived lists', () => {
  test('tag and author counts follow edits, additions and deletions', async () => {
    const site = await indexed();
    assert.deepStrictEqual([...site.tagCounts()], [['jvm', 2], ['kafka', 1], ['kotlin', 1]]);
    await site.update(FIRST, '---\ntitle: First\nauthor: john.smith\ntags: [kafka, kafka, new]\n---\n');
    assert.deepStrictEqual([...site.tagCounts()], [['kafka', 2], ['jvm', 1], ['new', 1]], 'a tag counts once per document');
    assert.deepStrictEqual([...site.authorPostCounts()].sort(), [['jane.doe', 1], ['john.smith', 2]]);
    await site.update('_posts/2020-03-01-third.md', undefined);
    assert.deepStrictEqual([...site.tagCounts()], [['jvm', 1], ['kafka', 1], ['new', 1]]);
    assert.deepStrictEqual([...site.authorPostCounts()].sort(), [['jane.doe', 1], ['john.smith', 1]]);
  });

  test('a list is kept across edits to keys it is not made of, and rebuilt after edits to its keys', async () => {
    const site = await indexed();
    let builds = 0;
    const list = () => site.derived('test:tags', () => ++builds, ['tags']);
    list();
    await site.update(FIRST, '---\ntitle: First, retitled\nauthor: jane.doe\ntags: [jvm, kotlin]\n---\n\nNew body.\n');
    await site.update('assets/img/logo.png', '');
    await site.update('_scratch/notes.md', '---\ntags: [x]\n---\n');
    list();
    assert.strictEqual(builds, 1, 'title, body, an unchanged asset and an ignored file keep it');
    await site.update(FIRST, '---\ntitle: First\nauthor: jane.doe\ntags: [jvm]\n---\n');
    list();
    assert.strictEqual(builds, 2, 'a tag edit rebuilds it');
  });
});
