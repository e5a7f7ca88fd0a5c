/**
 * The exported SVG rasterised with resvg (as the CLI's PNG export does), looking at pixels:
 * every node box is painted, Korean labels are drawn with the shipped font, and outlined
 * text needs no font at all. Pixels come from resvg's raw RGBA buffer.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeElk } from '../../node/elk';
import { fontFile, fontOutliner, loadFontSources } from '../../node/fonts';
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

const fmt = (b: Box) => `(${b.x}, ${b.y}, ${b.width}×${b.height})`;
