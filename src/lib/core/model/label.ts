/**
 * Characters that show nothing by themselves: white space, control and format characters
 * (U+200B zero-width space, U+200D joiner, U+FEFF, bidi controls U+202A–U+202E, U+2066–U+2069)
 * and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the blank Braille pattern U+2800.
 */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/**
 * Whether a label has no visible character (empty, only spaces, only zero-width or control
 * characters). The editor treats such a label as empty: renaming to it keeps the old label.
 */
export function isBlankLabel(label: string): boolean {
  return INVISIBLE.test(label);
}
