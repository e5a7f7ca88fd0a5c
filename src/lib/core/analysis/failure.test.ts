import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { example } from '../layout/examples.fixture';
import type { DiagramDocument, DiagramNode } from '../model/types';
import { doc } from '../testing';
import { analyze, type ServiceOutcome } from './failure';

/** Services as `id → "state on"` ("web restarted srv2", "dns down"). */
const states = (d: DiagramDocument, failed: string[] = []) =>
  Object.fromEntries(
    analyze(d, failed).services.map((s: ServiceOutcome) => [
      s.id,
      s.on ? `${s.state} ${s.on}` : s.state
    ])
  );
const stops = (d: DiagramDocument) =>
  Object.fromEntries(analyze(d).hardware.map((h) => [h.id, h.stops]));

/** Two ESXi hosts in a cluster; `extra` adds fields to nodes. */
function twoHosts(extra: Record<string, Partial<DiagramNode>> = {}, ha = true): DiagramDocument {
  const d = doc(
    [
      's1 hardware Server 1',
      's2 hardware Server 2',
      'h1 hypervisor ESXi',
      'h2 hypervisor ESXi',
      'vm1 os Web VM',
      'web service Web',
      'vm2 os DB VM',
      'db service DB'
    ],
    ['s1>h1', 's2>h2', 'h1>vm1', 'vm1>web', 'h2>vm2', 'vm2>db'],
    { vm1: { protection: 'ha' }, ...extra }
  );
  d.clusters = [{ id: 'c', label: 'Prod', members: ['s1', 's2'], ...(ha ? { ha: true } : {}) }];
  return d;
}

describe('analyze: the notes’ examples', () => {
  it('eight dedicated servers: 8 machines, 8 services, each a single point of failure', () => {
    const d = example('redundancy-dedicated-8.en');
    const a = analyze(d);
    expect(a.figures).toEqual({ machines: 8, guests: 0, services: 8, servicesPerMachine: 1 });
    expect(a.failed).toEqual([]);
    expect(a.stopped).toEqual([]);
    expect(a.services.every((s) => s.state === 'running' && s.on === `${s.id}-hw`)).toBe(true);
    expect(stops(d)).toMatchObject({ 'web-hw': ['web'], 'sql-hw': ['sql'], 'nms-hw': ['nms'] });
    const failed = states(d, ['web-hw']);
    expect(failed.web).toBe('down');
    expect(failed.mail).toBe('running mail-hw');
    // Machines and services in the document's order (Server 1 … 8), not their ids'.
    expect(a.hardware.map((h) => h.id)).toEqual(
      d.nodes.filter((n) => n.kind === 'hardware').map((n) => n.id)
    );
    expect(a.services.map((s) => s.id)).toEqual(
      d.nodes.filter((n) => n.kind === 'service').map((n) => n.id)
    );
    // A dedicated server's OS takes its memory too.
    const web = a.memory.find((m) => m.id === 'web-hw')!;
    expect(web.usedGiB).toBe(d.nodes.find((n) => n.id === 'web-os')!.memoryGiB);
    expect(web.usedGiB).toBeGreaterThan(0);
  });

  it('consolidated onto two ESXi hosts in an HA cluster: 8 → 2 (4:1), a host failure restarts its VMs', () => {
    const d = example('redundancy-consolidated-ha.en');
    const a = analyze(d, ['srv1']);
    expect(a.figures).toEqual({ machines: 2, guests: 8, services: 8, servicesPerMachine: 4 });
    expect(a.failed).toEqual(['srv1']);
    const s = states(d, ['srv1']);
    for (const id of ['web', 'mail', 'sql', 'file']) expect(s[id]).toBe('restarted srv2');
    for (const id of ['dhcp', 'ad', 'radius', 'nms']) expect(s[id]).toBe('running srv2');
    expect(a.restarts.map((r) => [r.guest, r.from, r.to, r.hypervisor])).toContainEqual([
      'sql-vm',
      'srv1',
      'srv2',
      'esxi2'
    ]);
    // Every service survives either host failing alone.
    expect(stops(d)).toEqual({ srv1: [], srv2: [] });
    expect(a.memory).toEqual([
      { id: 'srv1', capacityGiB: 96, usedGiB: 52, known: true },
      { id: 'srv2', capacityGiB: 96, usedGiB: 24, known: true }
    ]);
  });

  it('HA restart: the failed host’s protected VM restarts on the other; an unprotected one goes down', () => {
    const d = example('redundancy-ha-restart.en');
    expect(states(d, ['host1'])).toEqual({
      web: 'restarted host2',
      db: 'running host2',
      test: 'running host2'
    });
    expect(states(d, ['host2'])).toEqual({
      web: 'running host1',
      db: 'restarted host1',
      test: 'down'
    });
    expect(stops(d)).toEqual({ host1: [], host2: ['test'] });
  });

  it('FT pair: the copy continues with no interruption, whichever host fails', () => {
    const d = example('redundancy-ft-pair.en');
    expect(states(d, ['esx1'])).toEqual({ pay: 'continues esx2', 'pay-2': 'running esx2' });
    expect(states(d, ['esx2'])).toEqual({ pay: 'running esx1', 'pay-2': 'continues esx1' });
    expect(states(d, ['esx1', 'esx2'])).toEqual({ pay: 'down', 'pay-2': 'down' });
    expect(analyze(d, ['esx1']).continuations).toEqual([
      { guest: 'pay-vm', copy: 'pay-vm-2', on: 'esx2' }
    ]);
    // The secondary's host failing: the primary just goes on, nothing takes over.
    expect(analyze(d, ['esx2']).continuations).toEqual([]);
    // The secondary's services mirror the primary's: lists show each service once.
    const listed = analyze(d, ['esx2']).services.filter((s) => !s.mirror);
    expect(listed).toEqual([{ id: 'pay', state: 'running', on: 'esx1' }]);
    expect(stops(d)).toEqual({ esx1: [], esx2: [] });
  });

  it('a cluster without room: largest first, first fit; what does not fit goes down', () => {
    const d = example('redundancy-ha-capacity.en');
    const a = analyze(d, ['node1']);
    // Server 2 has 64 − 48 = 16 GiB free: ERP (40) does not fit, CRM (16) does.
    expect(states(d, ['node1'])).toMatchObject({ erp: 'down', crm: 'restarted node2' });
    expect(a.unplaced).toEqual([{ guest: 'erp-vm', reason: 'memory' }]);
    expect(stops(d)).toEqual({ node1: ['erp'], node2: ['analytics'] });
  });

  it('the Korean examples tell the same story', () => {
    for (const name of ['dedicated-8', 'consolidated-ha', 'ha-restart', 'ft-pair', 'ha-capacity']) {
      const en = analyze(example(`redundancy-${name}.en`));
      const ko = analyze(example(`redundancy-${name}.ko`));
      expect(ko.figures, name).toEqual(en.figures);
      expect(ko.hardware, name).toEqual(en.hardware);
    }
  });
});

