import { readDocument, type DiagramDocument, type ReadLimits } from '../lib/core/index';
import type { CliIO } from './io';
import { displayName, readInput, reportInputErrors } from './validate';

/** Read and check one input (JSON or a stackdraw SVG); reports problems on stderr. */
export async function loadDocument(
  io: CliIO,
  file: string,
  limits: ReadLimits = {}
): Promise<DiagramDocument | undefined> {
  const input = await readInput(io, file);
  if ('error' in input) {
    io.stderr(`stackdraw: ${displayName(file)}: ${input.error}\n`);
    return undefined;
  }
  const read = readDocument(input.text, limits);
  if (!read.ok) {
    reportInputErrors(io, file, read.errors);
    return undefined;
  }
  return read.document;
}
