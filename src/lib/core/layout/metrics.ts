import { FONT_METRICS, type FontMetricsData } from './metrics-data';
import type { MeasureText } from './text';

/**
 * Text width from the shipped font's own metrics (advances and ASCII kerning, generated
 * from Pretendard by scripts/build-metrics.js). The same numbers in Node and in the
 * browser: a label measured by the CLI and by the editor gets the same box.
 */
type Metrics = FontMetricsData;

interface Table {
  upem: number;
  notdef: number;
  hangul: number;
  advance: Map<number, number>;
  kern: Map<string, number>;
}

const tables = new Map<Metrics, Table>();

function table(m: Metrics): Table {
  let t = tables.get(m);
  if (!t) {
    const advance = new Map<number, number>();
    for (const [first, advances] of m.runs) advances.forEach((a, i) => advance.set(first + i, a));
    t = {
      upem: m.unitsPerEm,
      notdef: m.notdef,
      hangul: m.hangul,
      advance,
      kern: new Map(Object.entries(m.kern))
    };
    tables.set(m, t);
  }
  return t;
}

function advanceOf(t: Table, cp: number): number {
  if (cp >= 0xac00 && cp <= 0xd7a3) return t.hangul;
  const a = t.advance.get(cp);
  if (a !== undefined) return a;
  // Not in the font: a viewer draws it from a fallback font; assume a full em (emoji, CJK).
  return cp >= 0x2e80 ? t.upem : t.notdef;
}

/** Width in font units. */
export function unitsWidth(text: string, weight: 400 | 600): { units: number; upem: number } {
  const t = table(weight === 600 ? FONT_METRICS.semibold : FONT_METRICS.regular);
  let units = 0;
  let prev = -1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    units += advanceOf(t, cp);
    if (prev >= 32 && prev < 127 && cp >= 32 && cp < 127) {
      units += t.kern.get(String.fromCharCode(prev, cp)) ?? 0;
    }
    prev = cp;
  }
  return { units, upem: t.upem };
}

export const fontMeasure: MeasureText = (text, font) => {
  const { units, upem } = unitsWidth(text, font.weight);
  return (units * font.size) / upem;
};
