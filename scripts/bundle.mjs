// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
// Type checking is tsc -b's job; this only bundles.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  // dist/extension.js is the small entry; it loads dist/client.js through a code cache (client/src/main.ts).
  { ...common, entryPoints: { extension: 'client/src/main.ts', client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts', indexWorker: 'server/src/indexWorker.ts', readAheadWorker: 'server/src/readAheadWorker.ts' }, outdir: 'dist' },
  // dart-sass in the published preview's Sass thread: 3.4 MB minified, loaded only when a blog has Sass. Its file
  // watcher (chokidar) is for its command line only and stays out.
  { ...common, entryPoints: { sassWorker: 'server/src/sassWorker.ts' }, outdir: 'dist', minify: true, sourcemap: false, external: ['chokidar', '@parcel/watcher'] },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('[bundle] watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
