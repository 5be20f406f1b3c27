import { setFlagsFromString } from 'node:v8';

/**
 * After each full collection V8 lets the heap grow to several times what survived before it collects again.
 * Indexing a large blog and re-checking a post on every keystroke make mostly short-lived garbage, so the
 * process sat at four times its live memory (a 10,000-post blog: 100 MB live, 400 MB resident). A smaller
 * growth factor keeps it near what is live; it limits no size, so a larger blog still gets the memory it needs.
 * V8 reads it at every collection, so setting it at start-up is enough.
 */
export function limitHeapGrowth(percent: number): void {
  limit = percent;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

let limit: number | undefined;

/**
 * Runs `work` with the heap free to grow as V8 likes, then limits it again: for work whose allocations all stay
 * live (the persisted index restored), where a limited heap only means a full collection at every step.
 */
export async function growingFreely<T>(work: () => Promise<T>): Promise<T> {
  const before = limit;
  if (before === undefined) {
    return work();
  }
  setFlagsFromString('--heap-growing-percent=0');
  try {
    return await work();
  } finally {
    limitHeapGrowth(before);
  }
}
