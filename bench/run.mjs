// `npm run bench`: bundles the bench (bench/src, TypeScript, and the core it measures) with
// esbuild, as scripts/build-cli.js does for the CLI, then runs it in a fresh Node process.
// Arguments are passed on (`npm run bench -- --only 1,2` runs sections 1 and 2 only).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** @param {string} path relative to bench/ */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./src/main.ts')],
  outfile: here('./tmp/bench.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  legalComments: 'none'
});

const run = spawnSync(
  process.execPath,
  ['--enable-source-maps', here('./tmp/bench.mjs'), ...process.argv.slice(2)],
  { stdio: 'inherit' }
);
process.exit(run.status ?? 1);
