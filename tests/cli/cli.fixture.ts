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

/**
 * Run `node bin/stackdraw.js ARGS` in ROOT with colour off, `input` on stdin (stdin is
 * always closed, so `-` never hangs); resolves with the exit status and the output.
 */
export function runCli(args: readonly string[], input = ''): Promise<Run> {
  return runNode([BIN, ...args], { input });
}

/**
 * Run `node bin/stackdraw.js ARGS` in `cwd` (default ROOT) with `input` on stdin (always
 * closed, so `-` never hangs) and colour off.
 */
export function runStackdraw(
  args: string[],
  options: { input?: string; cwd?: string } = {}
): Promise<Run> {
  return runNode([BIN, ...args], options);
}

/** Run `node ARGS` as `runStackdraw` does (e.g. `--input-type=module -e SOURCE`). */
export async function runNode(
  args: string[],
  options: { input?: string; cwd?: string } = {}
): Promise<Run> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 100_000
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => {}); // the child may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}
