/**
 * The examples of the course notes as stack text: each `static/examples/NAME.stack` is its
 * `NAME.json` twin, and draws the same SVG, byte for byte (the SVG embeds the document, so
 * ids, order and title must all agree).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeElk } from '../../node/elk';
import { loadFontSources } from '../../node/fonts';
import { examples } from '../layout/examples.fixture';
import { exportSvg, type FontSources } from '../export/pipeline';
import { parseStack, printStack } from './index';

const TEXTS = import.meta.glob('../../../../static/examples/*.stack', {
  query: '?raw',
  import: 'default',
  eager: true
}) as Record<string, string>;
const stackText = (name: string) => TEXTS[`../../../../static/examples/${name}.stack`];

let fonts: FontSources;
beforeAll(async () => {
  fonts = await loadFontSources();
});

describe('the examples as stack text', () => {
  const all = examples();

  it('every JSON example has a .stack twin', () => {
    expect(Object.keys(all).length).toBeGreaterThanOrEqual(8);
    for (const name of Object.keys(all)) expect(stackText(name), name).toBeTypeOf('string');
  });

  for (const name of Object.keys(all)) {
    it(`${name}.stack reads as ${name}.json and prints as itself`, () => {
      const text = stackText(name);
      const parsed = parseStack(text);
      expect(parsed.errors).toEqual([]);
      expect(JSON.stringify(parsed.document)).toBe(JSON.stringify(all[name]));
      // The twin is the printer's text, after its one comment line.
      expect(printStack(all[name])).toBe(text.replace(/^%%.*\n/, ''));
    });
  }

  for (const name of Object.keys(all)) {
    it(`${name}: the same SVG from the text as from the JSON`, async () => {
      const render = (doc: Parameters<typeof exportSvg>[0]['doc']) =>
        exportSvg({ doc, elk: nodeElk(), fonts });
      const fromText = await render(parseStack(stackText(name)).document!);
      expect(fromText).toMatch(/^<svg /);
      expect(fromText).toBe(await render(all[name]));
    }, 60_000);
  }
});
