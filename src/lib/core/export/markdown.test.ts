/**
 * The Markdown image line and file names, checked with the CommonMark reference parser
 * (commonmark.js): whatever the title, the line is one paragraph holding exactly one image,
 * whose description reads as the (folded) text and whose destination is the file.
 */
import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownImage, safeFileName } from './markdown';

/** Alt text as a renderer computes it: the plain text of the image's inline content. */
function plainText(node: Node): string {
  let out = '';
  const walker = node.walker();
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue;
    const n = e.node;
    if (n.type === 'text' || n.type === 'code' || n.type === 'html_inline') out += n.literal;
    else if (n.type === 'softbreak' || n.type === 'linebreak') out += '\n';
  }
  return out;
}

/** The one image of a line, or a failure saying what else the line parsed as. */
function parseImage(line: string): { alt: string; file: string } {
  const doc = new Parser().parse(line);
  const blocks: string[] = [];
  for (let b = doc.firstChild; b; b = b.next) blocks.push(b.type);
  expect(blocks, line).toEqual(['paragraph']);
  const para = doc.firstChild!;
  const inlines: string[] = [];
  for (let n = para.firstChild; n; n = n.next) inlines.push(n.type);
  expect(inlines, line).toEqual(['image']);
  const image = para.firstChild!;
  // commonmark.js percent-encodes the destination for the URL: decode it to the file.
  return { alt: plainText(image), file: decodeURIComponent(image.destination!) };
}

/** Random text, often made of what Markdown gives a meaning to. */
const MARKUP = [...'[]()<>\\`*_~&#;!%?|:/"=-+.\n\r\t \u2028\u00a0', 'amp', 'x41', '가', '🐧', 'é'];
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...MARKUP), maxLength: 30 })
);

const fold = (s: string) => s.replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();

describe('markdownImage: one CommonMark image, whatever the text', () => {
  const TITLES = [
    'Lab #2',
    'Lab (draft',
    'Lab draft)',
    'a\\',
    'x]y',
    '[x](y)',
    '![nested](a.svg)',
    '<b>bold</b>',
    '<https://example.com>',
    '# heading\nnext',
    '- item\n> quote',
    'a\u2028b\u2029c\u0085d',
    '`code` *em* _em_ **strong** ~~gone~~',
    '&amp; &#65; & alone',
    '100% done?',
    'C:\\Users\\lab',
    '서버 통합: 전용 서버 8대 → 가상화 서버 2대',
    '가상화 실습 #3 (초안',
    'emoji 🐧 and \u1100\u1161 NFD',
    '   ',
    ''
  ];

  for (const title of TITLES) {
    it(JSON.stringify(title), () => {
      const file = `${safeFileName(title)}.svg`;
      const line = markdownImage(title, file);
      expect(line.includes('\n'), line).toBe(false);
      const image = parseImage(line);
      expect(image.alt).toBe(fold(title));
      expect(image.file).toBe(file);
    });
  }

  it('the issue titles: # is not a fragment, ( does not end the image, \\ does not eat ]', () => {
    expect(markdownImage('Lab #2', 'Lab #2.svg')).toBe('![Lab #2](<Lab %232.svg>)');
    expect(parseImage(markdownImage('Lab (draft', 'Lab (draft.svg')).file).toBe('Lab (draft.svg');
    expect(markdownImage('a\\', 'a.svg')).toBe('![a\\\\](a.svg)');
  });

  it('stays readable: Hangul and plain names are not percent-encoded', () => {
    expect(markdownImage('서버 구성', '서버 구성.svg')).toBe('![서버 구성](<서버 구성.svg>)');
    expect(markdownImage('Type 1', 'type1.svg')).toBe('![Type 1](type1.svg)');
  });

  it('any text and any file name (property)', () => {
    fc.assert(
      fc.property(anyText, anyText, (alt, name) => {
        const file = `${name.toWellFormed()}.svg`;
        const image = parseImage(markdownImage(alt, file));
        expect(image.alt).toBe(fold(alt.toWellFormed()));
        expect(image.file).toBe(file);
      }),
      { numRuns: 1000 }
    );
  });
});

describe('safeFileName: every file system takes it, and it reads like the title', () => {
  const CASES: [string | undefined, string][] = [
    ['Lab: Type 2', 'Lab - Type 2'],
    ['10:30 lab', '10-30 lab'],
    ['A/B test', 'A-B test'],
    ['Host / Guest', 'Host - Guest'],
    ['C:\\Users\\lab', 'C-Users-lab'],
    ['a|b', 'a-b'],
    ['Why "Type 2"?', "Why 'Type 2'"],
    ['<draft> *final*', '(draft) final'],
    ['Lab #2 (draft', 'Lab #2 (draft'],
    ['서버 통합: 1단계', '서버 통합 - 1단계'],
    ['line\nbreak\u2028and\ttab', 'line break and tab'],
    ['  ...hidden. ', 'hidden'],
    ['CON', 'CON_'],
    ['nul.backup', 'nul_.backup'],
    ['COM1', 'COM1_'],
    ['Console', 'Console'],
    ['\u1100\u1161\u1109\u1161\u11bc', '가상'],
    ['???', 'stackdraw'],
    ['', 'stackdraw'],
    [undefined, 'stackdraw']
  ];
  for (const [title, want] of CASES)
    it(`${JSON.stringify(title)} → ${JSON.stringify(want)}`, () => {
      expect(safeFileName(title)).toBe(want);
    });

  it('long titles are cut to 200 UTF-8 bytes between grapheme clusters', () => {
    const korean = safeFileName('가상화'.repeat(100));
    expect(new TextEncoder().encode(korean).length).toBeLessThanOrEqual(200);
    // 66 syllables are 198 bytes; a 67th would make 201.
    expect(korean).toBe('가상화'.repeat(22));
    const family = safeFileName('👨‍👩‍👧'.repeat(40));
    expect(family.length % '👨‍👩‍👧'.length).toBe(0);
    expect(family.length).toBeGreaterThan(0);
  });

  it('never a character Windows or macOS refuses, never empty (property)', () => {
    fc.assert(
      fc.property(anyText, (title) => {
        const name = safeFileName(title);
        expect(name).not.toBe('');
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
        expect(name).not.toMatch(/^[. ]|[. ]$/);
        expect(name).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\.|$)/i);
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
        expect(name.isWellFormed()).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });
});
