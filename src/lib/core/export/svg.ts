import { KIND_SPECS } from '../model/kinds';
import type { DiagramDocument, DiagramNode } from '../model/types';
import { markers, type Markers } from '../rules/markers';
import { nodeName } from '../rules/messages/render';
import { describeStacks, nodeMap, stackBadge } from '../rules/summary';
import type { Lang, StackReport, ValidationReport } from '../rules/types';
import type { BlocksLayout } from '../layout/blocks';
import {
  clusterMembers,
  FRAME,
  FRAME_COLOURS,
  FRAME_TITLE_FONT,
  framesAround
} from '../layout/clusters';
import type { LayoutResult, Rect } from '../layout/layout';
import { fontMeasure } from '../layout/metrics';
import {
  cleanLabel,
  FONT_STACK,
  KIND_FONT,
  LABEL_FONT,
  NODE,
  type FontSpec,
  type NodeBox
} from '../layout/text';
import { escapeAttr, escapeText, jsonForXml, num } from './xml';
import { ghostRectsByHost, type FailureOverlay } from '../analysis/overlay';
import { STATE_WORDS } from '../analysis/report';

/**
 * Document → SVG, as a pure string builder: runs in Node and in the browser, and the same
 * input gives the same bytes. Pure vector (rect, path, text, g, one style): no
 * foreignObject, no script, no event attributes, no external references. The document
 * JSON rides along in <metadata>, so an exported picture can be opened again.
 */

export type ExportView = 'graph' | 'blocks';
export type ExportTheme = 'light' | 'dark';

export interface SvgOptions {
  view: ExportView;
  theme: ExportTheme;
  /** Validation badges on nodes and stacks. */
  markers: boolean;
  padding: number;
  /** Language of the description and badges. */
  lang: Lang;
}

export const DEFAULT_SVG_OPTIONS: SvgOptions = {
  view: 'graph',
  theme: 'light',
  markers: true,
  padding: 24,
  lang: 'en'
};

/** Text as outlines: path data for `text` with its baseline origin at (0, 0), and its advance width. */
export type OutlineText = (text: string, font: FontSpec) => { d: string; width: number };

export interface SvgInput {
  doc: DiagramDocument;
  report: ValidationReport;
  layout: LayoutResult;
  blocks?: BlocksLayout;
  /** Wrapped label lines and captions per node (from measureNode / nodeCaptions). */
  boxes: Record<string, NodeBox>;
  captions: ReadonlyMap<string, string>;
  /** @font-face rules with the embedded font subset (data: URLs only). */
  fontFaces?: string;
  /** When given, text is drawn as paths (for viewers without web fonts). */
  outline?: OutlineText;
  /** Told every string drawn as text, with its weight (to subset the font). */
  onText?: (text: string, weight: 400 | 600) => void;
  options?: Partial<SvgOptions>;
  /** The failure view ("when Server 1 fails"): stopped nodes dimmed, tags and ghosts. */
  failure?: FailureOverlay;
  /** `markers(report, doc)` when the caller has it (the editor keeps one per revision). */
  marks?: Markers;
}

const THEME = {
  light: {
    background: '#ffffff',
    edge: '#64748b',
    error: '#dc2626',
    warning: '#d97706',
    ok: '#15803d',
    badgeText: '#ffffff',
    pill: '#f8fafc',
    pillText: '#0f172a'
  },
  dark: {
    background: '#0f172a',
    edge: '#94a3b8',
    error: '#f87171',
    warning: '#fbbf24',
    ok: '#4ade80',
    badgeText: '#0f172a',
    pill: '#1e293b',
    pillText: '#f1f5f9'
  }
} as const;

const PILL = { height: 20, gap: 8, font: { size: 11, weight: 600 } as FontSpec };
/** Failure view: tags above nodes, the heading above the drawing, dimmed nodes. */
const TAG = { height: 16, rise: 20, font: { size: 10, weight: 600 } as FontSpec };
const HEADING = { font: { size: 15, weight: 600 } as FontSpec, height: 34 };
const STOPPED_OPACITY = 0.35;
const FAILED_WORD = { en: 'failed', ko: '고장' } as const;
/** Badge shapes around the node's top-right corner: how far they reach each way. */
const BADGE = {
  error: { half: 10, up: 10, down: 10 },
  warning: { half: 11, up: 11, down: 8 }
} as const;

