import {
  layoutDocument,
  measureDocument,
  withPositions,
  type Lang,
  type ReadLimits
} from '../lib/core/index';
import { nodeElk } from '../lib/node/elk';
import { writeOutput, type CliIO } from './io';
import { loadDocument } from './load';

/**
 * `stackdraw layout FILE [-o OUT]`: the document with ELK positions, to OUT or stdout.
 * Exit 0, 2 for unreadable input, 74 (EX_IOERR) when OUT cannot be written.
 */
export async function runLayout(
  io: CliIO,
  file: string,
  out: string | undefined,
  lang: Lang = 'en',
  limits: ReadLimits = {}
): Promise<number> {
  const doc = await loadDocument(io, file, limits);
  if (!doc) return 2;
  const { sizes } = measureDocument(doc, lang);
  const layout = await layoutDocument({ doc, sizes, elk: nodeElk(), lang });
  const text = JSON.stringify(withPositions(doc, layout), null, 2) + '\n';
  return (await writeOutput(io, out, text)) ?? 0;
}
