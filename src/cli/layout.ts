import { layoutDocument, measureDocument, withPositions, type Lang } from '../lib/core/index';
import { nodeElk } from '../lib/node/elk';
import type { CliIO } from './io';
import { loadDocument } from './load';

/** `stackdraw layout FILE [-o OUT]`: the document with ELK positions, to OUT or stdout. */
export async function runLayout(
  io: CliIO,
  file: string,
  out: string | undefined,
  lang: Lang = 'en'
): Promise<number> {
  const doc = await loadDocument(io, file);
  if (!doc) return 2;
  const { sizes } = measureDocument(doc, lang);
  const layout = await layoutDocument({ doc, sizes, elk: nodeElk() });
  const text = JSON.stringify(withPositions(doc, layout), null, 2) + '\n';
  if (out === undefined || out === '-') {
    io.stdout(text);
    return 0;
  }
  try {
    await io.writeFile(out, text);
  } catch (e) {
    io.stderr(`stackdraw: ${out}: cannot write: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return 0;
}
