import type { IWorkspace, ReadResult } from '../../server/src/core/workspace';

/** A blog held in memory, for unit tests. Records reads so tests can assert what was (not) read. */
export class InMemoryWorkspace implements IWorkspace {
  readonly files: Map<string, string>;
  readonly readLog: string[] = [];

  constructor(files: Record<string, string>) {
    this.files = new Map(Object.entries(files));
  }

  /** Every file, or those inside the folder `under`. */
  async listFiles(under?: string): Promise<string[]> {
    return [...this.files.keys()].filter((path) => under === undefined || path.startsWith(under + '/')).sort();
  }

  async readText(path: string): Promise<ReadResult> {
    this.readLog.push(path);
    const text = this.files.get(path);
    return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
  }
}
