import { randomBytes } from 'node:crypto';
import { fstatSync, statSync, unlinkSync, type Stats } from 'node:fs';
import {
  lstat,
  open,
  readlink,
  rename,
  stat,
  unlink,
  writeFile,
  type FileHandle
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { jsonSafe, terminalSafe } from './terminal';
import {
  DEFAULT_LIMITS,
  describeSize,
  documentJson,
  type DiagramDocument,
  type Lang
} from '../lib/core/index';

/**
 * Exit status for a failure to write the output (standard output other than a closed
 * pipe, or the `-o` file): EX_IOERR of BSD's sysexits.h. Distinct from 0 (valid),
 * 1 (invalid), 2 (unreadable input or bad usage) and 70 (internal error, EX_SOFTWARE).
 */
export const EX_IOERR = 74;

/** An input over the size limit. `bytes` is its size when known (a regular file). */
export class InputTooLarge extends Error {
  constructor(
    readonly bytes: number | undefined,
    readonly maxBytes: number
  ) {
    super(`input over ${maxBytes} bytes`);
  }
}

/** What a command may touch: given to it, so tests can run commands in-process. */
export interface CliIO {
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /**
   * The bytes of a file, never more than `maxBytes` of them: a regular file over the limit
   * throws InputTooLarge (with its size) before it is read, anything else (a FIFO, a device)
   * as soon as the limit is passed. File-system errors are thrown as they are.
   */
  readFile: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Standard input's bytes, bounded like readFile. Read once: a second call gives the same result. */
  readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /**
   * Write a whole file; a failed write leaves any previous file as it was. A symbolic link
   * is written through (its target is replaced); an existing file keeps its mode, less the
   * setuid and setgid bits.
   */
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /**
   * Waits until what was given to `stdout` is written. Resolves to why it could not be
   * written, in words, or undefined when it was (or when the reader closed the pipe).
   */
  flushStdout: () => Promise<string | undefined>;
  /** Colour is used only when stdout is a terminal (and NO_COLOR is not set). */
  color: boolean;
}

/** Reads a regular file with one buffer of its size + 1; anything else in 1 MiB chunks. */
const CHUNK = 1 << 20;

async function readBounded(fh: FileHandle, maxBytes: number): Promise<Uint8Array> {
  const st = await fh.stat();
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (st.isFile() && st.size > maxBytes) throw new InputTooLarge(st.size, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = st.isFile() ? st.size + 1 : CHUNK;
  for (;;) {
    // Never more than maxBytes + 1 in all: one byte over is enough to know.
    const want = Math.min(chunk, maxBytes + 1 - total);
    const buf = Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, want, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw new InputTooLarge(undefined, maxBytes);
    chunks.push(bytesRead === want ? buf : buf.subarray(0, bytesRead));
    chunk = CHUNK;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

async function readFileBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    return await readBounded(fh, maxBytes);
  } finally {
    await fh.close();
  }
}

async function readStdinBounded(maxBytes: number): Promise<Uint8Array> {
  let st: Stats | undefined;
  try {
    st = fstatSync(0);
  } catch {
    // No standard input at all: read it as empty below.
  }
  if (st?.isFile() && st.size > maxBytes) throw new InputTooLarge(st.size, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early (the throw) destroys the stream: a writer like `yes` gets EPIPE.
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new InputTooLarge(undefined, maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  ENOTDIR: 'a folder in the path is a file',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EBADF: 'not open for writing'
};

/** Why a write failed, in words, on one line (no stack, no syscall). */
export function describeWriteError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code && Object.hasOwn(WRITE_ERRORS, code)) return WRITE_ERRORS[code];
  const message = e instanceof Error ? e.message : String(e);
  return message
    .split('\n')[0]
    .replace(/^E[A-Z]+: /, '')
    .replace(/, \w+(?: '.*')?$/, '');
}

/**
 * A writer for stdout or stderr that stops writing, instead of crashing with an unhandled
 * error, when a write fails. A closed pipe (`stackdraw validate ... | head`) is not a
 * failure: the command still runs to the end, so the exit status says what it found. Any
 * other failure (a full disk) is remembered for `flush`.
 */
function outputWriter(stream: NodeJS.WriteStream) {
  let open = true;
  let failure: string | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    open = false;
    if (e.code !== 'EPIPE') failure ??= describeWriteError(e);
  });
  return {
    write: (data: string | Uint8Array) => {
      if (open && !stream.destroyed) stream.write(data);
    },
    flush: () =>
      new Promise<string | undefined>((done) => {
        // After the error event of the last write, which comes on a later tick.
        const settle = () => setImmediate(() => done(failure));
        // Files and (on Linux) pipes and terminals are written synchronously: nothing waits.
        if (!open || stream.destroyed || stream.writableLength === 0) settle();
        else stream.write('', settle);
      })
  };
}

// ── Writing files ──────────────────────────────────────────────────────────────────────

/** Temporary files being written, removed if the process is interrupted. */
const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  temporaries.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as if it had not been caught (the shell sees the signal).
  process.kill(process.pid, signal);
}