/** Drawn check and cross marks, so no glyph is needed for them. */
const CHECK = 'M-3.5 0.2 L-1 2.7 L3.8 -2.6';
const CROSS = 'M-3 -3 L3 3 M3 -3 L-3 3';

export function renderSvg(input: SvgInput): string {
  const o: SvgOptions = { ...DEFAULT_SVG_OPTIONS, ...input.options };
  const { doc, report, layout, boxes, captions } = input;
  const theme = THEME[o.theme];
  const frameColour = FRAME_COLOURS[o.theme];
  const nodes = nodeMap(doc);
  const blocks = o.view === 'blocks' ? input.blocks : undefined;
  if (o.view === 'blocks' && !blocks)
    throw new Error('renderSvg: the blocks view needs a blocks layout');
  const rects: Record<string, Rect> = blocks ? blocks.nodes : layout.nodes;

  // Problems per node, for badges (errors and warnings); offending edges.
  const marked = o.markers ? (input.marks ?? markers(report, doc)) : undefined;
  const problems = new Map<string, { error: number; warning: number }>();
  for (const [id, m] of marked?.nodes ?? []) if (m.error || m.warning) problems.set(id, m);
  const badEdges = marked?.edges ?? new Set<string>();
  const stackOf = new Map(report.stacks.map((s) => [s.root, s]));

  // Content bounds: node rects, edge points, and stack pills below the hardware.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const n of doc.nodes) {
    const r = rects[n.id];
    if (!r) continue;
    grow(r.x, r.y);
    grow(r.x + r.width, r.y + r.height);
    const p = problems.get(n.id);
    if (p) {
      // The badge's own shape: a circle for errors, a taller triangle for warnings.
      const e = p.error ? BADGE.error : BADGE.warning;
      grow(r.x + r.width - e.half, r.y - e.up);
      grow(r.x + r.width + e.half, r.y + e.down);
    }
    const stack = stackOf.get(n.id);
    if (o.markers && stack) {
      // The pill may be wider than the box it stands under.
      const g = pillGeometry(r, stack);
      grow(g.x, g.y);
      grow(g.x + g.w, g.y + PILL.height);
    }
  }
  if (!blocks)
    for (const e of Object.values(layout.edges)) for (const p of e.points) grow(p.x, p.y);
  const failure = blocks ? undefined : input.failure;
  if (failure) {
    for (const g of failure.ghosts)
      for (const q of [g.rect, ...g.above.map((a) => a.rect)]) {
        grow(q.x, q.y);
        grow(q.x + q.width, q.y + q.height);
      }
    for (const id of [...failure.failed, ...failure.continuing.keys(), ...failure.down]) {
      const r = rects[id];
      if (r) grow(r.x, r.y - TAG.rise);
    }
  }
  // Cluster frames around their member stacks, wherever those stand now, and around the
  // guests a failure view restarts on a member.
  const frames = framesAround(clusterMembers(doc), rects, o.lang, ghostRectsByHost(failure));
  for (const f of frames) {
    grow(f.x, f.y);
    grow(f.x + f.width, f.y + f.height);
  }
  if (minX === Infinity) minX = minY = maxX = maxY = 0;
  if (failure) {
    // The heading's line above everything, as wide as its text.
    minY -= HEADING.height;
    maxX = Math.max(maxX, minX + fontMeasure(failure.heading, HEADING.font));
  }
  const pad = o.padding;
  const width = maxX - minX + 2 * pad;
  const height = maxY - minY + 2 * pad;
  const dx = pad - minX;
  const dy = pad - minY;
  const X = (x: number) => num(x + dx);
  const Y = (y: number) => num(y + dy);

  const out: string[] = [];
  const title = doc.title && doc.title.trim() !== '' ? doc.title : 'stackdraw diagram';
  const desc =
    report.stacks.length > 0
      ? describeStacks(report.stacks, doc, nodes, o.lang).join('. ') + '.'
      : o.lang === 'ko'
        ? '스택이 없는 다이어그램.'
        : 'A diagram with no stacks.';
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-labelledby="sd-title sd-desc">`,
    `<title id="sd-title">${escapeText(title)}</title>`,
    `<desc id="sd-desc">${escapeText(desc)}</desc>`,
    `<metadata id="stackdraw-document">${jsonForXml(doc)}</metadata>`,
    `<style>${input.fontFaces ?? ''}text{font-family:${FONT_STACK};font-variant-ligatures:none}</style>`,
    `<rect width="${num(width)}" height="${num(height)}" fill="${theme.background}"/>`
  );

  // Text, as glyphs or outlines.
  const text = (
    s: string,
    x: number,
    y: number,
    font: FontSpec,
    fill: string,
    anchor: 'start' | 'middle',
    titleText?: string
  ) => {
    input.onText?.(s, font.weight);
    if (input.outline) {
      const { d, width: w } = input.outline(s, font);
      const left = anchor === 'middle' ? x - w / 2 : x;
      return `<g fill="${fill}">${titleText !== undefined ? `<title>${escapeText(titleText)}</title>` : ''}<path transform="translate(${num(left + dx)} ${num(y + dy)})" d="${d}"/></g>`;
    }
    return `<text x="${X(x)}" y="${Y(y)}" font-size="${font.size}" font-weight="${font.weight}" fill="${fill}"${anchor === 'middle' ? ' text-anchor="middle"' : ''}>${escapeText(s)}</text>`;
  };

  // Cluster frames, behind everything else: a dashed rounded rectangle, the title top left.
  if (frames.length) {
    out.push(`<g font-family="${escapeAttr(FONT_STACK)}">`);
    for (const f of frames)
      out.push(
        `<g data-cluster="${escapeAttr(f.id)}"><title>${escapeText(f.caption)}</title>` +
          `<rect x="${X(f.x)}" y="${Y(f.y)}" width="${num(f.width)}" height="${num(f.height)}" rx="${FRAME.radius}" fill="${frameColour.fill}" stroke="${frameColour.stroke}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
          text(
            f.title,
            f.x + FRAME.padX,
            f.y + FRAME.titleBaseline,
            FRAME_TITLE_FONT,
            frameColour.text,
            'start'
          ) +
          '</g>'
      );
    out.push('</g>');
  }

  // Edges (graph view only).
  if (!blocks) {
    out.push(`<g fill="none" stroke-width="1.5" stroke-linejoin="round">`);
    const merged = overlappingRuns(doc.edges, layout, badEdges);
    for (const e of doc.edges) {
      const route = layout.edges[e.id];
      if (!route || route.points.length < 2) continue;
      const bad = badEdges.has(e.id);
      const run = merged.get(e.id);
      if (run === null) continue;
      const points = run ?? route.points;
      const d = points.map((p, i) => `${i ? 'L' : 'M'}${X(p.x)} ${Y(p.y)}`).join(' ');
      out.push(
        `<path d="${d}" stroke="${bad ? theme.error : theme.edge}"${bad ? ' stroke-dasharray="5 3"' : ''}/>`
      );
    }
    out.push('</g>');
  }

  out.push(`<g font-family="${escapeAttr(FONT_STACK)}">`);
  if (failure)
    out.push(
      text(
        failure.heading,
        minX,
        minY + HEADING.font.size + 4,
        HEADING.font,
        KIND_SPECS.hardware.colours[o.theme].text,
        'start'
      )
    );
  for (const n of doc.nodes) {
    const r = rects[n.id];
    if (!r) continue;
    const drawn = renderNode(n, r);
    out.push(failure?.stopped.has(n.id) ? `<g opacity="${STOPPED_OPACITY}">${drawn}</g>` : drawn);
    if (failure?.failed.has(n.id)) out.push(failedMark(r));
    else if (failure?.down.has(n.id)) out.push(tag(r, STATE_WORDS[o.lang].down, theme.edge));
    if (failure?.continuing.has(n.id)) out.push(tag(r, STATE_WORDS[o.lang].continues, theme.ok));
  }
  for (const g of failure?.ghosts ?? []) out.push(ghost(g));
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';

  function renderNode(n: DiagramNode, r: Rect): string {
    const c = KIND_SPECS[n.kind].colours[o.theme];
    const box = boxes[n.id];
    const label = nodeName(n, n.id);
    const parts: string[] = [];
    parts.push(`<g data-kind="${n.kind}">`, `<title>${escapeText(label)}</title>`);
    const p = problems.get(n.id);
    const stroke = p?.error ? theme.error : p?.warning ? theme.warning : c.stroke;
    parts.push(
      `<rect x="${X(r.x)}" y="${Y(r.y)}" width="${num(r.width)}" height="${num(r.height)}" rx="6" fill="${c.fill}" stroke="${stroke}" stroke-width="${p?.error ? 2 : 1.5}"/>`
    );
    const lines = box?.lines ?? [label];
    const centred = !!blocks;
    const blockTop = blocks
      ? r.y +
        (r.height - (NODE.kindLine + NODE.gap + lines.length * NODE.lineHeight)) / 2 -
        NODE.padY
      : r.y;
    const tx = centred ? r.x + r.width / 2 : r.x + NODE.padX;
    const anchor = centred ? 'middle' : 'start';
    const captionY = blockTop + NODE.padY + 10.5;
    const caption = captions.get(n.id) ?? KIND_SPECS[n.kind].caption[o.lang];
    // The kind icon, then the caption: left-aligned in the graph, centred as a pair in blocks.
    const iconX = centred ? tx - (NODE.icon + fontMeasure(caption, KIND_FONT)) / 2 : tx;
    parts.push(
      `<path transform="translate(${X(iconX)} ${Y(captionY - 10)}) scale(0.75)" d="${KIND_SPECS[n.kind].icon}" fill="none" stroke="${c.caption}" stroke-width="1.8" stroke-linecap="round"/>`,
      text(caption, iconX + NODE.icon, captionY, KIND_FONT, c.caption, 'start')
    );
    const firstBaseline = captionY + NODE.gap + NODE.lineHeight - 0.5;
    if (input.outline) {
      parts.push(`<g>`);
      lines.forEach((line, i) =>
        parts.push(
          text(
            line,
            tx,
            firstBaseline + i * NODE.lineHeight,
            LABEL_FONT,
            c.text,
            anchor,
            i === 0 ? label : undefined
          )
        )
      );
      parts.push('</g>');
    } else {
      // One <text>, a <tspan> per line; each line keeps the space it was broken at, so the
      // text content is the label itself.
      for (const line of lines) input.onText?.(line, LABEL_FONT.weight);
      const tails = breakSpaces(label, lines);
      const spans = lines.map(
        (line, i) =>
          `<tspan x="${X(tx)}" y="${Y(firstBaseline + i * NODE.lineHeight)}">${escapeText(line + tails[i])}</tspan>`
      );
      parts.push(
        `<text font-size="${LABEL_FONT.size}" font-weight="${LABEL_FONT.weight}" fill="${c.text}"${anchor === 'middle' ? ' text-anchor="middle"' : ''}>${spans.join('')}</text>`
      );
    }
    if (p) parts.push(badge(r, p));
    const stack = stackOf.get(n.id);
    if (o.markers && stack) parts.push(pill(r, stack));
    parts.push('</g>');
    return parts.join('');
  }

  /** A failed node: a dashed red outline around it and a "failed" tag. */
  function failedMark(r: Rect): string {
    return (
      `<rect x="${X(r.x - 4)}" y="${Y(r.y - 4)}" width="${num(r.width + 8)}" height="${num(r.height + 8)}" rx="8" fill="none" stroke="${theme.error}" stroke-width="2" stroke-dasharray="6 3"/>` +
      tag(r, FAILED_WORD[o.lang], theme.error)
    );
  }

  /** A small filled tag with white text, above the node's top-left corner. */
  function tag(r: Rect, words: string, colour: string): string {
    const w = Math.ceil(fontMeasure(words, TAG.font)) + 12;
    const y = r.y - TAG.rise;
    return (
      `<g><rect x="${X(r.x)}" y="${Y(y)}" width="${num(w)}" height="${TAG.height}" rx="8" fill="${colour}"/>` +
      text(words, r.x + 6, y + 11.5, TAG.font, theme.badgeText, 'start') +
      '</g>'
    );
  }

  /**
   * An HA-restarted guest, as a dashed ghost (with what runs in it) on the hypervisor it
   * restarts on, linked to it like an edge.
   */
  function ghost(g: FailureOverlay['ghosts'][number]): string {
    const parts = [
      `<g data-ghost="${escapeAttr(g.guest)}">`,
      `<title>${escapeText(g.label)}</title>`
    ];
    const at = new Map<string, Rect>([
      [g.guest, g.rect],
      ...g.above.map((a) => [a.id, a.rect] as const)
    ]);
    const hv = rects[g.hypervisor];
    const link = (from: Rect, to: Rect) => {
      const x1 = from.x + from.width / 2;
      const x2 = to.x + to.width / 2;
      const mid = (from.y + to.y + to.height) / 2;
      return `<path d="M${X(x1)} ${Y(from.y)} L${X(x1)} ${Y(mid)} L${X(x2)} ${Y(mid)} L${X(x2)} ${Y(to.y + to.height)}" fill="none" stroke="${theme.ok}" stroke-width="1.5" stroke-dasharray="5 3"/>`;
    };
    if (hv) parts.push(link(hv, g.rect));
    for (const e of g.edges) parts.push(link(at.get(e.source)!, at.get(e.target)!));
    for (const [id, r] of at) {
      const n = nodes.get(id);
      if (!n) continue;
      const c = KIND_SPECS[n.kind].colours[o.theme];
      const caption =
        id === g.guest
          ? STATE_WORDS[o.lang].restarted
          : (captions.get(id) ?? KIND_SPECS[n.kind].caption[o.lang]);
      parts.push(
        `<rect x="${X(r.x)}" y="${Y(r.y)}" width="${num(r.width)}" height="${num(r.height)}" rx="6" fill="${c.fill}" fill-opacity="0.6" stroke="${theme.ok}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
        text(
          caption,
          r.x + NODE.padX,
          r.y + NODE.padY + 10.5,
          KIND_FONT,
          id === g.guest ? theme.ok : c.caption,
          'start'
        )
      );
      const lines = boxes[id]?.lines ?? [nodeName(n, id)];
      lines.forEach((line, i) =>
        parts.push(
          text(
            line,
            r.x + NODE.padX,
            r.y + NODE.padY + 10.5 + NODE.gap + NODE.lineHeight - 0.5 + i * NODE.lineHeight,
            LABEL_FONT,
            c.text,
            'start'
          )
        )
      );
    }
    parts.push('</g>');
    return parts.join('');
  }

  function badge(r: Rect, p: { error: number; warning: number }): string {
    const count = p.error || p.warning;
    const colour = p.error ? theme.error : theme.warning;
    const cx = r.x + r.width;
    const cy = r.y;
    // Error: a circle with "!"; warning: a triangle with "!". Shape and count, not colour alone.
    const { half, up, down } = BADGE.warning;
    const shape = p.error
      ? `<circle cx="${X(cx)}" cy="${Y(cy)}" r="${BADGE.error.half}" fill="${colour}"/>`
      : `<path d="M${X(cx)} ${Y(cy - up)} L${X(cx + half)} ${Y(cy + down)} L${X(cx - half)} ${Y(cy + down)} Z" fill="${colour}"/>`;
    return `<g>${shape}${text(`${count > 1 ? count : '!'}`, cx, cy + 4, { size: 11, weight: 600 }, theme.badgeText, 'middle')}</g>`;
  }

  /** The stack's pill under its hardware: its words, and a width measured from them. */
  function pillGeometry(r: Rect, stack: StackReport) {
    const { text: label, mark } = stackBadge(stack, o.lang);
    // 10px before the text, 26px after it for the mark (measured, so Hangul fits too); no
    // mark, no room for one.
    const w = Math.max(48, Math.ceil(fontMeasure(label, PILL.font)) + (mark === 'none' ? 20 : 36));
    return { mark, label, w, x: r.x + (r.width - w) / 2, y: r.y + r.height + PILL.gap };
  }

  function pill(r: Rect, stack: StackReport): string {
    const { mark, label, w, x, y } = pillGeometry(r, stack);
    const colour = mark === 'ok' ? theme.ok : mark === 'bad' ? theme.error : theme.edge;
    const drawn =
      mark === 'none'
        ? ''
        : `<path transform="translate(${num(x + w - 13 + dx)} ${num(y + 10 + dy)})" d="${mark === 'ok' ? CHECK : CROSS}" fill="none" stroke="${colour}" stroke-width="1.8" stroke-linecap="round"/>`;
    return (
      `<g><rect x="${X(x)}" y="${Y(y)}" width="${num(w)}" height="${PILL.height}" rx="10" fill="${theme.pill}" stroke="${colour}"/>` +
      text(label, x + 10, y + 14, PILL.font, theme.pillText, 'start') +
      drawn +
      '</g>'
    );
  }
}

/**
 * For each wrapped line, the space it was broken at (' ') or '' when the break fell inside
 * a word (a word too long for a line) or the line is the last. Found by walking the label,
 * as wrapText saw it, line by line: a line's text appearing elsewhere in the label followed
 * by a space says nothing about this break.
 */
export function breakSpaces(label: string, lines: readonly string[]): string[] {
  const clean = cleanLabel(label);
  let at = 0;
  return lines.map((line, i) => {
    if (i === lines.length - 1 || !clean.startsWith(line, at)) return '';
    at += line.length;
    // A space that begins the next line (one cluster with a mark after it) is not a break.
    if (clean[at] !== ' ' || clean.startsWith(lines[i + 1], at)) return '';
    at += 1;
    return ' ';
  });
}

/**
 * Straight edges (two points) on the same vertical or horizontal line, in the same style,
 * that overlap one another are drawn once, as the line their union covers: a dense document
 * (every node on every node below it: n²/2 edges on one line) would otherwise draw O(n³) px
 * of dashes on top of each other, which took a PNG renderer a minute for 200 nodes. Returns,
 * by edge id, the union's two points for the first edge of each overlapping run and `null`
 * for the others; edges that overlap nothing are absent (drawn as they are, so ordinary
 * documents come out unchanged).
 */
function overlappingRuns(
  edges: DiagramDocument['edges'],
  layout: LayoutResult,
  bad: ReadonlySet<string>
): Map<string, { x: number; y: number }[] | null> {
  type Span = { id: string; from: number; to: number; order: number };
  const lines = new Map<string, Span[]>();
  edges.forEach((e, order) => {
    const p = layout.edges[e.id]?.points;
    if (!p || p.length !== 2) return;
    const [a, b] = p;
    const vertical = a.x === b.x;
    if (!vertical && a.y !== b.y) return;
    const key = `${bad.has(e.id) ? 1 : 0}${vertical ? `v${a.x}` : `h${a.y}`}`;
    const span = vertical
      ? { id: e.id, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y), order }
      : { id: e.id, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x), order };
    const list = lines.get(key);
    if (list) list.push(span);
    else lines.set(key, [span]);
  });
  const out = new Map<string, { x: number; y: number }[] | null>();
  for (const [key, spans] of lines) {
    if (spans.length < 2) continue;
    const vertical = key[1] === 'v';
    const at = Number(key.slice(2));
    const point = (t: number) => (vertical ? { x: at, y: t } : { x: t, y: at });
    spans.sort((a, b) => a.from - b.from || a.to - b.to);
    const flush = (run: Span[], from: number, to: number) => {
      if (run.length < 2) return;
      const first = run.reduce((a, b) => (b.order < a.order ? b : a));
      for (const s of run) out.set(s.id, s === first ? [point(from), point(to)] : null);
    };
    let run = [spans[0]];
    let from = spans[0].from;
    let to = spans[0].to;
    for (const s of spans.slice(1)) {
      // Overlapping, not merely touching: a stack's edges meet at its boxes, never overlap.
      if (s.from < to) {
        run.push(s);
        to = Math.max(to, s.to);
      } else {
        flush(run, from, to);
        run = [s];
        from = s.from;
        to = s.to;
      }
    }
    flush(run, from, to);
  }
  return out;
}
