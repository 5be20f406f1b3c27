import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** Blogwright's version, from the package.json beside the bundle (`dist/..`). */
export function blogwrightVersion(): string {
  try {
    return (JSON.parse(readFileSync(nodePath.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
