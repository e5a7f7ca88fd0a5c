import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/failure';
import { example } from '../layout/examples.fixture';
import { checkDocument } from '../model/read';
import type { DiagramDocument } from '../model/types';
import { validate } from '../rules/validate';
import { doc } from '../testing';
import { deleteElements, isRefused, setHost, updateNode, type Outcome } from './commands';
import { History } from './history';
import {
  addReplica,
  consolidate,
  createCluster,
  planConsolidation,
  removeCluster,
  setCluster,
  tidyReferences,
  updateCluster
} from './redundancy';

function ok<T extends Outcome>(o: T): Exclude<T, { error: string }> {
  if (isRefused(o)) throw new Error(o.error);
  return o as Exclude<T, { error: string }>;
}
/** The reader accepts the document (an autosave of it reads back). */
const readable = (d: DiagramDocument) => {
  const r = checkDocument(JSON.parse(JSON.stringify(d)));
  return r.ok ? 'ok' : r.errors.map((e) => e.message).join('; ');
};

const twoHosts = () =>
  doc(
    [
      's1 hardware Server 1',
      's2 hardware Server 2',
      'h1 hypervisor ESXi',
      'h2 hypervisor ESXi',
      'vm os Web VM',
      'web service Web',
      'ct container nginx'
    ],
    ['s1>h1', 's2>h2', 'h1>vm', 'vm>web', 'vm>ct'],
    { vm: { memoryGiB: 8 } }
  );

describe('clusters', () => {
  it('createCluster groups the machines of the selected nodes, HA on, named in the UI language', () => {
    const done = ok(createCluster(twoHosts(), { members: ['web', 's2', 'h1'], lang: 'ko' }));
    expect(done.doc.clusters).toEqual([
      { id: 'cluster-1', label: '클러스터 1', members: ['s1', 's2'], ha: true }
    ]);
    expect(done.select).toEqual(['s1', 's2']);
    expect(readable(done.doc)).toBe('ok');
  });

  it('a machine moves from its old cluster into the new one', () => {
    const first = ok(createCluster(twoHosts(), { members: ['s1', 's2'] })).doc;
    const second = ok(createCluster(first, { members: ['s2'], ha: false })).doc;
    expect(second.clusters!.map((c) => [c.id, c.label, c.members, c.ha])).toEqual([
      ['cluster-1', 'Cluster 1', ['s1'], true],
      ['cluster-2', 'Cluster 2', ['s2'], undefined]
    ]);
    expect(readable(second)).toBe('ok');
  });

  it('rename, HA off and on, join, leave and remove', () => {
    let d = ok(createCluster(twoHosts(), { members: ['s1'] })).doc;
    d = ok(updateCluster(d, { id: 'cluster-1', label: 'Prod', ha: false })).doc;
    expect(d.clusters![0]).toEqual({ id: 'cluster-1', label: 'Prod', members: ['s1'] });
    d = ok(setCluster(d, { machine: 's2', cluster: 'cluster-1' })).doc;
    expect(d.clusters![0].members).toEqual(['s1', 's2']);
    d = ok(setCluster(d, { machine: 's1', cluster: null })).doc;
    expect(d.clusters![0].members).toEqual(['s2']);
    expect(isRefused(setCluster(d, { machine: 'h1', cluster: 'cluster-1' }))).toBe(true);
    expect(isRefused(updateCluster(d, { id: 'cluster-1', label: 'Prod' }))).toBe(true);
    d = ok(removeCluster(d, { id: 'cluster-1' })).doc;
    expect(d.clusters).toBeUndefined();
    expect(isRefused(createCluster(d, { members: [] }))).toBe(true);
  });
});

