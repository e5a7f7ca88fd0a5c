/** XML helpers for the SVG export: every string that reaches the output passes here. */

/**
 * Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF) become
 * U+FFFD, so any Unicode label gives a well-formed document.
 */
// Controls other than tab, LF and CR; U+FFFE/U+FFFF; surrogates without their pair.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}

export function escapeText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Fixed number format: at most two decimals, no trailing zeros, no "-0". */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/**
 * JSON that is safe as XML text: `&`, `<` and `>` are written as JSON escapes (\u0026 …),
 * so the text needs no XML entities and JSON.parse gives the original back. So are U+FFFE
 * and U+FFFF, which XML cannot carry (JSON.stringify already escapes controls and lone
 * surrogates): every string comes back exactly, none is replaced.
 */
export function jsonForXml(value: unknown): string {
  return xmlSafe(
    JSON.stringify(value)
      .replace(/&/g, '\\u0026')
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/\ufffe/g, '\\ufffe')
      .replace(/\uffff/g, '\\uffff')
  );
}
