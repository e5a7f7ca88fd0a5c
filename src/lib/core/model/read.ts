import {
  CURRENT_VERSION,
  EXPECTATIONS,
  KINDS,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode
} from './types';
import { locateJsonError } from './json-error';
import { checkDocumentRedundancy, checkNodeRedundancy } from './redundancy-read';
import { decodeInput } from './decode';
import { documentTextFromSvg } from './svg-metadata';
import { gotOf, keyed, renderReaderMessage, type Owner, type ReaderMessage } from './read-messages';
import type { Lang } from '../i18n/lang';

export { documentTextFromSvg };

/**
 * Reading a document: parse → schema check → migrate by `version`.
 * One function for the CLI and the editor. It never throws: a document that cannot be
 * used comes back as input errors, each naming the JSON path and the id at fault.
 */

export type InputErrorCode =
  | 'bad-encoding'
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
  | 'bad-position'
  | 'bad-protection'
  | 'bad-replica'
  | 'replica-chain'
  | 'bad-capacity'
  | 'clusters-not-array'
  | 'bad-cluster'
  | 'bad-member'
  | 'member-in-two-clusters'
  | 'duplicate-cluster-id'
  | 'bad-ha'
  | 'unsupported-version'
  | 'too-deep'
  | 'too-large';

export interface InputError {
  code: InputErrorCode;
  /** JSON path of the offending value, e.g. `$.nodes[3].kind`. */
  path: string;
  /** The id of the node or edge at fault, when it has one. */
  id?: string;
  /** The message in English (see `renderInputError` for other languages). */
  message: string;
  /** The message as a catalog key and parameters (read-messages.ts). */
  msg: ReaderMessage;
  /** `bad-encoding` only: 0-based byte offset of the first byte that cannot be read. */
  offset?: number;
  /** 1-based line of the fault, where known (`bad-encoding`: of the byte; `not-json`). */
  line?: number;
  /** 1-based column (in characters) of the fault, where known (`not-json`). */
  column?: number;
}

/** An input error's message in `lang`. */
export function renderInputError(e: InputError, lang: Lang): string {
  return renderReaderMessage(e.msg, lang);
}

export type ReadResult =
  { ok: true; document: DiagramDocument } | { ok: false; errors: InputError[] };

/** How many input errors are listed before the rest are summarised. */
const MAX_ERRORS = 50;

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

type Json = unknown;

/** A JSON object (not null, not an array). */
export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
  } catch (e) {
    // An engine whose parser recurses runs out of stack on very deep nesting.
    if (e instanceof RangeError) return { ok: false, error: tooDeep('$') };
    let m: ReaderMessage = { key: 'notJson' };
    if (body.trim() === '') m = { key: 'notJson', empty: true };
    else {
      const located = locateJsonError(body);
      if (located)
        m = { key: 'notJson', ...lineColumn(body, located.offset), reason: located.problem };
    }
    const at = m.line !== undefined ? { line: m.line, column: m.column } : {};
    return { ok: false, error: { code: 'not-json', path: '$', ...keyed(m), ...at } };
  }
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

/**
 * A document as JSON text for a file (`layout`, `convert`, the editor's Save): indented by
 * two spaces when that fits within `maxBytes` (UTF-8 bytes; default: the reader's limit),
 * else on one line, so that what is written can be read back. The text may still be over
 * the limit (a document that filled it before positions were added): `fits` says so.
 */
export function documentJson(
  doc: DiagramDocument,
  maxBytes: number = DEFAULT_LIMITS.maxBytes
): { text: string; fits: boolean } {
  const pretty = JSON.stringify(doc, null, 2) + '\n';
  if (utf8Length(pretty) <= maxBytes) return { text: pretty, fits: true };
  const compact = JSON.stringify(doc) + '\n';
  return { text: compact, fits: utf8Length(compact) <= maxBytes };
}

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

/**
 * The input error for an input over `maxBytes` (path `$`, code `too-large`). `bytes` is its
 * size when known (a file), undefined when reading stopped at the limit (a stream).
 */
export function tooLargeError(bytes: number | undefined, maxBytes: number): InputError {
  return { code: 'too-large', path: '$', ...keyed({ key: 'tooLarge', bytes, maxBytes }) };
}

