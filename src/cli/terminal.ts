/**
 * Text that comes from a document or from the command line (labels, ids, file names,
 * messages quoting them) made safe to print in a terminal or a CI log: C0 controls
 * (U+0000–U+001F, newline and tab included), DEL and C1 controls (U+007F–U+009F) are shown
 * as `\xHH`, and the Unicode bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069) and line/paragraph separators (U+2028, U+2029) as `\uHHHH`. So a label
 * cannot move the cursor, erase or recolour a line, start a new one, or reorder what the
 * terminal shows (`ESC[2K\r` followed by a fake "valid" prints as `\x1b[2K\x0d…`).
 *
 * Applied to the pieces of a line before any colour is added, whether colour is on or not.
 * JSON output goes through `jsonSafe`: the same characters as `\uHHHH` escapes, which a JSON
 * reader turns back into the same text.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const escape = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every terminal control character shown escaped (see above); same text when none. */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escape) : text;
}

/**
 * JSON text (from JSON.stringify) with the characters `terminalSafe` escapes that JSON.stringify
 * leaves raw (DEL, C1 controls, bidi controls, U+2028, U+2029) written as `\uHHHH` escapes:
 * the same JSON value, but `cat`-ing it cannot reorder or recolour a terminal. These
 * characters only occur inside JSON strings, where the escape is valid.
 */
export function jsonSafe(json: string): string {
  return JSON_UNSAFE.test(json)
    ? json.replace(JSON_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

/** What JSON.stringify leaves raw (C0 controls it escapes; the rest is its own white space). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

/** Text of a report line: labels as NFC (macOS writes NFD Hangul), then terminal-safe. */
export function textSafe(text: string): string {
  return terminalSafe(text.normalize('NFC'));
}
