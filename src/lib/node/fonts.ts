import bidiFactory from 'bidi-js';
import type * as Fontkit from 'fontkit';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FontSources } from '../core/export/pipeline';
import type { HarfBuzzSubset } from '../core/export/subset';
import type { OutlineText } from '../core/export/svg';
import { graphemes } from '../core/layout/text';
import type { FontSpec } from '../core/layout/text';
import { FALLBACK_FONTS, PRIMARY_FONT, fontFile, fontPath } from './font-files.js';

/**
 * The shipped fonts (Pretendard, and the fallback fonts of src/lib/node/font-files.js, all
 * from npm packages: self-hosted, no network), HarfBuzz's subsetter, and text as outlines
 * with per-glyph fallback, for Node.
 */
const require = createRequire(import.meta.url);

export { fontFile };

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

/** One font of the fallback chain. */
interface Face {
  /** Family name, for reports (the shipped list's name, or the font's own). */
  family: string;
  font: Fontkit.Font;
  /** From the system's fonts (not shipped). */
  system: boolean;
  /** The shipped emoji font. */
  emoji?: boolean;
}

/**
 * The fonts tried, in order, for a grapheme cluster at one weight: Pretendard, the shipped
 * fallbacks (the emoji font first for an emoji sequence), then the system's fonts, opened
 * one at a time as a cluster needs them, in the sorted order of their paths.
 */
interface Chain {
  primary: Face;
  fallbacks: Face[];
  emoji: Face[];
  /** The system's fonts opened so far. */
  system: Face[];
  systemFiles: string[] | undefined;
  /** Index of the next system font file to open. */
  nextSystemFile: number;
  /** Cluster → face (null: no font has it; a placeholder box is drawn). */
  faces: Map<string, Face | null>;
}

const chains = new Map<400 | 600, Chain>();

function openFont(path: string): Fontkit.Font[] {
  // Loaded on first use: only outlines (PNG, `--text outline`) need fontkit, and it takes a
  // noticeable part of a second to load.
  const fontkit = require('fontkit') as typeof Fontkit;
  const f = fontkit.openSync(path);
  return 'fonts' in f ? f.fonts : [f];
}

function chainFor(weight: 400 | 600): Chain {
  let c = chains.get(weight);
  if (!c) {
    const primary: Face = {
      family: PRIMARY_FONT.family,
      font: openFont(fontFile(weight))[0],
      system: false
    };
    // Opened when first needed: most labels never reach a fallback.
    const fallbacks = FALLBACK_FONTS.map((f): Face => {
      let font: Fontkit.Font | undefined;
      return {
        family: f.family,
        get font() {
          return (font ??= openFont(fontPath(f, weight))[0]);
        },
        system: false,
        emoji: f.emoji === true
      };
    });
    c = {
      primary,
      fallbacks,
      emoji: fallbacks.filter((f) => f.emoji),
      system: [],
      systemFiles: undefined,
      nextSystemFile: 0,
      faces: new Map()
    };
    chains.set(weight, c);
  }
  return c;
}

/** Where operating systems keep fonts (all that exist are searched). */
function systemFontDirs(): string[] {
  const home = homedir();
  if (process.platform === 'darwin')
    return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library/Fonts')];
  if (process.platform === 'win32') {
    const dirs = [join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts')];
    if (process.env.LOCALAPPDATA)
      dirs.push(join(process.env.LOCALAPPDATA, 'Microsoft/Windows/Fonts'));
    return dirs;
  }
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local/share/fonts'),
    join(home, '.fonts')
  ];
}

/** Every font file under the system's font folders, sorted (the same order on every run). */
export function systemFontFiles(dirs: readonly string[] = systemFontDirs()): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (depth < 8) walk(path, depth + 1);
      } else if (/\.(ttf|otf|ttc|otc)$/i.test(name)) files.push(path);
    }
  };
  for (const d of dirs) walk(d, 0);
  return files.sort();
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

/** The code points a font must have to draw a cluster (not ZWJ, variation selectors…). */
function needed(cluster: string): number[] {
  return Array.from(cluster)
    .filter((ch) => !IGNORABLE.test(ch))
    .map((ch) => ch.codePointAt(0)!);
}

