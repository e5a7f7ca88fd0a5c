import {
  idRecord,
  layoutDocument,
  LayoutCache,
  type DiagramDocument,
  type LayoutResult,
  type Position,
  type Size
} from '$lib/core/index';

import { browserElk } from './elk-worker';

export const LAYOUT_TIMEOUT_MS = 10_000;

export class LayoutTimeout extends Error {}

/**
 * Lays out documents in the worker, reusing unchanged stacks from the last layout.
 * A layout running past 10 s is given up (positions stay as they were).
 */
export class LayoutService {
  private cache = new LayoutCache();

  async layout(doc: DiagramDocument, sizes: Record<string, Size>): Promise<LayoutResult> {
    const elk = await browserElk();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LayoutTimeout('layout timed out')), LAYOUT_TIMEOUT_MS);
    });
    try {
      return await Promise.race([layoutDocument({ doc, sizes, elk, cache: this.cache }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export function positionsOf(layout: LayoutResult): Record<string, Position> {
  const out = idRecord<Position>();
  for (const [id, r] of Object.entries(layout.nodes)) out[id] = { x: r.x, y: r.y };
  return out;
}

/** What a relayout depends on: structure and labels, not positions. */
export function structureKey(doc: DiagramDocument): string {
  return JSON.stringify([
    doc.nodes.map((n) => [n.id, n.kind, n.label, n.product ?? null, n.hypervisorType ?? null]),
    doc.edges.map((e) => [e.source, e.target])
  ]);
}
