import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What a command may touch: given to it, so tests can run commands in-process. */
export interface CliIO {
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  /** Write a whole file; a failed write leaves any previous file as it was. */
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  readStdin: () => Promise<string>;
  /** Colour is used only when stdout is a terminal (and NO_COLOR is not set). */
  color: boolean;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A writer for stdout or stderr that stops writing, instead of crashing with an unhandled
 * EPIPE, when the reader goes away (`stackdraw validate ... | head`). The command still
 * runs to the end, so the exit status says what it found.
 */
function pipeWriter(stream: NodeJS.WriteStream): (data: string | Uint8Array) => void {
  let open = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    open = false;
  });
  return (data) => {
    if (open && !stream.destroyed) stream.write(data);
  };
}

/** Write next to the target, then rename over it: readers never see half a file. */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export function processIO(): CliIO {
  let stdin: Promise<string> | undefined;
  return {
    stdout: pipeWriter(process.stdout),
    stderr: pipeWriter(process.stderr),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: writeAtomically,
    // Standard input can be read once: `-` given twice means the same text twice.
    readStdin: () => (stdin ??= readAllStdin()),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  };
}

/** Why a file could not be read, in words. */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
