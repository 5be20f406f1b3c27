/**
 * The fast subset of `npm run conformance`, in `npm test`: a few generated sites and fuzzed documents built
 * by the real Jekyll and compared with Blogwright, fact by fact. Without Jekyll it fails in CI and says
 * why in one line elsewhere (scripts/setup.sh installs it).
 */
import * as assert from 'node:assert';
import { FACT_KINDS, formatTally, type Tally } from './compare';
import { LEFT } from './previewSnippets';
import { requireJekyll, runFuzz, runGenerated, runPreviewSnippets } from './suite';

function assertAgreement(tally: Tally, title: string): void {
  const unexplained = tally.differences.filter((d) => !d.deliberate);
  assert.ok(FACT_KINDS.every((kind) => tally.total[kind] > 0), `every fact kind is compared:\n${formatTally(title, tally, false)}`);
  assert.deepStrictEqual(unexplained.map((d) => `[${d.kind}] ${d.blog} ${d.path}: ${d.detail}`), [], formatTally(title, tally, false));
}

suite('conformance with the real Jekyll (fast subset)', function () {
  this.timeout(120_000);
  let jekyll = false;
  suiteSetup(function () {
    jekyll = requireJekyll();
    if (!jekyll) {
      this.skip();
    }
  });

  test('3 generated sites: URL map, documents, ids, link verdicts and Liquid in code agree', async () => {
    assertAgreement(await runGenerated(3), '3 generated sites');
  });

  test('80 fuzzed kramdown documents: every fact agrees but the deliberate differences', async () => {
    const result = await runFuzz(80);
    assert.strictEqual(result.unbuildable, 0, 'Jekyll builds every fuzzed document');
    // The fuzzer's seed is fixed: a difference here is new (find its smallest case with `npm run conformance -- --verbose --shrink`).
    assertAgreement(result.tally, '80 fuzzed documents');
  });

  test('kramdown snippets: the preview shows what Jekyll writes', async () => {
    const result = await runPreviewSnippets();
    assert.ok(result.compared >= 40, `${result.compared} snippets compared`);
    const unexplained = result.differences.filter((d) => LEFT[d.name] === undefined);
    assert.deepStrictEqual(unexplained, [], 'a new difference between the preview and Jekyll');
    const agreeing = Object.keys(LEFT).filter((name) => !result.differences.some((d) => d.name === name));
    assert.deepStrictEqual(agreeing, [], 'these now agree: take them out of LEFT in previewSnippets.ts');
  });
});
