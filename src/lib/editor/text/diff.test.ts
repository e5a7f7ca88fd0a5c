import { describe, expect, it } from 'vitest';
import { textChange } from './diff';

describe('the change the code editor makes when the diagram rewrites the text', () => {
  it('is the span that differs, so what is around it (and the cursor there) stays', () => {
    const before = '%% notes\nhw A\n  os B %% mine\n';
    const after = '%% notes\nhw Alpha #a\n  os B %% mine\n';
    const c = textChange(before, after);
    expect(c).toEqual({ from: 13, to: 13, insert: 'lpha #a' });
    expect(before.slice(0, c.from) + c.insert + before.slice(c.to)).toBe(after);
  });

  it('handles removal, a whole new text, and repeated characters at the seam', () => {
    for (const [a, b] of [
      ['hw A\nhw B\nhw C\n', 'hw A\nhw C\n'],
      ['', 'hw A\n'],
      ['aaaa', 'aa'],
      ['hw X\n', '']
    ]) {
      const c = textChange(a, b);
      expect(a.slice(0, c.from) + c.insert + a.slice(c.to)).toBe(b);
      expect(c.to).toBeGreaterThanOrEqual(c.from);
    }
  });
});
