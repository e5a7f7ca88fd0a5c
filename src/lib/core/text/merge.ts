import type { Outcome } from '../commands/commands';
import type { DiagramDocument, DiagramEdge, DiagramNode } from '../model/types';
import { printStack, printStackLines, type StackPrintResult } from './print';

/**
 * The stack text an editor shows next to the canvas, and bringing edited text back into the
 * diagram: the text leaves out what the canvas decides (node positions, edge ids), and
 * applying it keeps those of the nodes and edges that are still there.
 */

/** The document without node positions (the canvas's business, not the text's). */
export function withoutPositions(doc: DiagramDocument): DiagramDocument {
  if (!doc.nodes.some((n) => n.position !== undefined)) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.position === undefined) return n;
      const rest: DiagramNode = { ...n };
      delete rest.position;
      return rest;
    })
  };
}

/**
 * The text an editor's text pane shows for `doc`: the canonical stack text without positions
 * and edge ids (`printStackLines`), with the 1-based line of each node and cluster.
 */
export function paneText(doc: DiagramDocument): StackPrintResult {
  return printStackLines(withoutPositions(doc), { edgeIds: false });
}

/** JSON with object keys sorted: the same value read by the text or built by the editor compares equal. */
function canon(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  );
}

/** The same node, positions aside. */
const sameNode = (a: DiagramNode, b: DiagramNode) =>
  canon({ ...a, position: undefined }) === canon({ ...b, position: undefined });

const pairKey = (e: DiagramEdge) => JSON.stringify([e.source, e.target]);

/**
 * The document that edited text describes, merged into the one on the canvas. `base` is
 * the document the text was last in step with (default `current`): what the text did not
 * change since `base` is taken from `current`, so changes made on the canvas meanwhile (while
 * the text could not be read) are kept; what the text changed wins.
 *
 * - A node of `parsed` keeps its position (px, top-left) from `current` unless the text
 *   gives one (`x=`/`y=`); a node the text left as in `base` is `current`'s node (or gone,
 *   when it was deleted on the canvas); nodes added on the canvas since `base` stay.
 * - An edge of `parsed` between the same source and target as an edge of `current` is that
 *   edge (its id and other fields), so edge ids survive the text, which numbers edges
 *   afresh; edges added or removed on the canvas since `base` stay added or removed.
 * - The title, clusters and other document fields: `parsed`'s where the text changed them
 *   since `base`, else `current`'s.
 *
 * Nodes come in the text's order (canvas additions last). No input is changed.
 */
export function mergeTextDocument(
  current: DiagramDocument,
  parsed: DiagramDocument,
  base: DiagramDocument = current
): DiagramDocument {
  const was = new Map(base.nodes.map((n) => [n.id, n]));
  const now = new Map(current.nodes.map((n) => [n.id, n]));
  const inText = new Set(parsed.nodes.map((n) => n.id));
  const nodes: DiagramNode[] = [];
  for (const n of parsed.nodes) {
    const before = was.get(n.id);
    const after = now.get(n.id);
    const untouched = before !== undefined && n.position === undefined && sameNode(n, before);
    if (untouched && !after) continue;
    if (untouched && after) nodes.push(after);
    else
      nodes.push(
        n.position === undefined && after?.position ? { ...n, position: after.position } : n
      );
  }
  for (const n of current.nodes) if (!inText.has(n.id) && !was.has(n.id)) nodes.push(n);
  const ids = new Set(nodes.map((n) => n.id));

  const baseKeys = new Set(base.edges.map(pairKey));
  const textKeys = new Set(parsed.edges.map(pairKey));
  // Current edges by their source and target, in document order (two edges may share them).
  const byPair = new Map<string, DiagramEdge[]>();
  for (const e of current.edges) {
    const list = byPair.get(pairKey(e));
    if (list) list.push(e);
    else byPair.set(pairKey(e), [e]);
  }
  const kept: { edge: DiagramEdge; old: boolean }[] = [];
  for (const e of parsed.edges) {
    const old = byPair.get(pairKey(e))?.shift();
    if (old) kept.push({ edge: old, old: true });
    else if (!baseKeys.has(pairKey(e))) kept.push({ edge: e, old: false });
    // else: removed on the canvas since the text was in step.
  }
  for (const e of current.edges)
    if (!textKeys.has(pairKey(e)) && !baseKeys.has(pairKey(e))) kept.push({ edge: e, old: true });
  const live = kept.filter(({ edge }) => ids.has(edge.source) && ids.has(edge.target));
  const taken = new Set(live.flatMap(({ edge, old }) => (old ? [edge.id] : [])));
  const edges = live.map(({ edge, old }) => {
    if (old) return edge;
    // A new edge: its generated id (`e3`) must not be one a kept edge already has.
    if (!taken.has(edge.id)) {
      taken.add(edge.id);
      return edge;
    }
    let k = 1;
    while (taken.has(`e${k}`)) k++;
    taken.add(`e${k}`);
    return { ...edge, id: `e${k}` };
  });

  const out: DiagramDocument = { ...parsed, nodes, edges };
  const keys = new Set([...Object.keys(parsed), ...Object.keys(base), ...Object.keys(current)]);
  for (const key of keys) {
    if (key === 'nodes' || key === 'edges') continue;
    if (canon(parsed[key]) !== canon(base[key])) continue;
    if (current[key] === undefined) delete out[key];
    else out[key] = current[key];
  }
  return out;
}

/**
 * The command that applies edited stack text (a document read by `parseStack`) to a
 * document, as `mergeTextDocument` merges them (`base`: the document the text was last in
 * step with). Refused, silently (no `reason`), when the text changes nothing (a comment or
 * spacing only).
 */
export function applyText(
  doc: DiagramDocument,
  args: { parsed: DiagramDocument; base?: DiagramDocument }
): Outcome {
  const merged = mergeTextDocument(doc, args.parsed, args.base);
  if (printStack(merged) === printStack(doc)) return { error: 'The text changes nothing.' };
  return { doc: merged };
}
