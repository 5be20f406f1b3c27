/**
 * `npm run conformance`: builds blogs with the real Jekyll and compares them, fact by fact, with what
 * Blogwright derives from the sources. Generated blogs and the fuzzer's documents always; real blogs from
 * the folders named by --real or BLOGWRIGHT_REAL_BLOGS (colon-separated), which are read, never changed:
 * each is copied with what the installed Jekyll cannot build moved aside (see realBlog.ts).
 *
 *   node out/test/conformance/run.js [--generated N] [--fuzz N] [--real DIR]... [--json FILE]
 */
import '../util/scratchRoot';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addTally, emptyTally, FACT_KINDS, formatTally, type Tally } from './compare';
import { JekyllBuildError } from './jekyll';
import { runGenerated, runFuzz, runReal, requireJekyll, showFuzzCase } from './suite';

interface Args {
  generated: number;
  fuzz: number;
  real: string[];
  json: string | undefined;
  verbose: boolean;
  shrink: boolean;
  case: number | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { generated: 24, fuzz: 400, real: [], json: undefined, verbose: false, shrink: false, case: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? '';
    if (flag === '--generated') {
      args.generated = Number(value());
    } else if (flag === '--fuzz') {
      args.fuzz = Number(value());
    } else if (flag === '--real') {
      args.real.push(value());
    } else if (flag === '--json') {
      args.json = value();
    } else if (flag === '--case') {
      args.case = Number(value());
    } else if (flag === '--shrink') {
      args.shrink = true;
    } else if (flag === '--verbose') {
      args.verbose = true;
    } else {
      throw new Error(`unknown argument ${flag}`);
    }
  }
  args.real.push(...(process.env['BLOGWRIGHT_REAL_BLOGS'] ?? '').split(':').filter(Boolean));
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!requireJekyll()) {
    return;
  }
  if (args.case !== undefined) {
    await showFuzzCase(args.case);
    return;
  }
  const all = emptyTally();
  const report: Record<string, Tally> = {};
  const generated = await runGenerated(args.generated);
  report['generated'] = generated;
  console.log(formatTally(`${args.generated} generated blogs`, generated, args.verbose));
  const fuzz = await runFuzz(args.fuzz, { shrink: args.shrink });
  report['fuzz'] = fuzz.tally;
  console.log(formatTally(`${fuzz.cases} fuzzed documents in ${fuzz.blogs} blogs (${fuzz.unbuildable} Jekyll could not build)`, fuzz.tally, args.verbose));
  for (const shrunk of fuzz.shrunk) {
    console.log(`  smallest case for ${shrunk.detail}:\n${shrunk.text.replace(/^/gm, '    | ')}`);
  }
  for (const dir of args.real) {
    let tally: Tally;
    try {
      tally = await runReal(path.resolve(dir));
    } catch (error) {
      if (!(error instanceof JekyllBuildError)) {
        throw error;
      }
      console.log(`real blog ${path.basename(dir)}: not compared, Jekyll cannot build it: ${error.message.slice(0, 300)}`);
      continue;
    }
    report[path.basename(dir)] = tally;
    addTally(all, tally);
    console.log(formatTally(`real blog ${path.basename(dir)}`, tally, args.verbose));
  }
  addTally(all, generated);
  addTally(all, fuzz.tally);
  console.log(formatTally('all', all, false).split('\n').slice(0, FACT_KINDS.length + 1).join('\n'));
  if (args.json) {
    fs.writeFileSync(args.json, JSON.stringify(report, null, 1));
  }
  const other = all.differences.filter((d) => !d.deliberate).length;
  process.exitCode = other > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 2;
});
