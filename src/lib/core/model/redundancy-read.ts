import { isObject, type InputError } from './read';
import { PROTECTIONS, type DiagramEdge, type DiagramNode } from './types';

/**
 * The reader's checks of the redundancy fields (redundancy issue, section 1): on nodes,
 * `protection`, `replicaOf` and the capacity numbers; at the top, `clusters`. Every error
 * names its JSON path and the id at fault, like the reader's other input errors.
 */

type Json = unknown;
const quote = (s: string) => JSON.stringify(s);
const describe = (v: Json): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'string'
        ? `the string ${quote(v)}`
        : typeof v === 'object'
          ? 'an object'
          : `${typeof v} ${String(v)}`;

const CAPACITY = ['cores', 'memoryGiB', 'vcpus'] as const;

/** Field checks of one raw node (its path `$.nodes[i]`); errors go to `fail`. */
export function checkNodeRedundancy(
  raw: Record<string, Json>,
  path: string,
  id: string | undefined,
  fail: (e: InputError) => void
): boolean {
  let good = true;
  const who = id !== undefined ? ` (node ${quote(id)})` : '';
  if (raw.protection !== undefined && !(PROTECTIONS as readonly Json[]).includes(raw.protection)) {
    fail({
      code: 'bad-protection',
      path: `${path}.protection`,
      id,
      message: `"protection" must be "ha" or "ft", but it is ${describe(raw.protection)}${who}`
    });
    good = false;
  }
  if (raw.replicaOf !== undefined && (typeof raw.replicaOf !== 'string' || raw.replicaOf === '')) {
    fail({
      code: 'bad-replica',
      path: `${path}.replicaOf`,
      id,
      message: `"replicaOf" must be the id of the primary copy, but it is ${describe(raw.replicaOf)}${who}`
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
        message: `"${field}" must be a number ≥ 0, but it is ${describe(v)}${who}`
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
        message: `"replicaOf" names ${quote(n.replicaOf)} (node ${quote(n.id)}), a node that does not exist`
      });
    } else if (primary.kind !== 'os') {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        message: `"replicaOf" names ${quote(n.replicaOf)} (node ${quote(n.id)}), which is ${primary.kind === 'hardware' ? 'hardware' : `a ${primary.kind}`}: an FT copy is of a guest OS`
      });
    } else if (n.replicaOf === n.id) {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        message: `node ${quote(n.id)} is named as its own primary: a replica is a second node`
      });
    } else if (typeof primary.replicaOf === 'string') {
      fail({
        code: 'replica-chain',
        path,
        id: n.id,
        message: `node ${quote(n.id)} is a copy of ${quote(primary.id)}, which is itself a copy of ${quote(primary.replicaOf)}: name the primary`
      });
    } else if (n.kind !== 'os') {
      fail({
        code: 'bad-replica',
        path,
        id: n.id,
        message: `node ${quote(n.id)} is a ${n.kind}: only an OS can be an FT copy`
      });
    }
  }

  if (value.clusters === undefined) return;
  if (!Array.isArray(value.clusters)) {
    fail({
      code: 'clusters-not-array',
      path: '$.clusters',
      message: `"clusters" must be an array, but it is ${describe(value.clusters)}`
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
        message: `each cluster must be an object {"id", "label", "members"}, but this one is ${describe(c)}`
      });
      return;
    }
    const id = typeof c.id === 'string' && c.id !== '' ? c.id : undefined;
    const who = id !== undefined ? ` (cluster ${quote(id)})` : '';
    if (id === undefined) {
      fail({
        code: 'bad-cluster',
        path: `${path}.id`,
        message: `a cluster needs an "id" (a non-empty string), but it is ${describe(c.id)}`
      });
    } else if (clusterIds.has(id)) {
      fail({
        code: 'duplicate-cluster-id',
        path: `${path}.id`,
        id,
        message: `duplicate cluster id ${quote(id)}: $.clusters[${clusterIds.get(id)}] already uses it`
      });
    } else if (byId.has(id) || nodePath.has(id)) {
      fail({
        code: 'duplicate-cluster-id',
        path: `${path}.id`,
        id,
        message: `cluster id ${quote(id)} is also a node's id: give the cluster its own`
      });
    } else clusterIds.set(id, i);
    if (c.label !== undefined && typeof c.label !== 'string') {
      fail({
        code: 'bad-cluster',
        path: `${path}.label`,
        id,
        message: `"label" must be a string, but it is ${describe(c.label)}${who}`
      });
    }
    if (c.ha !== undefined && typeof c.ha !== 'boolean') {
      fail({
        code: 'bad-ha',
        path: `${path}.ha`,
        id,
        message: `"ha" must be true or false, but it is ${describe(c.ha)}${who}`
      });
    }
    if (!Array.isArray(c.members)) {
      fail({
        code: 'bad-cluster',
        path: `${path}.members`,
        id,
        message: `"members" must be an array of hardware ids, but it is ${describe(c.members)}${who}`
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
          message:
            typeof m !== 'string'
              ? `a member must be a hardware id, but it is ${describe(m)}${who}`
              : !node
                ? `member ${quote(m)}${who} names a node that does not exist`
                : node.kind !== 'hardware'
                  ? `member ${quote(m)}${who} is ${node.kind === 'os' ? 'an OS' : `a ${node.kind}`}: a cluster's members are machines (hardware with nothing under it)`
                  : `member ${quote(m)}${who} runs on something: a cluster's members are machines at the bottom of their stacks`
        });
        return;
      }
      const other = clusterOf.get(m);
      if (other !== undefined && other !== id) {
        fail({
          code: 'member-in-two-clusters',
          path: at,
          id,
          message: `hardware ${quote(m)} is in two clusters (${quote(other)} and ${quote(id ?? '?')}): a machine belongs to one`
        });
      } else clusterOf.set(m, id ?? '');
    });
  });
}