describe('analyze: what fails and what recovers', () => {
  it('failing a hypervisor restarts its HA guests elsewhere (notes: "when a hypervisor fails")', () => {
    expect(states(twoHosts(), ['h1'])).toEqual({ web: 'restarted s2', db: 'running s2' });
  });

  it('a VM that itself fails is not restarted by HA; a failed service is down', () => {
    expect(states(twoHosts(), ['vm1']).web).toBe('down');
    expect(states(twoHosts(), ['web'])).toEqual({ web: 'down', db: 'running s2' });
  });

  it('HA off, or no cluster: no restart', () => {
    expect(states(twoHosts({}, false), ['s1']).web).toBe('down');
    const alone = twoHosts();
    delete alone.clusters;
    expect(states(alone, ['s1']).web).toBe('down');
  });

  it('a member without a running hypervisor takes nothing', () => {
    expect(states(twoHosts(), ['s1', 'h2']).web).toBe('down');
    expect(analyze(twoHosts(), ['s1', 'h2']).unplaced).toEqual([
      { guest: 'vm1', reason: 'no-host' }
    ]);
  });

  it('unknown memory is room: a host without memoryGiB takes any VM', () => {
    const d = twoHosts({ vm1: { protection: 'ha', memoryGiB: 500 }, s1: { memoryGiB: 512 } });
    expect(states(d, ['s1']).web).toBe('restarted s2');
  });

  it('first fit follows the cluster’s member order', () => {
    const d = doc(
      [
        'a hardware A',
        'b hardware B',
        'c hardware C',
        'ha hypervisor ESXi',
        'hb hypervisor ESXi',
        'hc hypervisor ESXi',
        'v os V',
        's service S'
      ],
      ['a>ha', 'b>hb', 'c>hc', 'ha>v', 'v>s'],
      { v: { protection: 'ha', memoryGiB: 8 }, b: { memoryGiB: 4 }, c: { memoryGiB: 64 } }
    );
    d.clusters = [{ id: 'k', label: 'K', members: ['a', 'c', 'b'], ha: true }];
    expect(states(d, ['a']).s).toBe('restarted c');
    d.clusters[0].members = ['a', 'b', 'c'];
    // B has 4 GiB: too small, so C again.
    expect(states(d, ['a']).s).toBe('restarted c');
  });

  it('a VM nested in an HA VM restarts with it', () => {
    const d = doc(
      [
        's1 hardware S1',
        's2 hardware S2',
        'h1 hypervisor ESXi',
        'h2 hypervisor ESXi',
        'outer os Windows',
        'ws hypervisor VMware Workstation',
        'inner os Ubuntu',
        'app service App'
      ],
      ['s1>h1', 's2>h2', 'h1>outer', 'outer>ws', 'ws>inner', 'inner>app'],
      { outer: { protection: 'ha' } }
    );
    d.clusters = [{ id: 'c', label: 'C', members: ['s1', 's2'], ha: true }];
    expect(states(d, ['s1']).app).toBe('restarted s2');
    expect(states(d, ['ws']).app).toBe('down');
  });

  it('a Type 2 host OS’s memory counts toward the machine', () => {
    const d = doc(
      ['pc hardware PC', 'w os Windows 11', 'vb hypervisor VirtualBox', 'u os Ubuntu'],
      ['pc>w', 'w>vb', 'vb>u'],
      { pc: { memoryGiB: 16 }, w: { memoryGiB: 6 }, u: { memoryGiB: 4 } }
    );
    expect(analyze(d).memory).toEqual([{ id: 'pc', capacityGiB: 16, usedGiB: 10, known: true }]);
  });

  it('a service standing on no hardware runs nowhere: it is not listed, unless it stops', () => {
    const d = doc(
      ['s1 hardware Server', 'vm1 os VM', 'web service Web', 'lone os Lone', 'x service X'],
      ['s1>vm1', 'vm1>web', 'lone>x']
    );
    expect(states(d)).toEqual({ web: 'running s1' });
    expect(states(d, ['lone'])).toEqual({ web: 'running s1', x: 'down' });
    for (const s of analyze(d, ['s1']).services)
      if (s.state !== 'down') expect(s.on, s.id).toBeDefined();
  });

  it('failed ids: each once, in the order given; an unknown id is refused by name', () => {
    expect(analyze(twoHosts(), ['s2', 's1', 's2']).failed).toEqual(['s2', 's1']);
    expect(() => analyze(twoHosts(), ['s9'])).toThrow(/"s9"/);
    expect(() => analyze(twoHosts(), ['c'])).toThrow(/"c"/);
  });
});

