/**
 * Bytes → text, strictly. One decoder for the CLI (files and standard input) and the editor
 * (files the user opens), so both read the same bytes the same way and neither ever turns a
 * byte it cannot read into U+FFFD: a document read with replacements and written back would
 * silently destroy the user's bytes.
 *
 * Accepted: UTF-8 (with or without a byte-order mark), UTF-16 LE and BE with a byte-order
 * mark (what Windows PowerShell's `>` writes). Everything else is an input error that names
 * the byte offset and the line.
 */

import { keyed, type ReaderMessage, type Utf8Problem } from './read-messages';

/** Why bytes could not be read as text. `offset` is 0-based, in bytes; `line` is 1-based. */
export interface DecodeError {
  code: 'bad-encoding';
  path: '$';
  message: string;
  /** The message as a catalog key and parameters (read-messages.ts). */
  msg: ReaderMessage;
  /** Byte offset (0-based) of the first byte that cannot be read. */
  offset: number;
  /** Line (1-based) of that byte: 1 + the number of line feeds before it. */
  line: number;
}

export type Decoded = { ok: true; text: string } | { ok: false; error: DecodeError };

/** 1 + the number of line feeds in `bytes` before `offset` (for UTF-8 and single bytes). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function fail(offset: number, line: number, message: ReaderMessage): Decoded {
  return { ok: false, error: { code: 'bad-encoding', path: '$', offset, line, ...keyed(message) } };
}

/**
 * The first byte offset at which `bytes` stops being well-formed UTF-8 (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), with the problem (said in words by
 * the reader's catalogs); undefined when all of it is well-formed.
 */
export function findInvalidUtf8(
  bytes: Uint8Array
): { offset: number; problem: Utf8Problem } | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else {
      return { offset: i, problem: { t: b <= 0xbf ? 'continuation' : 'never', byte: b } };
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) {
        return { offset: i, problem: { t: 'truncated', byte: b } };
      }
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) {
        return { offset: i, problem: { t: 'badFollow', byte: b, next: c, at: i + k } };
      }
    }
    i += need + 1;
  }
  return undefined;
}

let utf8: TextDecoder | undefined;

/** UTF-8 from `start` on (after a byte-order mark); offsets count from the file's first byte. */
function decodeUtf8(bytes: Uint8Array, start: number): Decoded {
  // The native decoder first (fast); only a failure pays for finding the offset.
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return { ok: true, text: utf8.decode(start ? bytes.subarray(start) : bytes) };
  } catch {
    const bad = findInvalidUtf8(bytes.subarray(start)) ?? { offset: 0, problem: { t: 'other' } };
    const offset = start + bad.offset;
    const line = lineAt(bytes, offset);
    // Offsets count from the file's first byte, the byte-order mark included.
    const p = bad.problem;
    const reason = p.t === 'badFollow' ? { ...p, at: p.at + start } : p;
    return fail(offset, line, { key: 'notUtf8', offset, line, reason });
  }
}

/** UTF-16 (after its 2-byte byte-order mark), strictly: an odd length or an unpaired surrogate is an error. */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): Decoded {
  const encoding = littleEndian ? 'UTF-16 LE' : 'UTF-16 BE';
  const units = (bytes.length - 2) >> 1;
  const codes = new Uint16Array(units);
  let line = 1;
  const bad = (offset: number, problem: 'high' | 'low' | 'truncated') =>
    fail(offset, line, { key: 'notUtf16', encoding, offset, line, problem });
  for (let u = 0, i = 2; u < units; u++, i += 2) {
    const c = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    codes[u] = c;
    if (c === 10) line++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next =
        u + 1 < units
          ? littleEndian
            ? bytes[i + 2] | (bytes[i + 3] << 8)
            : (bytes[i + 2] << 8) | bytes[i + 3]
          : -1;
      if (next < 0xdc00 || next > 0xdfff) return bad(i, 'high');
      codes[++u] = next;
      i += 2;
    } else if (c >= 0xdc00 && c <= 0xdfff) return bad(i, 'low');
  }
  if ((bytes.length & 1) === 1) return bad(bytes.length - 1, 'truncated');
  // Code units to a string in slices (fromCharCode takes a bounded number of arguments).
  const parts: string[] = [];
  for (let u = 0; u < units; u += 8192) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(u, u + 8192) as unknown as number[]));
  }
  return { ok: true, text: parts.join('') };
}

/**
 * Decode the bytes of a document: UTF-8 (a leading byte-order mark is dropped), or UTF-16
 * LE / BE when the bytes start with its byte-order mark (FF FE / FE FF). Strict: a byte
 * sequence that is not a character is an error, never a U+FFFD replacement.
 *
 * Errors (`code: 'bad-encoding'`, path `$`) carry the 0-based byte `offset` and the 1-based
 * `line` of the first bad byte, and say so in the message; UTF-32, and UTF-16 without a
 * byte-order mark (a NUL in the first two bytes), are refused with a message asking for UTF-8.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  const [b0, b1, b2, b3] = bytes;
  if (
    bytes.length >= 4 &&
    ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
      (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff))
  ) {
    return fail(0, 1, { key: 'utf32' });
  }
  if (bytes.length >= 2 && b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, true);
  if (bytes.length >= 2 && b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, false);
  const start = bytes.length >= 3 && b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  if (bytes.length >= start + 2 && (bytes[start] === 0 || bytes[start + 1] === 0)) {
    const at = bytes[start] === 0 ? start : start + 1;
    return fail(at, 1, { key: 'noBom', offset: at });
  }
  return decodeUtf8(bytes, start);
}
