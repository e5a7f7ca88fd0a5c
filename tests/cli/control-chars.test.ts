/* eslint-disable no-control-regex -- control characters are what this test is about */
/**
 * Fuzzing the text report: control characters (C0, C1, bidi overrides) in every string
 * field of a document never reach the terminal raw, in validate's text output or its error
 * lines, with colour on or off. Runs the CLI in-process (run(), with a fake I/O).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function fakeIO(
  input: string,
  color: boolean
): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const bytes = new TextEncoder().encode(input);
  return {
    io: {
      stdout: (d) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d)),
      stderr: (t) => void (err += t),
      readFile: async () => bytes,
      readStdin: async () => bytes,
      writeFile: async () => {},
      flushStdout: async () => undefined,
      color
    },
    out: () => out,
    err: () => err
  };
}

const hostile = fc.stringMatching(
  /^[a-z\u001b\r\n\u0007\u0085\u009b\u202e\u2066\u200f\u2028[\]0-9;K ]{0,12}$/
);

describe('control characters never reach the terminal raw', () => {
  it('labels, ids, products and titles with controls, colour on and off', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        hostile,
        hostile,
        hostile,
        fc.boolean(),
        async (a, b, c, d, color) => {
          const doc = {
            version: 1,
            title: d,
            nodes: [
              { id: `hw${a}`, kind: 'hardware', label: b },
              { id: `s${c}`, kind: 'service', label: a, product: c }
            ],
            edges: [{ id: 'e', source: `hw${a}`, target: `s${c}` }]
          };
          const { io, out, err } = fakeIO(JSON.stringify(doc), color);
          const code = await run(['validate', '-', `file${c}.json`], io);
          expect([1, 2]).toContain(code);
          // Colour codes (ESC[…m) are ours: everything else must be escaped.
          const text = (out() + err()).replace(/\u001b\[[0-9;]*m/g, '').replace(/\n/g, '');
          expect(text).not.toMatch(CONTROL);
        }
      ),
      { numRuns: 150 }
    );
  });
});
