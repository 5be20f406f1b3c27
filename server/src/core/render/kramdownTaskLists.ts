import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * kramdown-parser-gfm's task lists: an item whose text starts `[ ]` or `[x]` (`[X]`) and a space, then text, shows a
 * disabled checkbox in its place, in ordered lists too (the oracle: `<input type="checkbox" ... disabled="disabled"
 * checked="checked" />two`); `[ ]` alone or `[ ]x` stays text. The list and all its items get kramdown's classes.
 */
export function kramdownTaskLists(md: MarkdownIt): void {
  md.core.ruler.after('text_join', 'kramdown_task_lists', (state) => {
    const lists: Token[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
        lists.push(token);
      } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
        lists.pop();
      } else if (token.type === 'list_item_open' && tokens[i + 1]?.type === 'paragraph_open' && tokens[i + 2]?.type === 'inline') {
        const first = tokens[i + 2]!.children?.[0];
        const task = first?.type === 'text' ? TASK.exec(first.content) : null;
        if (first && task) {
          first.content = first.content.slice(task[0].length);
          const box = new state.Token('kramdown_task', 'input', 0);
          box.meta = { checked: task[1] !== ' ' };
          tokens[i + 2]!.children!.unshift(box);
          lists[lists.length - 1]!.meta = { taskList: true };
        }
      }
    }
    // The classes, once each list is known to hold a task.
    const open: Token[] = [];
    for (const token of tokens) {
      if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
        open.push(token);
        if ((token.meta as { taskList?: boolean } | null)?.taskList) {
          token.attrJoin('class', 'task-list');
        }
      } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
        open.pop();
      } else if (token.type === 'list_item_open' && (open[open.length - 1]?.meta as { taskList?: boolean } | null)?.taskList) {
        token.attrJoin('class', 'task-list-item');
      }
    }
  });
  md.renderer.rules['kramdown_task'] = (tokens, idx) =>
    `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${(tokens[idx]!.meta as { checked: boolean }).checked ? ' checked="checked"' : ''} />`;
}

const TASK = /^\[([ xX])\][ \t]+(?=\S)/;
