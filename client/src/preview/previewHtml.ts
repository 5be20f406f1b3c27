import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The webview page: only our script runs (a fresh nonce per render), no inline handlers, no forms,
 * images only from the workspace and the extension. A post's own HTML is shown, never executed.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, content: { source: string; version: number; html: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'media', name));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} https: data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const state = JSON.stringify({ source: content.source, version: content.version }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('preview.css')}">
<meta id="blogwright-state" data-state="${escapeAttribute(state)}">
</head>
<body>
<main id="blogwright-content">${content.html}</main>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
