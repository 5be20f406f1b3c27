import { blogwrightVersion } from '../version';
import * as nodePath from 'node:path';
import { defaultStoreFolder } from '../session/indexStore';
import * as l10n from '@vscode/l10n';
import { CliError, parseArgs, USAGE, UsageError, type FormatName } from './args';
import { checkBlog } from './check';
import { configureLocalization, environmentLocale } from '../localization';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { terminalProgress } from './progress';
import { exitStatus, type CheckReport, type FormatContext } from './report';

const FORMATTERS: Record<FormatName, (report: CheckReport, context: FormatContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

/** Runs `blogwright` with the given arguments; resolves to the exit status (0 clean, 1 findings, 2 usage or internal error). */
export async function runCli(argv: readonly string[]): Promise<number> {
  configureLocalization(environmentLocale());
  try {
    const options = parseArgs(argv);
    if (options.command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (options.command === 'version') {
      process.stdout.write(`${blogwrightVersion()}\n`);
      return 0;
    }
    const cwd = process.cwd();
    const cache = options.cache === undefined ? undefined : options.cache === true ? defaultStoreFolder() : nodePath.resolve(cwd, options.cache);
    const report = await checkBlog({ cwd, root: options.root, paths: options.paths, external: options.external, cache }, terminalProgress(process.stderr), (message) =>
      process.stderr.write(`blogwright: ${message}\n`),
    );
    const format = options.format ?? (process.stdout.isTTY ? 'stylish' : 'json');
    process.stdout.write(FORMATTERS[format](report, { cwd, color: useColor(process.stdout), version: blogwrightVersion() }));
    if (report.internalErrors > 0) {
      process.stderr.write(
        `blogwright: ${report.internalErrors === 1 ? l10n.t('1 internal error (above): the check is incomplete.') : l10n.t('{0} internal errors (above): the check is incomplete.', report.internalErrors)}\n`,
      );
    }
    return exitStatus(report, options.maxWarnings);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`blogwright: ${error.message}\n\n${USAGE}`);
    } else if (error instanceof CliError) {
      process.stderr.write(`blogwright: ${error.message}\n`);
    } else {
      process.stderr.write(`blogwright: ${l10n.t('internal error: {0}', error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    }
    return 2;
  }
}

/** Colours on a terminal, or when FORCE_COLOR asks for them; NO_COLOR turns them off. */
function useColor(stream: NodeJS.WriteStream): boolean {
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) {
    return force !== '0' && force !== 'false';
  }
  return process.env['NO_COLOR'] === undefined && stream.isTTY === true;
}

/** The package's version: dist/cli.js sits one folder below package.json. */
