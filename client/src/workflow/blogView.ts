import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { overviewRequest, siteChangedNotification, type OverviewItem } from '../../../server/src/protocol';

const GROUP_LABELS: Readonly<Record<string, () => string>> = {
  years: () => vscode.l10n.t('Posts by year'),
  tags: () => vscode.l10n.t('Tags'),
  authors: () => vscode.l10n.t('Authors'),
  drafts: () => vscode.l10n.t('Drafts'),
  problems: () => vscode.l10n.t('Posts with problems'),
};

const ICONS: Readonly<Record<string, string>> = {
  site: 'globe',
  years: 'calendar',
  year: 'calendar',
  tags: 'tag',
  tag: 'tag',
  authors: 'person',
  author: 'person',
  drafts: 'edit',
  problems: 'warning',
  post: 'file',
  draft: 'edit',
};

/**
 * The Blog view: the server answers one level at a time from its index (`overviewChildren`), so the view costs what
 * is expanded on screen, however large the blog. With several sites in the workspace, each is a node of its own. It
 * refreshes when the server says a blog changed.
 */
export class BlogTreeProvider implements vscode.TreeDataProvider<OverviewItem>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #filter = '';
  readonly #subscription: vscode.Disposable;

  constructor(readonly client: LanguageClient) {
    this.#subscription = client.onNotification(siteChangedNotification, () => this.#changed.fire());
  }

  get filter(): string {
    return this.#filter;
  }

  set filter(value: string) {
    this.#filter = value;
    void vscode.commands.executeCommand('setContext', 'blogwright.blogFiltered', value !== '');
    this.#changed.fire();
  }

  refresh(): void {
    this.#changed.fire();
  }

  getChildren(element?: OverviewItem): Thenable<OverviewItem[]> {
    return this.client.sendRequest(overviewRequest, { parent: element?.id, filter: this.#filter });
  }

  getTreeItem(element: OverviewItem): vscode.TreeItem {
    const isPost = element.uri !== undefined;
    const label = GROUP_LABELS[element.kind]?.() ?? element.label;
    const item = new vscode.TreeItem(label, isPost ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = element.id;
    item.description = element.description ?? (element.count === undefined ? undefined : String(element.count));
    item.iconPath = new vscode.ThemeIcon(ICONS[element.kind] ?? 'circle-outline');
    item.contextValue = element.kind;
    if (isPost) {
      const uri = vscode.Uri.parse(element.uri!);
      item.resourceUri = uri;
      item.tooltip = vscode.workspace.asRelativePath(uri);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Post'), arguments: [uri] };
    }
    return item;
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }
}

export function registerBlogView(client: LanguageClient): { provider: BlogTreeProvider; disposable: vscode.Disposable } {
  const provider = new BlogTreeProvider(client);
  const view = vscode.window.createTreeView('blogwright.blog', { treeDataProvider: provider, showCollapseAll: true });
  const showFilter = () => {
    view.description = provider.filter ? vscode.l10n.t('filtered: {0}', provider.filter) : undefined;
  };
  const disposable = vscode.Disposable.from(
    provider,
    view,
    vscode.commands.registerCommand('blogwright.blog.filter', async (text?: string) => {
      const value = text ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Filter the Blog view'), prompt: vscode.l10n.t('Posts whose title, file or tags contain this text'), value: provider.filter }));
      if (value !== undefined) {
        provider.filter = value.trim();
        showFilter();
      }
    }),
    vscode.commands.registerCommand('blogwright.blog.clearFilter', () => {
      provider.filter = '';
      showFilter();
    }),
    vscode.commands.registerCommand('blogwright.blog.refresh', () => {
      provider.refresh();
    }),
  );
  return { provider, disposable };
}
