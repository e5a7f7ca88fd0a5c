/**
 * Unicode labels: normalisation, grapheme clusters, line breaking and the widths of what
 * Pretendard lacks. Rendering with the fallback fonts is checked in export/render.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakSpaces } from '../export/svg';
import { fontMeasure } from './metrics';
import { cleanLabel, graphemes, LABEL_FONT, measureNode, NODE, wrapText } from './text';

const INNER = NODE.maxWidth - 2 * NODE.padX;
/** The label: "가상머신관리콘솔서버" typed decomposed (NFD), as macOS file names give it. */
const NFD_HANGUL =
  '\u1100\u1161\u1109\u1161\u11bc\u1106\u1165\u1109\u1175\u11ab\u1100\u116a\u11ab\u1105\u1175\u110f\u1169\u11ab\u1109\u1169\u11af\u1109\u1165\u1107\u1165';
const PENGUINS = '🐧'.repeat(14);

/** Offsets (UTF-16) where grapheme clusters of `text` start, per Intl.Segmenter. */
function clusterStarts(text: string): Set<number> {
  const seg = new Intl.Segmenter('und', { granularity: 'grapheme' });
  return new Set([...Array.from(seg.segment(text), (s) => s.index), text.length]);
}

describe('normalisation: a label measures and wraps as its NFC form', () => {
  it('the NFD Hangul label is 121 px wide, as its NFC form, and stays on one line', () => {
    const nfc = NFD_HANGUL.normalize('NFC');
    expect(nfc).toBe('가상머신관리콘솔서버');
    expect(fontMeasure(NFD_HANGUL, LABEL_FONT)).toBeCloseTo(121, 0);
    expect(fontMeasure(NFD_HANGUL, LABEL_FONT)).toBe(fontMeasure(nfc, LABEL_FONT));
    expect(measureNode(NFD_HANGUL, 'SERVICE', fontMeasure)).toEqual(
      measureNode(nfc, 'SERVICE', fontMeasure)
    );
    expect(measureNode(NFD_HANGUL, 'SERVICE', fontMeasure).lines).toEqual([nfc]);
  });

  it('other decomposed text: Latin accents, Vietnamese, Japanese voiced kana', () => {
    for (const nfc of ['Café Série Ñandú', 'Tiếng Việt máy chủ', 'ガイド データベース']) {
      const nfd = nfc.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      expect(fontMeasure(nfd, LABEL_FONT), nfc).toBe(fontMeasure(nfc, LABEL_FONT));
      expect(wrapText(nfd, 60, LABEL_FONT, fontMeasure, 9), nfc).toEqual(
        wrapText(nfc, 60, LABEL_FONT, fontMeasure, 9)
      );
    }
  });

  it('cleanLabel folds every kind of white space, U+2028 included', () => {
    expect(cleanLabel(' a\tb\n\nc\u2028d\u2029e\u00a0f\u3000g ')).toBe('a b c d e f g');
  });
});