describe('FT copies', () => {
  it('addReplica copies the VM with what runs in it onto the other host, marks the primary FT', () => {
    const d = twoHosts();
    const done = ok(addReplica(d, { guest: 'vm', hv: 'h2' }));
    const copy = done.doc.nodes.find((n) => n.id === done.select![0])!;
    expect(copy).toMatchObject({ kind: 'os', label: 'Web VM', replicaOf: 'vm', memoryGiB: 8 });
    expect(copy.protection).toBeUndefined();
    expect(done.doc.nodes.find((n) => n.id === 'vm')!.protection).toBe('ft');
    expect(done.doc.edges).toContainEqual(
      expect.objectContaining({ source: 'h2', target: copy.id })
    );
    const onCopy = done.doc.edges.filter((e) => e.source === copy.id).map((e) => e.target);
    expect(onCopy.map((id) => done.doc.nodes.find((n) => n.id === id)!.label).sort()).toEqual([
      'Web',
      'nginx'
    ]);
    expect(readable(done.doc)).toBe('ok');
    // Failing the primary's host: the service continues on the copy.
    const web = analyze(done.doc, ['s1']).services.find((s) => s.id === 'web')!;
    expect(web).toEqual({ id: 'web', state: 'continues', on: 's2' });
  });

  it('one secondary per primary (asked of the copy too), named apart; only guests get copies, only onto hypervisors', () => {
    const d = ok(addReplica(twoHosts(), { guest: 'vm', hv: 'h2', suffix: ' (FT copy)' })).doc;
    const first = d.nodes.find((n) => n.replicaOf === 'vm')!;
    const primary = d.nodes.find((n) => n.id === 'vm')!;
    expect(first.label).toBe(`${primary.label} (FT copy)`);
    // A second copy, of the primary or of its copy, is refused and names the first.
    for (const guest of ['vm', first.id]) {
      const again = addReplica(d, { guest, hv: 'h1' });
      expect(isRefused(again)).toBe(true);
      expect(isRefused(again) && again.error).toMatch(/already has an FT copy/);
    }
    // Once the copy is gone, a new one may go elsewhere.
    const gone = tidyReferences(ok(deleteElements(d, { nodes: [first.id] })).doc);
    expect(isRefused(addReplica(gone, { guest: 'vm', hv: 'h1' }))).toBe(false);
    expect(isRefused(addReplica(d, { guest: 'web', hv: 'h2' }))).toBe(true);
    expect(isRefused(addReplica(d, { guest: 'vm', hv: 's2' }))).toBe(true);
  });
});

describe('tidyReferences keeps every document readable', () => {
  it('making a cluster of machines already in one moves them; an emptied cluster is removed', () => {
    let d = ok(createCluster(twoHosts(), { members: ['s1', 's2'] })).doc;
    // The same machines again: nothing to make.
    expect(isRefused(createCluster(d, { members: ['s1', 's2'] }))).toBe(true);
    d = ok(createCluster(d, { members: ['s1'] })).doc;
    expect(d.clusters!.map((c) => c.members)).toEqual([['s2'], ['s1']]);
    d = ok(createCluster(d, { members: ['s2', 's1'] })).doc;
    expect(d.clusters!.map((c) => c.members)).toEqual([['s2', 's1']]);
    // The last machine leaving its cluster removes it; deleting the last one too.
    const left = ok(setCluster(d, { machine: 's1', cluster: null })).doc;
    expect(ok(setCluster(left, { machine: 's2', cluster: null })).doc.clusters).toEqual([]);
    const deleted = tidyReferences(ok(deleteElements(d, { nodes: ['s1', 's2'] })).doc);
    expect(deleted.clusters).toEqual([]);
  });

  it('deleting a member or a primary leaves no dangling reference', () => {
    let d = ok(addReplica(twoHosts(), { guest: 'vm', hv: 'h2' })).doc;
    d = ok(createCluster(d, { members: ['s1', 's2'] })).doc;
    const gone = tidyReferences(ok(deleteElements(d, { nodes: ['s1', 'vm'] })).doc);
    expect(gone.clusters![0].members).toEqual(['s2']);
    expect(gone.nodes.some((n) => n.replicaOf !== undefined)).toBe(false);
    expect(readable(gone)).toBe('ok');
  });

  it('a member put on top of something leaves its cluster; a primary that is no OS loses its copies', () => {
    let d = ok(addReplica(twoHosts(), { guest: 'vm', hv: 'h2' })).doc;
    d = ok(createCluster(d, { members: ['s1', 's2'] })).doc;
    const moved = tidyReferences(ok(setHost(d, { node: 's2', host: 'h1' })).doc);
    expect(moved.clusters![0].members).toEqual(['s1']);
    const kind = tidyReferences(ok(updateNode(d, { id: 'vm', patch: { kind: 'service' } })).doc);
    expect(kind.nodes.some((n) => n.replicaOf !== undefined)).toBe(false);
    expect(readable(moved)).toBe('ok');
    expect(readable(kind)).toBe('ok');
  });

  it('returns the same document when nothing needs it', () => {
    const d = example('redundancy-ft-pair.en');
    expect(tidyReferences(d)).toBe(d);
  });
});

