import {
  CURRENT_VERSION,
  EXPECTATIONS,
  KINDS,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode
} from './types';
import { locateJsonError } from './json-error';

/**
 * Reading a document: parse → schema check → migrate by `version`.
 * One function for the CLI and the editor. It never throws: a document that cannot be
 * used comes back as input errors, each naming the JSON path and the id at fault.
 */

export type InputErrorCode =
  | 'not-json'
  | 'svg-without-document'
  | 'root-not-object'
  | 'nodes-not-array'
  | 'edges-not-array'
  | 'node-not-object'
  | 'edge-not-object'
  | 'bad-field'
  | 'unknown-kind'
  | 'duplicate-node-id'
  | 'duplicate-edge-id'
  | 'duplicate-edge'
  | 'missing-node'
  | 'self-loop'
  | 'bad-hypervisor-type'
  | 'bad-expect'
  | 'unsupported-version'
  | 'too-large';

export interface InputError {
  code: InputErrorCode;
  /** JSON path of the offending value, e.g. `$.nodes[3].kind`. */
  path: string;
  /** The id of the node or edge at fault, when it has one. */
  id?: string;
  message: string;
}

export type ReadResult =
  { ok: true; document: DiagramDocument } | { ok: false; errors: InputError[] };

/** How many input errors are listed before the rest are summarised. */
const MAX_ERRORS = 50;

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string')
    return v === '' ? 'an empty string' : `the string ${JSON.stringify(v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Parse JSON text; a syntax error is reported with its line and column. */
export function parseJson(
  text: string
): { ok: true; value: Json } | { ok: false; error: InputError } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const located = locateJsonError(body);
    let message = 'not valid JSON';
    if (body.trim() === '') message += ': the input is empty';
    else if (located) {
      const { line, column } = lineColumn(body, located.offset);
      message += ` at line ${line}, column ${column}: ${located.reason}`;
    }
    return { ok: false, error: { code: 'not-json', path: '$', message } };
  }
}

const METADATA =
  /<metadata\b[^>]*\bid\s*=\s*["']stackdraw-document["'][^>]*>([\s\S]*?)<\/metadata\s*>/;

/** XML character references and the five predefined entities, decoded. */
function decodeXmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, cdata: string) =>
      cdata.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    )
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e as 'lt']!;
    });
}

/**
 * The document inside a stackdraw SVG export (its `<metadata id="stackdraw-document">`),
 * read as data only: nothing else in the SVG is looked at.
 */
export function documentTextFromSvg(
  svg: string
): { ok: true; text: string } | { ok: false; error: InputError } {
  const m = METADATA.exec(svg);
  if (!m) {
    return {
      ok: false,
      error: {
        code: 'svg-without-document',
        path: '$',
        message:
          'this SVG holds no stackdraw document (no <metadata id="stackdraw-document">): only SVGs exported by stackdraw can be opened'
      }
    };
  }
  return { ok: true, text: decodeXmlText(m[1]) };
}

/** Does this text look like XML/SVG rather than JSON? */
export function looksLikeSvg(text: string): boolean {
  return /^\s*</.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** What a reader accepts before refusing a document as too large. */
export interface ReadLimits {
  /** Largest input, in bytes of UTF-8 (default 10 MB). */
  maxBytes?: number;
  /** Most nodes (default 50,000). */
  maxNodes?: number;
}

export const DEFAULT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxNodes: 50_000 } as const;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const mb = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;

/** Read a document from text: a `.json` file, or an SVG exported by stackdraw. */
export function readDocument(text: string, limits: ReadLimits = {}): ReadResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const maxNodes = limits.maxNodes ?? DEFAULT_LIMITS.maxNodes;
  // Checked before parsing: a huge input is refused without spending memory on it.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return {
      ok: false,
      errors: [
        {
          code: 'too-large',
          path: '$',
          message: `the input is ${mb(utf8Length(text))}, over the limit of ${mb(maxBytes)}`
        }
      ]
    };
  }
  const result = readDocumentUnlimited(text);
  if (result.ok && result.document.nodes.length > maxNodes) {
    return {
      ok: false,
      errors: [
        {
          code: 'too-large',
          path: '$.nodes',
          message: `the document has ${result.document.nodes.length} nodes, over the limit of ${maxNodes}`
        }
      ]
    };
  }
  return result;
}

function readDocumentUnlimited(text: string): ReadResult {
  if (looksLikeSvg(text)) {
    const inner = documentTextFromSvg(text);
    if (!inner.ok) return { ok: false, errors: [inner.error] };
    text = inner.text;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return checkDocument(parsed.value, true);
}

/**
 * Schema check and migration of an already parsed value. The returned document is a
 * fresh copy: the input is never mutated. Unknown fields are kept.
 */
export function checkDocument(value: Json, owned = false): ReadResult {
  const errors: InputError[] = [];
  const fail = (e: InputError) => {
    errors.push(e);
  };

  if (!isObject(value)) {
    return {
      ok: false,
      errors: [
        {
          code: 'root-not-object',
          path: '$',
          message: `the document must be a JSON object with "nodes" and "edges", but it is ${describe(value)}`
        }
      ]
    };
  }

  // Version first: a document from a newer stackdraw may mean anything.
  const version = value.version === undefined ? CURRENT_VERSION : value.version;
  if (version !== CURRENT_VERSION) {
    const newer = typeof version === 'number' && version > CURRENT_VERSION;
    return {
      ok: false,
      errors: [
        {
          code: 'unsupported-version',
          path: '$.version',
          message: `unsupported version ${JSON.stringify(version)}: this stackdraw reads version ${CURRENT_VERSION}${
            newer ? ' (the file was written by a newer stackdraw)' : ''
          }`
        }
      ]
    };
  }

  if (!Array.isArray(value.nodes)) {
    fail({
      code: 'nodes-not-array',
      path: '$.nodes',
      message:
        value.nodes === undefined
          ? '"nodes" is missing: a document needs a "nodes" array'
          : `"nodes" must be an array, but it is ${describe(value.nodes)}`
    });
  }
  if (value.edges !== undefined && !Array.isArray(value.edges)) {
    fail({
      code: 'edges-not-array',
      path: '$.edges',
      message: `"edges" must be an array, but it is ${describe(value.edges)}`
    });
  }
  if (errors.length) return { ok: false, errors };

  const rawNodes = value.nodes as Json[];
  const rawEdges = (value.edges ?? []) as Json[];
  const nodes: DiagramNode[] = [];
  const nodeIndex = new Map<string, number>();

  const requireString = (
    obj: Record<string, Json>,
    field: string,
    path: string,
    id: string | undefined,
    allowEmpty: boolean
  ): string | undefined => {
    const v = obj[field];
    if (typeof v === 'string' && (allowEmpty || v !== '')) return v;
    // Only a failure pays for building its message.
    const at = `${path}.${field}`;
    const who =
      id !== undefined ? ` (${path.startsWith('$.nodes') ? 'node' : 'edge'} ${quote(id)})` : '';
    const message =
      v === undefined
        ? `"${field}" is missing${who}`
        : typeof v !== 'string'
          ? `"${field}" must be a string, but it is ${describe(v)}${who}`
          : `"${field}" is empty${who}`;
    fail({ code: 'bad-field', path: at, id, message });
    return undefined;
  };

  rawNodes.forEach((raw, i) => {
    const path = `$.nodes[${i}]`;
    if (!isObject(raw)) {
      fail({
        code: 'node-not-object',
        path,
        message: `each node must be an object, but this one is ${describe(raw)}`
      });
      return;
    }
    const idValue = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    const id = requireString(raw, 'id', path, undefined, false);
    const kind = requireString(raw, 'kind', path, idValue, false);
    const label = requireString(raw, 'label', path, idValue, true);
    const whoNode = () => (idValue !== undefined ? ` (node ${quote(idValue)})` : '');
    let good = id !== undefined && kind !== undefined && label !== undefined;
    if (kind !== undefined && !KIND_SET.has(kind)) {
      fail({
        code: 'unknown-kind',
        path: `${path}.kind`,
        id: idValue,
        message: `unknown kind ${quote(kind)}${whoNode()}: use one of ${KINDS.join(', ')}`
      });
      good = false;
    }
    if (raw.hypervisorType !== undefined && raw.hypervisorType !== 1 && raw.hypervisorType !== 2) {
      fail({
        code: 'bad-hypervisor-type',
        path: `${path}.hypervisorType`,
        id: idValue,
        message: `"hypervisorType" must be 1 or 2, but it is ${describe(raw.hypervisorType)}${whoNode()}`
      });
      good = false;
    }
    if (raw.expect !== undefined && !(EXPECTATIONS as readonly Json[]).includes(raw.expect)) {
      fail({
        code: 'bad-expect',
        path: `${path}.expect`,
        id: idValue,
        message: `"expect" must be one of ${EXPECTATIONS.join(', ')}, but it is ${describe(raw.expect)}${whoNode()}`
      });
      good = false;
    }
    if (id !== undefined) {
      const first = nodeIndex.get(id);
      if (first !== undefined) {
        fail({
          code: 'duplicate-node-id',
          path: `${path}.id`,
          id,
          message: `duplicate node id ${quote(id)}: $.nodes[${first}] already uses it`
        });
        good = false;
      } else {
        nodeIndex.set(id, i);
      }
    }
    if (good) nodes.push((owned ? raw : { ...(raw as object) }) as DiagramNode);
  });

  const edges: DiagramEdge[] = [];
  const edgeIndex = new Map<string, number>();
  const pairIndex = new Map<number, number>();
  rawEdges.forEach((raw, i) => {
    const path = `$.edges[${i}]`;
    if (!isObject(raw)) {
      fail({
        code: 'edge-not-object',
        path,
        message: `each edge must be an object, but this one is ${describe(raw)}`
      });
      return;
    }
    const idValue = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    const id = requireString(raw, 'id', path, undefined, false);
    const source = requireString(raw, 'source', path, idValue, false);
    const target = requireString(raw, 'target', path, idValue, false);
    const whoEdge = () => (idValue !== undefined ? ` (edge ${quote(idValue)})` : '');
    let good = id !== undefined && source !== undefined && target !== undefined;
    if (id !== undefined) {
      const first = edgeIndex.get(id);
      if (first !== undefined) {
        fail({
          code: 'duplicate-edge-id',
          path: `${path}.id`,
          id,
          message: `duplicate edge id ${quote(id)}: $.edges[${first}] already uses it`
        });
        good = false;
      } else {
        edgeIndex.set(id, i);
      }
    }
    const missing = (field: 'source' | 'target', ref: string | undefined) => {
      if (ref === undefined || nodeIndex.has(ref)) return false;
      fail({
        code: 'missing-node',
        path: `${path}.${field}`,
        id: idValue,
        message: `${field} ${quote(ref)}${whoEdge()} names a node that does not exist`
      });
      return true;
    };
    if (missing('source', source)) good = false;
    if (missing('target', target)) good = false;
    if (source !== undefined && source === target) {
      fail({
        code: 'self-loop',
        path,
        id: idValue,
        message: `edge${whoEdge()} goes from node ${quote(source)} to itself: a layer cannot run on itself`
      });
      good = false;
    }
    const si = source === undefined ? undefined : nodeIndex.get(source);
    const ti = target === undefined ? undefined : nodeIndex.get(target);
    if (si !== undefined && ti !== undefined) {
      // A number, not a string: one edge key per edge is on the reader's hot path.
      const key = si * rawNodes.length + ti;
      const first = pairIndex.get(key);
      if (first !== undefined) {
        fail({
          code: 'duplicate-edge',
          path,
          id: idValue,
          message: `edge${whoEdge()} repeats $.edges[${first}]: both say ${quote(target!)} runs on ${quote(source!)}`
        });
        good = false;
      } else {
        pairIndex.set(key, i);
      }
    }
    if (good) edges.push((owned ? raw : { ...(raw as object) }) as DiagramEdge);
  });

  if (errors.length) {
    if (errors.length > MAX_ERRORS) {
      const rest = errors.length - MAX_ERRORS;
      errors.length = MAX_ERRORS;
      errors.push({ code: errors[0].code, path: '$', message: `… and ${rest} more input errors` });
    }
    return { ok: false, errors };
  }

  const document: DiagramDocument = {
    ...(value as object),
    version: 1,
    nodes,
    edges
  } as DiagramDocument;
  return { ok: true, document: migrate(document) };
}

/** Bring an older document up to the current format. Version 1 is the first: nothing to do. */
export function migrate(doc: DiagramDocument): DiagramDocument {
  return doc;
}
