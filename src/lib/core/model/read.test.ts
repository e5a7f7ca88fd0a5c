import { describe, expect, it } from 'vitest';
import {
  checkDocument,
  documentJson,
  readDocument,
  renderInputError,
  type InputError
} from './read';
import { READER_CATALOGS } from './read-messages';
import { BAD_INPUTS, errorsOfInput } from './read-errors.fixture';

const node = (id: string, kind = 'os', label = id) => ({ id, kind, label });
const edge = (id: string, source: string, target: string) => ({ id, source, target });

function errorsOf(value: unknown): InputError[] {
  const r = typeof value === 'string' ? readDocument(value) : checkDocument(value);
  // (strings are parsed as JSON text; wrap a string value in an object to check it as a value)
  if (r.ok) throw new Error('expected input errors, got a document');
  return r.errors;
}

function onlyError(value: unknown): InputError {
  const errors = errorsOf(value);
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('readDocument: accepted documents', () => {
  it('reads a valid document and keeps unknown fields', () => {
    const r = checkDocument({
      version: 1,
      title: 'T',
      theme: 'dark',
      nodes: [
        { id: 'hw', kind: 'hardware', label: 'Dell', expect: 'type1', colour: 'red' },
        { id: 'esxi', kind: 'hypervisor', label: 'ESXi', product: 'VMware ESXi', hypervisorType: 1 }
      ],
      edges: [{ id: 'e1', source: 'hw', target: 'esxi', style: 'dashed' }]
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.theme).toBe('dark');
    expect(r.document.nodes[0].colour).toBe('red');
    expect(r.document.edges[0].style).toBe('dashed');
  });

  it('missing edges means no edges; an empty label is allowed', () => {
    const r = checkDocument({ version: 1, nodes: [node('a', 'hardware', '')] });
    expect(r.ok && r.document.edges).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = { version: 1, nodes: [node('a', 'hardware')], edges: [] };
    const copy = structuredClone(input);
    const r = checkDocument(input);
    expect(input).toEqual(copy);
    expect(r.ok && r.document.nodes[0]).not.toBe(input.nodes[0]);
  });

  it('reads text with a byte-order mark', () => {
    expect(readDocument('\ufeff{"version":1,"nodes":[]}').ok).toBe(true);
  });
});

describe('readDocument: input errors name the JSON path and the id at fault', () => {
  it('not JSON: says where', () => {
    const e = onlyError('{\n  "version": 1,\n  "nodes": [,]\n}');
    expect(e.code).toBe('not-json');
    expect(e.path).toBe('$');
    expect(e.message).toMatch(
      /not valid JSON at line 3, column 13: unexpected "," where a value should be/
    );
  });

  it('empty input is not JSON', () => {
    expect(onlyError('  ').message).toMatch(/not valid JSON.*empty/);
  });

  it.each([[[]], ['"x"'], ['null'], [3]])('root not an object: %j', (value) => {
    const e = onlyError(value);
    expect(e.code).toBe('root-not-object');
    expect(e.path).toBe('$');
  });

  it('nodes missing', () => {
    const e = onlyError({ version: 1, edges: [] });
    expect(e).toMatchObject({ code: 'nodes-not-array', path: '$.nodes' });
    expect(e.message).toMatch(/missing/);
  });

  it('nodes not an array', () => {
    const e = onlyError({ version: 1, nodes: {} });
    expect(e).toMatchObject({ code: 'nodes-not-array', path: '$.nodes' });
    expect(e.message).toMatch(/must be an array, but it is an object/);
  });

  it('edges not an array', () => {
    expect(onlyError({ version: 1, nodes: [], edges: 'e' })).toMatchObject({
      code: 'edges-not-array',
      path: '$.edges'
    });
  });

  it('a node that is not an object', () => {
    expect(onlyError({ version: 1, nodes: [node('a'), 7] })).toMatchObject({
      code: 'node-not-object',
      path: '$.nodes[1]'
    });
  });

  it('an edge that is not an object', () => {
    expect(onlyError({ version: 1, nodes: [node('a', 'hardware')], edges: [null] })).toMatchObject({
      code: 'edge-not-object',
      path: '$.edges[0]'
    });
  });

  it.each([
    ['missing', undefined, /"id" is missing/],
    ['empty', '', /"id" is empty/],
    ['not a string', 5, /"id" must be a string, but it is number 5/]
  ])('node id %s', (_what, id, message) => {
    const e = onlyError({ version: 1, nodes: [{ id, kind: 'os', label: 'x' }] });
    expect(e).toMatchObject({ code: 'bad-field', path: '$.nodes[0].id' });
    expect(e.message).toMatch(message);
  });

  it.each([
    ['missing', undefined, /"kind" is missing \(node "n"\)/],
    ['empty', '', /"kind" is empty \(node "n"\)/],
    ['not a string', ['os'], /"kind" must be a string, but it is an array \(node "n"\)/]
  ])('node kind %s names the node id', (_what, kind, message) => {
    const e = onlyError({ version: 1, nodes: [{ id: 'n', kind, label: 'x' }] });
    expect(e).toMatchObject({ code: 'bad-field', path: '$.nodes[0].kind', id: 'n' });
    expect(e.message).toMatch(message);
  });

  it.each([
    ['missing', undefined, /"label" is missing/],
    ['not a string', 12, /"label" must be a string/]
  ])('label %s', (_what, label, message) => {
    const e = onlyError({ version: 1, nodes: [{ id: 'n', kind: 'os', label }] });
    expect(e).toMatchObject({ code: 'bad-field', path: '$.nodes[0].label', id: 'n' });
    expect(e.message).toMatch(message);
  });

  it('unknown kind lists the kinds', () => {
    const e = onlyError({
      version: 1,
      nodes: [node('hw', 'hardware'), node('vm', 'virtual-machine')]
    });
    expect(e).toMatchObject({ code: 'unknown-kind', path: '$.nodes[1].kind', id: 'vm' });
    expect(e.message).toMatch(/unknown kind "virtual-machine" \(node "vm"\)/);
    expect(e.message).toMatch(/hardware, firmware, hypervisor, os, container, service/);
  });

  it('duplicate node id points at both', () => {
    const e = onlyError({ version: 1, nodes: [node('a'), node('b'), node('a')] });
    expect(e).toMatchObject({ code: 'duplicate-node-id', path: '$.nodes[2].id', id: 'a' });
    expect(e.message).toMatch(/\$\.nodes\[0\] already uses it/);
  });

  it('duplicate edge id', () => {
    const e = onlyError({
      version: 1,
      nodes: [node('a', 'hardware'), node('b'), node('c', 'service')],
      edges: [edge('x', 'a', 'b'), edge('x', 'b', 'c')]
    });
    expect(e).toMatchObject({ code: 'duplicate-edge-id', path: '$.edges[1].id', id: 'x' });
  });

  it('two edges with the same source and target', () => {
    const e = onlyError({
      version: 1,
      nodes: [node('a', 'hardware'), node('b')],
      edges: [edge('e1', 'a', 'b'), edge('e2', 'a', 'b')]
    });
    expect(e).toMatchObject({ code: 'duplicate-edge', path: '$.edges[1]', id: 'e2' });
    expect(e.message).toMatch(/repeats \$\.edges\[0\]/);
  });

  it('an edge naming a node that does not exist', () => {
    const e = onlyError({
      version: 1,
      nodes: [node('a', 'hardware')],
      edges: [edge('e1', 'a', 'ghost')]
    });
    expect(e).toMatchObject({ code: 'missing-node', path: '$.edges[0].target', id: 'e1' });
    expect(e.message).toMatch(/target "ghost" \(edge "e1"\) names a node that does not exist/);
  });

  it('an edge to a node rejected for another reason is not called missing', () => {
    const errors = errorsOf({
      version: 1,
      nodes: [node('a', 'hardware'), node('b', 'vm')],
      edges: [edge('e1', 'a', 'b')]
    });
    expect(errors.map((e) => e.code)).toEqual(['unknown-kind']);
  });

  it('an edge from a node to itself', () => {
    const e = onlyError({ version: 1, nodes: [node('a')], edges: [edge('e1', 'a', 'a')] });
    expect(e).toMatchObject({ code: 'self-loop', path: '$.edges[0]', id: 'e1' });
  });

  it.each([
    ['source', { id: 'e1', target: 'a' }],
    ['target', { id: 'e1', source: 'a', target: '' }]
  ])('edge %s missing or empty', (field, e) => {
    expect(onlyError({ version: 1, nodes: [node('a')], edges: [e] })).toMatchObject({
      code: 'bad-field',
      path: `$.edges[0].${field}`,
      id: 'e1'
    });
  });

  it.each([[0], [3], ['1'], [null]])('hypervisorType %j', (t) => {
    const e = onlyError({
      version: 1,
      nodes: [{ id: 'h', kind: 'hypervisor', label: 'H', hypervisorType: t }]
    });
    expect(e).toMatchObject({
      code: 'bad-hypervisor-type',
      path: '$.nodes[0].hypervisorType',
      id: 'h'
    });
    expect(e.message).toMatch(/must be 1 or 2/);
  });

  it.each([['Type 1'], ['type3'], [1]])('expect %j', (x) => {
    const e = onlyError({
      version: 1,
      nodes: [{ id: 'hw', kind: 'hardware', label: 'H', expect: x }]
    });
    expect(e).toMatchObject({ code: 'bad-expect', path: '$.nodes[0].expect', id: 'hw' });
    expect(e.message).toMatch(/type1, type2, dedicated/);
  });

  it.each([[2], [0], [1.5]])('unsupported version %j', (version) => {
    const e = onlyError({ version, nodes: [] });
    expect(e).toMatchObject({ code: 'unsupported-version', path: '$.version' });
    expect(e.message).toMatch(/this stackdraw reads version 1/);
  });

  it('a version that is not a number says it must be the number 1', () => {
    const e = onlyError({ version: '1', nodes: [] });
    expect(e).toMatchObject({ code: 'unsupported-version', path: '$.version' });
    expect(e.message).toBe('"version" must be the number 1, but it is the string "1"');
    expect(renderInputError(e, 'ko')).toBe('"version"은 숫자 1이어야 하는데 문자열 "1"입니다');
  });

  it('reader errors read in Korean too (the catalog), English stays the message', () => {
    const cases: [unknown, RegExp][] = [
      [
        { version: 1, nodes: [{ id: 'a', kind: 'toaster', label: 'x' }] },
        /^알 수 없는 종류 "toaster" \(노드 "a"\)/
      ],
      [{ version: 1, nodes: [{ id: 'a', label: 'x' }] }, /^"kind"가 없습니다 \(노드 "a"\)$/],
      [
        {
          version: 1,
          nodes: [
            { id: 'a', kind: 'os', label: 'x' },
            { id: 'a', kind: 'os', label: 'y' }
          ]
        },
        /^노드 id "a"가 중복됩니다/
      ],
      [{ version: 1 }, /^"nodes"가 없습니다/],
      [[], /^문서는 "nodes"와 "edges"가 있는 JSON 객체여야 하는데 배열입니다$/]
    ];
    for (const [value, ko] of cases) {
      const e = onlyError(value);
      expect(e.msg, e.message).toBeDefined();
      expect(renderInputError(e, 'ko')).toMatch(ko);
      expect(renderInputError(e, 'en')).toBe(e.message);
    }
    const bad = readDocument('{"version": 1,');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(renderInputError(bad.errors[0], 'ko')).toMatch(/^올바른 JSON이 아닙니다 \(1행/);
  });

  it('a newer version says so', () => {
    expect(onlyError({ version: 7, nodes: [] }).message).toMatch(/newer stackdraw/);
  });

  it('lists every input error of a document, each with its path', () => {
    const errors = errorsOf({
      version: 1,
      nodes: [node('a', 'nope'), { id: 'b', kind: 'os' }],
      edges: [edge('e1', 'a', 'a')]
    });
    expect(errors.map((e) => e.path)).toEqual([
      '$.nodes[0].kind',
      '$.nodes[1].label',
      '$.edges[0]'
    ]);
  });

  it('caps a flood of errors with a summary', () => {
    const errors = errorsOf({ version: 1, nodes: Array.from({ length: 200 }, () => 1) });
    expect(errors).toHaveLength(51);
    expect(errors[50].message).toBe('… and 150 more input errors');
  });
});

describe('readDocument: every field it accepts can be saved, exported and laid out', () => {
  it('documentJson: indented when it fits the limit, else one line that reads back', () => {
    const doc = {
      version: 1 as const,
      nodes: Array.from({ length: 40 }, (_, i) => ({
        id: `n${i}`,
        kind: 'hardware' as const,
        label: `Server ${i}`,
        position: { x: i * 200, y: 0 }
      })),
      edges: []
    };
    const pretty = documentJson(doc);
    expect(pretty).toEqual({ text: JSON.stringify(doc, null, 2) + '\n', fits: true });
    const compactBytes = JSON.stringify(doc).length + 1;
    const tight = documentJson(doc, compactBytes);
    expect(tight).toEqual({ text: JSON.stringify(doc) + '\n', fits: true });
    expect(readDocument(tight.text, { maxBytes: compactBytes })).toMatchObject({ ok: true });
    expect(documentJson(doc, compactBytes - 1).fits).toBe(false);
  });

  it.each([[5], [null], [['T']], [{ text: 'T' }]])('a title that is not a string: %j', (title) => {
    const e = onlyError({ version: 1, title, nodes: [] });
    expect(e).toMatchObject({ code: 'bad-field', path: '$.title' });
    expect(e.message).toMatch(/^"title" must be a string, but it is /);
  });

  it('a product that is not a string names the node', () => {
    const e = onlyError({
      version: 1,
      nodes: [{ id: 'hv', kind: 'hypervisor', label: 'H', product: 7 }]
    });
    expect(e).toMatchObject({ code: 'bad-field', path: '$.nodes[0].product', id: 'hv' });
    expect(e.message).toBe('"product" must be a string, but it is number 7 (node "hv")');
  });

  it("positions within ±1,000,000 px are accepted; a position's other fields are kept", () => {
    const r = checkDocument({
      version: 1,
      nodes: [
        { ...node('a', 'hardware'), position: { x: -1_000_000, y: 1_000_000 } },
        { ...node('b'), position: { x: 0.5, y: -3, z: 'kept' } }
      ]
    });
    expect(r.ok && r.document.nodes.map((n) => n.position)).toEqual([
      { x: -1_000_000, y: 1_000_000 },
      { x: 0.5, y: -3, z: 'kept' }
    ]);
  });

  it.each([
    [
      '±1e300 (the issue input)',
      { x: 1e300, y: -1e300 },
      ['x', 'y'],
      /between -1000000 and 1000000 px, but it is 1e\+300/
    ],
    ['just over the limit', { x: 0, y: 1_000_000.5 }, ['y'], /but it is 1000000.5/],
    ['strings', { x: '10', y: '20' }, ['x', 'y'], /must be a number, but it is the string "10"/],
    ['a missing y', { x: 3 }, ['y'], /"y" is missing \(node "n"\)/],
    ['NaN and Infinity (from memory, not JSON)', { x: NaN, y: Infinity }, ['x', 'y'], /NaN/]
  ])('a position with %s names each bad coordinate', (_what, position, axes, message) => {
    const errors = errorsOf({ version: 1, nodes: [{ ...node('n', 'hardware'), position }] });
    expect(errors.map((e) => [e.code, e.path, e.id])).toEqual(
      axes.map((a) => ['bad-position', `$.nodes[0].position.${a}`, 'n'])
    );
    expect(errors[0].message).toMatch(message);
  });

  it.each([[null], [[10, 20]], ['10,20'], [5]])('a position that is not an object: %j', (p) => {
    const e = onlyError({ version: 1, nodes: [{ ...node('n', 'hardware'), position: p }] });
    expect(e).toMatchObject({ code: 'bad-position', path: '$.nodes[0].position', id: 'n' });
    expect(e.message).toMatch(/"position" must be an object \{"x": number, "y": number\}/);
  });
});

describe('readDocument: nesting depth', () => {
  /** `{"a":{"a":…{"a":1}…}}`, `levels` objects deep, as JSON text. */
  const nested = (levels: number, key = 'a') =>
    `{"${key}":`.repeat(levels - 1) + `{"${key}":1` + '}'.repeat(levels);

  it('an unknown field nested 100,000 levels deep is an input error naming the path, not a crash', () => {
    const text = `{"version":1,"nodes":[{"id":"n","kind":"os","label":"L","meta":${nested(100_000)}}]}`;
    const e = errorsOf(text);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'too-deep', id: 'n' });
    // The node is level 3; its field's value is level 4, so 61 more "a" steps reach level 65.
    expect(e[0].path).toBe('$.nodes[0].meta' + '.a'.repeat(61));
    expect(e[0].message).toMatch(/nested more than 64 levels deep \(in node "n"\)/);
  });

  it('arrays in a root field, 100,000 deep', () => {
    const text = `{"version":1,"nodes":[],"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const e = onlyError(text);
    expect(e).toMatchObject({ code: 'too-deep' });
    expect(e.path).toBe('$.extra' + '[0]'.repeat(63)); // level 2 + 63 = 65
    expect(e.id).toBeUndefined();
  });

  it('exactly 64 levels are accepted and kept; 65 are not', () => {
    const at = (levels: number) =>
      readDocument(`{"version":1,"nodes":[],"extra":${nested(levels - 1, 'k-1')}}`);
    const ok = at(64);
    expect(ok.ok).toBe(true);
    expect(JSON.stringify(ok.ok && ok.document.extra)).toBe(nested(63, 'k-1'));
    const deep = at(65);
    expect(!deep.ok && deep.errors[0].path).toBe('$.extra' + '["k-1"]'.repeat(63));
  });

  it('a deep value inside an edge names the edge', () => {
    const e = onlyError({
      version: 1,
      nodes: [node('a', 'hardware'), node('b')],
      edges: [{ ...edge('e1', 'a', 'b'), style: JSON.parse(nested(70)) }]
    });
    expect(e).toMatchObject({ code: 'too-deep', id: 'e1' });
    expect(e.message).toMatch(/\(in edge "e1"\)/);
  });
});

describe('every reader error has a catalog key and reads in Korean', () => {
  const all = BAD_INPUTS.flatMap((input) =>
    errorsOfInput(input).map((e) => ({ where: `${input.name}: ${e.path}`, e }))
  );
  /** English sentence words that must not be left in a Korean message (outside quotes). */
  const ENGLISH =
    /\b(must|but|is|are|names?|named|runs?|repeats|needs|belongs|copy|primary|member|node|edge|cluster|not|valid|save|empty|duplicate|unknown|nested|over|limit|the|an?|of|and|this|it|which|itself)\b/i;

  it('the bad inputs are all refused, and together they make every message of the catalog', () => {
    for (const input of BAD_INPUTS) expect(errorsOfInput(input), input.name).not.toEqual([]);
    const helpers = ['got', 'who', 'json', 'utf8', 'bytes'];
    const keys = Object.keys(READER_CATALOGS.en).filter((k) => !helpers.includes(k));
    expect([...new Set(all.map(({ e }) => e.msg.key))].sort()).toEqual(keys.sort());
  });

  it('every error has a key; its English is the message; its Korean has no English sentence', () => {
    for (const { where, e } of all) {
      expect(e.msg, where).toBeDefined();
      expect(renderInputError(e, 'en'), where).toBe(e.message);
      const ko = renderInputError(e, 'ko');
      expect(ko, where).toMatch(/\p{Script=Hangul}/u);
      const words = ko.replace(/"[^"]*"/g, '""');
      expect(words, `${where}: ${ko}`).not.toMatch(ENGLISH);
    }
  });

  it('Korean particles follow the id before them', () => {
    const e = errorsOf({
      version: 1,
      nodes: [node('hw', 'hardware'), node('vm1')],
      edges: [edge('e1', 'hw', 'vm1'), edge('e2', 'hw', 'vm1')]
    })[0];
    expect(e.message).toBe('edge (edge "e2") repeats $.edges[0]: both say "vm1" runs on "hw"');
    expect(renderInputError(e, 'ko')).toBe(
      '연결선 "e2"가 $.edges[0]과 같습니다: 둘 다 "vm1"이 "hw" 위에서 실행된다고 합니다'
    );
    const p = onlyError({ version: 1, nodes: [{ ...node('vm1'), position: { x: 0, y: 'top' } }] });
    expect(p).toMatchObject({ code: 'bad-position', path: '$.nodes[0].position.y', id: 'vm1' });
    expect(renderInputError(p, 'ko')).toBe('"y"는 숫자여야 하는데 문자열 "top"입니다 (노드 "vm1")');
  });
});
