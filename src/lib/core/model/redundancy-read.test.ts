import { describe, expect, it } from 'vitest';
import { checkDocument, renderInputError, type InputError } from './read';

/** A two-host HA cluster: srv1 and srv2 run ESXi; vm1 is protected, vm2 is its FT copy. */
function base(): Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  clusters: Record<string, unknown>[];
} {
  return {
    version: 1,
    nodes: [
      { id: 'srv1', kind: 'hardware', label: 'Server 1', cores: 16, memoryGiB: 64 },
      { id: 'srv2', kind: 'hardware', label: 'Server 2', cores: 16, memoryGiB: 64 },
      { id: 'hv1', kind: 'hypervisor', label: 'ESXi' },
      { id: 'hv2', kind: 'hypervisor', label: 'ESXi' },
      { id: 'vm1', kind: 'os', label: 'Web VM', protection: 'ft', memoryGiB: 8, vcpus: 2 },
      { id: 'vm2', kind: 'os', label: 'Web VM (secondary)', replicaOf: 'vm1', memoryGiB: 8 }
    ],
    edges: [
      { id: 'e1', source: 'srv1', target: 'hv1' },
      { id: 'e2', source: 'srv2', target: 'hv2' },
      { id: 'e3', source: 'hv1', target: 'vm1' },
      { id: 'e4', source: 'hv2', target: 'vm2' }
    ],
    clusters: [{ id: 'prod', label: 'Production', members: ['srv1', 'srv2'], ha: true }]
  };
}

function errorsOf(value: unknown): InputError[] {
  const r = checkDocument(value);
  if (r.ok) throw new Error('expected input errors, got a document');
  return r.errors;
}

