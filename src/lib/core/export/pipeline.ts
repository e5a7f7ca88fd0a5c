import type { Lang } from '../i18n/lang';
import { nodeCaptions } from '../model/captions';
import { idRecord } from '../model/ids';
import type { DiagramDocument } from '../model/types';
import type { ValidationReport } from '../rules/types';
import { validate } from '../rules/validate';
import { layoutBlocks } from '../layout/blocks';
import {
  hasAllPositions,
  layoutDocument,
  layoutFromPositions,
  type ElkLike,
  type LayoutCache,
  type LayoutResult,
  type Size
} from '../layout/layout';
import { fontMeasure } from '../layout/metrics';
import { measureNode, type NodeBox } from '../layout/text';
import { fontFaceCss, subsetFont, type HarfBuzzSubset } from './subset';
import { failureOutcome } from '../analysis/failure';
import { failureOverlay } from '../analysis/overlay';
import { DEFAULT_SVG_OPTIONS, renderSvg, type OutlineText, type SvgOptions } from './svg';

/**
 * Box sizes (px) and wrapped lines of every node, measured with the shipped font's metrics,
 * with the captions in `lang` (a caption is part of its box).
 *
 * `memo` (optional, owned by the caller) keeps boxes by label and caption across calls: the
 * editor measures again after every change of structure, and only new or renamed nodes cost
 * anything then (measuring wraps text glyph by glyph: about 30 µs a node). A memo grown to
 * over four times the document is emptied first. The same label and caption always give the
 * same box object, so consumers may compare boxes by identity.
 */
export function measureDocument(
  doc: DiagramDocument,
  lang: Lang = 'en',
  memo?: Map<string, NodeBox>
): {
  boxes: Record<string, NodeBox>;
  sizes: Record<string, Size>;
  captions: Map<string, string>;
} {
  const captions = nodeCaptions(doc, lang);
  const boxes = idRecord<NodeBox>();
  const sizes = idRecord<Size>();
  if (memo && memo.size > 4 * doc.nodes.length + 64) memo.clear();
  for (const n of doc.nodes) {
    const caption = captions.get(n.id)!;
    const key = memo ? `${n.label}\u0000${caption}` : '';
    let box = memo?.get(key);
    if (!box) {
      box = measureNode(n.label, caption, fontMeasure);
      memo?.set(key, box);
    }
    boxes[n.id] = box;
    sizes[n.id] = { width: box.width, height: box.height };
  }
  return { boxes, sizes, captions };
}

/**
 * The stored positions when every node has one; else an ELK layout (`lang`: of the cluster
 * captions, whose titles the layout keeps room for).
 */
export async function layoutForExport(
  doc: DiagramDocument,
  sizes: Record<string, Size>,
  elk: ElkLike,
  cache?: LayoutCache,
  lang: Lang = 'en'
): Promise<LayoutResult> {
  return hasAllPositions(doc)
    ? layoutFromPositions(doc, sizes)
    : layoutDocument({ doc, sizes, elk, cache, lang });
}

export interface FontSources {
  hb: HarfBuzzSubset;
  regular: Uint8Array;
  semibold: Uint8Array;
}

export interface ExportRequest {
  doc: DiagramDocument;
  elk: ElkLike;
  options?: Partial<SvgOptions>;
  /** Embed a subset of the shipped font (text: embed). */
  fonts?: FontSources;
  /** Draw text as paths (text: outline). */
  outline?: OutlineText;
  /** Expectation for stacks without their own (as `--expect`). */
  expect?: 'type1' | 'type2' | 'dedicated';
  /**
   * `validate(doc, { lang, expect })` when the caller has it already (the CLI needs it for
   * its exit status): a large document is then not validated twice.
   */
  report?: ValidationReport;
  /**
   * Node ids to draw failed (the failure view, `export --fail`): what stops is dimmed, HA
   * restarts drawn as ghosts on their new host, FT copies that take over tagged.
   */
  failed?: readonly string[];
}

/**
 * Document → SVG: measure, lay out (unless positions are stored), validate, render, and
 * embed the font subset the text needs. The editor and the CLI both call this.
 */
export async function exportSvg(req: ExportRequest): Promise<string> {
  const options: SvgOptions = { ...DEFAULT_SVG_OPTIONS, ...req.options };
  const { doc } = req;
  const { boxes, sizes, captions } = measureDocument(doc, options.lang);
  const layout = await layoutForExport(doc, sizes, req.elk, undefined, options.lang);
  const blocks =
    options.view === 'blocks' ? layoutBlocks(doc, layout, sizes, options.lang) : undefined;
  const report = req.report ?? validate(doc, { expect: req.expect });
  const failure =
    req.failed && req.failed.length && options.view === 'graph'
      ? failureOverlay(doc, failureOutcome(doc, req.failed), layout.nodes, options.lang)
      : undefined;
  const base = { doc, report, layout, blocks, boxes, captions, options, failure };
  if (req.outline || !req.fonts) return renderSvg({ ...base, outline: req.outline });
  // First pass collects the text drawn in each weight, to subset the font to it (edges
  // carry no text: left out, they cost nothing in a document with 200,000 of them).
  const used = { 400: '', 600: '' };
  renderSvg({
    ...base,
    layout: { ...layout, edges: idRecord() },
    onText: (s, weight) => void (used[weight] += s)
  });
  const fonts = req.fonts;
  const faces = fontFaceCss(
    ([400, 600] as const)
      .filter((w) => used[w] !== '')
      .map((weight) => ({
        weight,
        bytes: subsetFont(fonts.hb, weight === 600 ? fonts.semibold : fonts.regular, used[weight])
      }))
  );
  return renderSvg({ ...base, fontFaces: faces });
}
