import {
  DEFAULT_LIMITS,
  readDocumentBytes,
  tooLargeError,
  type DiagramDocument,
  type InputError,
  type ReadLimits
} from '../lib/core/index';
import { describeFsError, InputTooLarge, type CliIO } from './io';
import { terminalSafe } from './terminal';

export const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

/**
 * Read one input's bytes: a file, or stdin for `-`, never more than `maxBytes` of them.
 * Returns the bytes, an input error (too large), or why the file could not be read.
 */
export async function readInput(
  io: CliIO,
  file: string,
  maxBytes: number
): Promise<{ bytes: Uint8Array } | { inputError: InputError } | { error: string }> {
  try {
    return {
      bytes: file === '-' ? await io.readStdin(maxBytes) : await io.readFile(file, maxBytes)
    };
  } catch (e) {
    if (e instanceof InputTooLarge) return { inputError: tooLargeError(e.bytes, e.maxBytes) };
    return { error: describeFsError(e) };
  }
}

/** One stderr line per input error: `stackdraw: FILE: PATH: MESSAGE`, terminal-safe. */
export function reportInputErrors(io: CliIO, file: string, errors: readonly InputError[]): void {
  for (const e of errors) {
    const raise =
      e.code === 'too-large'
        ? e.path === '$.nodes'
          ? ' (--max-nodes N raises the limit)'
          : ' (--max-size MB raises the limit)'
        : '';
    io.stderr(
      `stackdraw: ${terminalSafe(displayName(file))}: ${terminalSafe(e.path)}: ${terminalSafe(e.message)}${raise}\n`
    );
  }
}

/**
 * Read and check one input (JSON or a stackdraw SVG, UTF-8 or UTF-16 with a byte-order
 * mark) within `limits`; reports problems on stderr and returns undefined for them.
 */
export async function loadDocument(
  io: CliIO,
  file: string,
  limits: ReadLimits = {}
): Promise<DiagramDocument | undefined> {
  const input = await readInput(io, file, limits.maxBytes ?? DEFAULT_LIMITS.maxBytes);
  if ('error' in input) {
    io.stderr(`stackdraw: ${terminalSafe(displayName(file))}: ${input.error}\n`);
    return undefined;
  }
  const read =
    'inputError' in input
      ? ({ ok: false, errors: [input.inputError] } as const)
      : readDocumentBytes(input.bytes, limits);
  if (!read.ok) {
    reportInputErrors(io, file, read.errors);
    return undefined;
  }
  return read.document;
}
