import * as assert from 'node:assert';
import { withSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { exampleBlog } from '../util/blogs';
import { InMemoryWorkspace } from '../util/inMemoryWorkspace';

const post = '_posts/2020-04-01-new.md';
const text = (tags: string, title = 'New') => `---\nlayout: post\ntitle: ${title}\nauthor: jane.doe\ntags: [${tags}]\n---\nBody\n`;

suite('derived lists', () => {
  test('are kept while the keys they are made of do not change', async () => {
    const index = new SiteIndex(new InMemoryWorkspace(exampleBlog({ [post]: text('jvm') })), withSettings(undefined));
    await index.build();
    let computed = 0;
    const tags = () => index.derived('test:tags', () => ++computed, ['tags']);
    const keySet = () => index.derived('test:keys', () => ++computed, 'key-set');
    const any = () => index.derived('test:any', () => ++computed, 'any-data');
    assert.deepStrictEqual([tags(), keySet(), any()], [1, 2, 3]);
    await index.update(post, text('jvm', 'Retitled'));
    assert.deepStrictEqual([tags(), keySet(), any()], [1, 2, 4], 'a new title keeps the tag and key lists');
    await index.update(post, text('jvm, kafka', 'Retitled'));
    assert.deepStrictEqual([tags(), keySet(), any()], [5, 2, 6], 'a new tag drops the tag list only');
    await index.update(post, '---\nlayout: post\ntitle: Retitled\n---\nBody\n');
    assert.deepStrictEqual([tags(), keySet(), any()], [7, 8, 9], 'removed keys drop the key list');
    assert.strictEqual(index.keyCounts().get('tags'), 3);
  });
});
