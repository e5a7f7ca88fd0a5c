import { describe, expect, it } from 'vitest';
import { locateJsonPath } from './json-locate';

const TEXT = `{
  "version": 1,
  "nodes": [
    { "id": "a", "kind": "hardware", "label": "PC \\"x\\" [1]" },
    { "id": "b", "kind": "toaster", "label": "B" },
    { "id": "c", "label": "C" }
  ],
  "odd key": { "x": [1, {"y": 2}] }
}`;

describe('locateJsonPath', () => {
  it('finds the value at a path, past strings with brackets and escapes', () => {
    expect(locateJsonPath(TEXT, '$.nodes[1].kind')).toEqual({ line: 5, column: 26 });
    expect(locateJsonPath(TEXT, '$.nodes[0]')).toEqual({ line: 4, column: 5 });
    expect(locateJsonPath(TEXT, '$["odd key"].x[1].y')).toEqual({ line: 8, column: 31 });
    expect(locateJsonPath(TEXT, '$.version')).toEqual({ line: 2, column: 14 });
  });
  it('gives the deepest parent of a missing field, and the document for $', () => {
    expect(locateJsonPath(TEXT, '$.nodes[2].kind')).toEqual({ line: 6, column: 5 });
    expect(locateJsonPath(TEXT, '$')).toEqual({ line: 1, column: 1 });
    expect(locateJsonPath(TEXT, 'nonsense')).toBeUndefined();
  });
});
