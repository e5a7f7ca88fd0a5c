import type { Lang } from '../i18n/lang';
import { josa } from '../i18n/josa';
import type { Rect } from '../layout/layout';
import type { DiagramDocument } from '../model/types';
import { nodeName } from '../rules/messages/render';
import type { FailureOutcome } from './failure';

/**
 * The failure view (redundancy issue, section 4: "What if … fails?"), as geometry shared by
 * the editor's canvas and the SVG/PNG export: which nodes failed, which stopped (dimmed),
 * which running FT copies take over, and a ghost of each HA-restarted guest standing on the
 * hypervisor of the host it restarts on. Coordinates are the layout's (px, top-left corner
 * origin, y down).
 */
export interface Ghost {
  /** The restarted guest OS. */
  guest: string;
  /** Its label, and the machine (hardware root) it came from. */
  label: string;
  from: string;
  /** The hypervisor and machine it restarts on. */
  hypervisor: string;
  machine: string;
  /** Where the guest's ghost stands. */
  rect: Rect;
  /** What runs in the guest (its containers and services), moved with it: id and rect. */
  above: { id: string; rect: Rect }[];
  /** Ghost edges: host → what runs on it, among the guest and `above`. */
  edges: { source: string; target: string }[];
}

export interface FailureOverlay {
  failed: ReadonlySet<string>;
  stopped: ReadonlySet<string>;
  /** Services that stop for good. */
  down: ReadonlySet<string>;
  /** Running FT copies that take over a stopped copy: copy id → the stopped guest. */
  continuing: ReadonlyMap<string, string>;
  ghosts: Ghost[];
  /** "When "Server 1" fails" / ""서버 1"이 고장 나면", for a heading. */
  heading: string;
}

/**
 * The ghosts' rectangles (each ghost and what it carries, px) by the hypervisor they stand
 * on: what a cluster frame must also hold in a failure view (`framesAround`'s `extra`).
 */
export function ghostRectsByHost(overlay: FailureOverlay | undefined): Map<string, Rect[]> {
  const out = new Map<string, Rect[]>();
  for (const g of overlay?.ghosts ?? []) {
    const list = out.get(g.hypervisor) ?? [];
    list.push(g.rect, ...g.above.map((a) => a.rect));
    out.set(g.hypervisor, list);
  }
  return out;
}

/** Space between a ghost and its neighbours on the target hypervisor, px. */
const GHOST_GAP = 16;
/** Vertical gap from a hypervisor up to a ghost when nothing else runs on it, px. */
const GHOST_RISE = 48;

/** The heading of a failure view: what failed, in `lang`. */
export function failureHeading(
  doc: DiagramDocument,
  failed: readonly string[],
  lang: Lang
): string {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const names = failed.map((id) => `"${nodeName(byId.get(id), id)}"`).join(', ');
  if (lang === 'ko') return `${josa(names, '이/가')} 고장 나면`;
  return `When ${names} ${failed.length === 1 ? 'fails' : 'fail'}`;
}

/**
 * The failure view of `outcome` over the laid-out `rects` (node id → rect): ghosts take the
 * size of their guest and stand beside what already runs on the target hypervisor (or above
 * it when nothing does), one after another.
 */
export function failureOverlay(
  doc: DiagramDocument,
  outcome: FailureOutcome,
  rects: Readonly<Record<string, Rect>>,
  lang: Lang
): FailureOverlay {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const childrenOf = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = childrenOf.get(e.source) ?? [];
    list.push(e.target);
    childrenOf.set(e.source, list);
  }
  const stopped = new Set(outcome.stopped);
  // Where the next ghost on each hypervisor goes: right of the running guests and ghosts.
  const next = new Map<string, { x: number; y: number }>();
  const ghosts: Ghost[] = [];
  for (const r of outcome.restarts) {
    const guestRect = rects[r.guest];
    const hvRect = rects[r.hypervisor];
    if (!guestRect || !hvRect) continue;
    // The guest and what runs in it move together: their bounding box is the ghost's slot.
    const moved = [r.guest];
    const seen = new Set(moved);
    for (let q = 0; q < moved.length; q++)
      for (const c of childrenOf.get(moved[q]) ?? [])
        if (!seen.has(c) && rects[c]) {
          seen.add(c);
          moved.push(c);
        }
    let left = Infinity;
    let right = -Infinity;
    for (const id of moved) {
      left = Math.min(left, rects[id].x);
      right = Math.max(right, rects[id].x + rects[id].width);
    }
    let at = next.get(r.hypervisor);
    if (!at) {
      let end = -Infinity;
      let top = Infinity;
      // Right of everything the hypervisor's running guests carry (their services may be wider).
      for (const c of childrenOf.get(r.hypervisor) ?? []) {
        const cr = rects[c];
        if (!cr || stopped.has(c)) continue;
        top = Math.min(top, cr.y);
        const todo = [c];
        const seen = new Set(todo);
        while (todo.length) {
          const v = todo.pop()!;
          const vr = rects[v];
          if (vr) end = Math.max(end, vr.x + vr.width);
          for (const k of childrenOf.get(v) ?? [])
            if (!seen.has(k)) {
              seen.add(k);
              todo.push(k);
            }
        }
      }
      at =
        end === -Infinity
          ? { x: hvRect.x, y: hvRect.y - GHOST_RISE - guestRect.height }
          : { x: end + GHOST_GAP, y: top };
    }
    const dx = at.x - left;
    const dy = at.y - guestRect.y;
    const shift = (q: Rect): Rect => ({
      x: q.x + dx,
      y: q.y + dy,
      width: q.width,
      height: q.height
    });
    ghosts.push({
      guest: r.guest,
      label: nodeName(byId.get(r.guest), r.guest),
      from: r.from,
      hypervisor: r.hypervisor,
      machine: r.to,
      rect: shift(guestRect),
      above: moved.slice(1).map((id) => ({ id, rect: shift(rects[id]) })),
      edges: doc.edges
        .filter((e) => seen.has(e.source) && seen.has(e.target))
        .map((e) => ({ source: e.source, target: e.target }))
    });
    next.set(r.hypervisor, { x: at.x + (right - left) + GHOST_GAP, y: at.y });
  }
  return {
    failed: new Set(outcome.failed),
    stopped,
    down: new Set(outcome.services.filter((x) => x.state === 'down').map((x) => x.id)),
    continuing: new Map(outcome.continuations.map((c) => [c.copy, c.guest])),
    ghosts,
    heading: failureHeading(doc, outcome.failed, lang)
  };
}
