import type { Lang } from '../lib/core/index';
import { printStack } from '../lib/core/text/index';
import { renderDocumentSvg } from './export';
import { documentFileText, writeOutput, type CliIO } from './io';
import { loadDocument, type LoadOptions } from './load';
import { terminalSafe } from './terminal';

export type ConvertFormat = 'json' | 'stack' | 'svg';

export interface ConvertArgs {
  file: string;
  /** Output path; '-' or undefined: standard output (then `to` is needed). */
  out?: string;
  /** Output format; default: OUT's extension. */
  to?: ConvertFormat;
  /** Language of the SVG's description and badges, and of stack text errors. */
  lang: Lang;
  limits?: LoadOptions;
}

/** The format an output file name asks for (`.json`, `.stack`, `.svg`), if any. */
export function convertFormatOf(out: string | undefined): ConvertFormat | undefined {
  const ext = out === undefined ? undefined : /\.([^./\\]+)$/.exec(out)?.[1].toLowerCase();
  return ext === 'json' || ext === 'stack' || ext === 'svg' ? ext : undefined;
}

/**
 * `stackdraw convert FILE -o OUT`: a document from `.json`, `.stack` or a stackdraw `.svg`
 * to any of them. JSON is written as `layout` writes it (indented, or one line when that
 * would pass the reader's size limit), stack text
 * in its canonical form (`printStack`), SVG as `export` draws it (with the document in its
 * metadata). Exit 0, 2 for unreadable input or an unknown output format, 74 (EX_IOERR)
 * when OUT cannot be written. The document is converted whether or not it is valid.
 */
export async function runConvert(io: CliIO, args: ConvertArgs): Promise<number> {
  const to = args.to ?? convertFormatOf(args.out);
  if (!to) {
    io.stderr(
      `stackdraw: ${terminalSafe(args.out ?? '-')}: unknown output format: use a .json, .stack or .svg file name, or --to json|stack|svg\n`
    );
    return 2;
  }
  const doc = await loadDocument(io, args.file, { lang: args.lang, ...args.limits });
  if (!doc) return 2;
  const text =
    to === 'json'
      ? documentFileText(io, doc, args.out, args.limits?.maxBytes)
      : to === 'stack'
        ? printStack(doc)
        : await renderDocumentSvg(doc, {
            file: args.file,
            view: 'graph',
            theme: 'light',
            markers: true,
            text: 'embed',
            lang: args.lang
          });
  return (await writeOutput(io, args.out, text)) ?? 0;
}
