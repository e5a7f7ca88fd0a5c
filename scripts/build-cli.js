// Bundles the CLI (src/cli + the shared core) into one file that plain Node runs, and the
// remark plugin (src/markdown) into another.
// Run by `npm ci` (prepare) and before the CLI tests; `npm run build:cli` by hand.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
rmSync(new URL('../dist/markdown', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: [new URL('../src/cli/entry.ts', import.meta.url).pathname],
  outdir: new URL('../dist/cli', import.meta.url).pathname,
  entryNames: 'stackdraw',
  chunkNames: 'chunks/[name]-[hash]',
  // Commands load what they need (ELK, fonts, resvg) on demand: validate starts fast.
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  define: { __STACKDRAW_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none'
});

// The remark plugin (`stackdraw/remark` in package.json's exports): ```stackdraw → inline SVG.
await build({
  entryPoints: [new URL('../src/markdown/remark.ts', import.meta.url).pathname],
  outfile: new URL('../dist/markdown/remark.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none'
});
