import { layoutDocument, measureDocument, withPositions, type Lang } from '../lib/core/index';
import { printStack } from '../lib/core/text/index';
import { nodeElk } from '../lib/node/elk';
import { documentFileText, writeOutput, type CliIO } from './io';
import { loadDocument, type LoadOptions } from './load';

/**
 * `stackdraw layout FILE [-o OUT]`: the document with ELK positions, to OUT or stdout:
 * JSON, or stack text (positions as `[x=… y=…]`) when OUT ends in `.stack`.
 * Exit 0, 2 for unreadable input, 74 (EX_IOERR) when OUT cannot be written.
 */
export async function runLayout(
  io: CliIO,
  file: string,
  out: string | undefined,
  lang: Lang = 'en',
  limits: LoadOptions = {}
): Promise<number> {
  const doc = await loadDocument(io, file, { lang, ...limits });
  if (!doc) return 2;
  const { sizes } = measureDocument(doc, lang);
  const layout = await layoutDocument({ doc, sizes, elk: nodeElk(), lang });
  const laidOut = withPositions(doc, layout);
  const text =
    out !== undefined && /\.stack$/i.test(out)
      ? printStack(laidOut)
      : documentFileText(io, laidOut, out, limits.maxBytes);
  return (await writeOutput(io, out, text)) ?? 0;
}
