import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error';
import { READER_CATALOGS } from './read-messages';

/** The problem found, said in English. */
const reasonOf = (text: string) => {
  const found = locateJsonError(text);
  return found && READER_CATALOGS.en.json(found.problem);
};

describe('locateJsonError', () => {
  it.each([
    ['{"a":1}', undefined],
    ['[1, 2.5e3, -0, true, null, "x\\u00e9\\n"]', undefined],
    ['  ', 'the input is empty'],
    ['{"a":1,}', "a trailing comma before '}'"],
    ['[1,]', "a trailing comma or a missing value before ']'"],
    ['{"a" 1}', 'expected \':\' after a property name, found "1"'],
    ["{'a':1}", 'expected a property name in double quotes, found "\'"'],
    ['{"a":1', 'the input ends inside an object'],
    ['{"a":"x', 'a string that is never closed'],
    ['{"a":1} x', 'unexpected "x" after the end of the document'],
    ['[01]', "expected ',' or ']', found \"1\""],
    ['{"a":\n"b\tc"}', 'a control character inside a string (use \\n for a new line)']
  ])('%j → %s', (text, reason) => {
    const found = locateJsonError(text);
    expect(reasonOf(text)).toBe(reason);
    // Said in Korean too: Hangul, and none of the English words.
    const ko = found && READER_CATALOGS.ko.json(found.problem).replace(/"[^"]*"|\\[nu]/g, '');
    if (ko) expect(ko).toMatch(/^[^A-Za-z]*\p{Script=Hangul}[^A-Za-z]*$/u);
    if (reason === undefined) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });

  it('points at the offending character', () => {
    expect(locateJsonError('{"nodes": [1, 2 3]}')?.offset).toBe(16);
  });

  it('handles very deep nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(reasonOf(deep)).toBe('the input ends inside an array');
  });
});
