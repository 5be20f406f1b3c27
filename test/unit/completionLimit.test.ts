import * as assert from 'node:assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { limitCompletions } from '../../server/src/core/features/completionLimit';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';

suite('limitCompletions', () => {
  const text = 'Read {% post_url 2024-ka %}';
  const document = new TextDocumentSnapshot('_posts/2024-01-01-a.md', 1, text);
  const cursor = text.indexOf(' %}');
  const start = document.positionAt(text.indexOf('2024-ka'));
  const items = (names: string[]): CompletionItem[] => names.map((label) => ({ label, textEdit: { range: { start, end: document.positionAt(cursor) }, newText: label } }));

  test('a short list goes out whole', () => {
    const list = items(['2024-01-01-kafka', '2023-01-01-java']);
    assert.strictEqual(limitCompletions(list, document, cursor), list);
  });

  test('a long list keeps the best-ranked items that match what is typed, and says it is incomplete', () => {
    const names = Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? `2024-01-${i}-kafka` : `2023-01-${i}-java`));
    const result = limitCompletions(items(names), document, cursor, 100) as CompletionList;
    assert.strictEqual(result.isIncomplete, true);
    assert.strictEqual(result.items.length, 100);
    assert.deepStrictEqual(result.items.slice(0, 2).map((i) => i.label), ['2024-01-0-kafka', '2024-01-2-kafka']);
    assert.ok(result.items.every((i) => i.label.includes('kafka')));
  });
});
