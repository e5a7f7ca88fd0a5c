import { describe, expect, it } from 'vitest';
import { readDocument } from './read';
import { documentTextFromSvg } from './svg-metadata';

const DOC = { version: 1, title: 'Real', nodes: [{ id: 'hw', kind: 'hardware', label: 'Box' }] };
const JSON_TEXT = JSON.stringify(DOC);
const META = `<metadata id="stackdraw-document">${JSON_TEXT}</metadata>`;
const svg = (...inner: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg">${inner.join('')}</svg>`;

function textOf(s: string): string {
  const r = documentTextFromSvg(s);
  if (!r.ok) throw new Error(`expected the metadata text, got: ${r.error.message}`);
  return r.text;
}

function errorOf(s: string) {
  const r = documentTextFromSvg(s);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.text.slice(0, 80))}`);
  return r.error;
}

describe('documentTextFromSvg: the first <metadata id="stackdraw-document"> in the markup', () => {
  it('reads the element of an export, whatever surrounds it', () => {
    expect(textOf(svg('<title>T</title>', META, '<g><rect/></g>'))).toBe(JSON_TEXT);
  });

  it('ignores other metadata elements and takes the first with the id', () => {
    const other = '<metadata id="other">{"x":1}</metadata><metadata>{}</metadata>';
    expect(textOf(svg(other, META, META.replace('Real', 'Second')))).toBe(JSON_TEXT);
  });

  it("accepts single quotes, spaces around '=' and other attributes", () => {
    const m = `<metadata class="a" id = 'stackdraw-document' data-x=">">${JSON_TEXT}</metadata >`;
    expect(textOf(svg(m))).toBe(JSON_TEXT);
  });

  it('decodes character references and the predefined entities', () => {
    const m =
      '<metadata id="stackdraw-document">&lt;&#x41;&#66;&amp;&quot;&apos;&gt;&#x110000;&nbsp;</metadata>';
    expect(textOf(svg(m))).toBe('<AB&"\'>\ufffd&nbsp;');
  });

  it('takes CDATA sections as they are and drops comments', () => {
    const m =
      '<metadata id="stackdraw-document"><![CDATA[{"a":"x < y &amp;"]]><!-- note -->, &quot;b&quot;<![CDATA[}]]></metadata>';
    expect(textOf(svg(m))).toBe('{"a":"x < y &amp;", "b"}');
  });

  it('a self-closing element holds no text', () => {
    expect(textOf(svg('<metadata id="stackdraw-document"/>'))).toBe('');
  });
});

describe('documentTextFromSvg: a <metadata> that is not markup is not the document', () => {
  const fake =
    '<metadata id="stackdraw-document">{"version":1,"nodes":[],"title":"FAKE"}</metadata>';

  it('inside a comment', () => {
    expect(textOf(svg(`<!-- ${fake} -->`, META))).toBe(JSON_TEXT);
    expect(errorOf(svg(`<!-- ${fake} -->`)).code).toBe('svg-without-document');
  });

  it('inside an attribute value, in double or single quotes', () => {
    const inAttr = `<g data-a='${fake}' data-b="${fake.replace(/"/g, "'")}"/>`;
    expect(textOf(svg(inAttr, META))).toBe(JSON_TEXT);
  });

  it('inside a CDATA section, a processing instruction or the DOCTYPE', () => {
    const doctype = `<!DOCTYPE svg [ <!ENTITY e "${fake.replace(/"/g, "'")}"> <!-- ${fake} --> ]>`;
    const s = `<?xml version="1.0"?>${doctype}${svg(`<style><![CDATA[${fake}]]></style>`, `<?pi ${fake}?>`, META)}`;
    expect(textOf(s)).toBe(JSON_TEXT);
  });
});

describe('documentTextFromSvg: broken markup is an error, not a hang', () => {
  it('no such element', () => {
    expect(errorOf('<svg><metadata>{}</metadata></svg>')).toMatchObject({
      code: 'svg-without-document',
      path: '$'
    });
  });

  it('an element that is never closed, or holds elements', () => {
    expect(errorOf('<svg><metadata id="stackdraw-document">{"a":1}').message).toMatch(
      /never closed/
    );
    expect(errorOf(svg('<metadata id="stackdraw-document">{"a":1}')).message).toMatch(
      /holds the element <\/svg>/
    );
    expect(errorOf(svg('<metadata id="stackdraw-document">{<b>}</b></metadata>')).message).toMatch(
      /holds the element <b>/
    );
  });

  it('the 3 MB issue input (87,000 unclosed metadata start tags) is refused, read once', () => {
    const text = '<svg>' + '<metadata id="stackdraw-document">'.repeat(87_000);
    expect(text.length).toBeGreaterThan(2_900_000);
    const r = readDocument(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ code: 'svg-without-document', path: '$' });
      expect(r.errors[0].message).toMatch(/holds the element <metadata>/);
    }
  });

  it('one start tag with 300,000 id attributes and no end (quadratic for a regex) is refused', () => {
    const text = '<svg><metadata ' + 'id="stackdraw-document" '.repeat(300_000);
    expect(text.length).toBeGreaterThan(7_000_000);
    const r = readDocument(text);
    expect(r.ok || r.errors[0].code).toBe('svg-without-document');
  });

  it('the real document after 50,000 decoys in comments is found', () => {
    const decoys = '<!-- <metadata id="stackdraw-document"> -->'.repeat(50_000);
    const r = readDocument(svg(decoys, META));
    expect(r).toEqual({ ok: true, document: { ...DOC, edges: [] } });
  });
});
