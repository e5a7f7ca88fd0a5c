import { readDocument, type DiagramDocument, type InputError } from '$lib/core/index';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Opened = { ok: true; doc: DiagramDocument } | { ok: false; errors: InputError[] };

/** Read a `.json` document or a stackdraw `.svg` the user chose or dropped. */
export async function readFileDocument(file: File): Promise<Opened> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        {
          code: 'not-json',
          path: '$',
          message: `the file is ${(file.size / 1048576).toFixed(1)} MB; stackdraw opens files up to 10 MB`
        }
      ]
    };
  }
  const read = readDocument(await file.text());
  return read.ok ? { ok: true, doc: read.document } : { ok: false, errors: read.errors };
}
