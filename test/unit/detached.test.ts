import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached } from '../../server/src/core/detached';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Heap growth, in bytes, of keeping two short cuts of each of 100 texts of 2.4 MB through `keep`. */
function retainedBy(keep: (slice: string) => string): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 100; i++) {
    const text = `${'x'.repeat(100)}${i}`.repeat(20_000);
    kept.push(keep(text.slice(5, 60)), keep(text.slice(100, 104)));
  }
  collect();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, 200);
  return grown;
}

suite('detached', () => {
  test('keeps the text of the cut', () => {
    const text = 'a'.repeat(50) + 'héllo wörld, a long enough cut' + 'b'.repeat(50);
    assert.equal(detached(text.slice(50, 80)), 'héllo wörld, a long enough cut');
    assert.equal(detached(''), '');
    assert.equal(detached(text.slice(1, 3)), 'aa');
  });

  test('keeps none of the text it was cut from alive', () => {
    // A plain cut keeps every 2.4 MB text alive (240 MB): the measure can tell.
    assert.ok(retainedBy((slice) => slice) > 100e6);
    assert.ok(retainedBy(detached) < 10e6, 'cuts keep their texts alive');
  });
});
