import { describe, expect, it } from 'vitest';
import { doc } from '../testing';
import { validate } from '../rules/validate';
import type { DiagramDocument } from '../model/types';
import {
  addNode,
  applyFix,
  connect,
  copySelection,
  deleteElements,
  isRefused,
  duplicate,
  reverseEdge,
  moveNodes,
  paste,
  setHost,
  setTitle,
  updateNode,
  type Outcome
} from './commands';

const ok = (o: Outcome) => {
  if (isRefused(o)) throw new Error(`refused: ${o.error}`);
  return o;
};
/** The rules a document breaks (a lone server carrying services is a single point of
 * failure: a note these building tests are not about). */
const rulesOf = (d: DiagramDocument) =>
  validate(d)
    .diagnostics.map((x) => x.rule)
    .filter((r) => r !== 'single-point-of-failure');

describe('commands', () => {
  const base = doc(['hw hardware PC', 'win os Windows 11'], ['hw>win'], {
    hw: { position: { x: 0, y: 200 } },
    win: { position: { x: 0, y: 100 } }
  });

  it('addNode on a host makes the edge, selects the node and asks for a name', () => {
    const r = ok(addNode(base, { kind: 'hypervisor', label: 'VirtualBox', onto: 'win' }));
    const added = r.doc.nodes[r.doc.nodes.length - 1];
    expect(added).toMatchObject({ id: 'hv-1', kind: 'hypervisor', label: 'VirtualBox' });
    expect(r.doc.edges).toContainEqual({ id: 'e-1', source: 'win', target: 'hv-1' });
    expect(r.select).toEqual(['hv-1']);
    expect(r.rename).toBe('hv-1');
    // The old document is untouched.
    expect(base.nodes).toHaveLength(2);
  });

  it('new ids never collide with ids in use', () => {
    const d = doc(['hv-1 hypervisor A', 'e-1 os B']);
    const r = ok(addNode(d, { kind: 'hypervisor', onto: 'e-1' }));
    expect(r.doc.nodes.map((n) => n.id)).toEqual(['hv-1', 'e-1', 'hv-2']);
    expect(r.doc.edges[0].id).toBe('e-2');
  });

  it('deleteElements removes nodes with their edges', () => {
    const r = ok(deleteElements(base, { nodes: ['win'] }));
    expect(r.doc.nodes.map((n) => n.id)).toEqual(['hw']);
    expect(r.doc.edges).toEqual([]);
    expect(isRefused(deleteElements(base, {}))).toBe(true);
  });

  it('connect refuses a loop, a node on itself and a duplicate, allows a wrong stack', () => {
    expect(connect(base, { source: 'hw', target: 'hw' })).toMatchObject({ reason: 'self' });
    expect(connect(base, { source: 'hw', target: 'win' })).toMatchObject({ reason: 'duplicate' });
    expect(connect(base, { source: 'win', target: 'hw' })).toMatchObject({ reason: 'loop' });
    const more = {
      ...base,
      nodes: [...base.nodes, { id: 'hw2', kind: 'hardware' as const, label: 'Disk' }]
    };
    const r = ok(connect(more, { source: 'win', target: 'hw2' }));
    expect(rulesOf(r.doc)).toContain('hardware-on-host');
  });

  it('setHost moves a node onto another host, keeping the edge id', () => {
    const d = doc(['a hardware A', 'b hardware B', 'o os O'], ['a>o']);
    const r = ok(setHost(d, { node: 'o', host: 'b', position: { x: 5, y: 6 } }));
    expect(r.doc.edges).toEqual([{ id: 'e1', source: 'b', target: 'o' }]);
    expect(r.doc.nodes[2].position).toEqual({ x: 5, y: 6 });
  });

  it('updateNode drops fields that no longer fit the kind', () => {
    const d = doc(['h hypervisor H'], [], { h: { hypervisorType: 2 } });
    const r = ok(updateNode(d, { id: 'h', patch: { kind: 'os' } }));
    expect(r.doc.nodes[0]).toEqual({ id: 'h', kind: 'os', label: 'H' });
    expect(isRefused(updateNode(d, { id: 'h', patch: { label: 'H' } }))).toBe(true);
    const t = ok(updateNode(d, { id: 'h', patch: { hypervisorType: null } }));
    expect(t.doc.nodes[0]).not.toHaveProperty('hypervisorType');
  });

  it('moveNodes and setTitle refuse no-ops', () => {
    expect(isRefused(moveNodes(base, { positions: { hw: { x: 0, y: 200 } } }))).toBe(true);
    expect(
      ok(moveNodes(base, { positions: { hw: { x: 1, y: 2 } } })).doc.nodes[0].position
    ).toEqual({ x: 1, y: 2 });
    expect(ok(setTitle(base, { title: 'Lab' })).doc.title).toBe('Lab');
  });

  it('paste keeps the edges inside the selection and gives new ids', () => {
    const d = doc(
      ['hw hardware S', 'x hypervisor ESXi', 'g os Guest', 'web service Web', 'sql service SQL'],
      ['hw>x', 'x>g', 'g>web', 'g>sql'],
      { g: { position: { x: 10, y: 10 } } }
    );
    const clip = copySelection(d, ['g', 'web', 'sql']);
    expect(clip.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['g>web', 'g>sql']);
    const r = ok(paste(d, { clip }));
    const fresh = r.doc.nodes.slice(5);
    expect(fresh.map((n) => n.id)).toEqual(['os-1', 'svc-1', 'svc-2']);
    expect(fresh[0].position).toEqual({ x: 42, y: 42 });
    expect(r.doc.edges.slice(4).map((e) => `${e.source}>${e.target}`)).toEqual([
      'os-1>svc-1',
      'os-1>svc-2'
    ]);
    expect(r.select).toEqual(['os-1', 'svc-1', 'svc-2']);
    // The pasted guest has no host yet: it is unplaced until connected.
    expect(rulesOf(r.doc)).toContain('unplaced');
  });
});

