import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { ITextDocument } from '../workspace';

/** At most this many items go to the editor at once: a list on screen shows a dozen. */
export const COMPLETION_LIMIT = 200;

/**
 * Keeps blog-wide lists cheap to send. A 10,000-post blog offers 10,000 `post_url` names, megabytes of JSON
 * on every keystroke; beyond `limit` only the best-ranked items that match what is typed go out, with
 * `isIncomplete` so the editor asks again as the user types. The match is a case-insensitive subsequence, more
 * lenient than the editor's own fuzzy filter, so nothing the editor would show is held back.
 */
export function limitCompletions(items: CompletionItem[], document: ITextDocument, offset: number, limit = COMPLETION_LIMIT): CompletionItem[] | CompletionList {
  if (items.length <= limit) {
    return items;
  }
  const text = document.getText();
  const typedAt = new Map<string, string>();
  const kept: CompletionItem[] = [];
  for (const item of items) {
    const edit = item.textEdit;
    const start = edit ? ('range' in edit ? edit.range.start : edit.insert.start) : undefined;
    let typed = '';
    if (start) {
      const key = `${start.line}:${start.character}`;
      typed = typedAt.get(key) ?? text.slice(Math.min(document.offsetAt(start), offset), offset).toLowerCase();
      typedAt.set(key, typed);
    }
    if (isSubsequence(typed, (item.filterText ?? item.label).toLowerCase())) {
      kept.push(item);
      if (kept.length === limit) {
        return { isIncomplete: true, items: kept };
      }
    }
  }
  return { isIncomplete: true, items: kept };
}

/** The same test for a list prepared item by item: false once enough items are kept, or when `item` does not match. */
export function worthSending(items: readonly CompletionItem[], typed: string, item: CompletionItem, kept: number): boolean {
  return items.length <= COMPLETION_LIMIT || (kept <= COMPLETION_LIMIT && isSubsequence(typed.toLowerCase(), (item.filterText ?? item.label).toLowerCase()));
}

/** Whether the typed characters occur in the candidate in order (both lowercase). */
export function isSubsequence(typed: string, candidate: string): boolean {
  let at = 0;
  for (const char of typed) {
    at = candidate.indexOf(char, at) + 1;
    if (at === 0) {
      return false;
    }
  }
  return true;
}
