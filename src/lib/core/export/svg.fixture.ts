/**
 * Test helpers for exported SVGs: a strict XML parse, a whitelist of what may appear, the
 * drawn geometry, and where each node and its label are. Used by the export tests in this
 * folder and by the CLI tests.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Characters XML 1.0 cannot carry, and lone surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Parse as XML, failing on any warning or error, and on characters XML 1.0 forbids. */
export function parseSvg(svg: string): Document {
  if (NOT_XML_CHAR.test(svg))
    throw new Error(`not XML 1.0: U+${svg.match(NOT_XML_CHAR)![0].charCodeAt(0).toString(16)}`);
  if (LONE_SURROGATE.test(svg)) throw new Error('not XML: a lone surrogate');
  // `]]>` may not appear in character data; the export writes no CDATA section either.
  if (svg.includes(']]>')) throw new Error('not XML: "]]>" in content');
  const doc = new DOMParser({
    onError: (level, message) => {
      // xmldom warns about U+FFFD, which is a character like any other to XML (the export
      // writes it for what XML cannot carry).
      if (level === 'warning' && /replacement character/i.test(message)) return;
      throw new Error(`XML ${level}: ${message}`);
    },
    // XML 1.0 line ends only (xmldom's default also turns U+2028, U+0085 … into \n).
    normalizeLineEndings: (s) => s.replace(/\r\n?/g, '\n')
  }).parseFromString(svg, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS)
    throw new Error('the root element is not <svg> in the SVG namespace');
  return doc;
}

/** Every element, in document order. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    out.push(e);
    for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element);
  };
  walk(root);
  return out;
}

export const childElements = (e: Element, name?: string): Element[] => {
  const out: Element[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 1 && (name === undefined || (c as Element).localName === name))
      out.push(c as Element);
  return out;
};

export const byTag = (root: Element, name: string) =>
  allElements(root).filter((e) => e.localName === name);

/** The elements and attributes a stackdraw export may use: pure vector, nothing active. */
export const ALLOWED_ELEMENTS = new Set([
  'svg',
  'title',
  'desc',
  'metadata',
  'style',
  'g',
  'rect',
  'circle',
  'path',
  'text',
  'tspan'
]);
export const ALLOWED_ATTRIBUTES = new Set([
  'xmlns',
  'width',
  'height',
  'viewBox',
  'role',
  'aria-labelledby',
  'id',
  'x',
  'y',
  'rx',
  'cx',
  'cy',
  'r',
  'd',
  'transform',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'data-kind',
  'data-cluster'
]);

/**
 * Problems that would make the picture active or reach outside: elements and attributes
 * off the whitelist, event handlers, any href, url( other than data: URLs. Empty when safe.
 */
export function activeContent(doc: Document): string[] {
  const problems: string[] = [];
  const urls = (where: string, text: string) => {
    for (const m of text.matchAll(/url\s*\(\s*['"]?([^'")\s]{0,12})/gi))
      if (!m[1].toLowerCase().startsWith('data:')) problems.push(`${where}: url(${m[1]}…)`);
  };
  for (const e of allElements(doc.documentElement!)) {
    const name = e.localName ?? '';
    if (!ALLOWED_ELEMENTS.has(name)) problems.push(`element <${e.tagName}>`);
    if (e.namespaceURI !== SVG_NS) problems.push(`<${e.tagName}> outside the SVG namespace`);
    for (let i = 0; i < e.attributes.length; i++) {
      const a = e.attributes.item(i)!;
      const an = a.name.toLowerCase();
      if (an.startsWith('on')) problems.push(`event attribute ${a.name} on <${name}>`);
      if (an === 'href' || an.endsWith(':href')) problems.push(`href on <${name}>`);
      if (!ALLOWED_ATTRIBUTES.has(a.name)) problems.push(`attribute ${a.name} on <${name}>`);
      if (/javascript:/i.test(a.value)) problems.push(`javascript: in ${a.name}`);
      urls(`${name}@${a.name}`, a.value);
    }
    if (name === 'style') urls('<style>', e.textContent ?? '');
  }
  return problems;
}

/** Whitespace runs to one space, trimmed. */
export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What XML 1.0 can carry of a string: the export writes U+FFFD for the rest. */
export const xmlCarried = (s: string) =>
  s
    .replace(new RegExp(NOT_XML_CHAR.source, 'g'), '\ufffd')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');

export const num = (e: Element, attr: string): number => {
  const v = e.getAttribute(attr);
  if (v === null || !Number.isFinite(Number(v)))
    throw new Error(`<${e.localName}> has no numeric ${attr}: ${v}`);
  return Number(v);
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function rectOf(e: Element): Box {
  return { x: num(e, 'x'), y: num(e, 'y'), width: num(e, 'width'), height: num(e, 'height') };
}

/** The group of each node (`<g data-kind>`), in document order. */
export const nodeGroups = (doc: Document) =>
  allElements(doc.documentElement!).filter((e) => e.hasAttribute('data-kind'));

/** The box of a node's group: its first <rect>. */
export const nodeRect = (g: Element): Box => rectOf(childElements(g, 'rect')[0]);

/** A node's own <title>: its label (or id when the label is blank). */
export const nodeTitle = (g: Element): string => childElements(g, 'title')[0]?.textContent ?? '';

/**
 * Outlined text: the path of a node's label (first line), in the group titled with the
 * label inside the node's group.
 */
export function labelPath(g: Element): Element | undefined {
  return allElements(g).find((e) => {
    const parent = e.parentNode as Element | null;
    return (
      e.localName === 'path' &&
      parent !== null &&
      parent !== g &&
      !parent.hasAttribute('data-kind') &&
      childElements(parent, 'title').length > 0
    );
  });
}

/** The label's <text> in a node group (the one in the label size), when text is text. */
export function labelText(g: Element, labelSize = 14): Element | undefined {
  return childElements(g, 'text').find((t) => t.getAttribute('font-size') === String(labelSize));
}

/**
 * Extent of everything drawn, in SVG user units (geometry, strokes not counted): boxes,
 * circles, and paths drawn in absolute coordinates (edges, badges). Paths with a transform (outlined text, check marks)
 * lie inside the boxes they belong to. The full-size background rect is left out.
 */
export function drawnExtent(doc: Document): {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
} {
  const svg = doc.documentElement!;
  const background = childElements(svg, 'rect')[0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const e of allElements(svg)) {
    if (e === background) continue;
    if (e.localName === 'rect') {
      const r = rectOf(e);
      grow(r.x, r.y);
      grow(r.x + r.width, r.y + r.height);
    } else if (e.localName === 'circle') {
      const r = num(e, 'r');
      grow(num(e, 'cx') - r, num(e, 'cy') - r);
      grow(num(e, 'cx') + r, num(e, 'cy') + r);
    } else if (e.localName === 'path' && !e.hasAttribute('transform')) {
      const d = e.getAttribute('d') ?? '';
      if (/[^MLZ\d\s.-]/.test(d)) throw new Error(`unexpected path data: ${d}`);
      const nums = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
      for (let i = 0; i + 1 < nums.length; i += 2) grow(nums[i], nums[i + 1]);
    }
  }
  return { minX, minY, maxX, maxY };
}
