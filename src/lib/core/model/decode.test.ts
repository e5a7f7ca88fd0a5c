import { describe, expect, it } from 'vitest';
import { decodeInput, findInvalidUtf8 } from './decode';
import { READER_CATALOGS } from './read-messages';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | ArrayLike<number>)[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** UTF-16 with a byte-order mark, as `iconv -t UTF-16` (LE) or `-t UTF-16BE` plus a BOM writes it. */
function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return out;
}

function decodeError(b: Uint8Array) {
  const r = decodeInput(b);
  if (r.ok) throw new Error(`expected a decoding error, got ${JSON.stringify(r.text)}`);
  return r.error;
}

const DOC = '{"version":1,"nodes":[{"id":"가","kind":"os","label":"Ubuntu 🐧"}],"edges":[]}';

describe('decodeInput: what it reads', () => {
  it('UTF-8, with and without a byte-order mark (the mark is dropped)', () => {
    expect(decodeInput(utf8(DOC))).toEqual({ ok: true, text: DOC });
    expect(decodeInput(bytes([0xef, 0xbb, 0xbf], DOC))).toEqual({ ok: true, text: DOC });
  });

  it('CRLF line ends are kept as they are', () => {
    const crlf = '{\r\n  "nodes": []\r\n}\r\n';
    expect(decodeInput(utf8(crlf))).toEqual({ ok: true, text: crlf });
  });

  it('UTF-16 LE with its byte-order mark (Windows PowerShell `>`), Hangul and emoji included', () => {
    expect(decodeInput(utf16(DOC, true))).toEqual({ ok: true, text: DOC });
  });

  it('UTF-16 BE with its byte-order mark', () => {
    expect(decodeInput(utf16(DOC, false))).toEqual({ ok: true, text: DOC });
  });

  it('what `iconv -t UTF-16` writes for the issue input, byte for byte', () => {
    // printf '{"version":1,"nodes":[],"edges":[]}' | iconv -t UTF-16 | xxd -p
    const text = '{"version":1,"nodes":[],"edges":[]}';
    const le = [0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])];
    expect(decodeInput(Uint8Array.from(le))).toEqual({ ok: true, text });
  });

  it('a long UTF-16 text (over one conversion slice)', () => {
    const long = '한'.repeat(50_000) + 'x';
    expect(decodeInput(utf16(long, true))).toEqual({ ok: true, text: long });
  });

  it('empty input is empty text', () => {
    expect(decodeInput(new Uint8Array())).toEqual({ ok: true, text: '' });
  });
});

describe('decodeInput: invalid bytes are errors with their byte offset and line, never U+FFFD', () => {
  it('a Latin-1 byte in UTF-8 text (the issue input kind)', () => {
    // "café" written in Latin-1: 0xe9 followed by '"', on line 2.
    const b = bytes('{\n  "title": "caf', [0xe9], '",\n  "nodes": []\n}');
    const e = decodeError(b);
    expect(e).toMatchObject({ code: 'bad-encoding', path: '$', offset: 17, line: 2 });
    expect(e.message).toMatch(/^not valid UTF-8 at byte offset 17 \(line 2\): /);
    expect(e.message).toContain('0xe9');
    expect(e.message).toContain('save it as UTF-8');
  });

  it('a byte that never appears in UTF-8 (0xff), after multi-byte characters', () => {
    const b = bytes('{"label":"가나', [0xff], '"}');
    expect(decodeError(b)).toMatchObject({ offset: 16, line: 1 });
    expect(decodeError(b).message).toContain('byte 0xff never appears in UTF-8');
  });

  it('EUC-KR text (Korean Windows) is refused at its first byte', () => {
    // "서버" in EUC-KR: bc ad b9 f6
    const b = bytes('{"label":"', [0xbc, 0xad, 0xb9, 0xf6], '"}');
    expect(decodeError(b)).toMatchObject({ offset: 10, line: 1 });
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong "/" (C0 AF)', [0xc0, 0xaf]],
    ['an overlong 3-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf]],
    ['a UTF-16 surrogate in UTF-8 (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
    ['a lead byte followed by ASCII', [0xe2, 0x82, 0x41]],
    ['a character cut off by the end of the input', [0xe2, 0x82]]
  ])('%s', (_what, bad) => {
    const b = bytes('ok\nok\n', bad);
    expect(findInvalidUtf8(b)?.offset).toBe(6);
    expect(decodeError(b)).toMatchObject({ code: 'bad-encoding', offset: 6, line: 3 });
    // The reason in Korean: no English word left besides the bytes and "UTF-8".
    const ko = READER_CATALOGS.ko.utf8(findInvalidUtf8(b)!.problem);
    expect(ko.replace(/0x[0-9a-f]{2}|UTF-8/g, '')).toMatch(
      /^[^A-Za-z]*\p{Script=Hangul}[^A-Za-z]*$/u
    );
  });

  it('offsets count the UTF-8 byte-order mark', () => {
    expect(decodeError(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toMatchObject({ offset: 5 });
    expect(decodeError(bytes([0xef, 0xbb, 0xbf], 'ab', [0xe2, 0x41])).message).toBe(
      'not valid UTF-8 at byte offset 5 (line 1): byte 0xe2 is not followed by a valid character (0x41 at byte offset 6); the file may be in another encoding (Latin-1, Windows-1252, EUC-KR…): save it as UTF-8'
    );
  });

  it('findInvalidUtf8 accepts every well-formed character', () => {
    expect(findInvalidUtf8(utf8('a ü € 한 🐧 \u{10ffff} \u{800} \u{ffff}'))).toBeUndefined();
  });

  it('UTF-16 with an unpaired surrogate: byte offset and line', () => {
    const b = utf16('{\n"a":"x', true);
    const bad = bytes(b, [0x00, 0xd8], utf16('"}', true).subarray(2)); // U+D800 alone
    expect(decodeError(bad)).toMatchObject({ code: 'bad-encoding', offset: 18, line: 2 });
    expect(decodeError(bad).message).toMatch(/^not valid UTF-16 LE at byte offset 18 \(line 2\)/);
  });

  it('UTF-16 BE with a low surrogate first, and UTF-16 cut in the middle of a unit', () => {
    const b = bytes(utf16('ab', false), [0xdc, 0x00]);
    expect(decodeError(b)).toMatchObject({ offset: 6, line: 1 });
    expect(decodeError(bytes(utf16('ab', true), [0x41]))).toMatchObject({ offset: 6 });
  });

  it('UTF-16 without a byte-order mark, and UTF-32, ask for UTF-8', () => {
    const noBom = utf16('{"nodes":[]}', true).subarray(2);
    expect(decodeError(noBom).message).toMatch(/UTF-16 or UTF-32 without a byte-order mark/);
    const utf32 = Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]);
    expect(decodeError(utf32).message).toMatch(/this file is UTF-32.*save it as UTF-8/);
  });
});
