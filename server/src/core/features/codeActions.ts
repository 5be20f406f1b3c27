import * as l10n from '@vscode/l10n';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { computeDiagnostics, type DiagnosticData } from '../diagnostics';
import type { SiteIndex } from '../site/siteIndex';
import type { ITextDocument } from '../workspace';

/** A quick fix: one edit to the document that fixes `diagnostic`. */
export interface QuickFix {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edit: TextEdit;
}

/** A link target to leave unchecked: a glob for `blogwright.links.ignore`, which the editor adds to the settings. */
export interface LinkIgnore {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly glob: string;
}

/**
 * Quick fixes for the diagnostics that touch `range`. Each edit replaces only the text of its finding (or
 * the list item it removes), so the rest of the file stays byte for byte: line endings, BOM, comments, key
 * order. The diagnostics are computed afresh from the current text, so a fix never uses stale offsets.
 */
export function provideQuickFixes(site: SiteIndex, document: ITextDocument, range: Range): QuickFix[] {
  return provideCodeActions(site, document, range).fixes;
}

/** The quick fixes in `range`, and for links there to pages not in the site, leaving them unchecked. */
export function provideCodeActions(site: SiteIndex, document: ITextDocument, range: Range): { fixes: QuickFix[]; ignores: LinkIgnore[] } {
  const fixes: QuickFix[] = [];
  const ignores: LinkIgnore[] = [];
  for (const diagnostic of computeDiagnostics(site, document)) {
    if (!isData(diagnostic.data) || !overlaps(diagnostic.range, range)) {
      continue;
    }
    const { fix, ignorable } = diagnostic.data;
    if (fix) {
      fixes.push({ title: fix.title, diagnostic, edit: fix.edit });
    }
    if (ignorable !== undefined) {
      const glob = ignoreGlob(site, ignorable);
      ignores.push({ title: l10n.t("Don't check links to {0} (blogwright.links.ignore)", glob), diagnostic, glob });
    }
  }
  return { fixes, ignores };
}

/**
 * What to leave unchecked for a missing URL path: its first folder, when no page of the site is in it (`/bin/x/y`:
 * `/bin/**`, something else serves it); else the path alone (a missing post's `/2019/11/x.html`).
 */
export function ignoreGlob(site: SiteIndex, path: string): string {
  const folder = /^\/[^/]+\//.exec(path)?.[0];
  if (folder === undefined || site.urls.publishedUrls().some((url) => url.startsWith(folder))) {
    return path;
  }
  return folder + '**';
}

function isData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && ('fix' in data || 'ignorable' in data);
}

/** Ranges touch: the cursor at either end of a diagnostic still counts. */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
