import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { placeImagesRequest, publishedFileUrlRequest } from '../../../server/src/protocol';
import { localDate } from '../localDate';

const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i;
const EXTENSION_OF_TYPE: Readonly<Record<string, string>> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp', 'image/avif': '.avif', 'image/svg+xml': '.svg', 'image/bmp': '.bmp' };

/** One image to put into the post: its name and where its bytes come from. */
interface IncomingImage {
  readonly fileName: string;
  readonly contents: vscode.DataTransferFile | vscode.Uri;
}

/**
 * Pasting an image, or dropping one, into a post of the blog: the file goes into the blog's image folder for that
 * post (the server learns it from the posts), and the Markdown goes where the cursor is. A file the blog already
 * publishes is linked where it is, not copied. Everything else is left to VS Code's own Markdown support.
 */
export class BlogImageEditProvider implements vscode.DocumentPasteEditProvider, vscode.DocumentDropEditProvider {
  static readonly kind = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image', 'blogwright');

  constructor(readonly client: LanguageClient) {}

  async provideDocumentPasteEdits(document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const images = filesIn(dataTransfer);
    const selected = ranges.length === 1 && !ranges[0]!.isEmpty ? document.getText(ranges[0]).trim() : undefined;
    const edit = images.length > 0 && !selected?.includes('\n') ? await this.#imageEdit(document, images, selected, token) : undefined;
    if (!edit) {
      return undefined;
    }
    const paste = new vscode.DocumentPasteEdit(edit.insert, edit.title, BlogImageEditProvider.kind);
    paste.additionalEdit = edit.files;
    return [paste];
  }

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const files = filesIn(dataTransfer);
    const uris = files.length > 0 ? [] : await urisIn(dataTransfer);
    // Files the blog publishes already are linked in place: a copy would only duplicate them.
    const linked: string[] = [];
    const copied: IncomingImage[] = [...files];
    for (const uri of uris) {
      const inPlace = await this.client.sendRequest(publishedFileUrlRequest, { uri: document.uri.toString(), file: uri.toString() }, token);
      if (inPlace) {
        linked.push(inPlace.markdown);
      } else {
        copied.push({ fileName: uri.path.slice(uri.path.lastIndexOf('/') + 1), contents: uri });
      }
    }
    const edit = copied.length > 0 ? await this.#imageEdit(document, copied, undefined, token) : undefined;
    if (!edit && linked.length === 0) {
      return undefined;
    }
    const insert = new vscode.SnippetString(linked.join(' ').replace(/[$}\\]/g, '\\$&'));
    if (edit) {
      insert.value += (linked.length > 0 ? ' ' : '') + edit.insert.value;
    }
    const drop = new vscode.DocumentDropEdit(insert, edit?.title ?? vscode.l10n.t('Link the image'), BlogImageEditProvider.kind);
    drop.additionalEdit = edit?.files;
    return drop;
  }

  /** The Markdown for the images and the edit that creates their files; undefined outside the blog. */
  async #imageEdit(document: vscode.TextDocument, images: readonly IncomingImage[], alt: string | undefined, token: vscode.CancellationToken) {
    const folder = vscode.workspace.getConfiguration('blogwright', document.uri).get<string>('images.folder') || undefined;
    const placed = await this.client.sendRequest(
      placeImagesRequest,
      { uri: document.uri.toString(), date: localDate(new Date()), images: images.map((i) => ({ fileName: i.fileName, alt })), folder },
      token,
    );
    if (!placed || placed.length === 0 || token.isCancellationRequested) {
      return undefined;
    }
    const files = new vscode.WorkspaceEdit();
    const insert = new vscode.SnippetString();
    for (const [i, image] of placed.entries()) {
      const source = images[i]!.contents;
      // Bytes, not the transfer's file handle: VS Code revives a handle only for the transfer it made itself.
      const contents = source instanceof vscode.Uri ? await vscode.workspace.fs.readFile(source) : await source.data();
      // Never over a file: the server picked a free name, and the edit fails rather than overwrite one made since.
      files.createFile(vscode.Uri.parse(image.uri), { contents, overwrite: false, ignoreIfExists: false });
      insert.appendText(i > 0 ? ' ![' : '![');
      if (alt) {
        insert.appendText(image.alt);
      } else {
        insert.appendPlaceholder(image.alt);
      }
      insert.appendText(`](${image.url})`);
    }
    const title = placed.length === 1 ? vscode.l10n.t('Copy into {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(placed[0]!.uri))) : vscode.l10n.t('Copy {0} images into the blog', placed.length);
    return { insert, files, title };
  }
}

/** Image files in the transfer (pasted, or dropped from outside the editor). */
function filesIn(dataTransfer: vscode.DataTransfer): IncomingImage[] {
  const images: IncomingImage[] = [];
  dataTransfer.forEach((item, mime) => {
    const file = item.asFile();
    if (!file || (!mime.startsWith('image/') && !IMAGE_NAME.test(file.name))) {
      return;
    }
    const name = IMAGE_NAME.test(file.name) ? file.name : `${file.name.replace(/\.[^.]*$/, '') || 'image'}${EXTENSION_OF_TYPE[mime] ?? '.png'}`;
    images.push({ fileName: name, contents: file });
  });
  return images;
}

/** Image files named in a `text/uri-list` (dropped from the explorer). */
async function urisIn(dataTransfer: vscode.DataTransfer): Promise<vscode.Uri[]> {
  const list = await dataTransfer.get('text/uri-list')?.asString();
  return (list ?? '')
    .split(/\r?\n/)
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      try {
        return [vscode.Uri.parse(line, true)];
      } catch {
        return [];
      }
    })
    .filter((uri) => IMAGE_NAME.test(uri.path));
}

export function registerImageDrop(client: LanguageClient): { provider: BlogImageEditProvider; disposable: vscode.Disposable } {
  const provider = new BlogImageEditProvider(client);
  const selector: vscode.DocumentSelector = { scheme: 'file', language: 'markdown' };
  const disposable = vscode.Disposable.from(
    vscode.languages.registerDocumentPasteEditProvider(selector, provider, { providedPasteEditKinds: [BlogImageEditProvider.kind], pasteMimeTypes: ['image/*', 'files'] }),
    vscode.languages.registerDocumentDropEditProvider(selector, provider, { providedDropEditKinds: [BlogImageEditProvider.kind], dropMimeTypes: ['image/*', 'files', 'text/uri-list'] }),
  );
  return { provider, disposable };
}
