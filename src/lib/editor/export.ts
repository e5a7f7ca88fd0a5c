import type { Editor } from './state/editor.svelte';
import {
  describeStacks,
  documentJson,
  exportSvg,
  markdownImage,
  nodeMap,
  planPng,
  safeFileName,
  svgSize,
  type PngPlan,
  validate,
  type DiagramDocument,
  type FontSources,
  type HarfBuzzSubset,
  type SvgOptions
} from '$lib/core/index';
import { browserElk } from './layout/elk-worker';

/**
 * Export in the browser with the same core function, font and HarfBuzz build as the CLI,
 * so a downloaded SVG is byte for byte the CLI's. Fonts and the wasm load on first use.
 */
let fonts: Promise<FontSources> | undefined;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url} (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

export function loadFonts(): Promise<FontSources> {
  fonts ??= (async () => {
    const [{ default: wasmUrl }, { default: regularUrl }, { default: semiboldUrl }] =
      await Promise.all([
        import('harfbuzzjs/dist/harfbuzz-subset.wasm?url'),
        import('pretendard/dist/public/static/Pretendard-Regular.otf?url'),
        import('pretendard/dist/public/static/Pretendard-SemiBold.otf?url')
      ]);
    const [wasm, regular, semibold] = await Promise.all([
      fetchBytes(wasmUrl),
      fetchBytes(regularUrl),
      fetchBytes(semiboldUrl)
    ]);
    const { instance } = await WebAssembly.instantiate(wasm as BufferSource);
    const hb = instance.exports as unknown as HarfBuzzSubset & { _initialize?: () => void };
    hb._initialize?.();
    return { hb, regular, semibold };
  })();
  fonts.catch(() => (fonts = undefined));
  return fonts;
}

/** The SVG of a document; with `failed`, its failure view ("when Server 1 fails"). */
export async function documentSvg(
  doc: DiagramDocument,
  options: Partial<SvgOptions>,
  failed?: readonly string[]
): Promise<string> {
  return exportSvg({ doc, elk: await browserElk(), fonts: await loadFonts(), options, failed });
}

/** The file name (without extension) of the document's exports: its title, made safe. */
export function fileBase(doc: DiagramDocument): string {
  return safeFileName(doc.title);
}

export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** SVG → PNG through a canvas of the plan's size (px; `planPng`: 2× unless that is too big). */
export async function svgToPng(
  svg: string,
  plan: Pick<PngPlan, 'width' | 'height'>
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** `![description](title.svg)`, ready to paste into notes (escaped for CommonMark). */
export function markdownFor(doc: DiagramDocument): string {
  const report = validate(doc);
  const nodes = nodeMap(doc);
  const desc =
    describeStacks(report.stacks, doc, nodes).join('. ') || doc.title || 'stackdraw diagram';
  return markdownImage(desc, `${fileBase(doc)}.svg`);
}

export type ExportChoice = 'svg' | 'png' | 'copy-svg' | 'copy-markdown';

/**
 * What the Export menu does: download SVG or PNG, or copy SVG or a Markdown image line, of
 * the editor's document in its view and language and the theme shown. Problems are said as
 * notices; nothing is thrown.
 */
export async function exportDocument(
  editor: Editor,
  what: ExportChoice,
  theme: SvgOptions['theme']
): Promise<void> {
  const copy = async (text: string) => {
    await navigator.clipboard.writeText(text);
    editor.say(editor.t.copied);
  };
  try {
    if (what === 'copy-markdown') return await copy(markdownFor(editor.doc));
    // In the "What if … fails?" mode, the picture is the failure view.
    const failed = editor.whatIf.active ? editor.whatIf.failed : undefined;
    const svg = await documentSvg(
      editor.doc,
      { view: editor.view, theme, lang: editor.lang },
      failed
    );
    if (what === 'copy-svg') return await copy(svg);
    if (what === 'svg')
      download(`${fileBase(editor.doc)}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
    else {
      // The same pixel limit as the CLI: a wide diagram is drawn at a smaller scale.
      const size = svgSize(svg) ?? { width: 1, height: 1 };
      const plan = planPng(size.width, size.height, 2) as PngPlan;
      if (plan.reduced) editor.say(editor.t.pngReduced(plan.width, plan.height));
      download(`${fileBase(editor.doc)}.png`, await svgToPng(svg, plan));
    }
  } catch (e) {
    editor.say(String(e), 'error');
  }
}

/** Save: download the document as a `.json` file named after its title. */
export function downloadDocument(doc: DiagramDocument): void {
  download(
    `${fileBase(doc)}.json`,
    new Blob([documentJson(doc).text], { type: 'application/json' })
  );
}
