import type { Cluster, DiagramDocument, DiagramEdge, DiagramNode } from '../model/types';
import {
  edgeId,
  IdGenerator,
  isBare,
  jsonText,
  KNOWN_CLUSTER_KEYS,
  KNOWN_DOCUMENT_KEYS,
  KNOWN_EDGE_KEYS,
  KNOWN_NODE_KEYS,
  labelText,
  NODE_FIELDS,
  numberText,
  quote,
  shortKind,
  titleText,
  wordText
} from './syntax';

/**
 * Writing a document as stack text (docs/stack-language.md), the canonical form:
 * settings first, then every stack as an indented tree (a host, then what runs on it,
 * in document order), then the clusters. A node with more than one host is written under
 * its first host (in edge order) and names the others with `on=`; a node in a loop with
 * nothing below it starts at the left edge and names all its hosts. `#id`, edge ids and
 * attributes are written only where the text would not give the same on its own, so
 * `parseStack(printStack(doc))` is `doc` again with its nodes and edges in this order.
 */

/** The deepest indentation the printer writes, in levels (see `writeTree`). */
export const MAX_PRINT_DEPTH = 64;

export interface StackPrintOptions {
  /**
   * Write edge ids and edge fields that differ from the generated ones (default true).
   * `false` leaves them out: shorter text, but the edges come back with ids `e1`, `e2`, ….
   */
  edgeIds?: boolean;
}

export interface StackPrintResult {
  text: string;
  /** The 1-based line of each node, by id. */
  nodes: Map<string, number>;
  /** The 1-based line of each cluster, by id. */
  clusters: Map<string, number>;
}

/** The canonical stack text of a document (ends with a newline unless empty). */
export function printStack(doc: DiagramDocument, options: StackPrintOptions = {}): string {
  return printStackLines(doc, options).text;
}

/** `printStack`, with the line each node and cluster is written on (for an editor). */
export function printStackLines(
  doc: DiagramDocument,
  options: StackPrintOptions = {}
): StackPrintResult {
  const withEdges = options.edgeIds !== false;
  const lines: string[] = [];
  const nodeLines = new Map<string, number>();
  const clusterLines = new Map<string, number>();

  if (doc.title !== undefined) lines.push(`title: ${titleText(doc.title)}`);
  for (const [key, value] of Object.entries(doc)) {
    if (KNOWN_DOCUMENT_KEYS.has(key) || value === undefined) continue;
    lines.push(`+${isBare(key) && !key.includes(':') ? key : quote(key)}: ${jsonText(value)}`);
  }
  if (Array.isArray(doc.clusters) && doc.clusters.length === 0) lines.push('clusters: []');

  // Hosts of each node, in edge order.
  const index = new Map<string, number>();
  doc.nodes.forEach((n, i) => index.set(n.id, i));
  const hostEdges: DiagramEdge[][] = doc.nodes.map(() => []);
  for (const e of doc.edges) {
    const t = index.get(e.target);
    if (t !== undefined && index.has(e.source)) hostEdges[t].push(e);
  }
  // Each node is written under its first host; children in document order.
  const children: number[][] = doc.nodes.map(() => []);
  doc.nodes.forEach((_, i) => {
    const first = hostEdges[i][0];
    if (first) children[index.get(first.source)!].push(i);
  });

  const gen = new IdGenerator();
  let edgeCount = 0;
  const visited = new Uint8Array(doc.nodes.length);

  /** An edge's id or fields, when the text would not give them. */
  const edgeSpec = (e: DiagramEdge): string | undefined => {
    const k = ++edgeCount;
    if (!withEdges) return undefined;
    const extras = Object.keys(e).filter(
      (key) => !KNOWN_EDGE_KEYS.has(key) && e[key] !== undefined
    );
    const generated = e.id === edgeId(k);
    if (extras.length === 0) return generated ? undefined : wordText(e.id);
    // Null-prototype: a field named "__proto__" is a field like any other.
    const fields: Record<string, unknown> = Object.create(null);
    if (!generated) fields.id = e.id;
    for (const key of extras) fields[key] = e[key];
    return jsonText(fields);
  };

  const writeNode = (i: number, depth: number, nest: DiagramEdge | undefined) => {
    const n = doc.nodes[i];
    const parent = nest?.source;
    const { id: candidate, base } = gen.candidate(parent, n.label, n.kind);
    const implicit = n.id === candidate;
    if (implicit) gen.take(base);
    let line = `${'  '.repeat(depth)}${shortKind(n.kind)} ${labelText(n.label)}`;
    if (!implicit) line += ` #${wordText(n.id)}`;
    const attrs = nodeAttributes(n);
    if (nest) {
      const spec = edgeSpec(nest);
      if (spec !== undefined) attrs.push(`edge=${spec}`);
    }
    const on: string[] = [];
    for (const e of hostEdges[i]) {
      if (e === nest) continue;
      const spec = edgeSpec(e);
      on.push(`#${wordText(e.source)}${spec === undefined ? '' : `@${spec}`}`);
    }
    if (on.length) attrs.splice(attrs.length - unknownCount(n), 0, `on=${on.join(',')}`);
    if (attrs.length) line += ` [${attrs.join(' ')}]`;
    lines.push(line);
    nodeLines.set(n.id, lines.length);
  };

  /**
   * Depth first from a root, iteratively. A node deeper than MAX_PRINT_DEPTH levels starts
   * a tree of its own after this one (naming its host with `on=`), so the indentation, and
   * the text, stay linear in the size of the document even for a chain of 50,000 nodes.
   */
  const writeTree = (root: number) => {
    const later: number[] = [root];
    for (let r = 0; r < later.length; r++) {
      const stack: { i: number; depth: number; nest: DiagramEdge | undefined }[] = [
        { i: later[r], depth: 0, nest: undefined }
      ];
      while (stack.length) {
        const { i, depth, nest } = stack.pop()!;
        if (visited[i]) continue;
        visited[i] = 1;
        writeNode(i, depth, nest);
        const kids = children[i];
        for (let c = kids.length - 1; c >= 0; c--) {
          const k = kids[c];
          if (visited[k]) continue;
          if (depth + 1 > MAX_PRINT_DEPTH) later.push(k);
          else stack.push({ i: k, depth: depth + 1, nest: hostEdges[k][0] });
        }
      }
    }
  };
  doc.nodes.forEach((_, i) => {
    if (hostEdges[i].length === 0) writeTree(i);
  });
  // Nodes in loops with nothing below them: the first of each starts at the left edge.
  doc.nodes.forEach((_, i) => {
    if (!visited[i]) writeTree(i);
  });

  if (Array.isArray(doc.clusters)) {
    for (const c of doc.clusters) {
      const label = c.label ?? '';
      const { id: candidate, base } = gen.candidate(undefined, label, 'cluster');
      const implicit = c.id === candidate;
      if (implicit) gen.take(base);
      let line = 'cluster';
      if (typeof c.label === 'string') line += ` ${labelText(c.label)}`;
      if (!implicit) line += ` #${wordText(c.id)}`;
      const attrs = clusterAttributes(c);
      if (attrs.length) line += ` [${attrs.join(' ')}]`;
      lines.push(line);
      clusterLines.set(c.id, lines.length);
    }
  }

  return {
    text: lines.length ? `${lines.join('\n')}\n` : '',
    nodes: nodeLines,
    clusters: clusterLines
  };
}

