import {
  DEFAULT_LIMITS,
  readDocumentBytes,
  tooLargeError,
  type DiagramDocument,
  type InputError
} from '$lib/core/index';

/** Inputs from this size on (bytes) get a "Reading …" notice before the work starts (1 MB). */
export const BUSY_BYTES = 1024 * 1024;

/** A size for people: "10 MB", "1.5 MB", "800 KB" (1 MB = 1,048,576 bytes). */
export function sizeWords(bytes: number): string {
  const round = (x: number) => Math.round(x * 10) / 10;
  return bytes >= 1048576 ? `${round(bytes / 1048576)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Resolves once the browser has painted what changed (a frame, then a task). */
export function nextPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The largest file the editor opens, in bytes: the reader's default limit (10 MB). */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.maxBytes;

export type Opened = { ok: true; doc: DiagramDocument } | { ok: false; errors: InputError[] };

/**
 * Read a `.json` document or a stackdraw `.svg` the user chose or dropped. The file's bytes
 * are decoded as the CLI decodes them (UTF-8, or UTF-16 with a byte-order mark; a byte that
 * is not text is an input error with its byte offset and line, never a U+FFFD), and files
 * over MAX_FILE_BYTES are refused before they are read.
 */
export async function readFileDocument(file: File): Promise<Opened> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, errors: [tooLargeError(file.size, MAX_FILE_BYTES)] };
  }
  const read = await readOffMainThread(new Uint8Array(await file.arrayBuffer()));
  return read.ok ? { ok: true, doc: read.document } : { ok: false, errors: read.errors };
}

/** The reader in a Web Worker when there is one (the browser), else right here (tests). */
function readOffMainThread(bytes: Uint8Array): Promise<ReturnType<typeof readDocumentBytes>> {
  if (typeof Worker === 'undefined') return Promise.resolve(readDocumentBytes(bytes));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./persistence/read-worker.ts', import.meta.url), {
      type: 'module'
    });
    const done = (result: ReturnType<typeof readDocumentBytes>) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (e) => done(e.data);
    // A worker that cannot start (a strict host): read here instead.
    worker.onerror = () => done(readDocumentBytes(bytes));
    worker.postMessage({ bytes });
  });
}
