import { parseFrontMatter } from '../frontmatter/parse';
import type { SiteConfig } from '../site/config';
import { headerIdOptions, headerIds } from './headerIds';
import { scanMarkdownBlocks } from './markdownBlocks';

export interface LineHeaderId {
  readonly id: string;
  /** The heading's (first) line in the whole file, front matter included. */
  readonly line: number;
}

/** Every known header id of a document with its line: the preview's ids and fragment targets, same as the link checker's. */
export function documentHeaderIds(text: string, config: SiteConfig, bodyStart = parseFrontMatter(text).bodyStart): LineHeaderId[] {
  const blocks = scanMarkdownBlocks(text, bodyStart, config.kramdownInput);
  const result: LineHeaderId[] = [];
  let line = 0;
  let counted = 0;
  for (const { id, heading } of headerIds(blocks.headings, headerIdOptions(config))) {
    line += countNewlines(text, counted, heading.start);
    counted = heading.start;
    if (id !== undefined) {
      result.push({ id, line });
    }
  }
  return result;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}