/** A node's own attributes, in the printer's order (unknown fields last). */
function nodeAttributes(n: DiagramNode): string[] {
  const out: string[] = [];
  for (const name of NODE_FIELDS) {
    const v = n[name];
    if (v === undefined) continue;
    if (name === 'product')
      out.push(`product=${typeof v === 'string' ? wordText(v) : jsonText(v)}`);
    else if (name === 'replicaOf') out.push(`replicaOf=#${wordText(String(v))}`);
    else out.push(`${name}=${typeof v === 'number' ? numberText(v) : String(v)}`);
  }
  const p = n.position as unknown;
  if (p !== undefined) {
    const plain =
      typeof p === 'object' &&
      p !== null &&
      Object.keys(p).length === 2 &&
      typeof (p as { x: unknown }).x === 'number' &&
      typeof (p as { y: unknown }).y === 'number';
    if (plain) {
      const { x, y } = p as { x: number; y: number };
      out.push(`x=${numberText(x)}`, `y=${numberText(y)}`);
    } else out.push(`position=${jsonText(p)}`);
  }
  for (const key of Object.keys(n)) {
    if (KNOWN_NODE_KEYS.has(key) || n[key] === undefined) continue;
    out.push(`+${isBare(key) ? key : quote(key)}=${jsonText(n[key])}`);
  }
  return out;
}

function unknownCount(n: DiagramNode): number {
  return Object.keys(n).filter((k) => !KNOWN_NODE_KEYS.has(k) && n[k] !== undefined).length;
}

function clusterAttributes(c: Cluster): string[] {
  const out: string[] = [];
  if (Array.isArray(c.members) && c.members.length)
    out.push(`members=${c.members.map((m) => `#${wordText(m)}`).join(',')}`);
  if (c.ha !== undefined) out.push(`ha=${String(c.ha)}`);
  for (const key of Object.keys(c)) {
    if (KNOWN_CLUSTER_KEYS.has(key) || c[key] === undefined) continue;
    out.push(`+${isBare(key) ? key : quote(key)}=${jsonText(c[key])}`);
  }
  return out;
}
