// Bundles the CLI (src/cli + the shared core) into one file that plain Node runs.
// Run by `npm ci` (prepare) and before the CLI tests; `npm run build:cli` by hand.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: [new URL('../src/cli/entry.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli/stackdraw.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  define: { __STACKDRAW_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none'
});
