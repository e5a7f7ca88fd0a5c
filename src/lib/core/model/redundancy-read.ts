import { isObject, type InputError } from './read';
import { gotOf, keyed, type Owner } from './read-messages';
import { PROTECTIONS, type DiagramEdge, type DiagramNode } from './types';

/**
 * The reader's checks of the redundancy fields (redundancy issue, section 1): on nodes,
 * `protection`, `replicaOf` and the capacity numbers; at the top, `clusters`. Every error
 * names its JSON path and the id at fault, like the reader's other input errors.
 */

type Json = unknown;

const CAPACITY = ['cores', 'memoryGiB', 'vcpus'] as const;

/** Field checks of one raw node (its path `$.nodes[i]`); errors go to `fail`. */
export function checkNodeRedundancy(
  raw: Record<string, Json>,
  path: string,
  id: string | undefined,
  fail: (e: InputError) => void
): boolean {
  let good = true;
  const owner: Owner = id !== undefined ? { what: 'node', id } : undefined;
  if (raw.protection !== undefined && !(PROTECTIONS as readonly Json[]).includes(raw.protection)) {
    fail({
      code: 'bad-protection',
      path: `${path}.protection`,
      id,
      ...keyed({ key: 'badProtection', values: PROTECTIONS, got: gotOf(raw.protection), owner })
    });
    good = false;
  }
  if (raw.replicaOf !== undefined && (typeof raw.replicaOf !== 'string' || raw.replicaOf === '')) {
    fail({
      code: 'bad-replica',
      path: `${path}.replicaOf`,
      id,
      ...keyed({ key: 'replicaNotId', got: gotOf(raw.replicaOf), owner })
    });
    good = false;
  }
  for (const field of CAPACITY) {
    const v = raw[field];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      fail({
        code: 'bad-capacity',
        path: `${path}.${field}`,
        id,
        ...keyed({ key: 'capacityNotNumber', field, got: gotOf(v), owner })
      });
      good = false;
    }
  }
  return good;
}

/**
 * What needs the whole document: `replicaOf` names an existing OS that is not itself a copy
 * (no chains), and every cluster is well-formed (its id unique among clusters and nodes,
 * its members hardware roots in no other cluster, `ha` a boolean).
 */
export function checkDocumentRedundancy(
  value: Record<string, Json>,
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  nodePath: ReadonlyMap<string, number>,
  fail: (e: InputError) => void
): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (typeof n.replicaOf !== 'string') continue;
    const path = `$.nodes[${nodePath.get(n.id)}].replicaOf`;
    const primary = byId.get(n.replicaOf);
    if (!primary) {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        ...keyed({ key: 'replicaMissing', ref: n.replicaOf, id: n.id })
      });
    } else if (primary.kind !== 'os') {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        ...keyed({ key: 'replicaNotOs', ref: n.replicaOf, id: n.id, kind: primary.kind })
      });
    } else if (n.replicaOf === n.id) {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        ...keyed({ key: 'replicaOfItself', id: n.id })
      });
    } else if (typeof primary.replicaOf === 'string') {
      fail({
        code: 'replica-chain',
        path,
        id: n.id,
        ...keyed({
          key: 'replicaChain',
          id: n.id,
          primary: primary.id,
          primaryOf: primary.replicaOf
        })
      });
    } else if (n.kind !== 'os') {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        ...keyed({ key: 'replicaNodeNotOs', id: n.id, kind: n.kind })
      });
    }
  }

  if (value.clusters === undefined) return;
  if (!Array.isArray(value.clusters)) {
    fail({
      code: 'clusters-not-array',
      path: '$.clusters',
      ...keyed({ key: 'notArray', field: 'clusters', got: gotOf(value.clusters) })
    });
    return;
  }
  const hosted = new Set(edges.map((e) => e.target));
  const clusterOf = new Map<string, string>();
  const clusterIds = new Map<string, number>();
  value.clusters.forEach((c: Json, i: number) => {
    const path = `$.clusters[${i}]`;
    if (!isObject(c)) {
      fail({
        code: 'bad-cluster',
        path,
        ...keyed({ key: 'clusterNotObject', got: gotOf(c) })
      });
      return;
    }
    const id = typeof c.id === 'string' && c.id !== '' ? c.id : undefined;
    const owner: Owner = id !== undefined ? { what: 'cluster', id } : undefined;
    if (id === undefined) {
      fail({
        code: 'bad-cluster',
        path: `${path}.id`,
        ...keyed({ key: 'clusterIdMissing', got: c.id === undefined ? undefined : gotOf(c.id) })
      });
    } else if (clusterIds.has(id)) {
      fail({
        code: 'duplicate-cluster-id',
        path: `${path}.id`,
        id,
        ...keyed({ key: 'duplicateId', what: 'cluster', id, first: clusterIds.get(id)! })
      });
    } else if (byId.has(id) || nodePath.has(id)) {
      fail({
        code: 'duplicate-cluster-id',
        path: `${path}.id`,
        id,
        ...keyed({ key: 'clusterIdIsNode', id })
      });
    } else clusterIds.set(id, i);
    if (c.label !== undefined && typeof c.label !== 'string') {
      fail({
        code: 'bad-cluster',
        path: `${path}.label`,
        id,
        ...keyed({ key: 'fieldNotString', field: 'label', got: gotOf(c.label), owner })
      });
    }
    if (c.ha !== undefined && typeof c.ha !== 'boolean') {
      fail({
        code: 'bad-ha',
        path: `${path}.ha`,
        id,
        ...keyed({ key: 'haNotBoolean', got: gotOf(c.ha), owner })
      });
    }
    if (!Array.isArray(c.members)) {
      fail({
        code: 'bad-cluster',
        path: `${path}.members`,
        id,
        ...keyed(
          c.members === undefined
            ? { key: 'fieldMissing', field: 'members', owner }
            : { key: 'membersNotArray', got: gotOf(c.members), owner }
        )
      });
      return;
    }
    c.members.forEach((m: Json, j: number) => {
      const at = `${path}.members[${j}]`;
      const node = typeof m === 'string' ? byId.get(m) : undefined;
      if (typeof m !== 'string' || !node || node.kind !== 'hardware' || hosted.has(m)) {
        fail({
          code: 'bad-member',
          path: at,
          id,
          ...keyed(
            typeof m !== 'string'
              ? { key: 'memberNotId', got: gotOf(m), owner }
              : !node
                ? { key: 'missingNode', field: 'member', ref: m, owner }
                : node.kind !== 'hardware'
                  ? { key: 'memberNotHardware', ref: m, kind: node.kind, owner }
                  : { key: 'memberHosted', ref: m, owner }
          )
        });
        return;
      }
      const other = clusterOf.get(m);
      if (other !== undefined && other !== id) {
        fail({
          code: 'member-in-two-clusters',
          path: at,
          id,
          ...keyed({ key: 'memberInTwoClusters', ref: m, first: other, second: id ?? '?' })
        });
      } else clusterOf.set(m, id ?? '');
    });
  });
}