describe('quick fixes make the problem go away', () => {
  const fixFor = (d: DiagramDocument, rule: string) =>
    validate(d).diagnostics.find((x) => x.rule === rule)!.fix!;

  it.each([
    [
      'insert-host-os',
      doc(['hw hardware PC', 'v hypervisor VirtualBox', 'u os U'], ['hw>v', 'v>u']),
      'type-mismatch'
    ],
    [
      'insert-guest-os',
      doc(
        ['hw hardware S', 'x hypervisor ESXi', 'g os G', 's service Web'],
        ['hw>x', 'x>g', 'x>s']
      ),
      'invalid-host'
    ],
    ['add-guest-os', doc(['hw hardware S', 'x hypervisor ESXi'], ['hw>x']), 'idle-hypervisor'],
    [
      'insert-hypervisor',
      doc(['hw hardware S', 'a os A', 'b os B'], ['hw>a', 'hw>b']),
      'one-bare-metal-system'
    ],
    [
      'move-onto-firmware',
      doc(['hw hardware S', 'f firmware UEFI', 'o os W'], ['hw>f', 'hw>o']),
      'bypasses-firmware'
    ],
    [
      'reset-hypervisor-type',
      doc(['hw hardware S', 'x hypervisor ESXi', 'g os G'], ['hw>x', 'x>g'], {
        x: { hypervisorType: 2 }
      }),
      'type-mismatch'
    ]
  ])('%s', (type, d, rule) => {
    const fix = fixFor(d, rule);
    expect(fix.type).toBe(type);
    const after = ok(applyFix(d, { fix })).doc;
    expect(rulesOf(after)).not.toContain(rule);
    if (type !== 'add-guest-os')
      expect(validate(after).valid || rule === 'idle-hypervisor').toBe(true);
  });

  it('the service fix leaves a valid Type 1 stack with the service on the new guest OS', () => {
    const d = doc(['hw hardware S', 'x hypervisor ESXi', 's service Web'], ['hw>x', 'x>s']);
    const after = ok(applyFix(d, { fix: fixFor(d, 'invalid-host') })).doc;
    expect(validate(after)).toMatchObject({ valid: true, stacks: [{ classification: 'type1' }] });
  });
});

describe('building faster: duplicate keeps the host, paste goes onto the selected node', () => {
  const esxi = doc(
    ['hw hardware Server', 'e hypervisor ESXi', 'w os Windows Server', 'web service Web'],
    ['hw>e', 'e>w', 'w>web']
  );

  it('duplicating a guest OS with its service keeps the copy on the same hypervisor', () => {
    const r = ok(duplicate(esxi, { ids: ['w', 'web'] }));
    const [copyOs, copyWeb] = r.doc.nodes.slice(esxi.nodes.length);
    expect(copyOs).toMatchObject({ kind: 'os', label: 'Windows Server' });
    expect(r.doc.edges).toContainEqual(expect.objectContaining({ source: 'e', target: copyOs.id }));
    expect(r.doc.edges).toContainEqual(
      expect.objectContaining({ source: copyOs.id, target: copyWeb.id })
    );
    expect(rulesOf(r.doc)).toEqual([]);
    expect(r.select).toEqual([copyOs.id, copyWeb.id]);
  });

  it("the notes' ESXi host with 4 guests: one guest, then three duplicates", () => {
    let d = esxi;
    for (let i = 0; i < 3; i++) d = ok(duplicate(d, { ids: ['w', 'web'] })).doc;
    const guests = d.edges.filter((e) => e.source === 'e');
    expect(guests).toHaveLength(4);
    expect(rulesOf(d)).toEqual([]);
  });

  it('paste with a node selected puts the pasted roots on it, where they may run', () => {
    const clip = copySelection(esxi, ['w', 'web']);
    const other = doc(['h2 hardware Server 2', 'e2 hypervisor ESXi'], ['h2>e2']);
    const r = ok(paste(other, { clip, onto: 'e2' }));
    const pastedOs = r.doc.nodes[2];
    expect(r.doc.edges).toContainEqual(
      expect.objectContaining({ source: 'e2', target: pastedOs.id })
    );
    expect(rulesOf(r.doc)).toEqual([]);
    // A service cannot run on the hardware: pasted onto it, it stays free (and says so).
    const svcClip = copySelection(esxi, ['web']);
    const free = ok(paste(other, { clip: svcClip, onto: 'h2' }));
    expect(free.doc.edges).toHaveLength(1);
  });

  it('reverseEdge swaps a connection, and refuses a loop', () => {
    const d = doc(['a os A', 'hw hardware H'], ['a>hw']);
    const r = ok(reverseEdge(d, { id: 'e1' }));
    expect(r.doc.edges).toEqual([{ id: 'e1', source: 'hw', target: 'a' }]);
    const loop = doc(['a os A', 'b os B', 'c os C'], ['a>b', 'b>c', 'a>c']);
    expect(reverseEdge(loop, { id: 'e3' })).toMatchObject({ reason: 'loop' });
  });
});