describe('consolidation', () => {
  it('plans the notes’ 8 → 2: four and four, in order', () => {
    const plan = planConsolidation([8, 12, 24, 8, 4, 8, 4, 8], { hosts: 2 });
    expect(plan).toEqual({
      hosts: 2,
      assignment: [
        [0, 1, 2, 3],
        [4, 5, 6, 7]
      ],
      fits: true
    });
  });

  it('picks the fewest hosts that fit memory, and room for a failed host with HA', () => {
    const memory = [8, 12, 24, 8, 4, 8, 4, 8];
    expect(planConsolidation(memory, { hostMemoryGiB: 64 }).hosts).toBe(2);
    expect(planConsolidation(memory, { hostMemoryGiB: 128 }).hosts).toBe(1);
    expect(planConsolidation(memory, { hostMemoryGiB: 96, ha: true }).hosts).toBe(2);
    expect(planConsolidation(memory, { hostMemoryGiB: 64, ha: true }).hosts).toBe(3);
    // Unknown sizes: the notes' four VMs per host.
    expect(planConsolidation([undefined, 8, 8, 8, 8], { hostMemoryGiB: 64 }).hosts).toBe(2);
    expect(planConsolidation(new Array(100).fill(undefined)).hosts).toBe(25);
  });

  it('the 8 dedicated servers become 2 ESXi hosts that validate as Type 1, in one undoable step', () => {
    const original = example('redundancy-dedicated-8.en');
    const machines = original.nodes.filter((n) => n.kind === 'hardware').map((n) => n.id);
    const done = ok(
      consolidate(original, { machines, product: 'VMware ESXi', hosts: 2, hostMemoryGiB: 64 })
    );
    expect([done.before, done.after]).toEqual([8, 2]);
    const d = done.doc;
    expect(readable(d)).toBe('ok');
    const report = validate(d);
    expect(report.valid).toBe(true);
    expect(report.stacks.map((s) => s.classification)).toEqual(['type1', 'type1']);
    const a = analyze(d);
    expect(a.figures).toEqual({ machines: 2, guests: 8, services: 8, servicesPerMachine: 4 });
    // Each dedicated OS is now a guest, with its service and its memory.
    const sql = d.nodes.find((n) => n.id === 'sql-os')!;
    expect(sql.memoryGiB).toBe(24);
    expect(d.edges.find((e) => e.target === 'sql')!.source).toBe('sql-os');
    expect(d.nodes.filter((n) => n.kind === 'hypervisor').map((n) => n.label)).toEqual([
      'VMware ESXi',
      'VMware ESXi'
    ]);
    // One step: undo gives back the eight servers exactly.
    const history = new History();
    history.record({ doc: original, selection: [] }, 'consolidate');
    expect(history.undo({ doc: d, selection: [] })!.doc).toBe(original);
  });

  it('with HA: an HA cluster of the hosts, every VM protected, no single point of failure', () => {
    const original = example('redundancy-dedicated-8.en');
    const done = ok(
      consolidate(original, {
        machines: ['web', 'mail', 'sql', 'file', 'dhcp', 'ad', 'radius', 'nms'],
        product: 'Microsoft Hyper-V',
        hostMemoryGiB: 96,
        ha: true
      })
    );
    expect(done.after).toBe(2);
    expect(done.doc.clusters).toEqual([
      expect.objectContaining({ members: done.select, ha: true })
    ]);
    expect(done.doc.nodes.filter((n) => n.protection === 'ha')).toHaveLength(8);
    const rules = validate(done.doc).diagnostics.map((x) => x.rule);
    expect(rules).not.toContain('single-point-of-failure');
    expect(rules).not.toContain('ha-no-failover-capacity');
  });

  it('refuses stacks that are not valid dedicated servers, naming them', () => {
    const d = example('redundancy-consolidated-ha.en');
    const r = consolidate(d, { machines: ['srv1'], product: 'VMware ESXi' });
    expect(isRefused(r) && r.error).toMatch(/not "Server 1"/);
    expect(isRefused(consolidate(d, { machines: [], product: 'ESXi' }))).toBe(true);
  });

  it('an unknown product is still drawn as a Type 1 hypervisor', () => {
    const d = example('redundancy-dedicated-8.en');
    const done = ok(consolidate(d, { machines: ['web-hw', 'mail-hw'], product: 'Acme HV' }));
    expect(done.doc.nodes.find((n) => n.label === 'Acme HV')!.hypervisorType).toBe(1);
    expect(validate(done.doc).stacks.filter((s) => s.classification === 'type1')).toHaveLength(1);
  });
});
