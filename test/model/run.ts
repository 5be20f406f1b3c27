// `npm run test:model`: the long run of the model-based test (test/model/modelRun.ts).
//   --seed N  --sequences N  --operations N (at most, per sequence)
//   MODEL_DEBUG=1 logs every step and publication and, on a difference, the files, the settings and whether a
//   freshly started server agrees with the CLI (then the drift is in the running server's state).
import '../util/scratchRoot';
import { describeFailure, runModel } from './modelRun';

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const seed = arg('--seed', 22);
  const started = Date.now();
  const result = await runModel({ seed, sequences: arg('--sequences', 200), operations: arg('--operations', 12), log: (line) => process.stderr.write(line + '\n') });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`model-based test, seed ${seed}: ${result.sequences} sequences, ${result.operations} operations, ${result.compared} diagnostics compared, ${result.failures.length} sequences with differences (${seconds} s)`);
  for (const failure of result.failures) {
    console.log(describeFailure(seed, failure));
  }
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

void main(process.argv.slice(2));