function covers(face: Face, cps: readonly number[]): boolean {
  if (!cps.every((cp) => face.font.hasGlyphForCodePoint(cp))) return false;
  // A system font may map a character to an empty glyph (a colour-bitmap emoji font has
  // no outlines): it does not draw it here.
  if (!face.system) return true;
  const g = face.font.glyphForCodePoint(cps[0]);
  return g.path.commands.length > 0 || /^\s$/u.test(String.fromCodePoint(cps[0]));
}

function faceFor(chain: Chain, cluster: string): Face | null {
  const known = chain.faces.get(cluster);
  if (known !== undefined) return known;
  const cps = needed(cluster);
  let face: Face | null = null;
  if (cps.length === 0) face = chain.primary;
  else {
    const order = RGI_EMOJI.test(cluster)
      ? [...chain.emoji, chain.primary, ...chain.fallbacks]
      : [chain.primary, ...chain.fallbacks];
    face = order.find((f) => covers(f, cps)) ?? chain.system.find((f) => covers(f, cps)) ?? null;
    // Open more of the system's fonts until one has the cluster.
    if (!face) chain.systemFiles ??= systemFontFiles();
    while (!face && chain.nextSystemFile < chain.systemFiles!.length) {
      const path = chain.systemFiles![chain.nextSystemFile++];
      let opened: Fontkit.Font[] = [];
      try {
        opened = openFont(path);
      } catch {
        // Not a font fontkit reads: skip it.
      }
      for (const font of opened) {
        const f: Face = { family: font.familyName ?? path, font, system: true };
        chain.system.push(f);
        if (!face && covers(f, cps)) face = f;
      }
    }
  }
  chain.faces.set(cluster, face);
  return face;
}

let bidi: ReturnType<typeof bidiFactory> | undefined;

interface Run {
  text: string;
  face: Face | null;
  /** Bidi embedding level: odd is right-to-left. */
  level: number;
}

/**
 * A line of text cut into runs of one font and one direction, in visual order (left to
 * right), with right-to-left text mirrored where Unicode says so (brackets).
 */
