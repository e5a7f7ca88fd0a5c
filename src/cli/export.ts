import {
  exportSvg,
  validate,
  type DiagramDocument,
  type Expectation,
  type Lang,
  planPng,
  PNG_LIMITS,
  svgSize,
  type ValidationReport
} from '../lib/core/index';
import { statSync } from 'node:fs';
import type { SvgOptions } from '../lib/core/export/svg';
import { nodeElk } from '../lib/node/elk';
import { fontOutliner, loadFontSources } from '../lib/node/fonts';
import { isStandardOutput, writeOutput, type CliIO } from './io';
import { loadDocument, reportUnknownFailIds, type LoadOptions } from './load';
import { terminalSafe } from './terminal';

export interface ExportArgs {
  file: string;
  /** Output path; '-' or undefined means standard output. */
  out?: string;
  /** `--to`: the format, whatever `out`'s extension says. */
  to?: OutputFormat;
  view: SvgOptions['view'];
  theme: SvgOptions['theme'];
  markers: boolean;
  text: 'embed' | 'outline';
  lang: Lang;
  padding?: number;
  /** PNG pixels per SVG unit; undefined: 2, reduced to fit the pixel limit if need be. */
  scale?: number;
  expect?: Expectation;
  /** `--fail ID`…: draw the failure view. */
  fail?: string[];
  /** --max-size, --max-nodes and --input-format. */
  limits?: LoadOptions;
}

export type OutputFormat = 'svg' | 'png';

/**
 * The picture's format: `to` when given; else by `out`'s extension (.svg, .png), SVG for
 * standard output (`-`, none) and for a device or pipe without one (`-o /dev/stdout`);
 * undefined when it cannot be told.
 */
export function formatOf(out: string | undefined, to?: OutputFormat): OutputFormat | undefined {
  if (to) return to;
  if (out === undefined || out === '-') return 'svg';
  const m = /\.([^./\\]+)$/.exec(out);
  const ext = m?.[1].toLowerCase();
  if (ext === 'svg' || ext === 'png') return ext;
  return isStream(out) || isStandardOutput(out) ? 'svg' : undefined;
}

/** Does `path` name a character device, a FIFO or a socket (not a file or a folder)? */
function isStream(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isCharacterDevice() || st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/**
 * Render a document to SVG text with the shipped font, as the editor does. `report`:
 * the document's validation with `args.lang` and `args.expect`, if already made.
 */
export async function renderDocumentSvg(
  doc: DiagramDocument,
  args: ExportArgs,
  report?: ValidationReport
): Promise<string> {
  const options: Partial<SvgOptions> = {
    view: args.view,
    theme: args.theme,
    markers: args.markers,
    lang: args.lang
  };
  if (args.padding !== undefined) options.padding = args.padding;
  return exportSvg({
    doc,
    elk: nodeElk(),
    options,
    expect: args.expect,
    report,
    failed: args.fail,
    ...(args.text === 'outline' ? { outline: fontOutliner() } : { fonts: await loadFontSources() })
  });
}

/**
 * SVG → PNG with resvg, `scale` pixels per SVG unit. The SVG is expected with its text as
 * outlines (`text: 'outline'`): the outliner draws every glyph from the shipped fonts and
 * their fallbacks, with shaping and bidi, so resvg needs no font (its own font fallback
 * loses emoji sequences, flags and Arabic joining).
 */
export async function svgToPng(svg: string, scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false }
  });
  return resvg.render().asPng();
}

/**
 * A document's picture as `export` draws it: SVG text, or PNG bytes (drawn from outlined
 * text; the default scale shrinks to the pixel limit, with a note on stderr). Undefined,
 * after an error on stderr naming `out`, when an explicit `--scale` is over the limit.
 */
export async function drawPicture(
  io: CliIO,
  doc: DiagramDocument,
  args: ExportArgs,
  report: ValidationReport,
  format: OutputFormat,
  out: string
): Promise<string | Uint8Array | undefined> {
  // A PNG is drawn from outlined text, whatever --text says (see svgToPng).
  const svg = await renderDocumentSvg(
    doc,
    format === 'png' ? { ...args, text: 'outline' } : args,
    report
  );
  if (format === 'svg') return svg;
  const size = svgSize(svg) ?? { width: 1, height: 1 };
  const plan = planPng(size.width, size.height, args.scale ?? 2, args.scale !== undefined);
  if ('error' in plan) {
    io.stderr(`stackdraw: ${terminalSafe(out)}: ${plan.error}\n`);
    return undefined;
  }
  if (plan.reduced) {
    io.stderr(
      `stackdraw: note: the PNG is drawn at scale ${plan.scale.toFixed(3)} (${plan.width} × ${plan.height} px) to stay within ${PNG_LIMITS.side} px a side and ${PNG_LIMITS.pixels / 1e6} megapixels\n`
    );
  }
  return svgToPng(svg, plan.scale);
}

/**
 * `stackdraw export`: exit 0 valid, 1 invalid (the picture is still written), 2 unreadable
 * input or an unknown output format, 74 (EX_IOERR) when the output cannot be written.
 */
export async function runExport(io: CliIO, args: ExportArgs): Promise<number> {
  const format = formatOf(args.out, args.to);
  if (!format) {
    io.stderr(
      `stackdraw: ${terminalSafe(args.out ?? '')}: unknown output format: use a .svg or .png file name, --to svg|png, or - for SVG on standard output\n`
    );
    return 2;
  }
  // Said, not silently ignored: an SVG is vector, its size has no scale.
  if (args.scale !== undefined && format !== 'png')
    io.stderr(
      `stackdraw: warning: --scale only applies to PNG output; ${terminalSafe(args.out ?? '-')} is an SVG, written at its own size\n`
    );
  const doc = await loadDocument(io, args.file, { lang: args.lang, ...args.limits });
  if (!doc) return 2;
  if (reportUnknownFailIds(io, args.file, doc, args.fail ?? [], args.lang)) return 2;
  // Validated once, for the picture and the exit status.
  const report = validate(doc, { expect: args.expect });
  const bytes = await drawPicture(io, doc, args, report, format, args.out ?? '-');
  if (bytes === undefined) return 2;
  const valid = report.valid;
  const failed = await writeOutput(io, args.out, bytes);
  if (failed !== undefined) return failed;
  return valid ? 0 : 1;
}
