import type { PreviewState } from './messages';

export interface PreviewPageParts {
  /** The webview's `cspSource`: the only origin styles, images and fonts may come from. */
  readonly cspSource: string;
  /** A fresh random value for this page; only a script carrying it runs. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The blog's own stylesheet (`blogwright.preview.stylesheet`), a file of the workspace. */
  readonly userStyleUri: string | undefined;
  readonly state: PreviewState;
  /** The rendered post (already sanitized by the renderer). */
  readonly html: string;
  /**
   * The page as published: the blog's own styles (`<style>` elements from the server, URLs in the workspace) and
   * its body's class; `html` is then the layouts' body. Without it, the content alone in the preview's own look.
   */
  readonly themed?: { readonly head: string; readonly bodyClass: string; readonly styleUri: string };
}

/**
 * The webview page. Its Content Security Policy lets only our script run (by nonce), loads styles, images
 * and fonts only from the webview's own resource origin (the workspace and the extension's media), allows
 * no frames, objects, forms targets or `<base>`, and no network. A post's own HTML is shown, never executed.
 * No `vscode` import: the Chromium test builds the same page.
 */
export function previewPage(parts: PreviewPageParts): string {
  const themed = parts.themed;
  const csp = [
    "default-src 'none'",
    `img-src ${parts.cspSource} data:`,
    // The blog's own styles come inline (compiled, URLs rewritten) and in style attributes; they load nothing from elsewhere.
    themed ? `style-src ${parts.cspSource} 'unsafe-inline'` : `style-src ${parts.cspSource}`,
    `font-src ${parts.cspSource} data:`,
    `script-src 'nonce-${parts.nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const state = JSON.stringify(parts.state);
  const userStyle = parts.userStyleUri ? `\n<link rel="stylesheet" href="${escapeAttribute(parts.userStyleUri)}">` : '';
  const styles = themed ? `<link rel="stylesheet" href="${escapeAttribute(themed.styleUri)}">\n${themed.head}${userStyle}` : `<link rel="stylesheet" href="${escapeAttribute(parts.styleUri)}">${userStyle}`;
  const bodyClass = themed?.bodyClass ? ` class="${escapeAttribute(themed.bodyClass)}"` : '';
  // Themed, the body is the blog's: it is the content the script updates, so its children are the layouts' own.
  const body = themed ? `<body id="blogwright-content"${bodyClass}>${parts.html}</body>` : `<body>\n<main id="blogwright-content">${parts.html}</main>\n</body>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<meta id="blogwright-state" data-state="${escapeAttribute(state)}">
<script nonce="${parts.nonce}" src="${escapeAttribute(parts.scriptUri)}" defer></script>
</head>
${body}
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
