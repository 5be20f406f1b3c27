import * as assert from 'node:assert';
import { closest } from '../../server/src/core/links/suggest';

suite('suggestions', () => {
  test('of candidates equally close, the first in code-unit order, whatever order they come in', () => {
    const candidates = ['2020-06-17-post-19', '2011-06-17-post-29'];
    assert.strictEqual(closest('2014-06-17-post-14', candidates), '2011-06-17-post-29');
    assert.strictEqual(closest('2014-06-17-post-14', [...candidates].reverse()), '2011-06-17-post-29');
    assert.strictEqual(closest('Kafka', ['KAFKA', 'kafka']), 'KAFKA');
    assert.strictEqual(closest('kafka', ['kafkaa', 'kafkb']), 'kafkaa');
  });
});
