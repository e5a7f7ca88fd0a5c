/**
 * The redundancy rules (redundancy issue, section 2): each one firing and not, with the
 * nodes it names, its words in both languages and its fix where there is one.
 */
import { describe, expect, it } from 'vitest';
import { applyFix, isRefused } from '../commands/commands';
import type { Lang } from '../i18n/lang';
import { example } from '../layout/examples.fixture';
import type { DiagramDocument, DiagramNode } from '../model/types';
import { doc } from '../testing';
import { renderDiagnostic } from './messages/render';
import type { RuleId } from './types';
import { validate } from './validate';

const REDUNDANCY: RuleId[] = [
  'ft-same-host',
  'ft-no-replica',
  'ha-no-cluster',
  'memory-overcommit',
  'ha-no-failover-capacity',
  'single-point-of-failure'
];

/** The redundancy diagnostics: [rule, severity, nodes], with their words in `lang`. */
function found(d: DiagramDocument, lang: Lang = 'en') {
  const nodes = new Map(d.nodes.map((n) => [n.id, n]));
  return validate(d)
    .diagnostics.filter((x) => REDUNDANCY.includes(x.rule))
    .map((x) => ({ ...x, ...renderDiagnostic(x, nodes, lang) }));
}
const fired = (d: DiagramDocument, rule: RuleId) =>
  found(d)
    .filter((x) => x.rule === rule)
    .map((x) => x.nodes);

/** Two ESXi hosts s1, s2; VMs a (on s1) and b (on s2), each with a service. */
function hosts(
  extra: Record<string, Partial<DiagramNode>> = {},
  more: { nodes?: string[]; edges?: string[] } = {}
): DiagramDocument {
  return doc(
    [
      's1 hardware Server 1',
      's2 hardware Server 2',
      'h1 hypervisor ESXi',
      'h2 hypervisor ESXi',
      'a os VM A',
      'sa service App A',
      'b os VM B',
      'sb service App B',
      ...(more.nodes ?? [])
    ],
    ['s1>h1', 's2>h2', 'h1>a', 'a>sa', 'h2>b', 'b>sb', ...(more.edges ?? [])],
    extra
  );
}
const cluster = (d: DiagramDocument, ha = true, members = ['s1', 's2']) => {
  d.clusters = [{ id: 'prod', label: 'Production', members, ...(ha ? { ha } : {}) }];
  return d;
};

describe('ft-same-host', () => {
  it('fires (error) when the primary and its replica stand on the same hardware, naming both and the hardware', () => {
    const d = hosts(
      { a: { protection: 'ft' }, a2: { replicaOf: 'a' } },
      { nodes: ['a2 os VM A copy'], edges: ['h1>a2'] }
    );
    const [x] = found(d).filter((f) => f.rule === 'ft-same-host');
    expect(x.severity).toBe('error');
    expect(x.nodes).toEqual(['a', 'a2', 's1']);
    expect(x.message).toMatch(/"VM A" and its FT copy "VM A copy" both run on "Server 1"/);
    expect(validate(d).valid).toBe(false);
    expect(found(d, 'ko').find((f) => f.rule === 'ft-same-host')!.message).toMatch(
      /"VM A"와 그 FT 사본 "VM A copy"가 모두 "Server 1"에서/
    );
  });

  it('does not fire when the copy runs on another machine', () => {
    const d = hosts(
      { a: { protection: 'ft' }, a2: { replicaOf: 'a' } },
      { nodes: ['a2 os VM A copy'], edges: ['h2>a2'] }
    );
    expect(fired(d, 'ft-same-host')).toEqual([]);
    expect(validate(d).valid).toBe(true);
  });
});

describe('ft-no-replica', () => {
  it('fires (warning) on an FT guest with no copy, with a fix when one other host is clear', () => {
    const d = hosts({ a: { protection: 'ft' } });
    const [x] = found(d).filter((f) => f.rule === 'ft-no-replica');
    expect(x).toMatchObject({ severity: 'warning', nodes: ['a'] });
    expect(x.message).toMatch(/"VM A" is marked for fault tolerance \(FT\), but no copy/);
    expect(x.hint).toMatch(/on "ESXi"/);
    expect(x.fix).toEqual({ type: 'add-ft-replica', guest: 'a', hv: 'h2' });
    // The fix adds the copy on the other host, with its service: the warning goes.
    const done = applyFix(d, { fix: x.fix! });
    if (isRefused(done)) throw new Error(done.error);
    expect(fired(done.doc, 'ft-no-replica')).toEqual([]);
    expect(fired(done.doc, 'ft-same-host')).toEqual([]);
    const copy = done.doc.nodes.find((n) => n.replicaOf === 'a')!;
    expect(done.doc.edges).toContainEqual(
      expect.objectContaining({ source: 'h2', target: copy.id })
    );
    expect(done.doc.nodes.filter((n) => n.label === 'App A')).toHaveLength(2);
  });

  it('no fix when several hosts could take the copy; silent on the copy itself and on non-FT guests', () => {
    const d = hosts(
      { a: { protection: 'ft' } },
      { nodes: ['s3 hardware S3', 'h3 hypervisor ESXi'], edges: ['s3>h3'] }
    );
    expect(found(d).find((f) => f.rule === 'ft-no-replica')!.fix).toBeUndefined();
    const paired = hosts(
      { a: { protection: 'ft' }, a2: { protection: 'ft', replicaOf: 'a' } },
      { nodes: ['a2 os copy'], edges: ['h2>a2'] }
    );
    expect(fired(paired, 'ft-no-replica')).toEqual([]);
    expect(fired(hosts(), 'ft-no-replica')).toEqual([]);
  });
});

