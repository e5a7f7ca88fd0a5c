/**
 * Vitest globalSetup: bundle the CLI once before any test runs, so the tests that spawn
 * `node bin/stackdraw.js` always exercise the current src/cli + src/lib/core code rather
 * than a stale dist/cli/stackdraw.js.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function setup(): void {
  try {
    execFileSync(process.execPath, ['scripts/build-cli.js'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8'
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `building the CLI (node scripts/build-cli.js) failed:\n${err.stderr || err.stdout || err.message}`
    );
  }
}
