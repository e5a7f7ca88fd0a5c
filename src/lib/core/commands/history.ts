import type { DiagramDocument } from '../model/types';

/** What undo brings back: the document and what was selected. */
export interface Snapshot {
  doc: DiagramDocument;
  selection: readonly string[];
}

interface Entry extends Snapshot {
  label: string;
  key?: string;
  at: number;
}

/**
 * Undo/redo over immutable documents: each entry is the state before a command, so
 * a snapshot costs one reference. Consecutive commands with the same `key` within
 * `coalesceMs` (typing a label, nudging with the arrows) undo as one.
 */
export class History {
  private past: Entry[] = [];
  private future: Entry[] = [];

  constructor(
    readonly limit = 500,
    readonly coalesceMs = 1200
  ) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  get undoLabel(): string | undefined {
    return this.past[this.past.length - 1]?.label;
  }
  get redoLabel(): string | undefined {
    return this.future[this.future.length - 1]?.label;
  }

  /** Record the state before a command that just ran. */
  record(before: Snapshot, label: string, key?: string, now = Date.now()): void {
    const last = this.past[this.past.length - 1];
    this.future = [];
    if (key !== undefined && last && last.key === key && now - last.at <= this.coalesceMs) {
      last.at = now;
      return;
    }
    this.past.push({ ...before, label, key, at: now });
    if (this.past.length > this.limit) this.past.shift();
  }

  undo(current: Snapshot): Snapshot | undefined {
    const entry = this.past.pop();
    if (!entry) return undefined;
    this.future.push({ ...current, label: entry.label, at: entry.at });
    return { doc: entry.doc, selection: entry.selection };
  }

  redo(current: Snapshot): Snapshot | undefined {
    const entry = this.future.pop();
    if (!entry) return undefined;
    this.past.push({ ...current, label: entry.label, at: 0 });
    return { doc: entry.doc, selection: entry.selection };
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }
}
