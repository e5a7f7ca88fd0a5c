import {
  failureOutcome,
  failureOverlay,
  type DiagramDocument,
  type FailureOutcome,
  type FailureOverlay,
  type Lang,
  type Rect,
  type Size
} from '$lib/core/index';

/** What the "What if … fails?" mode reads from the editor. */
export interface WhatIfSource {
  readonly doc: DiagramDocument;
  readonly lang: Lang;
  readonly measured: { sizes: Record<string, Size> };
}

/**
 * The "What if … fails?" mode (redundancy issue, section 4): which nodes the user failed,
 * and what the core's failure analysis says happens. It never changes the document: leaving
 * the mode forgets the failures. Failed ids that no longer exist (after an undo) are dropped.
 */
export class WhatIf {
  active = $state(false);
  private chosen = $state.raw<string[]>([]);

  constructor(private readonly source: WhatIfSource) {}

  /** The failed node ids that exist in the document, in the order chosen. */
  readonly failed = $derived.by(() => {
    const ids = new Set(this.source.doc.nodes.map((n) => n.id));
    return this.chosen.filter((id) => ids.has(id));
  });

  /** What happens (undefined when the mode is off or nothing failed). */
  readonly outcome: FailureOutcome | undefined = $derived.by(() =>
    this.active && this.failed.length ? failureOutcome(this.source.doc, this.failed) : undefined
  );

  /** The failure view over the stored positions and measured sizes (canvas coordinates). */
  readonly overlay: FailureOverlay | undefined = $derived.by(() => {
    const outcome = this.outcome;
    if (!outcome) return undefined;
    const rects: Record<string, Rect> = Object.create(null);
    const sizes = this.source.measured.sizes;
    for (const n of this.source.doc.nodes)
      if (n.position && sizes[n.id]) rects[n.id] = { ...n.position, ...sizes[n.id] };
    return failureOverlay(this.source.doc, outcome, rects, this.source.lang);
  });

  /** Enter the mode, optionally failing `ids` at once (the selection). */
  start(ids: readonly string[] = []) {
    this.chosen = [...ids];
    this.active = true;
  }

  stop() {
    this.active = false;
    this.chosen = [];
  }

  toggle(id: string) {
    this.chosen = this.chosen.includes(id)
      ? this.chosen.filter((x) => x !== id)
      : [...this.chosen, id];
  }

  isFailed(id: string): boolean {
    return this.failed.includes(id);
  }
}
