import type { InputError } from './read';
import { keyed, type SvgMetadataProblem } from './read-messages';

/**
 * The document inside a stackdraw SVG export: the text of its first
 * `<metadata id="stackdraw-document">` element, found by one left-to-right scan of the
 * markup (each character is looked at a bounded number of times, so a 10 MB input costs
 * linear time whatever it holds). Comments, CDATA sections, processing instructions, the
 * DOCTYPE and attribute values are stepped over, never searched: a `<metadata>` written
 * inside them is not the document. No DTD is read (entities it declares are not expanded).
 *
 * Inside the element, text has its character references and the five predefined entities
 * decoded and CDATA sections are taken as they are; comments and processing instructions
 * are dropped. Any other markup inside it is an error.
 */

type Found = { ok: true; text: string } | { ok: false; error: InputError };

const NOT_FOUND: Found = {
  ok: false,
  error: {
    code: 'svg-without-document',
    path: '$',
    ...keyed({ key: 'svgWithoutDocument' })
  }
};

const broken = (problem: SvgMetadataProblem): Found => ({
  ok: false,
  error: {
    code: 'svg-without-document',
    path: '$',
    ...keyed({ key: 'svgMetadataBroken', problem })
  }
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and the five predefined entities, decoded (others are kept). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return PREDEFINED[e];
  });
}

/** XML white space: space, tab, line feed, carriage return. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

interface Tag {
  /** Index just after the tag's `>`. */
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The decoded value of its `id` attribute, if it has one. */
  id?: string;
}

/**
 * The tag starting at `lt` (`svg[lt] === '<'`): its name, its `id` and where it ends.
 * `undefined` when no tag starts there (a stray `<`), `'eof'` when the input ends inside it.
 */
function readTag(svg: string, lt: number): Tag | undefined | 'eof' {
  const n = svg.length;
  let i = lt + 1;
  const closing = svg.charCodeAt(i) === 47; // '/'
  if (closing) i++;
  const nameStart = i;
  while (i < n) {
    const c = svg.charCodeAt(i);
    if (isSpace(c) || c === 62 || c === 47) break; // '>' '/'
    i++;
  }
  if (i === nameStart) return i >= n ? 'eof' : undefined;
  const name = svg.slice(nameStart, i);
  let id: string | undefined;
  for (;;) {
    while (i < n && isSpace(svg.charCodeAt(i))) i++;
    if (i >= n) return 'eof';
    const c = svg.charCodeAt(i);
    if (c === 62) return { end: i + 1, name, closing, selfClosing: false, id };
    if (c === 47) {
      if (svg.charCodeAt(i + 1) === 62) return { end: i + 2, name, closing, selfClosing: true, id };
      i++;
      continue;
    }
    // An attribute: name, optional white space, '=', optional white space, quoted value.
    const attrStart = i;
    while (i < n) {
      const a = svg.charCodeAt(i);
      if (isSpace(a) || a === 61 || a === 62 || a === 47) break; // '=' '>' '/'
      i++;
    }
    const isId = i - attrStart === 2 && svg.startsWith('id', attrStart);
    while (i < n && isSpace(svg.charCodeAt(i))) i++;
    if (svg.charCodeAt(i) !== 61) continue; // no value (not XML, but step over it)
    i++;
    while (i < n && isSpace(svg.charCodeAt(i))) i++;
    if (i >= n) return 'eof';
    const q = svg.charCodeAt(i);
    let valueStart: number;
    let valueEnd: number;
    if (q === 34 || q === 39) {
      valueStart = i + 1;
      valueEnd = svg.indexOf(q === 34 ? '"' : "'", valueStart);
      if (valueEnd < 0) return 'eof';
      i = valueEnd + 1;
    } else {
      // Unquoted (not XML): up to white space or the end of the tag.
      valueStart = i;
      while (i < n && !isSpace(svg.charCodeAt(i)) && svg.charCodeAt(i) !== 62) i++;
      valueEnd = i;
    }
    if (isId) id = decodeEntities(svg.slice(valueStart, valueEnd));
  }
}

