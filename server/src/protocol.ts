/** Requests between the Blogwright client and server that LSP does not define. Both sides import this file. */
import { RequestType } from 'vscode-languageserver-protocol';

export interface RenderPreviewParams {
  readonly uri: string;
}

export interface RenderPreviewResult {
  readonly html: string;
  readonly title: string | undefined;
  readonly version: number;
}

export const renderPreviewRequest = new RequestType<RenderPreviewParams, RenderPreviewResult | null, void>('blogwright/renderPreview');
