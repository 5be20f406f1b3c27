import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { computeDiagnostics, type DiagnosticFixData } from '../diagnostics';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';

/** A quick fix: one edit to the document that fixes `diagnostic`. */
export interface QuickFix {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edit: TextEdit;
}

/**
 * Quick fixes for the diagnostics that touch `range`. Each edit replaces only the text of its finding (or
 * the list item it removes), so the rest of the file stays byte for byte: line endings, BOM, comments, key
 * order. The diagnostics are computed afresh from the current text, so a fix never uses stale offsets.
 */
export function provideQuickFixes(site: SiteIndex, document: ITextDocument, range: Range): QuickFix[] {
  return computeDiagnostics(site, document).flatMap((diagnostic) => {
    if (!isFixData(diagnostic.data) || !overlaps(diagnostic.range, range)) {
      return [];
    }
    const { fix } = diagnostic.data;
    return [{ title: fix.title, diagnostic, edit: fix.edit }];
  });
}

function isFixData(data: unknown): data is DiagnosticFixData {
  return typeof data === 'object' && data !== null && 'fix' in data;
}

/** Ranges touch: the cursor at either end of a diagnostic still counts. */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
