/**
 * What the CLI tests share: where the command is, and how a run of it is reported. Every
 * test runs the real command, `node bin/stackdraw.js ...`, as a child process (the bundle in
 * dist/cli is rebuilt once by tests/setup/build-cli.ts before the tests start).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the CLI runs with it as its working directory. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'stackdraw.js');
/** The example documents, relative to ROOT. */
export const EX = 'static/examples';

/** One run of the CLI: exit status (or the signal that ended it) and its output as text. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
