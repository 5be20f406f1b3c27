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
}

/**
 * The webview page. Its Content Security Policy lets only our script run (by nonce), loads styles, images
 * and fonts only from the webview's own resource origin (the workspace and the extension's media), allows
 * no frames, objects, forms targets or `<base>`, and no network. A post's own HTML is shown, never executed.
 * No `vscode` import: the Chromium test builds the same page.
 */
export function previewPage(parts: PreviewPageParts): string {
  const csp = [
    "default-src 'none'",
    `img-src ${parts.cspSource} data:`,
    `style-src ${parts.cspSource}`,
    `font-src ${parts.cspSource}`,
    `script-src 'nonce-${parts.nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const state = JSON.stringify(parts.state);
  const userStyle = parts.userStyleUri ? `\n<link rel="stylesheet" href="${escapeAttribute(parts.userStyleUri)}">` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(parts.styleUri)}">${userStyle}
<meta id="blogwright-state" data-state="${escapeAttribute(state)}">
</head>
<body>
<main id="blogwright-content">${parts.html}</main>
<script nonce="${parts.nonce}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
