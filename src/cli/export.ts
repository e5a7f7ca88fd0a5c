import {
  exportSvg,
  validate,
  type DiagramDocument,
  type Expectation,
  type Lang,
  type ValidationReport
} from '../lib/core/index';
import type { SvgOptions } from '../lib/core/export/svg';
import { nodeElk } from '../lib/node/elk';
import { fontFile, fontOutliner, loadFontSources } from '../lib/node/fonts';
import type { CliIO } from './io';
import { loadDocument } from './load';

export interface ExportArgs {
  file: string;
  /** Output path; '-' or undefined means standard output (SVG only). */
  out?: string;
  view: SvgOptions['view'];
  theme: SvgOptions['theme'];
  markers: boolean;
  text: 'embed' | 'outline';
  lang: Lang;
  padding?: number;
  scale: number;
  expect?: Expectation;
}

export type OutputFormat = 'svg' | 'png';

export function formatOf(out: string | undefined): OutputFormat | undefined {
  if (out === undefined || out === '-') return 'svg';
  const m = /\.([^./\\]+)$/.exec(out);
  const ext = m?.[1].toLowerCase();
  return ext === 'svg' ? 'svg' : ext === 'png' ? 'png' : undefined;
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
    ...(args.text === 'outline' ? { outline: fontOutliner() } : { fonts: await loadFontSources() })
  });
}

/** SVG → PNG with resvg, loading the shipped font (no system font needed). */
export async function svgToPng(svg: string, scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [fontFile(400), fontFile(600)],
      defaultFontFamily: 'Pretendard'
    }
  });
  return resvg.render().asPng();
}

/** `stackdraw export`: exit 0 valid, 1 invalid (the picture is still written), 2 unreadable. */
export async function runExport(io: CliIO, args: ExportArgs): Promise<number> {
  const format = formatOf(args.out);
  if (!format) {
    io.stderr(
      `stackdraw: ${args.out}: unknown output format: use a .svg or .png file name, or - for SVG on standard output\n`
    );
    return 2;
  }
  const doc = await loadDocument(io, args.file);
  if (!doc) return 2;
  // Validated once, for the picture and the exit status.
  const report = validate(doc, { lang: args.lang, expect: args.expect });
  const svg = await renderDocumentSvg(doc, args, report);
  const valid = report.valid;
  const bytes = format === 'png' ? await svgToPng(svg, args.scale) : svg;
  if (args.out === undefined || args.out === '-') {
    io.stdout(bytes);
  } else {
    try {
      await io.writeFile(args.out, bytes);
    } catch (e) {
      io.stderr(
        `stackdraw: ${args.out}: cannot write: ${e instanceof Error ? e.message : String(e)}\n`
      );
      return 2;
    }
  }
  return valid ? 0 : 1;
}
