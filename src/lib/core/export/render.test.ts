/**
 * The exported SVG rasterised with resvg (as the CLI's PNG export does), looking at pixels:
 * every node box is painted, Korean labels are drawn with the shipped font, and outlined
 * text needs no font at all. Pixels come from resvg's raw RGBA buffer.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeElk } from '../../node/elk';
import { FALLBACK_FONTS, fontPath } from '../../node/font-files.js';
import { fontFile, fontOutliner, fontsFor, loadFontSources } from '../../node/fonts';
import { example } from '../layout/examples.fixture';
import { fontMeasure } from '../layout/metrics';
import { LABEL_FONT, NODE } from '../layout/text';
import type { DiagramDocument } from '../model/types';
import { doc as makeDoc } from '../testing';
import { exportSvg, type FontSources } from './pipeline';
import type { SvgOptions } from './svg';
import {
  childElements,
  labelPath,
  labelText,
  nodeGroups,
  nodeRect,
  parseSvg,
  type Box
} from './svg.fixture';

const elk = nodeElk();
let fonts: FontSources;
beforeAll(async () => {
  fonts = await loadFontSources();
});

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

interface Raster {
  width: number;
  height: number;
  at(x: number, y: number): Rgb;
}

/** Rasterise at 1 px per unit, with the shipped font files or with no font at all. */
function raster(svg: string, withFonts: boolean): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 1 },
    font: withFonts
      ? {
          loadSystemFonts: false,
          fontFiles: [fontFile(400), fontFile(600)],
          defaultFontFamily: 'Pretendard'
        }
      : { loadSystemFonts: false }
  }).render();
  const { width, height, pixels } = image;
  expect(pixels.length).toBe(width * height * 4);
  return {
    width,
    height,
    at(x, y) {
      const i = (Math.floor(y) * width + Math.floor(x)) * 4;
      expect(pixels[i + 3], `opaque at ${x},${y}`).toBe(255);
      return [pixels[i], pixels[i + 1], pixels[i + 2]];
    }
  };
}

/** Share of the pixels in `box` that differ clearly from `fill` (ink on it). */
function inkShare(r: Raster, box: Box, fill: Rgb): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.ceil(box.y); y < box.y + box.height; y++)
    for (let x = Math.ceil(box.x); x < box.x + box.width; x++) {
      all++;
      if (distance(r.at(x, y), fill) > 96) ink++;
    }
  return ink / all;
}

/** Where the first line of a node's label is drawn: from its start, one line high. */
function labelArea(g: Element, rect: Box, line: string): Box {
  let x: number;
  let baseline: number;
  const text = labelText(g);
  if (text) {
    const span = childElements(text, 'tspan')[0];
    x = Number(span.getAttribute('x'));
    baseline = Number(span.getAttribute('y'));
  } else {
    // Outlined: the path in the group titled with the label, placed by a translate.
    const m = /translate\(([\d.-]+) ([\d.-]+)\)/.exec(labelPath(g)!.getAttribute('transform')!)!;
    x = Number(m[1]);
    baseline = Number(m[2]);
  }
  expect(x).toBeCloseTo(rect.x + NODE.padX, 5);
  // Cap height of 14px Pretendard is about 10px; Hangul reaches a little higher.
  return { x, y: baseline - 11, width: fontMeasure(line, LABEL_FONT), height: 13 };
}

const KOREAN = () =>
  makeDoc(
    [
      'hw hardware 서버 1호기',
      'hv hypervisor 하이퍼바이저',
      'vm os 윈도우 서버',
      'svc service 웹 서버',
      'vm2 os Ubuntu 24.04'
    ],
    ['hw>hv', 'hv>vm', 'vm>svc', 'hv>vm2'],
    { hv: { product: 'VMware ESXi' } }
  );

async function svgOf(
  doc: DiagramDocument,
  options: Partial<SvgOptions>,
  outline = false
): Promise<string> {
  return exportSvg({
    doc,
    elk,
    options,
    ...(outline ? { outline: fontOutliner() } : { fonts })
  });
}

