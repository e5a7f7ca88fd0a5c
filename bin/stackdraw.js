#!/usr/bin/env node
// stackdraw's command line. The code lives in src/cli and src/lib/core (TypeScript);
// `npm ci` builds it into dist/cli (see scripts/build-cli.js).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/stackdraw.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'stackdraw: the CLI is not built yet. Run `npm ci` (or `npm run build:cli`) in the stackdraw folder.\n'
  );
  process.exit(2);
}
await import(built.href);