function onlyError(value: unknown): InputError {
  const errors = errorsOf(value);
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('reader: clusters, protection, replicas and capacity', () => {
  it('reads them and keeps them as written', () => {
    const r = checkDocument(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.clusters).toEqual(base().clusters);
    const vm1 = r.document.nodes.find((n) => n.id === 'vm1')!;
    expect(vm1).toMatchObject({ protection: 'ft', memoryGiB: 8, vcpus: 2 });
    expect(r.document.nodes.find((n) => n.id === 'vm2')!.replicaOf).toBe('vm1');
  });

  it('a replica and its primary on two hosts is not "two hosts" for one node', () => {
    expect(checkDocument(base()).ok).toBe(true);
  });

  it('an unknown protection value', () => {
    const doc = base();
    doc.nodes[4].protection = 'hot-standby';
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-protection', path: '$.nodes[4].protection', id: 'vm1' });
    expect(e.message).toMatch(/"ha" or "ft"/);
    expect(e.message).toMatch(/"hot-standby"/);
  });

  it('replicaOf naming a missing node', () => {
    const doc = base();
    doc.nodes[5].replicaOf = 'vm9';
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-replica', path: '$.nodes[5].replicaOf', id: 'vm2' });
    expect(e.message).toMatch(/"vm9".*does not exist/);
  });

  it('replicaOf naming something that is not an OS', () => {
    const doc = base();
    doc.nodes[5].replicaOf = 'hv1';
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-replica', path: '$.nodes[5].replicaOf', id: 'vm2' });
    expect(e.message).toMatch(/hypervisor/);
  });

  it('replicaOf on a node that is not an OS', () => {
    const doc = base();
    doc.nodes.push({ id: 'svc', kind: 'service', label: 'Web', replicaOf: 'vm1' });
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-replica', path: '$.nodes[6].replicaOf', id: 'svc' });
    expect(e.message).toMatch(/only an OS/);
  });

  it('a chain of replicas', () => {
    const doc = base();
    doc.nodes.push({ id: 'vm3', kind: 'os', label: 'Third', replicaOf: 'vm2' });
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'replica-chain', path: '$.nodes[6].replicaOf', id: 'vm3' });
    expect(e.message).toMatch(/"vm2".*itself a copy of "vm1"/);
  });

  it('a node named as its own primary', () => {
    const doc = base();
    doc.nodes[4].replicaOf = 'vm1';
    const e = errorsOf(doc)[0];
    expect(e).toMatchObject({ code: 'bad-replica', id: 'vm1' });
  });

  it.each([
    ['cores', -1],
    ['memoryGiB', '64'],
    ['vcpus', null],
    ['memoryGiB', Number.NaN]
  ])('capacity %s = %s is refused', (field, value) => {
    const doc = base();
    doc.nodes[0][field] = value;
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-capacity', path: `$.nodes[0].${field}`, id: 'srv1' });
    expect(e.message).toMatch(/number ≥ 0/);
  });

  it('zero is a capacity', () => {
    const doc = base();
    doc.nodes[0].memoryGiB = 0;
    expect(checkDocument(doc).ok).toBe(true);
  });

  it('clusters must be an array', () => {
    const doc = { ...base(), clusters: { id: 'prod' } };
    expect(onlyError(doc)).toMatchObject({ code: 'clusters-not-array', path: '$.clusters' });
  });

  it('a member that is not hardware', () => {
    const doc = base();
    doc.clusters[0].members = ['srv1', 'hv2'];
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-member', path: '$.clusters[0].members[1]', id: 'prod' });
    expect(e.message).toMatch(/"hv2".*hypervisor/);
  });

  it('a member that is hardware but runs on something', () => {
    const doc = base();
    doc.nodes.push({ id: 'nic', kind: 'hardware', label: 'vNIC' });
    (doc.edges as unknown[]).push({ id: 'e9', source: 'hv1', target: 'nic' });
    doc.clusters[0].members = ['srv1', 'srv2', 'nic'];
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-member', path: '$.clusters[0].members[2]' });
    expect(e.message).toMatch(/runs on something/);
  });

  it('a member that does not exist', () => {
    const doc = base();
    doc.clusters[0].members = ['srv1', 'srv7'];
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-member', path: '$.clusters[0].members[1]' });
    expect(e.message).toMatch(/"srv7".*does not exist/);
  });

  it('a hardware in two clusters', () => {
    const doc = base();
    doc.clusters.push({ id: 'test', label: 'Test', members: ['srv2'] });
    const e = onlyError(doc);
    expect(e).toMatchObject({
      code: 'member-in-two-clusters',
      path: '$.clusters[1].members[0]',
      id: 'test'
    });
    expect(e.message).toMatch(/"srv2" is in two clusters \("prod" and "test"\)/);
  });

  it('a duplicate cluster id', () => {
    const doc = base();
    doc.clusters.push({ id: 'prod', label: 'Again', members: [] });
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'duplicate-cluster-id', path: '$.clusters[1].id', id: 'prod' });
  });

  it('a cluster id equal to a node id', () => {
    const doc = base();
    doc.clusters[0].id = 'srv1';
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'duplicate-cluster-id', path: '$.clusters[0].id' });
    expect(e.message).toMatch(/also a node's id/);
  });

  it('ha that is not a boolean', () => {
    const doc = base();
    doc.clusters[0].ha = 'yes';
    const e = onlyError(doc);
    expect(e).toMatchObject({ code: 'bad-ha', path: '$.clusters[0].ha', id: 'prod' });
  });

  it('a cluster that is not an object, or has no id', () => {
    const doc = { ...base(), clusters: [42, { label: 'x', members: [] }] };
    const errors = errorsOf(doc);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['bad-cluster', '$.clusters[0]'],
      ['bad-cluster', '$.clusters[1].id']
    ]);
  });

  it('a cluster without an id or members says so, not "undefined"', () => {
    const doc = { ...base(), clusters: [{ label: 'x', members: [] }, { id: 'dr' }] };
    const [noId, noMembers] = errorsOf(doc);
    expect(noId.message).toBe('a cluster needs an "id" (a non-empty string), but it has none');
    expect(renderInputError(noId, 'ko')).toBe('클러스터에 "id"(비어 있지 않은 문자열)가 없습니다');
    expect(noMembers).toMatchObject({ code: 'bad-cluster', path: '$.clusters[1].members' });
    expect(noMembers.message).toBe('"members" is missing (cluster "dr")');
    expect(renderInputError(noMembers, 'ko')).toBe('"members"가 없습니다 (클러스터 "dr")');
  });

  it('cluster, replica and capacity errors read in Korean, particles after the id', () => {
    const ko = (change: (doc: ReturnType<typeof base>) => void) => {
      const doc = base();
      change(doc);
      const e = onlyError(doc);
      return [e.path, renderInputError(e, 'ko')];
    };
    expect(ko((d) => d.clusters.push({ id: 'dr', members: ['srv1'] }))).toEqual([
      '$.clusters[1].members[0]',
      '하드웨어 "srv1"이 두 클러스터("prod", "dr")에 들어 있습니다: 기계 하나는 한 클러스터에만 속합니다'
    ]);
    expect(ko((d) => (d.clusters[0].members = ['srv1', 'vm1']))).toEqual([
      '$.clusters[0].members[1]',
      '구성원 "vm1"은 운영체제입니다 (클러스터 "prod"): 클러스터의 구성원은 기계(아래에 아무것도 없는 하드웨어)여야 합니다'
    ]);
    expect(ko((d) => (d.clusters[0].id = 'hv2'))).toEqual([
      '$.clusters[0].id',
      '클러스터 id "hv2"는 노드의 id이기도 합니다: 클러스터에 다른 id를 주세요'
    ]);
    expect(
      ko((d) => d.nodes.push({ id: 'vm3', kind: 'os', label: 'Third', replicaOf: 'vm2' }))
    ).toEqual([
      '$.nodes[6].replicaOf',
      '노드 "vm3"은 "vm2"의 사본인데, "vm2"는 다시 "vm1"의 사본입니다: 주 사본을 가리키세요'
    ]);
    expect(ko((d) => (d.nodes[5].replicaOf = 'hv1'))).toEqual([
      '$.nodes[5].replicaOf',
      '"replicaOf"가 가리키는 "hv1"은 하이퍼바이저입니다 (노드 "vm2"): FT 사본은 게스트 OS의 사본입니다'
    ]);
    expect(ko((d) => (d.nodes[0].cores = -1))).toEqual([
      '$.nodes[0].cores',
      '"cores"는 0 이상의 숫자여야 하는데 숫자 -1입니다 (노드 "srv1")'
    ]);
  });
});