describe('ha-no-cluster', () => {
  it('fires (warning) when the guest’s machine is in no cluster', () => {
    const d = hosts({ a: { protection: 'ha' } });
    const [x] = found(d).filter((f) => f.rule === 'ha-no-cluster');
    expect(x).toMatchObject({ severity: 'warning', nodes: ['a'] });
    expect(x.finding.key).toBe('ha-no-cluster.none');
    expect(x.message).toMatch(/"Server 1" is in no cluster/);
    expect(x.fix).toBeUndefined();
  });

  it('fires when the machine is alone in its cluster', () => {
    const d = cluster(hosts({ a: { protection: 'ha' } }), true, ['s1']);
    const [x] = found(d).filter((f) => f.rule === 'ha-no-cluster');
    expect(x.finding.key).toBe('ha-no-cluster.alone');
    expect(x.message).toMatch(/alone in cluster "Production"/);
  });

  it('fires when the cluster lacks ha: true, with a fix that turns it on', () => {
    const d = cluster(hosts({ a: { protection: 'ha' } }), false);
    const [x] = found(d).filter((f) => f.rule === 'ha-no-cluster');
    expect(x.finding.key).toBe('ha-no-cluster.ha-off');
    expect(x.message).toMatch(/cluster "Production" has HA turned off/);
    expect(found(d, 'ko').find((f) => f.rule === 'ha-no-cluster')!.message).toMatch(
      /클러스터 "Production"의 HA가 꺼져/
    );
    expect(x.fix).toEqual({ type: 'enable-ha', cluster: 'prod' });
    const done = applyFix(d, { fix: x.fix! });
    if (isRefused(done)) throw new Error(done.error);
    expect(done.doc.clusters![0].ha).toBe(true);
    expect(fired(done.doc, 'ha-no-cluster')).toEqual([]);
  });

  it('does not fire in an HA cluster of two, nor for an unprotected guest', () => {
    expect(fired(cluster(hosts({ a: { protection: 'ha' } })), 'ha-no-cluster')).toEqual([]);
    expect(fired(hosts(), 'ha-no-cluster')).toEqual([]);
  });
});

describe('memory-overcommit', () => {
  const numbers = {
    s1: { memoryGiB: 16 },
    a: { memoryGiB: 12 },
    a2: { memoryGiB: 8 }
  };
  const more = { nodes: ['a2 os VM A2'], edges: ['h1>a2'] };

  it('fires (warning) when the guests take more than the hardware has, naming it', () => {
    const [x] = found(hosts(numbers, more)).filter((f) => f.rule === 'memory-overcommit');
    expect(x).toMatchObject({ severity: 'warning', nodes: ['s1'] });
    expect(x.message).toMatch(/given 20 GiB of memory, but the machine has 16 GiB/);
  });

  it('only when all the numbers are given', () => {
    const partial = hosts({ ...numbers, a2: {} }, more);
    expect(fired(partial, 'memory-overcommit')).toEqual([]);
    const noCapacity = hosts({ ...numbers, s1: {} }, more);
    expect(fired(noCapacity, 'memory-overcommit')).toEqual([]);
    expect(fired(hosts({ ...numbers, s1: { memoryGiB: 20 } }, more), 'memory-overcommit')).toEqual(
      []
    );
  });

  it('counts the host OS of a Type 2 stack', () => {
    const d = doc(
      ['pc hardware Laptop', 'w os Windows 11', 'vb hypervisor VirtualBox', 'u os Ubuntu'],
      ['pc>w', 'w>vb', 'vb>u'],
      { pc: { memoryGiB: 8 }, w: { memoryGiB: 4 }, u: { memoryGiB: 6 } }
    );
    expect(fired(d, 'memory-overcommit')).toEqual([['pc']]);
    // The message tells the VMs' share from the host OS's.
    const said = found(d).find((f) => f.rule === 'memory-overcommit')!.message;
    expect(said).toBe(
      'The VMs on "Laptop" are given 6 GiB of memory and its host OS keeps 4 GiB: 10 GiB, but the machine has 8 GiB.'
    );
    expect(found(d, 'ko').find((f) => f.rule === 'memory-overcommit')!.message).toMatch(
      /호스트 OS가 쓰는 4 GiB/
    );
    d.nodes[1].memoryGiB = 2;
    expect(fired(d, 'memory-overcommit')).toEqual([]);
  });
});

