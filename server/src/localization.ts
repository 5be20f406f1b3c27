import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The extension's (or the npm package's) folder: the bundles run from its dist/. */
const PACKAGE_ROOT = path.resolve(__dirname, '..');

/**
 * Loads the translation of the server's and the CLI's messages for `locale` (`de`, `pt-br`), from
 * `l10n/bundle.l10n.<locale>.json` in our own package, falling back from `pt-br` to `pt`. Never from the
 * workspace: a blog may come from anyone and must not choose what Blogwright says. English needs no bundle.
 * Returns the file loaded, if any. Call once at start, before the first message is made.
 */
export function configureLocalization(locale: string | undefined, packageRoot = PACKAGE_ROOT): string | undefined {
  const wanted = locale?.toLowerCase().replace(/_/g, '-');
  if (!wanted || !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(wanted)) {
    return undefined;
  }
  for (const candidate of new Set([wanted, wanted.split('-')[0]!])) {
    const file = path.join(packageRoot, 'l10n', `bundle.l10n.${candidate}.json`);
    if (existsSync(file)) {
      l10n.config({ fsPath: file });
      return file;
    }
  }
  return undefined;
}

/** The CLI's locale from the environment, as POSIX tools read it: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (`de_DE.UTF-8` -> `de-de`). */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'];
  const locale = value?.split(/[.@]/)[0];
  return locale && locale !== 'C' && locale !== 'POSIX' ? locale : undefined;
}
