import * as assert from 'node:assert';
import { describeFailure, runModel } from '../model/modelRun';

/** A short run of the model-based test; `npm run test:model` runs a long one. */
suite('model-based: random file and editor operations, then the server equals a fresh CLI run', () => {
  test('after every sequence, every published diagnostic equals the CLI on the disk', async function () {
    this.timeout(120_000);
    const seed = 7;
    const result = await runModel({ seed, sequences: 10, operations: 8 });
    console.log(`      ${result.sequences} sequences, ${result.operations} operations, ${result.compared} diagnostics compared`);
    assert.deepStrictEqual(result.failures.map((f) => describeFailure(seed, f)), []);
  });
});