describe('line breaks fall between grapheme clusters, at word boundaries first', () => {
  it('Korean wraps between words only (keep-all)', () => {
    const label =
      '가상화 서버 통합 프로젝트의 두 번째 단계에서 이전할 파일 서버와 인쇄 서버 그리고 백업 서버';
    const words = label.split(' ');
    const lines = wrapText(label, INNER, LABEL_FONT, fontMeasure, 9);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) {
      for (const w of line.split(' ')) expect(words, line).toContain(w);
      expect(fontMeasure(line, LABEL_FONT)).toBeLessThanOrEqual(INNER);
    }
    // Narrower: still whole words (each fits alone), never a syllable on its own line.
    const narrow = wrapText(label, 70, LABEL_FONT, fontMeasure, 99);
    for (const line of narrow) for (const w of line.split(' ')) expect(words, line).toContain(w);
  });

  it('a Korean word wider than a line breaks between syllables, never inside one', () => {
    const word = '가상머신관리콘솔서버'.repeat(3);
    const lines = wrapText(word, 80, LABEL_FONT, fontMeasure, 99);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(word);
    for (const l of lines) expect(l).toMatch(/^[가-힣]+$/u);
  });

  it('Chinese and Japanese break between ideographs, not before closing punctuation', () => {
    const label = '虚拟机管理平台（测试）、服务器集群。';
    const lines = wrapText(label, 60, LABEL_FONT, fontMeasure, 99);
    expect(lines.join('')).toBe(label);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l, lines.join('|')).not.toMatch(/^[）、。]/u);
      expect(l, lines.join('|')).not.toMatch(/（$/u);
      expect(fontMeasure(l, LABEL_FONT)).toBeLessThanOrEqual(60);
    }
  });

  it('Latin words move to the next line whole; a long one breaks anywhere as a last resort', () => {
    const lines = wrapText(
      'VMware Hyper-V Server 2019 Datacenter Edition',
      150,
      LABEL_FONT,
      fontMeasure,
      9
    );
    expect(lines).toEqual(['VMware Hyper-V', 'Server 2019', 'Datacenter Edition']);
    const long = 'Supercalifragilisticexpialidocious-hypervisor-cluster-node';
    const parts = wrapText(long, 100, LABEL_FONT, fontMeasure, 9);
    expect(parts.join('')).toBe(long);
    for (const l of parts) expect(fontMeasure(l, LABEL_FONT)).toBeLessThanOrEqual(100);
  });

  it('emoji sequences, flags and combining marks are never split', () => {
    const units = ['👨‍👩‍👧‍👦', '🇰🇷', '👍🏽', '1️⃣', 'e\u0301', '\u1100\u1161\u11a8', 'ก\u0e31'];
    for (const u of units) {
      const label = u.repeat(30);
      const lines = wrapText(label, 50, LABEL_FONT, fontMeasure, 99);
      expect(lines.length, u).toBeGreaterThan(1);
      for (const l of lines)
        expect(
          graphemes(l).every((g) => g === u.normalize('NFC')),
          l
        ).toBe(true);
    }
  });

  it('the ellipsis of a cut label follows a whole cluster', () => {
    const lines = wrapText('👨‍👩‍👧‍👦'.repeat(60), INNER, LABEL_FONT, fontMeasure);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^(👨‍👩‍👧‍👦)+…$/u);
  });

  /** Clusters that stress breaking: syllables, jamo, emoji sequences, flags, marks, scripts. */
  const PIECES = [
    ...'가상 서버 虚拟机 שרת مرحبا Linux ESXi-8 (VM) 、。'.split(''),
    ' ',
    '  ',
    '\n',
    '\u2028',
    '\u1100\u1161\u11a8',
    '\u1100',
    '\u1161',
    '👨‍👩‍👧‍👦',
    '🇰🇷',
    '🇰',
    '👍🏽',
    '🏽',
    '\u200d',
    '\ufe0f',
    '1️⃣',
    'e\u0301',
    '\u0301',
    '\u0e01\u0e31',
    'Supercalifragilistic'
  ];
  const labels = fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join('')),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 })
  );

  it('graphemes of long text (segmented in windows) are Intl.Segmenter’s', () => {
    const seg = new Intl.Segmenter('und', { granularity: 'grapheme' });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES, 'a\u0301\u0302\u0303'.repeat(200)), { maxLength: 400 }),
        (parts) => {
          const text = parts.join('');
          expect(graphemes(text)).toEqual(Array.from(seg.segment(text), (s) => s.segment));
        }
      ),
      { numRuns: 60 }
    );
  });

  it('property: lines give back the NFC label, end between clusters, and fit', () => {
    fc.assert(
      fc.property(labels, fc.integer({ min: 20, max: 300 }), (label, width) => {
        const clean = cleanLabel(label);
        const lines = wrapText(label, width, LABEL_FONT, fontMeasure, Infinity);
        if (clean === '') return void expect(lines).toEqual(['']);
        // Joined with the spaces they broke at, the lines are the label.
        const tails = breakSpaces(label, lines);
        expect(lines.map((l, i) => l + tails[i]).join('')).toBe(clean);
        // Every line ends on a grapheme cluster boundary of the label.
        const starts = clusterStarts(clean);
        let at = 0;
        for (const [i, l] of lines.entries()) {
          expect(l, JSON.stringify(lines)).not.toBe('');
          // No line begins or ends with a bare space (a space with a mark on it may).
          const cs = graphemes(l);
          expect(cs[0] === ' ' || cs[cs.length - 1] === ' ', JSON.stringify(l)).toBe(false);
          at += l.length;
          expect(starts.has(at), `${JSON.stringify(lines)} at ${at}`).toBe(true);
          at += tails[i].length;
          // A line fits, unless it is one cluster wider than the line.
          if (graphemes(l).length > 1)
            expect(fontMeasure(l, LABEL_FONT), JSON.stringify(l)).toBeLessThanOrEqual(width);
        }
      }),
      { numRuns: 600 }
    );
  });
});

describe('widths of what Pretendard lacks', () => {
  const em = LABEL_FONT.size;
  it('an emoji is at least 1.25 em, whether one code point or a sequence', () => {
    for (const e of ['🐧', '👨‍👩‍👧‍👦', '🇰🇷', '👍🏽', '❤️', '1️⃣']) {
      expect(fontMeasure(e, LABEL_FONT), e).toBeGreaterThanOrEqual(1.25 * em);
      expect(fontMeasure(e, LABEL_FONT), e).toBeLessThanOrEqual(1.3 * em);
    }
    // 14 penguins do not fit one line: they wrap, and each line fits.
    const box = measureNode(PENGUINS, 'OS', fontMeasure);
    expect(box.lines.length).toBe(2);
    expect(box.lines.join('')).toBe(PENGUINS);
    for (const l of box.lines) expect(fontMeasure(l, LABEL_FONT)).toBeLessThanOrEqual(INNER);
  });

  it('CJK ideographs are 1 em, Hebrew and Arabic their fallback font widths, unknown 1 em', () => {
    expect(fontMeasure('虚拟机', LABEL_FONT)).toBeCloseTo(3 * em, 5);
    expect(fontMeasure('שרת', LABEL_FONT)).toBeGreaterThan(1.2 * em);
    expect(fontMeasure('مرحبا', LABEL_FONT)).toBeGreaterThan(1.5 * em);
    // Thai ships no font: a conservative em per code point (drawn as a box at most that wide).
    expect(fontMeasure('\u0e01', LABEL_FONT)).toBe(em);
    // Zero-width joiners and variation selectors take no room.
    expect(fontMeasure('a\u200db\ufe0e', LABEL_FONT)).toBe(fontMeasure('ab', LABEL_FONT));
  });
});
