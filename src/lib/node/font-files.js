// @ts-check
/**
 * The fonts stackdraw draws with, all from npm packages (self-hosted: no network at run
 * time). Plain JavaScript, so that scripts/build-metrics.js (run by plain Node) and the
 * Node adapters (src/lib/node/fonts.ts) read the one list.
 *
 * The primary font draws every character it has. The fallbacks draw, in this order, what
 * it lacks, glyph by glyph: in PNG and `--text outline` output, and the advance widths the
 * core measures with (src/lib/core/layout/metrics-data.ts, generated from these files).
 * Files per weight: 400 for captions, 600 for labels (a package's nearest weight when it
 * has no 600: CSS font matching also takes the next bolder weight for 600).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @typedef {object} FontPackage
 * @property {string} family  the font's family name
 * @property {string} package  the npm package that ships it
 * @property {string} licence  SPDX identifier of the font's licence
 * @property {string} covers  what it draws for stackdraw
 * @property {boolean} [emoji]  draws emoji: preferred for emoji sequences (RGI_Emoji)
 * @property {Record<400 | 600, string>} files  font files per weight, inside the package
 */

/** @type {FontPackage} */
export const PRIMARY_FONT = {
  family: 'Pretendard',
  package: 'pretendard',
  licence: 'OFL-1.1',
  covers: 'Latin, Greek, Cyrillic, Hangul syllables, kana, symbols',
  files: {
    400: 'dist/public/static/Pretendard-Regular.otf',
    600: 'dist/public/static/Pretendard-SemiBold.otf'
  }
};

/** @type {FontPackage[]} */
export const FALLBACK_FONTS = [
  {
    family: 'Noto Sans Hans',
    package: '@embedpdf/fonts-sc',
    licence: 'OFL-1.1',
    covers: 'CJK ideographs (Unified and Extension A), CJK punctuation, fullwidth forms',
    files: { 400: 'fonts/NotoSansHans-Regular.otf', 600: 'fonts/NotoSansHans-Bold.otf' }
  },
  {
    family: 'Noto Sans Hebrew',
    package: '@embedpdf/fonts-hebrew',
    licence: 'OFL-1.1',
    covers: 'Hebrew',
    files: { 400: 'fonts/NotoSansHebrew-Regular.ttf', 600: 'fonts/NotoSansHebrew-Bold.ttf' }
  },
  {
    family: 'Noto Naskh Arabic',
    package: '@embedpdf/fonts-arabic',
    licence: 'OFL-1.1',
    covers: 'Arabic',
    files: { 400: 'fonts/NotoNaskhArabic-Regular.ttf', 600: 'fonts/NotoNaskhArabic-Bold.ttf' }
  },
  {
    family: 'Noto Emoji',
    package: '@expo-google-fonts/noto-emoji',
    licence: 'OFL-1.1',
    covers: 'emoji, monochrome; ZWJ sequences, flags and keycaps as one glyph',
    emoji: true,
    files: {
      400: '400Regular/NotoEmoji_400Regular.ttf',
      600: '600SemiBold/NotoEmoji_600SemiBold.ttf'
    }
  }
];

const require = createRequire(import.meta.url);

/**
 * The folder an installed package lives in. Some packages export no `package.json`
 * (their `exports` list only their entry), so walk up from the entry instead.
 * @param {string} name
 * @returns {string}
 */
function packageRoot(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json'))) {
      const up = dirname(dir);
      if (up === dir) throw new Error(`cannot find the folder of the package ${name}`);
      dir = up;
    }
    return dir;
  }
}

/**
 * Absolute path of a font file of `font` at `weight`.
 * @param {FontPackage} font
 * @param {400 | 600} weight
 * @returns {string}
 */
export function fontPath(font, weight) {
  return join(packageRoot(font.package), font.files[weight]);
}

/**
 * The primary font's file (Pretendard) at `weight`.
 * @param {400 | 600} weight
 * @returns {string}
 */
export function fontFile(weight) {
  return fontPath(PRIMARY_FONT, weight);
}