function track(path: string): void {
  if (temporaries.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  temporaries.add(path);
}

function untrack(path: string): void {
  temporaries.delete(path);
  if (temporaries.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** The file a path names, its symbolic links followed (also a dangling one's target). */
async function followLinks(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = await lstat(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw e;
    }
    if (!st.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

/**
 * Write `data` to `path` so that readers never see half a file and a failure leaves the
 * previous file as it was: into a new temporary file next to the target, then renamed over
 * it. The temporary file has a random name and is created exclusively (O_EXCL: a file or
 * a symbolic link already at that name is never followed or reused), and is removed on
 * failure and on SIGINT / SIGTERM / SIGHUP.
 *
 * A symbolic link is written through: the file it points to is replaced (atomically, in
 * that file's folder) and the link stays. An existing file keeps its permission bits (and
 * its owner, where the process may set it). A device, a FIFO or a socket (`/dev/null`,
 * `/dev/stdout`, a named pipe) is written to directly.
 */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  // A device or a pipe, found by the kernel: `/dev/stdout` is a link into /proc whose
  // target (`pipe:[…]`) is no path, so it cannot be followed by hand.
  const direct = await stat(path).catch(() => undefined);
  if (direct && !direct.isFile() && !direct.isDirectory()) {
    await writeFile(path, data);
    return;
  }
  const target = await followLinks(path);
  let existing: Stats | undefined;
  try {
    existing = await stat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (existing && !existing.isFile()) {
    await writeFile(target, data);
    return;
  }
  const dir = dirname(target);
  const base = basename(target).slice(0, 100);
  let tmp = '';
  let fh: FileHandle | undefined;
  for (let attempt = 0; !fh; attempt++) {
    tmp = join(dir, `.${base}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      // New files get the usual 0666 less the umask; a replaced file, its own mode below.
      fh = await open(tmp, 'wx', existing ? 0o600 : 0o666);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 9) throw e;
    }
  }
  track(tmp);
  try {
    try {
      await fh.writeFile(data);
      if (existing) {
        // Its permissions, not its setuid/setgid bits: new content is not the old program.
        await fh.chmod(existing.mode & 0o1777);
        if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
          await fh.chown(existing.uid, existing.gid).catch(() => {});
        }
      }
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  } finally {
    untrack(tmp);
  }
}

/**
 * Does `path` name this process's standard output (`/dev/stdout`, `/proc/self/fd/1`)? It is
 * then written as standard output is: a socket (what Node gives a child's stdout) cannot be
 * opened by its path at all.
 */
export function isStandardOutput(path: string): boolean {
  try {
    const target = statSync(path);
    const stdout = fstatSync(1);
    return target.dev === stdout.dev && target.ino === stdout.ino;
  } catch {
    return false;
  }
}

/**
 * Write a command's result to `out` (a file), or to standard output when `out` is
 * undefined or `-`. A file that cannot be written is reported on one stderr line and gives
 * EX_IOERR; otherwise undefined (standard output's own failures are found at the end, by
 * `flushStdout`).
 */
export async function writeOutput(
  io: CliIO,
  out: string | undefined,
  data: string | Uint8Array
): Promise<number | undefined> {
  if (out === undefined || out === '-' || isStandardOutput(out)) {
    io.stdout(data);
    return undefined;
  }
  try {
    await io.writeFile(out, data);
    return undefined;
  } catch (e) {
    // A pipe whose reader has gone (`-o /dev/stdout | head`), as for standard output.
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return undefined;
    io.stderr(`stackdraw: ${terminalSafe(out)}: cannot write: ${describeWriteError(e)}\n`);
    return EX_IOERR;
  }
}

export function processIO(): CliIO {
  let stdin: Promise<Uint8Array> | undefined;
  const stdout = outputWriter(process.stdout);
  return {
    stdout: stdout.write,
    stderr: outputWriter(process.stderr).write,
    readFile: readFileBounded,
    writeFile: writeAtomically,
    // Standard input can be read once: `-` given twice means the same bytes twice.
    readStdin: (maxBytes) => (stdin ??= readStdinBounded(maxBytes)),
    flushStdout: stdout.flush,
    color: !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  };
}

/** Why an input could not be read, in Korean, for the usual causes (`validate --lang ko`). */
const READ_ERRORS_KO: Record<string, string> = {
  ENOENT: '그런 파일이 없습니다',
  EISDIR: '파일이 아니라 폴더입니다',
  EACCES: '읽을 권한이 없습니다',
  EPERM: '읽을 권한이 없습니다',
  ELOOP: '심볼릭 링크가 너무 여러 번 이어집니다',
  ENAMETOOLONG: '파일 이름이 너무 깁니다',
  ENOTDIR: '경로 중간의 폴더가 파일입니다',
  EIO: '입출력 오류'
};

/** Why a file could not be read, in words, in `lang` (English for rare causes). */
export function describeFsError(e: unknown, lang: Lang = 'en'): string {
  const code = (e as { code?: string }).code;
  if (lang === 'ko' && code && Object.hasOwn(READ_ERRORS_KO, code)) return READ_ERRORS_KO[code];
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return describeWriteError(e);
  }
}

/**
 * A document as the JSON file `layout` and `convert` write (`documentJson`: indented when
 * that stays within `maxBytes`, else on one line), bidi and control characters escaped.
 * When even one line is over the limit, a note on stderr says how to read it back.
 */
export function documentFileText(
  io: CliIO,
  doc: DiagramDocument,
  out: string | undefined,
  maxBytes: number = DEFAULT_LIMITS.maxBytes
): string {
  const { text, fits } = documentJson(doc, maxBytes);
  if (!fits) {
    const size = Buffer.byteLength(text);
    const mb = Math.ceil((size / 1048576) * 1000) / 1000;
    io.stderr(
      `stackdraw: note: ${terminalSafe(out ?? '<stdout>')} is ${describeSize(size, 'en')}, over the ${describeSize(maxBytes, 'en')} a document may have: read it back with --max-size ${mb}\n`
    );
  }
  return jsonSafe(text.slice(0, -1)) + '\n';
}