/** Index just after the end of a construct that starts at `from`, or -1 when it never ends. */
function skipPast(svg: string, from: number, end: string): number {
  const at = svg.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

/**
 * Index just after a `<!DOCTYPE …>` (or other `<!…>` declaration) starting at `lt`: quoted
 * strings and an internal subset in `[…]` are stepped over, not read. -1 when it never ends.
 */
function skipDeclaration(svg: string, lt: number): number {
  const n = svg.length;
  let i = lt + 2;
  let inSubset = false;
  while (i < n) {
    const c = svg.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = svg.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (inSubset && c === 60 && svg.startsWith('<!--', i)) {
      i = skipPast(svg, i + 4, '-->');
      if (i < 0) return -1;
    } else {
      if (c === 91)
        inSubset = true; // '['
      else if (c === 93)
        inSubset = false; // ']'
      else if (c === 62 && !inSubset) return i + 1;
      i++;
    }
  }
  return -1;
}

/** The text content of the metadata element whose start tag ends at `from`. */
function metadataText(svg: string, from: number): Found {
  const parts: string[] = [];
  let i = from;
  for (;;) {
    const lt = svg.indexOf('<', i);
    if (lt < 0) return broken({ t: 'unclosed' });
    if (lt > i) parts.push(decodeEntities(svg.slice(i, lt)));
    if (svg.startsWith('<![CDATA[', lt)) {
      const end = svg.indexOf(']]>', lt + 9);
      if (end < 0) return broken({ t: 'cdata' });
      parts.push(svg.slice(lt + 9, end));
      i = end + 3;
    } else if (svg.startsWith('<!--', lt)) {
      i = skipPast(svg, lt + 4, '-->');
      if (i < 0) return broken({ t: 'comment' });
    } else if (svg.startsWith('<?', lt)) {
      i = skipPast(svg, lt + 2, '?>');
      if (i < 0) return broken({ t: 'pi' });
    } else {
      const tag = readTag(svg, lt);
      if (tag === 'eof') return broken({ t: 'unclosed' });
      if (tag === undefined) {
        // A stray '<' is not well-formed XML; keep it as text, as a lenient reader would.
        parts.push('<');
        i = lt + 1;
      } else if (tag.closing && tag.name === 'metadata') {
        return { ok: true, text: parts.join('') };
      } else {
        return broken({ t: 'element', tag: `${tag.closing ? '/' : ''}${tag.name.slice(0, 40)}` });
      }
    }
  }
}

/**
 * The document inside a stackdraw SVG export (its `<metadata id="stackdraw-document">`),
 * read as data only: nothing else in the SVG is looked at. Linear in the length of `svg`.
 * Errors (code `svg-without-document`, path `$`): no such element, or one that is never
 * closed or holds other elements.
 */
export function documentTextFromSvg(svg: string): Found {
  let i = 0;
  for (;;) {
    const lt = svg.indexOf('<', i);
    if (lt < 0) return NOT_FOUND;
    if (svg.startsWith('<!--', lt)) i = skipPast(svg, lt + 4, '-->');
    else if (svg.startsWith('<![CDATA[', lt)) i = skipPast(svg, lt + 9, ']]>');
    else if (svg.startsWith('<?', lt)) i = skipPast(svg, lt + 2, '?>');
    else if (svg.startsWith('<!', lt)) i = skipDeclaration(svg, lt);
    else {
      const tag = readTag(svg, lt);
      if (tag === 'eof') return NOT_FOUND;
      if (tag === undefined) {
        i = lt + 1;
        continue;
      }
      i = tag.end;
      if (!tag.closing && tag.name === 'metadata' && tag.id === 'stackdraw-document') {
        return tag.selfClosing ? { ok: true, text: '' } : metadataText(svg, tag.end);
      }
      continue;
    }
    if (i < 0) return NOT_FOUND;
  }
}
