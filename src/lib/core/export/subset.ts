import { base64 } from './base64';
import { FONT_FAMILY } from '../layout/text';

/**
 * Font subsetting with HarfBuzz (its WebAssembly build, harfbuzzjs): keeps only the glyphs
 * a diagram uses, so the export can embed its font and still be small. The caller
 * instantiates the wasm (from a file in Node, from a URL in the browser) and passes its
 * exports; the same wasm and font give the same bytes in both.
 */
export interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

/** The font reduced to the code points of `text` (plus what shaping needs). */
export function subsetFont(hb: HarfBuzzSubset, font: Uint8Array, text: string): Uint8Array {
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('HarfBuzz could not create a subset input');
  const unicodes = hb.hb_subset_input_unicode_set(input);
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!seen.has(cp)) {
      seen.add(cp);
      hb.hb_set_add(unicodes, cp);
    }
  }
  hb.hb_subset_input_set_flags(
    input,
    hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING
  );

  const ptr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, ptr);
  const blob = hb.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    const result = hb.hb_subset_or_fail(face, input);
    if (!result) throw new Error('HarfBuzz could not subset the font');
    const out = hb.hb_face_reference_blob(result);
    const data = hb.hb_blob_get_data(out, 0);
    const length = hb.hb_blob_get_length(out);
    // Copy out before freeing: the wasm memory may move.
    const bytes = new Uint8Array(hb.memory.buffer).slice(data, data + length);
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(result);
    if (length === 0) throw new Error('HarfBuzz returned an empty subset');
    return bytes;
  } finally {
    hb.hb_face_destroy(face);
    hb.hb_subset_input_destroy(input);
    hb.free(ptr);
  }
}

export interface EmbeddedFont {
  weight: 400 | 600;
  /** OpenType bytes (a subset). */
  bytes: Uint8Array;
}

/** `@font-face` rules carrying the fonts as data: URLs (no external reference). */
export function fontFaceCss(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:${FONT_FAMILY};font-weight:${f.weight};src:url(data:font/otf;base64,${base64(f.bytes)}) format('opentype')}`
    )
    .join('');
}
