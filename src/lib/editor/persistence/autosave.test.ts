import { describe, expect, it } from 'vitest';
import { rawRecordBlob, restoreRecord } from './autosave';

describe('a stored record that cannot be restored', () => {
  it('says what it is in a sentence', () => {
    const reason = (r: unknown) => {
      const out = restoreRecord('x', r);
      return out.ok ? '' : out.failure.reason;
    };
    expect(reason('hello')).toBe('the stored record is a string, not a document');
    expect(reason(42)).toBe('the stored record is a number, not a document');
    expect(reason(null)).toBe('the stored record is null, not a document');
    expect(reason([1])).toBe('the stored record is an array, not a document');
    expect(reason(undefined)).toBe('the stored record is missing, not a document');
  });

  it('downloads as what was stored, not as {}', async () => {
    const blob = new Blob(['{"version":1,"nodes":[]}'], { type: 'application/json' });
    expect(await rawRecordBlob(blob).text()).toBe('{"version":1,"nodes":[]}');
    expect(await rawRecordBlob({ id: 'a', doc: blob }).text()).toBe('{"version":1,"nodes":[]}');
    expect(await rawRecordBlob('raw text').text()).toBe('raw text');
    const map = JSON.parse(await rawRecordBlob({ doc: new Map([['nodes', 1]]) }).text());
    expect(map).toEqual({ doc: { nodes: 1 } });
    const nested = JSON.parse(await rawRecordBlob({ doc: { title: 'T' }, big: 10n }).text());
    expect(nested).toEqual({ doc: { title: 'T' }, big: '10' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await rawRecordBlob(cyclic).text()).toBe('[object Object]');
  });
});