// ── Properties over random clustered data centres ────────────────────────────────────

interface Centre {
  doc: DiagramDocument;
  machines: string[];
  /** [primary, replica] pairs on different machines. */
  pairs: [string, string][];
}

/** Random machines with hypervisors, VMs (HA, FT or none, memory or not), services, clusters. */
const centre: fc.Arbitrary<Centre> = fc
  .record({
    machines: fc.integer({ min: 1, max: 6 }),
    vms: fc.array(
      fc.record({
        host: fc.nat(),
        memory: fc.option(fc.integer({ min: 0, max: 64 }), { nil: undefined }),
        protection: fc.constantFrom(undefined, 'ha' as const, 'ft' as const),
        services: fc.integer({ min: 0, max: 2 }),
        replicaOn: fc.option(fc.nat(), { nil: undefined })
      }),
      { maxLength: 12 }
    ),
    capacity: fc.array(fc.option(fc.integer({ min: 0, max: 128 }), { nil: undefined }), {
      minLength: 6,
      maxLength: 6
    }),
    split: fc.integer({ min: 0, max: 6 }),
    ha: fc.boolean(),
    dedicated: fc.integer({ min: 0, max: 2 })
  })
  .map(({ machines, vms, capacity, split, ha, dedicated }) => {
    const nodes: DiagramNode[] = [];
    const edges: DiagramDocument['edges'] = [];
    const link = (s: string, t: string) =>
      edges.push({ id: `e${edges.length + 1}`, source: s, target: t });
    const ms: string[] = [];
    for (let m = 0; m < machines; m++) {
      const hw: DiagramNode = { id: `m${m}`, kind: 'hardware', label: `M${m}` };
      if (capacity[m] !== undefined) hw.memoryGiB = capacity[m];
      nodes.push(hw, { id: `hv${m}`, kind: 'hypervisor', label: 'ESXi' });
      link(`m${m}`, `hv${m}`);
      ms.push(`m${m}`);
    }
    const pairs: [string, string][] = [];
    vms.forEach((v, i) => {
      const host = v.host % machines;
      const vm: DiagramNode = { id: `vm${i}`, kind: 'os', label: `VM ${i}` };
      if (v.memory !== undefined) vm.memoryGiB = v.memory;
      if (v.protection) vm.protection = v.protection;
      nodes.push(vm);
      link(`hv${host}`, vm.id);
      for (let s = 0; s < v.services; s++) {
        nodes.push({ id: `s${i}-${s}`, kind: 'service', label: `S${i}.${s}` });
        link(vm.id, `s${i}-${s}`);
      }
      if (v.replicaOn !== undefined && machines > 1) {
        const other = (host + 1 + (v.replicaOn % (machines - 1))) % machines;
        const r: DiagramNode = { id: `vm${i}r`, kind: 'os', label: `VM ${i}′`, replicaOf: vm.id };
        nodes.push(r);
        link(`hv${other}`, r.id);
        nodes.push({ id: `s${i}r`, kind: 'service', label: `S${i}′` });
        link(r.id, `s${i}r`);
        pairs.push([vm.id, r.id]);
      }
    });
    for (let k = 0; k < dedicated; k++) {
      nodes.push(
        { id: `d${k}`, kind: 'hardware', label: `D${k}` },
        { id: `do${k}`, kind: 'os', label: 'Linux' },
        { id: `ds${k}`, kind: 'service', label: 'Svc' }
      );
      link(`d${k}`, `do${k}`);
      link(`do${k}`, `ds${k}`);
      ms.push(`d${k}`);
    }
    const cut = Math.min(split, machines);
    const clusters = [];
    if (cut > 0) clusters.push({ id: 'ca', label: 'A', members: ms.slice(0, cut), ha });
    if (machines - cut > 0)
      clusters.push({ id: 'cb', label: 'B', members: ms.slice(cut, machines), ha: !ha });
    return { doc: { version: 1, nodes, edges, clusters }, machines: ms, pairs };
  });