describe('ha-no-failover-capacity', () => {
  it('the notes-style example: Server 1’s VMs do not fit on Server 2, named', () => {
    const d = example('redundancy-ha-capacity.en');
    const [x] = found(d).filter((f) => f.rule === 'ha-no-failover-capacity');
    expect(x).toMatchObject({ severity: 'warning', nodes: ['node1'] });
    expect(x.message).toMatch(/In cluster "Cluster", if "Server 1" fails/);
  });

  it('names every member that cannot be covered', () => {
    const d = cluster(
      hosts({
        s1: { memoryGiB: 16 },
        s2: { memoryGiB: 16 },
        a: { protection: 'ha', memoryGiB: 12 },
        b: { protection: 'ha', memoryGiB: 12 }
      })
    );
    expect(fired(d, 'ha-no-failover-capacity')).toEqual([['s1', 's2']]);
    expect(found(d)[0].message).toMatch(/if any one of "Server 1", "Server 2" fails/);
  });

  it('does not fire with room, without HA, or with unknown sizes', () => {
    const roomy = cluster(
      hosts({
        s1: { memoryGiB: 32 },
        s2: { memoryGiB: 32 },
        a: { protection: 'ha', memoryGiB: 12 },
        b: { protection: 'ha', memoryGiB: 12 }
      })
    );
    expect(fired(roomy, 'ha-no-failover-capacity')).toEqual([]);
    const tight = {
      s1: { memoryGiB: 16 },
      s2: { memoryGiB: 16 },
      a: { protection: 'ha' as const, memoryGiB: 12 },
      b: { protection: 'ha' as const, memoryGiB: 12 }
    };
    expect(fired(cluster(hosts(tight), false), 'ha-no-failover-capacity')).toEqual([]);
    expect(fired(cluster(hosts({ ...tight, s2: {} })), 'ha-no-failover-capacity')).toEqual([
      ['s2']
    ]);
  });
});

describe('single-point-of-failure', () => {
  it('is an info, once per hardware, listing its services: every dedicated server of the notes', () => {
    const d = example('redundancy-dedicated-8.en');
    const spof = found(d).filter((f) => f.rule === 'single-point-of-failure');
    expect(spof).toHaveLength(8);
    expect(spof.every((x) => x.severity === 'info')).toBe(true);
    const web = spof.find((x) => x.nodes[0] === 'web-hw')!;
    expect(web.finding).toMatchObject({ hw: 'web-hw', services: ['web'] });
    expect(web.message).toMatch(
      /"Server 1" is a single point of failure: if it fails, "Web server" stops/
    );
    expect(web.hint).toMatch(/dedicated servers \(notes 13\.2\.2\)/);
    // An info never makes a document invalid.
    expect(validate(d).valid).toBe(true);
  });

  it('does not fire when HA restarts the VMs or an FT copy continues', () => {
    expect(fired(example('redundancy-consolidated-ha.en'), 'single-point-of-failure')).toEqual([]);
    expect(fired(example('redundancy-ft-pair.en'), 'single-point-of-failure')).toEqual([]);
  });

  it('lists only the services left without protection on a host', () => {
    const d = example('redundancy-ha-restart.en');
    const [x] = found(d).filter((f) => f.rule === 'single-point-of-failure');
    expect(x.finding).toMatchObject({ hw: 'host2', services: ['test'] });
    expect(x.finding.key).toBe('single-point-of-failure.host');
    expect(found(example('redundancy-ha-restart.ko'), 'ko')[0].message).toMatch(
      /"Hyper-V 서버 2"는 단일 장애점\(SPOF\)입니다/
    );
  });

  it('its hint says why the protection fails: no room for HA, or an FT copy on the same host', () => {
    const spof = found(example('redundancy-ha-capacity.en')).filter(
      (f) => f.rule === 'single-point-of-failure'
    );
    // Server 1's ERP is HA-protected but finds no room; Server 2's Analytics is unprotected.
    const roomless = spof.find((x) => x.nodes[0] === 'node1')!;
    expect(roomless.finding.key).toBe('single-point-of-failure.no-room');
    expect(roomless.hint).toMatch(/free memory/);
    expect(roomless.hint).not.toMatch(/not protected/);
    expect(spof.find((x) => x.nodes[0] === 'node2')!.finding.key).toBe(
      'single-point-of-failure.host'
    );
    // Both FT copies on s1: its failure stops App A, and the hint says to move the copy.
    const d = hosts(
      { a: { protection: 'ft' }, a2: { replicaOf: 'a' } },
      { nodes: ['a2 os VM A copy', 'sa2 service App A'], edges: ['h1>a2', 'a2>sa2'] }
    );
    const [same] = found(d).filter(
      (f) => f.rule === 'single-point-of-failure' && f.nodes[0] === 's1'
    );
    expect(same.finding.key).toBe('single-point-of-failure.same-host');
    expect(same.hint).toMatch(/move the copy to another host/);
    expect(found(d, 'ko').find((f) => f.finding.key === same.finding.key)!.hint).toMatch(
      /다른 호스트로 옮기세요/
    );
  });

  it('a machine with nothing on it, or no services, is no single point of failure', () => {
    const d = doc(['hw hardware Spare', 'e hypervisor ESXi', 'v os VM'], ['hw>e', 'e>v']);
    expect(fired(d, 'single-point-of-failure')).toEqual([]);
  });
});