describe('rendered with resvg', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every node box has ink inside it; the margin is background (${theme})`, async () => {
      for (const d of [example('type1-esxi'), KOREAN()]) {
        const svg = await svgOf(d, { theme });
        const parsed = parseSvg(svg);
        const background = hex(
          childElements(parsed.documentElement!, 'rect')[0].getAttribute('fill')!
        );
        const r = raster(svg, true);
        expect([r.width, r.height]).toEqual([
          Number(parsed.documentElement!.getAttribute('width')),
          Number(parsed.documentElement!.getAttribute('height'))
        ]);
        // The padding is bare background: the check below can tell the two apart.
        expect(r.at(2, 2)).toEqual(background);
        expect(r.at(r.width - 3, r.height - 3)).toEqual(background);
        for (const g of nodeGroups(parsed)) {
          const box = nodeRect(g);
          const fill = hex(childElements(g, 'rect')[0].getAttribute('fill')!);
          for (const fx of [0.1, 0.5, 0.9])
            for (const fy of [0.15, 0.5, 0.85]) {
              const px = r.at(box.x + box.width * fx, box.y + box.height * fy);
              expect(
                distance(px, background),
                `${theme} ${fx},${fy} in ${fmt(box)}`
              ).toBeGreaterThan(8);
            }
          // Somewhere in the box the fill itself shows.
          expect(r.at(box.x + box.width - 4, box.y + box.height / 2)).toEqual(fill);
        }
      }
    });
  }

  it('Korean labels are drawn with the shipped font, and not without it', async () => {
    const d = KOREAN();
    const svg = await svgOf(d, {});
    const parsed = parseSvg(svg);
    const withFont = raster(svg, true);
    const noFont = raster(svg, false);
    const groups = nodeGroups(parsed);
    d.nodes.forEach((n, i) => {
      const g = groups[i];
      const rect = nodeRect(g);
      const fill = hex(childElements(g, 'rect')[0].getAttribute('fill')!);
      const area = labelArea(g, rect, n.label);
      const inked = inkShare(withFont, area, fill);
      expect(inked, `${n.id} "${n.label}" drawn`).toBeGreaterThan(0.12);
      // resvg does not read the embedded @font-face: without the font files, no glyphs.
      expect(inkShare(noFont, area, fill), `${n.id} without a font`).toBeLessThan(0.01);
    });
  });

  it('outlined text renders without any font loaded', async () => {
    const d = KOREAN();
    for (const view of ['graph', 'blocks'] as const) {
      const svg = await svgOf(d, { view }, true);
      const parsed = parseSvg(svg);
      const r = raster(svg, false);
      const groups = nodeGroups(parsed);
      d.nodes.forEach((n, i) => {
        const g = groups[i];
        const rect = nodeRect(g);
        const fill = hex(childElements(g, 'rect')[0].getAttribute('fill')!);
        if (view === 'graph') {
          const area = labelArea(g, rect, n.label);
          expect(inkShare(r, area, fill), `${n.id} "${n.label}"`).toBeGreaterThan(0.12);
        } else {
          // Blocks centre their text: look at the middle of the block, one line high.
          const w = fontMeasure(n.label, LABEL_FONT);
          const m = /translate\(([\d.-]+) ([\d.-]+)\)/.exec(
            labelPath(g)!.getAttribute('transform')!
          )!;
          const area = { x: Number(m[1]), y: Number(m[2]) - 11, width: w, height: 13 };
          expect(Math.abs(area.x - (rect.x + (rect.width - w) / 2))).toBeLessThanOrEqual(1);
          expect(inkShare(r, area, fill), `${n.id} "${n.label}" (blocks)`).toBeGreaterThan(0.12);
        }
      });
    }
  });
});

/** The node labels of the issue, and more of their kind. */
const UNICODE_LABELS = {
  mixed: 'Linux 🐧 서버 虚拟机 שרת',
  penguins: '🐧'.repeat(14),
  arabic: 'خادم الويب (Apache) 2',
  family: '👨‍👩‍👧‍👦 가족 서버 🇰🇷 👍🏽 1️⃣',
  nfd: '\u1100\u1161\u1109\u1161\u11bc\u1106\u1165\u1109\u1175\u11ab \u1109\u1165\u1107\u1165',
  cjk: '虚拟机管理平台和服务器集群的监控系统（测试环境）'
};

describe('Unicode labels in PNG and outline output', () => {
  /** A single node (nothing else drawn: no edges, no badges), its text as outlines. */
  async function single(label: string, view: 'graph' | 'blocks' = 'graph') {
    const d = makeDoc([`n os x`]);
    d.nodes[0].label = label;
    const svg = await svgOf(d, { view, markers: false }, true);
    const parsed = parseSvg(svg);
    const g = nodeGroups(parsed)[0];
    return {
      svg,
      rect: nodeRect(g),
      fill: hex(childElements(g, 'rect')[0].getAttribute('fill')!),
      background: hex(childElements(parsed.documentElement!, 'rect')[0].getAttribute('fill')!)
    };
  }

  for (const [name, label] of Object.entries(UNICODE_LABELS))
    for (const view of ['graph', 'blocks'] as const)
      it(`${name} (${view}): all ink inside the node box, text drawn inside it`, async () => {
        const { svg, rect, fill, background } = await single(label, view);
        // As the CLI draws a PNG: outlines, resvg with no font at all.
        const r = raster(svg, false);
        // Outside the box (and its 1.5 px border, anti-aliased): only background.
        const margin = 2;
        let outside = 0;
        for (let y = 0; y < r.height; y++)
          for (let x = 0; x < r.width; x++) {
            const inBox =
              x >= rect.x - margin &&
              x < rect.x + rect.width + margin &&
              y >= rect.y - margin &&
              y < rect.y + rect.height + margin;
            if (!inBox && distance(r.at(x, y), background) > 0) outside++;
          }
        expect(outside, `${label}: pixels drawn outside ${fmt(rect)}`).toBe(0);
        // Inside the padding, left and right of the text: the fill, no glyph reaching in.
        const inner = {
          x: rect.x + 3,
          y: rect.y + 3,
          width: rect.width - 6,
          height: rect.height - 6
        };
        for (const side of [
          { x: inner.x, y: inner.y, width: 4, height: inner.height },
          { x: inner.x + inner.width - 4, y: inner.y, width: 4, height: inner.height }
        ])
          expect(inkShare(r, side, fill), `${label}: ink in the side padding`).toBe(0);
        // And the text is there.
        expect(inkShare(r, inner, fill), label).toBeGreaterThan(0.04);
      });

  it('every character of these labels has a font: no placeholder, no missing-glyph box', () => {
    for (const label of Object.values(UNICODE_LABELS))
      for (const weight of [400, 600] as const)
        expect(
          fontsFor(label, weight).filter((f) => f.family === null),
          label
        ).toEqual([]);
    const families = (s: string) => new Set(fontsFor(s, 600).map((f) => f.family));
    expect(families('🐧')).toEqual(new Set(['Noto Emoji']));
    expect(families('虚拟机')).toEqual(new Set(['Noto Sans Hans']));
    expect(families('שרת')).toEqual(new Set(['Noto Sans Hebrew']));
    expect(families('خادم')).toEqual(new Set(['Noto Naskh Arabic']));
    expect(families('Linux 서버')).toEqual(new Set(['Pretendard']));
    // A character no shipped or system font has is a box with its code point, one em wide.
    expect(fontsFor('\u{10fffd}', 600)).toEqual([{ cluster: '\u{10fffd}', family: null }]);
    expect(fontOutliner()('\u{10fffd}', LABEL_FONT).width).toBe(LABEL_FONT.size);
  });

  /** One line of text at 28 px, rasterised: from our outlines, or as resvg draws <text>. */
  function line(content: { outline: string } | { text: string; family: string; file: string }) {
    const body =
      'outline' in content
        ? `<path transform="translate(8 40)" d="${fontOutliner()(content.outline, { size: 28, weight: 600 }).d}"/>`
        : `<text x="8" y="40" font-size="28" font-weight="600" font-family="${content.family}">${content.text}</text>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="56"><rect width="220" height="56" fill="#ffffff"/>${body}</svg>`;
    const files = 'file' in content ? [content.file] : [];
    const img = new Resvg(svg, {
      font: {
        loadSystemFonts: false,
        fontFiles: files,
        defaultFontFamily: 'file' in content ? content.family : ''
      }
    }).render();
    return img.pixels;
  }
  /** Share of pixels that differ clearly between two rasters of the same size. */
  const differ = (a: Uint8Array, b: Uint8Array) => {
    let n = 0;
    for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) > 96) n++;
    return n / (a.length / 4);
  };
  const ink = (a: Uint8Array) => differ(a, new Uint8Array(a.length).fill(255));

  it('the glyphs are the fallback fonts’ own: PNG pixels match resvg drawing them from the font file', () => {
    const file = (family: string) =>
      fontPath(
        FALLBACK_FONTS.find((f) => f.family === family)!,
        600
      );
    const samples = [
      { text: '🐧🐧', family: 'Noto Emoji' },
      { text: '虚拟机', family: 'Noto Sans Hans' },
      { text: 'שרת', family: 'Noto Sans Hebrew' }
    ];
    const tofu = line({ text: '虚拟机', family: 'Pretendard', file: fontFile(600) });
    for (const { text, family } of samples) {
      const ours = line({ outline: text });
      const theirs = line({ text, family, file: file(family) });
      expect(ink(ours), text).toBeGreaterThan(0.03);
      expect(differ(ours, theirs), `${text} differs from ${family}`).toBeLessThan(0.005);
      // And the test can tell: Pretendard alone draws missing-glyph boxes, not these.
      expect(differ(ours, tofu), `${text} vs missing-glyph boxes`).toBeGreaterThan(0.02);
    }
  });

  it('the widths the boxes are measured with hold the drawn text (outline advance ≤ measure)', () => {
    const outline = fontOutliner();
    for (const label of [...Object.values(UNICODE_LABELS), 'שרת ראשי', 'مرحبا بكم في الخادم'])
      for (const spec of [LABEL_FONT, { size: 11, weight: 400 } as const]) {
        const drawn = outline(label, spec).width;
        const measured = fontMeasure(label, spec);
        expect(drawn, label).toBeLessThanOrEqual(measured + 0.01);
        // Honest, not merely large: within a quarter of what is drawn.
        expect(measured, label).toBeLessThanOrEqual(drawn * 1.25 + 1);
      }
  });
});

const fmt = (b: Box) => `(${b.x}, ${b.y}, ${b.width}×${b.height})`;