describe('analyze: properties', () => {
  it('failing nothing stops nothing', () => {
    fc.assert(
      fc.property(centre, ({ doc: d }) => {
        const a = analyze(d, []);
        expect(a.stopped).toEqual([]);
        expect(a.restarts).toEqual([]);
        for (const s of a.services) expect(s.state).toBe('running');
      })
    );
  });

  it('failing every machine stops everything', () => {
    fc.assert(
      fc.property(centre, ({ doc: d, machines }) => {
        const a = analyze(d, machines);
        expect(a.stopped).toHaveLength(d.nodes.length);
        for (const s of a.services) {
          expect(s.state).toBe('down');
          expect(s.on).toBeUndefined();
        }
      })
    );
  });

  it('a replica on other hardware always survives its primary’s failure', () => {
    fc.assert(
      fc.property(centre, ({ doc: d, pairs }) => {
        for (const [primary, replica] of pairs) {
          const host = d.edges.find((e) => e.target === primary)!.source;
          const machine = d.edges.find((e) => e.target === host)!.source;
          const a = analyze(d, [machine]);
          const stopped = new Set(a.stopped);
          expect(stopped.has(replica)).toBe(false);
          const byId = new Map(a.services.map((s) => [s.id, s]));
          // The primary's services continue on the replica's machine.
          for (const e of d.edges.filter((x) => x.source === primary))
            expect(byId.get(e.target)!.state).toBe('continues');
        }
      })
    );
  });

  it('no host takes more memory than it has free when HA restarts', () => {
    fc.assert(
      fc.property(centre, fc.nat(), ({ doc: d, machines }, pick) => {
        const failed = machines[pick % machines.length];
        const a = analyze(d, [failed]);
        const mem = new Map(d.nodes.map((n) => [n.id, n.memoryGiB ?? 0]));
        for (const h of a.memory) {
          if (h.capacityGiB === undefined || h.id === failed) continue;
          const added = a.restarts
            .filter((r) => r.to === h.id)
            .reduce((sum, r) => sum + mem.get(r.guest)!, 0);
          if (added > 0) expect(h.usedGiB + added).toBeLessThanOrEqual(h.capacityGiB);
        }
      })
    );
  });

  it('what a machine alone stops is what failing it leaves down', () => {
    fc.assert(
      fc.property(centre, ({ doc: d, machines }) => {
        const a = analyze(d);
        for (const h of a.hardware) {
          const down = analyze(d, [h.id])
            .services.filter((s) => s.state === 'down')
            .map((s) => s.id);
          expect(h.stops, h.id).toEqual(down);
        }
        expect(a.hardware.map((h) => h.id).sort()).toEqual([...machines].sort());
      })
    );
  });
});