function runs(text: string, chain: Chain): Run[] {
  bidi ??= bidiFactory();
  // Base direction left to right, as an SVG <text> without a direction is laid out.
  const levels = bidi.getEmbeddingLevels(text, 'ltr');
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  let at = 0;
  const out: Run[] = [];
  for (const cluster of graphemes(text)) {
    const level = levels.levels[at];
    let drawn = '';
    for (let i = 0; i < cluster.length; i++) drawn += mirrored.get(at + i) ?? cluster[i];
    at += cluster.length;
    const face = faceFor(chain, drawn);
    const last = out[out.length - 1];
    if (last && last.face === face && last.level === level) last.text += drawn;
    else out.push({ text: drawn, face, level });
  }
  // Unicode Bidirectional Algorithm, rule L2: from the highest level down to the lowest odd
  // one, reverse every stretch of runs at that level or higher.
  const max = Math.max(0, ...out.map((r) => r.level));
  const lowestOdd = Math.min(max + 1, ...out.filter((r) => r.level % 2 === 1).map((r) => r.level));
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length;) {
      if (out[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j].level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

const round = (v: number) => {
  const x = Math.round(v * 100) / 100;
  return Object.is(x, -0) ? '0' : String(x);
};

const OPS = {
  moveTo: 'M',
  lineTo: 'L',
  quadraticCurveTo: 'Q',
  bezierCurveTo: 'C',
  closePath: 'Z'
} as const;

/** Path data of a glyph at (ox, oy) px, `scale` px per font unit (font units are y-up). */
function glyphPath(glyph: Fontkit.Glyph, ox: number, oy: number, scale: number): string {
  const parts: string[] = [];
  for (const cmd of glyph.path.commands) {
    const args = cmd.args;
    const pts: string[] = [];
    for (let k = 0; k < args.length; k += 2)
      pts.push(`${round(ox + args[k] * scale)} ${round(oy - args[k + 1] * scale)}`);
    parts.push(OPS[cmd.command as keyof typeof OPS] + pts.join(' '));
  }
  return parts.join('');
}

/**
 * What is drawn for a character no font has: a box one em wide (the width the core measures
 * it with) with its code point in hexadecimal inside, in Pretendard's digits.
 */
function placeholder(cp: number, x: number, size: number, digits: Fontkit.Font): string {
  const l = x + 0.08 * size;
  const r = x + 0.92 * size;
  const top = -0.8 * size;
  const bottom = 0.1 * size;
  const t = 0.06 * size;
  // Outer rectangle clockwise, inner one anticlockwise: a frame (non-zero fill).
  const frame =
    `M${round(l)} ${round(top)}L${round(r)} ${round(top)}L${round(r)} ${round(bottom)}L${round(l)} ${round(bottom)}Z` +
    `M${round(l + t)} ${round(top + t)}L${round(l + t)} ${round(bottom - t)}L${round(r - t)} ${round(bottom - t)}L${round(r - t)} ${round(top + t)}Z`;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const half = Math.ceil(hex.length / 2);
  const rows = [hex.slice(0, half), hex.slice(half)];
  const scale = (0.3 * size) / digits.unitsPerEm;
  const parts = [frame];
  rows.forEach((row, i) => {
    const run = digits.layout(row);
    let gx = x + (size - run.advanceWidth * scale) / 2;
    const baseline = (-0.42 + i * 0.36) * size;
    run.glyphs.forEach((g, k) => {
      parts.push(glyphPath(g, gx, baseline, scale));
      gx += run.positions[k].xAdvance * scale;
    });
  });
  return parts.join('');
}

/** Which font draws each grapheme cluster of `text` at `weight` (null: a placeholder box). */
export function fontsFor(
  text: string,
  weight: 400 | 600
): { cluster: string; family: string | null }[] {
  const chain = chainFor(weight);
  return graphemes(text.normalize('NFC')).map((cluster) => ({
    cluster,
    family: faceFor(chain, cluster)?.family ?? null
  }));
}

/**
 * Text as SVG path data (baseline origin at 0,0, y down, px) and its advance width in px,
 * from the fonts' glyph outlines: text is composed to NFC, each grapheme cluster is drawn
 * with the first font that has all of it (Pretendard, then the shipped fallbacks: CJK
 * ideographs, Hebrew, Arabic, emoji, then the system's fonts; the emoji font first for an
 * emoji sequence), each run shaped by fontkit (ligatures, Arabic joining, kerning), runs
 * ordered by the Unicode Bidirectional Algorithm (bidi-js) with a left-to-right base, and a
 * character no font has drawn as a box with its code point.
 */
export function fontOutliner(): OutlineText {
  // The same words come back many times in one picture (captions, "ESXi" on every host):
  // each is shaped and drawn once. Shaping is most of an outlined export's time.
  const drawn = new Map<string, { d: string; width: number }>();
  return (text: string, spec: FontSpec) => {
    const key = `${spec.weight} ${spec.size} ${text}`;
    let out = drawn.get(key);
    if (!out) {
      out = outline(text, spec);
      drawn.set(key, out);
    }
    return out;
  };
}

/** `text` as glyph outlines at the origin (see `fontOutliner`). */
function outline(text: string, spec: FontSpec): { d: string; width: number } {
  const chain = chainFor(spec.weight);
  const parts: string[] = [];
  let x = 0;
  for (const run of runs(text.normalize('NFC'), chain)) {
    if (!run.face) {
      for (const cp of needed(run.text)) {
        parts.push(placeholder(cp, x, spec.size, chain.primary.font));
        x += spec.size;
      }
      continue;
    }
    const font = run.face.font;
    const scale = spec.size / font.unitsPerEm;
    const shaped = font.layout(
      run.text,
      undefined,
      undefined,
      undefined,
      run.level % 2 === 1 ? 'rtl' : 'ltr'
    );
    shaped.glyphs.forEach((glyph, i) => {
      const pos = shaped.positions[i];
      parts.push(glyphPath(glyph, x + pos.xOffset * scale, -pos.yOffset * scale, scale));
      x += pos.xAdvance * scale;
    });
  }
  return { d: parts.join(''), width: x };
}