function tooManyNodes(result: ReadResult, maxNodes: number): ReadResult {
  if (!result.ok || result.document.nodes.length <= maxNodes) return result;
  return {
    ok: false,
    errors: [
      {
        code: 'too-large',
        path: '$.nodes',
        ...keyed({ key: 'tooManyNodes', count: result.document.nodes.length, limit: maxNodes })
      }
    ]
  };
}

/**
 * Read a document from text: a `.json` file, or an SVG exported by stackdraw. Text over
 * `limits.maxBytes` bytes of UTF-8 or with over `limits.maxNodes` nodes is refused
 * (`too-large`). Never throws: every problem is an input error.
 */
export function readDocument(text: string, limits: ReadLimits = {}): ReadResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  // Checked before parsing: a huge input is refused without spending memory on it.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return { ok: false, errors: [tooLargeError(utf8Length(text), maxBytes)] };
  }
  return tooManyNodes(readDocumentUnlimited(text), limits.maxNodes ?? DEFAULT_LIMITS.maxNodes);
}

/**
 * Read a document from the bytes of a file or a stream: the size limit applies to the bytes
 * (`limits.maxBytes`, checked before anything is decoded), then the bytes are decoded
 * strictly (UTF-8, or UTF-16 with a byte-order mark: see `decodeInput`; an undecodable byte
 * is a `bad-encoding` error with its byte offset and line) and read as `readDocument` does.
 */
export function readDocumentBytes(bytes: Uint8Array, limits: ReadLimits = {}): ReadResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  if (bytes.length > maxBytes)
    return { ok: false, errors: [tooLargeError(bytes.length, maxBytes)] };
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  return tooManyNodes(
    readDocumentUnlimited(decoded.text),
    limits.maxNodes ?? DEFAULT_LIMITS.maxNodes
  );
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
 * How deeply values may nest, counting the document object as level 1 (a node is level 3,
 * its `position` level 4). Unknown fields are kept, and a kept value must survive
 * `JSON.stringify` and `structuredClone` in every browser: 64 levels is far more than any
 * real document uses and far below any engine's stack.
 */
export const MAX_DEPTH = 64;

/** Largest |x| or |y| of a stored position, in px. */
export const MAX_COORDINATE = 1_000_000;

function tooDeep(path: string, id?: string): InputError {
  const owner = ownerOf(path, id);
  return {
    code: 'too-deep',
    path,
    ...(id === undefined ? {} : { id }),
    ...keyed({ key: 'tooDeep', max: MAX_DEPTH, path, owner })
  };
}

/** The node or edge a path is in, named by `id` (undefined without an id). */
function ownerOf(path: string, id: string | undefined): Owner {
  return id === undefined ? undefined : { what: path.startsWith('$.edges') ? 'edge' : 'node', id };
}

const isContainer = (v: Json): v is object => typeof v === 'object' && v !== null;

/**
 * The first container nested deeper than MAX_DEPTH, or undefined. Iterative (an explicit
 * stack), so no nesting can overflow the call stack; no path is built unless one is found.
 */
