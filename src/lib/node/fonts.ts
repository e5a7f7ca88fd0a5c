import type * as Fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontSources } from '../core/export/pipeline';
import type { HarfBuzzSubset } from '../core/export/subset';
import type { OutlineText } from '../core/export/svg';
import type { FontSpec } from '../core/layout/text';

/**
 * The shipped font (Pretendard, from the `pretendard` npm package: self-hosted, no
 * network) and HarfBuzz's subsetter, for Node.
 */
const require = createRequire(import.meta.url);

export function fontFile(weight: 400 | 600): string {
  const root = dirname(require.resolve('pretendard/package.json'));
  return join(
    root,
    'dist/public/static',
    weight === 600 ? 'Pretendard-SemiBold.otf' : 'Pretendard-Regular.otf'
  );
}

let hb: Promise<HarfBuzzSubset> | undefined;

export function loadHarfBuzz(): Promise<HarfBuzzSubset> {
  hb ??= (async () => {
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const exports = instance.exports as unknown as HarfBuzzSubset & { _initialize?: () => void };
    exports._initialize?.();
    return exports;
  })();
  return hb;
}

export async function loadFontSources(): Promise<FontSources> {
  return {
    hb: await loadHarfBuzz(),
    regular: new Uint8Array(readFileSync(fontFile(400))),
    semibold: new Uint8Array(readFileSync(fontFile(600)))
  };
}

/** Text as SVG path data (baseline origin at 0,0), from the font's glyph outlines. */
export function fontOutliner(): OutlineText {
  const fonts = new Map<number, Fontkit.Font>();
  const fontFor = (weight: 400 | 600) => {
    let f = fonts.get(weight);
    if (!f) {
      // Loaded on first use: only `--text outline` needs fontkit, and it takes a noticeable
      // part of a second to load.
      const fontkit = require('fontkit') as typeof Fontkit;
      f = fontkit.openSync(fontFile(weight)) as Fontkit.Font;
      fonts.set(weight, f);
    }
    return f;
  };
  const r = (v: number) => {
    const x = Math.round(v * 100) / 100;
    return Object.is(x, -0) ? '0' : String(x);
  };
  return (text: string, spec: FontSpec) => {
    const font = fontFor(spec.weight);
    const scale = spec.size / font.unitsPerEm;
    const run = font.layout(text);
    const parts: string[] = [];
    let x = 0;
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i];
      const ox = (x + pos.xOffset) * scale;
      const oy = pos.yOffset * scale;
      // Font units are y-up; SVG is y-down.
      for (const cmd of glyph.path.commands) {
        const args = cmd.args;
        const pts: string[] = [];
        for (let k = 0; k < args.length; k += 2)
          pts.push(`${r(ox + args[k] * scale)} ${r(oy - args[k + 1] * scale)}`);
        const op = {
          moveTo: 'M',
          lineTo: 'L',
          quadraticCurveTo: 'Q',
          bezierCurveTo: 'C',
          closePath: 'Z'
        }[cmd.command];
        parts.push(op + pts.join(' '));
      }
      x += pos.xAdvance;
    });
    return { d: parts.join(''), width: x * scale };
  };
}
