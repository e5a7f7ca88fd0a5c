import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readFileDocument } from './files';

const DOC = '{"version":1,"title":"서버","nodes":[{"id":"hw","kind":"hardware","label":"Box"}]}';

/** UTF-16 with a byte-order mark, as Windows PowerShell's `>` writes it. */
function utf16(text: string, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('readFileDocument: the editor decodes a file as the CLI does', () => {
  it('opens UTF-8 and UTF-16 LE / BE files with a byte-order mark', async () => {
    for (const bytes of <Uint8Array<ArrayBuffer>[]>[
      new TextEncoder().encode(DOC),
      utf16(DOC, true),
      utf16(DOC, false)
    ]) {
      const opened = await readFileDocument(new File([bytes], 'doc.json'));
      expect(opened.ok && opened.doc.title).toBe('서버');
    }
  });

  it('refuses invalid UTF-8 with its byte offset and line, instead of opening U+FFFD', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{\n"title":"caf'),
      0xe9,
      0x22,
      0x7d
    ]);
    const opened = await readFileDocument(new File([bytes], 'latin1.json'));
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.errors).toEqual([
      expect.objectContaining({ code: 'bad-encoding', path: '$', offset: 14, line: 2 })
    ]);
    expect(opened.errors[0].message).toMatch(/^not valid UTF-8 at byte offset 14 \(line 2\)/);
  });

  it('refuses a file over the limit before reading it, saying the limit', async () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.json');
    const opened = await readFileDocument(big);
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.errors[0]).toMatchObject({ code: 'too-large', path: '$' });
      expect(opened.errors[0].message).toMatch(/over the limit of 10 MB/);
    }
  });
});
