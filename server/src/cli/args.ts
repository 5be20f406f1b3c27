import * as l10n from '@vscode/l10n';

/** What the command line asked for. */
export interface CliOptions {
  readonly command: 'check' | 'help' | 'version';
  /** The folder to check as given (a site, or a folder with sites in it); undefined for the current folder. */
  readonly root: string | undefined;
  /** Files or folders to check, as given; empty for the whole blog. */
  readonly paths: readonly string[];
  readonly format: FormatName | undefined;
  readonly maxWarnings: number | undefined;
  /** `--external`: true; `--no-external`: false; undefined: the settings decide (off by default). */
  readonly external: boolean | undefined;
  /** `--cache`: true, or the folder `--cache-location` names; undefined: no persisted index. */
  readonly cache?: true | string;
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

/** A reason not to check, said on stderr with exit status 2 (a missing blog folder, a path outside it). */
export class CliError extends Error {}

/** A mistake in the arguments themselves: said with the usage. */
export class UsageError extends CliError {}

export const USAGE = `Usage: blogwright check [ROOT] [PATHS...] [options]

Checks the front matter and links of every Jekyll site under ROOT as the Blogwright editor extension does.

  ROOT                a site's folder (the one with _config.yml), or a folder with sites in it (a repository
                      with its site in docs/): each site is checked from its own folder; default: the current folder
  PATHS               check only these files or folders; links are still resolved against each whole site

Options:
  --format NAME       stylish (default on a terminal), json (default otherwise), sarif, github
  --max-warnings N    also fail when there are more than N warnings
  --external          check external links over the network (off by default)
  --no-external       never check external links, whatever the settings say
  --cache             keep what was learned of each file between runs, as the editor does, and read and check
                      only what changed since; in $XDG_CACHE_HOME/blogwright (default ~/.cache/blogwright)
  --cache-location DIR
                      keep it in DIR instead (implies --cache)
  -h, --help          show this help
  --version           show Blogwright's version

Settings come from ROOT/.vscode/settings.json (blogwright.* keys), then .blogwright.yml at each site's root, then these flags.
Exit status: 0 no errors (and at most N warnings), 1 errors or too many warnings, 2 usage or internal error.
`;

export function parseArgs(argv: readonly string[]): CliOptions {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') {
    return { command: 'help', root: undefined, paths: [], format: undefined, maxWarnings: undefined, external: undefined };
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    return { command: 'version', root: undefined, paths: [], format: undefined, maxWarnings: undefined, external: undefined };
  }
  const [command, ...rest] = argv;
  if (command !== 'check') {
    throw new UsageError(l10n.t('Unknown command "{0}": the command is "check".', command));
  }
  let format: FormatName | undefined;
  let maxWarnings: number | undefined;
  let external: boolean | undefined;
  let cache: true | string | undefined;
  let help = false;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') {
        throw new UsageError(l10n.t('{0} needs a value.', flag));
      }
      return v;
    };
    switch (flag) {
      case '--format': {
        const name = value();
        if (!(FORMATS as readonly string[]).includes(name)) {
          throw new UsageError(l10n.t('Unknown format "{0}": use {1}.', name, FORMATS.join(', ')));
        }
        format = name as FormatName;
        break;
      }
      case '--max-warnings': {
        const text = value();
        if (!/^\d+$/.test(text)) {
          throw new UsageError(l10n.t('--max-warnings takes a whole number of warnings, not "{0}".', text));
        }
        maxWarnings = Number(text);
        break;
      }
      case '--external':
        external = true;
        break;
      case '--no-external':
        external = false;
        break;
      case '--cache':
        cache ??= true;
        break;
      case '--cache-location':
        cache = value();
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') {
          throw new UsageError(l10n.t('Unknown option "{0}".', arg));
        }
        positional.push(arg);
    }
  }
  return { command: help ? 'help' : 'check', root: positional[0], paths: positional.slice(1), format, maxWarnings, external, ...(cache === undefined ? {} : { cache }) };
}
