import { describe, expect, it } from 'vitest';
import { isBlankLabel } from './label';

describe('isBlankLabel', () => {
  it('counts labels without a visible character as blank', () => {
    for (const s of ['', '   ', '\u200b', '\u200b\u200d\ufeff', '\u3164', '\t\u00a0', '\u202e'])
      expect(isBlankLabel(s), JSON.stringify(s)).toBe(true);
  });
  it('keeps labels with something to see', () => {
    for (const s of ['a', ' x ', '\u200bPC', '서버', '🐧', '0x22', '.'])
      expect(isBlankLabel(s), JSON.stringify(s)).toBe(false);
  });
});
