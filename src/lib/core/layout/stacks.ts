import { HARDWARE, type StackGraph } from '../rules/graph';

/**
 * Which stack each node is drawn in. A stack is a hardware node with no host and what it
 * reaches upward; stacks come in document order of their roots, and a stack holds what its
 * root reaches and no earlier stack does, so every node is drawn once. Nodes no stack
 * reaches (unplaced nodes, loops with nothing below) are in no stack (-1).
 *
 * `stacks[s]` is stack s: its root's node index and its members in breadth-first order from
 * the root. O(nodes + edges).
 */
export function assignStacks(g: StackGraph): {
  groupOf: Int32Array;
  stacks: { root: number; bfs: number[] }[];
} {
  const n = g.nodes.length;
  const groupOf = new Int32Array(n).fill(-1);
  const stacks: { root: number; bfs: number[] }[] = [];
  for (let r = 0; r < n; r++) {
    if (g.kind[r] !== HARDWARE || g.hostStart[r + 1] !== g.hostStart[r]) continue;
    // Breadth first from the root, never into a node of an earlier stack: what an earlier
    // stack reached, everything above it reaches too, so no member is missed.
    const gi = stacks.length;
    const bfs = [r];
    groupOf[r] = gi;
    for (let q = 0; q < bfs.length; q++) {
      const i = bfs[q];
      for (let k = g.childStart[i]; k < g.childStart[i + 1]; k++) {
        const c = g.childList[k];
        if (groupOf[c] === -1) {
          groupOf[c] = gi;
          bfs.push(c);
        }
      }
    }
    stacks.push({ root: r, bfs });
  }
  return { groupOf, stacks };
}