function findTooDeep(root: Json): Json | undefined {
  const stack: object[] = [];
  const depths: number[] = [];
  if (isContainer(root)) {
    stack.push(root);
    depths.push(1);
  }
  while (stack.length) {
    const v = stack.pop() as Record<string, Json>;
    const d = depths.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: Json = v[i];
        if (!isContainer(c)) continue;
        if (d >= MAX_DEPTH) return c;
        stack.push(c);
        depths.push(d + 1);
      }
    } else {
      for (const k in v) {
        const c = v[k];
        if (!isContainer(c)) continue;
        if (d >= MAX_DEPTH) return c;
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return undefined;
}

/** `.key`, or `["key"]` when it is not a plain name (long keys shortened with …). */
function pathStep(key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= 40) return `.${key}`;
  return `[${quote(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

/** The JSON path of `target` inside `root` (found by an iterative walk; failures only). */
function pathOf(root: Json, target: Json): string {
  const values: Json[] = [root];
  const parents: number[] = [-1];
  const steps: string[] = ['$'];
  for (let at = 0; at < values.length; at++) {
    const v = values[at];
    if (v === target) {
      const parts: string[] = [];
      for (let p = at; p >= 0; p = parents[p]) parts.push(steps[p]);
      return parts.reverse().join('');
    }
    if (!isContainer(v)) continue;
    const add = (c: Json, step: string) => {
      if (!isContainer(c)) return;
      values.push(c);
      parents.push(at);
      steps.push(step);
    };
    if (Array.isArray(v)) v.forEach((c: Json, i) => add(c, `[${i}]`));
    else for (const [k, c] of Object.entries(v)) add(c, pathStep(k));
  }
  return '$';
}

/** A `too-deep` error for a value nested over MAX_DEPTH levels, naming its path and owner. */
function depthError(root: Record<string, Json>, deep: Json): InputError {
  const path = pathOf(root, deep);
  const owner = /^\$\.(nodes|edges)\[(\d+)\]/.exec(path);
  const item = owner ? (root[owner[1]] as Json[])[Number(owner[2])] : undefined;
  const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
  return tooDeep(path, id);
}

/** Is this a `position` the editor, the layout and the export can use? */
function goodPosition(p: Json): boolean {
  if (!isObject(p)) return false;
  const { x, y } = p;
  return (
    typeof x === 'number' &&
    typeof y === 'number' &&
    Math.abs(x) <= MAX_COORDINATE &&
    Math.abs(y) <= MAX_COORDINATE
  );
}

/** The input errors of a `position` that `goodPosition` refused. */
function positionErrors(p: Json, path: string, id: string | undefined): InputError[] {
  const owner = ownerOf(path, id);
  const at = `${path}.position`;
  if (!isObject(p)) {
    return [
      {
        code: 'bad-position',
        path: at,
        id,
        ...keyed({ key: 'positionNotObject', got: gotOf(p), owner })
      }
    ];
  }
  const errors: InputError[] = [];
  for (const axis of ['x', 'y'] as const) {
    const v = p[axis];
    const problem: ReaderMessage | undefined =
      v === undefined
        ? { key: 'fieldMissing', field: axis, owner }
        : typeof v !== 'number'
          ? { key: 'fieldNotNumber', field: axis, got: gotOf(v), owner }
          : Math.abs(v) <= MAX_COORDINATE
            ? undefined
            : { key: 'coordinateOutOfRange', field: axis, max: MAX_COORDINATE, value: v, owner };
    if (problem)
      errors.push({ code: 'bad-position', path: `${at}.${axis}`, id, ...keyed(problem) });
  }
  return errors;
}

/**
 * Schema check and migration of an already parsed value. The returned document is a
 * fresh copy: the input is never mutated. Unknown fields are kept.
 *
 * Everything accepted can be saved, laid out and exported: no value nests deeper than
 * MAX_DEPTH levels (`too-deep`, checked first, without recursion), `title` and `product`
 * are strings (`bad-field`), a `position` is `{x, y}` with numbers within ±MAX_COORDINATE
 * px (`bad-position`, one error per bad coordinate), besides the shape checks of ids,
 * kinds, labels and edges. Errors name the JSON path and, where there is one, the id.
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
          ...keyed({ key: 'rootNotObject', got: gotOf(value) })
        }
      ]
    };
  }

  // Version first: a document from a newer stackdraw may mean anything.
  const version = value.version === undefined ? CURRENT_VERSION : value.version;
  if (version !== CURRENT_VERSION) {
    // "1" (a string) is not an old or new version: say what it should be.
    const m: ReaderMessage =
      typeof version === 'number'
        ? { key: 'unsupportedVersion', version, expected: CURRENT_VERSION }
        : { key: 'versionNotNumber', expected: CURRENT_VERSION, got: gotOf(version) };
    return { ok: false, errors: [{ code: 'unsupported-version', path: '$.version', ...keyed(m) }] };
  }

  // Before anything else: a deep value cannot be saved, exported or copied.
  const deep = findTooDeep(value);
  if (deep !== undefined) return { ok: false, errors: [depthError(value, deep)] };

  if (value.title !== undefined && typeof value.title !== 'string') {
    fail({
      code: 'bad-field',
      path: '$.title',
      ...keyed({ key: 'fieldNotString', field: 'title', got: gotOf(value.title), owner: undefined })
    });
  }
  if (!Array.isArray(value.nodes)) {
    fail({
      code: 'nodes-not-array',
      path: '$.nodes',
      ...keyed(
        value.nodes === undefined
          ? { key: 'nodesMissing' }
          : { key: 'notArray', field: 'nodes', got: gotOf(value.nodes) }
      )
    });
  }
  if (value.edges !== undefined && !Array.isArray(value.edges)) {
    fail({
      code: 'edges-not-array',
      path: '$.edges',
      ...keyed({ key: 'notArray', field: 'edges', got: gotOf(value.edges) })
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
    const owner = ownerOf(path, id);
    const m: ReaderMessage =
      v === undefined
        ? { key: 'fieldMissing', field, owner }
        : typeof v !== 'string'
          ? { key: 'fieldNotString', field, got: gotOf(v), owner }
          : { key: 'fieldEmpty', field, owner };
    fail({ code: 'bad-field', path: at, id, ...keyed(m) });
    return undefined;
  };

  rawNodes.forEach((raw, i) => {
    const path = `$.nodes[${i}]`;
    if (!isObject(raw)) {
      fail({
        code: 'node-not-object',
        path,
        ...keyed({ key: 'itemNotObject', what: 'node', got: gotOf(raw) })
      });
      return;
    }
    const idValue = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    const id = requireString(raw, 'id', path, undefined, false);
    const kind = requireString(raw, 'kind', path, idValue, false);
    const label = requireString(raw, 'label', path, idValue, true);
    const owner = ownerOf(path, idValue);
    let good = id !== undefined && kind !== undefined && label !== undefined;
    if (kind !== undefined && !KIND_SET.has(kind)) {
      fail({
        code: 'unknown-kind',
        path: `${path}.kind`,
        id: idValue,
        ...keyed({ key: 'unknownKind', kind, owner, kinds: KINDS })
      });
      good = false;
    }
    if (raw.hypervisorType !== undefined && raw.hypervisorType !== 1 && raw.hypervisorType !== 2) {
      fail({
        code: 'bad-hypervisor-type',
        path: `${path}.hypervisorType`,
        id: idValue,
        ...keyed({ key: 'badHypervisorType', got: gotOf(raw.hypervisorType), owner })
      });
      good = false;
    }
    if (raw.expect !== undefined && !(EXPECTATIONS as readonly Json[]).includes(raw.expect)) {
      fail({
        code: 'bad-expect',
        path: `${path}.expect`,
        id: idValue,
        ...keyed({ key: 'badExpect', values: EXPECTATIONS, got: gotOf(raw.expect), owner })
      });
      good = false;
    }
    if (raw.product !== undefined && typeof raw.product !== 'string') {
      fail({
        code: 'bad-field',
        path: `${path}.product`,
        id: idValue,
        ...keyed({ key: 'fieldNotString', field: 'product', got: gotOf(raw.product), owner })
      });
      good = false;
    }
    if (raw.position !== undefined && !goodPosition(raw.position)) {
      for (const e of positionErrors(raw.position, path, idValue)) fail(e);
      good = false;
    }
    if (!checkNodeRedundancy(raw, path, idValue, fail)) good = false;
    if (id !== undefined) {
      const first = nodeIndex.get(id);
      if (first !== undefined) {
        fail({
          code: 'duplicate-node-id',
          path: `${path}.id`,
          id,
          ...keyed({ key: 'duplicateId', what: 'node', id, first })
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
        ...keyed({ key: 'itemNotObject', what: 'edge', got: gotOf(raw) })
      });
      return;
    }
    const idValue = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    const id = requireString(raw, 'id', path, undefined, false);
    const source = requireString(raw, 'source', path, idValue, false);
    const target = requireString(raw, 'target', path, idValue, false);
    let good = id !== undefined && source !== undefined && target !== undefined;
    if (id !== undefined) {
      const first = edgeIndex.get(id);
      if (first !== undefined) {
        fail({
          code: 'duplicate-edge-id',
          path: `${path}.id`,
          id,
          ...keyed({ key: 'duplicateId', what: 'edge', id, first })
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
        ...keyed({ key: 'missingNode', field, ref, owner: ownerOf(path, idValue) })
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
        ...keyed({ key: 'selfLoop', node: source, owner: ownerOf(path, idValue) })
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
          ...keyed({
            key: 'duplicateEdge',
            first,
            source: source!,
            target: target!,
            owner: ownerOf(path, idValue)
          })
        });
        good = false;
      } else {
        pairIndex.set(key, i);
      }
    }
    if (good) edges.push((owned ? raw : { ...(raw as object) }) as DiagramEdge);
  });

  if (errors.length === 0) checkDocumentRedundancy(value, nodes, edges, nodeIndex, fail);

  if (errors.length) {
    if (errors.length > MAX_ERRORS) {
      const rest = errors.length - MAX_ERRORS;
      errors.length = MAX_ERRORS;
      errors.push({ code: errors[0].code, path: '$', ...keyed({ key: 'moreErrors', rest }) });
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
