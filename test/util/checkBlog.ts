import { computeDiagnostics, type BlogwrightDiagnostic } from '../../server/src/core/diagnostics';
import { provideQuickFixes } from '../../server/src/core/features/codeActions';
import type { RuleCode } from '../../server/src/core/ruleCatalog';
import { withSettings, type BlogwrightSettings } from '../../server/src/core/settings';
import { SiteIndex } from '../../server/src/core/site/siteIndex';
import { TextDocumentSnapshot } from '../../server/src/core/textDocument';
import { InMemoryWorkspace } from './inMemoryWorkspace';

/** A blog in memory, indexed, ready to check one file of it. */
export async function indexBlog(files: Record<string, string>, settings: BlogwrightSettings = withSettings(undefined)): Promise<SiteIndex> {
  const site = new SiteIndex(new InMemoryWorkspace(files), settings);
  await site.build();
  return site;
}

/** The diagnostics of one file of the blog. */
export async function diagnosticsOf(files: Record<string, string>, path: string, settings?: BlogwrightSettings): Promise<BlogwrightDiagnostic[]> {
  const site = await indexBlog(files, settings);
  return computeDiagnostics(site, new TextDocumentSnapshot(path, 1, files[path]!));
}

/** `code` and the text each diagnostic covers, which says more in a failing assertion than ranges do. */
export async function findingsOf(files: Record<string, string>, path: string, settings?: BlogwrightSettings): Promise<[RuleCode, string][]> {
  const document = new TextDocumentSnapshot(path, 1, files[path]!);
  return (await diagnosticsOf(files, path, settings)).map((d) => [d.code, files[path]!.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end))]);
}

/** The file's text after applying the quick fix offered for the diagnostic with `code`, or undefined without one. */
export async function afterQuickFix(files: Record<string, string>, path: string, code: RuleCode, settings?: BlogwrightSettings): Promise<string | undefined> {
  const site = await indexBlog(files, settings);
  const document = new TextDocumentSnapshot(path, 1, files[path]!);
  const diagnostic = computeDiagnostics(site, document).find((d) => d.code === code);
  if (!diagnostic) {
    throw new Error(`no ${code} in ${path}`);
  }
  const fix = provideQuickFixes(site, document, diagnostic.range).find((f) => f.diagnostic.code === code);
  if (!fix) {
    return undefined;
  }
  const text = document.getText();
  return text.slice(0, document.offsetAt(fix.edit.range.start)) + fix.edit.newText + text.slice(document.offsetAt(fix.edit.range.end));
}
