import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiagramDocument } from '$lib/core/index';
import { Editor } from '../state/editor.svelte';
import { TextMemory } from '../persistence/texts';
import { lineRange, TextPane } from './pane.svelte';

const LAB: DiagramDocument = {
  version: 1,
  title: 'Lab',
  nodes: [
    { id: 'hw-1', kind: 'hardware', label: 'Server', position: { x: 0, y: 300 } },
    { id: 'hv-1', kind: 'hypervisor', label: 'ESXi', position: { x: 0, y: 200 } }
  ],
  edges: [{ id: 'edge-1', source: 'hw-1', target: 'hv-1' }]
};

function setup(doc: DiagramDocument = LAB) {
  const editor = new Editor();
  editor.load(doc);
  const pane = new TextPane(editor);
  return { editor, pane };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the Text panel', () => {
  it('shows the diagram as stack text, with ids so they survive edits', () => {
    const { pane } = setup();
    expect(pane.text).toBe('title: Lab\nhw Server #hw-1\n  hv ESXi #hv-1\n');
  });

  it('applies typed text after a pause, as one undoable step that keeps positions', () => {
    const { editor, pane } = setup();
    pane.edit(pane.text + '    os Ubuntu\n');
    pane.edit(pane.text.replace('Ubuntu', 'Debian'));
    expect(editor.doc.nodes).toHaveLength(2);
    expect(editor.canUndo).toBe(false);
    vi.advanceTimersByTime(300);
    expect(editor.doc.nodes.map((n) => [n.id, n.label, n.position])).toEqual([
      ['hw-1', 'Server', { x: 0, y: 300 }],
      ['hv-1', 'ESXi', { x: 0, y: 200 }],
      ['hv-1/debian', 'Debian', undefined]
    ]);
    expect(editor.doc.edges[0].id).toBe('edge-1');
    expect(pane.pending).toBe(false);
    // The user's text stays as typed (not reprinted under their cursor).
    expect(pane.text).toBe('title: Lab\nhw Server #hw-1\n  hv ESXi #hv-1\n    os Debian\n');

    // Undo takes the whole edit back, and the text follows.
    pane.beforeHistory();
    editor.undo();
    pane.follow();
    expect(editor.doc.nodes).toHaveLength(2);
    expect(pane.text).toBe('title: Lab\nhw Server #hw-1\n  hv ESXi #hv-1\n');
  });

  it('a text that does not read keeps the diagram, marks the line, and is not overwritten', () => {
    const { editor, pane } = setup();
    editor.settings.lang = 'ko';
    const broken = pane.text + '  vm Oops\n';
    pane.edit(broken);
    vi.advanceTimersByTime(300);
    expect(editor.doc.nodes).toHaveLength(2);
    expect(pane.errors).toHaveLength(1);
    const [marker] = pane.markers;
    expect(marker.line).toBe(4);
    expect(marker.severity).toBe('error');
    expect(marker.message).toMatch(/[가-힣]/);
    expect(broken.slice(marker.from, marker.to)).toBe('vm');

    // A change on the canvas does not clobber the user's text.
    editor.rename('hw-1', 'Big server');
    pane.follow();
    expect(pane.text).toBe(broken);
    // Fixed, it applies; the rename made on the canvas meanwhile is kept, and shown.
    pane.edit(broken.replace('vm Oops', 'os Ok'));
    vi.advanceTimersByTime(300);
    expect(pane.errors).toEqual([]);
    expect(editor.doc.nodes.map((n) => n.label)).toEqual(['Big server', 'ESXi', 'Ok']);
    expect(pane.text).toBe('title: Lab\nhw "Big server" #hw-1\n  hv ESXi #hv-1\n  os Ok\n');
  });

  it('follows changes on the canvas, but not a change of positions only', () => {
    const { editor, pane } = setup();
    editor.rename('hv-1', 'Proxmox');
    pane.follow();
    expect(pane.text).toContain('hv Proxmox #hv-1');
    const rewrites = pane.rewrites;
    editor.move({ 'hv-1': { x: 50, y: 50 } });
    pane.follow();
    expect(pane.rewrites).toBe(rewrites);
  });

  it("marks the lines of the nodes a problem names, in the interface's language", () => {
    const { editor, pane } = setup();
    pane.edit('hw PC\n  svc Web\n');
    pane.flush();
    expect(pane.errors).toEqual([]);
    const problems = pane.markers.filter((m) => m.severity === 'error');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((m) => m.line)).toContain(2);
    const en = problems[0].message;
    editor.settings.lang = 'ko';
    expect(pane.markers.find((m) => m.severity === 'error')!.message).not.toBe(en);
    expect(pane.text.slice(problems[0].from, problems[0].to)).toBe(
      pane.text.split('\n')[problems[0].line - 1]
    );
  });

  it('knows the lines of the nodes selected on the canvas', () => {
    const { editor, pane } = setup();
    editor.select(['hv-1', 'hw-1']);
    expect(pane.selectedLines).toEqual([2, 3]);
    editor.select([]);
    expect(pane.selectedLines).toEqual([]);
    // And the other way: the cursor on a node's line selects it, unless the text is being edited.
    pane.cursorAt(3);
    expect(editor.selection).toEqual(['hv-1']);
    pane.cursorAt(1);
    expect(editor.selection).toEqual(['hv-1']);
    pane.edit(pane.text + '  os X\n');
    pane.cursorAt(2);
    expect(editor.selection).toEqual(['hv-1']);
  });

  it('lineRange gives a line without its newline', () => {
    expect(lineRange('a\nbc\n', 2)).toEqual({ from: 2, to: 4 });
    expect(lineRange('a', 1)).toEqual({ from: 0, to: 1 });
    expect(lineRange('a', 5)).toEqual({ from: 1, to: 1 });
  });
  it('a rename on the canvas keeps the user’s comments and wording; Undo brings the exact text back', () => {
    const { editor, pane } = setup();
    const mine =
      '%% my lab\ntitle: Lab\n\n하드웨어 "Server" #hw-1 %% rack 3\n  hv ESXi #hv-1 %% 8.0\n';
    pane.edit(mine);
    vi.advanceTimersByTime(300);
    expect(pane.text).toBe(mine);
    editor.rename('hv-1', 'Proxmox');
    pane.follow();
    expect(pane.text).toBe(mine.replace('hv ESXi #hv-1', 'hv Proxmox #hv-1'));
    editor.rename('hw-1', 'Dell');
    pane.follow();
    expect(pane.text).toContain('하드웨어 Dell #hw-1 %% rack 3\n');
    editor.undo();
    pane.follow();
    editor.undo();
    pane.follow();
    expect(pane.text).toBe(mine);
    editor.redo();
    pane.follow();
    expect(pane.text).toBe(mine.replace('hv ESXi #hv-1', 'hv Proxmox #hv-1'));
    // The markers and the selection use the lines of this text.
    editor.select(['hv-1']);
    expect(pane.selectedLines).toEqual([5]);
  });
  it('the user’s text comes back on the next visit when it still reads as the diagram', () => {
    const items = new Map<string, string>();
    const store = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v)
    };
    const first = setup();
    const mine = '%% notes\ntitle: Lab\nhw Server #hw-1 %% rack\n  hv ESXi #hv-1\n';
    const pane = new TextPane(first.editor, 300, new TextMemory(store));
    pane.edit(mine);
    vi.advanceTimersByTime(300);
    // A new visit: the saved document (a copy, positions moved) and a new panel.
    const editor = new Editor();
    editor.load(
      structuredClone({ ...LAB, nodes: LAB.nodes.map((n) => ({ ...n, position: { x: 5, y: 5 } })) })
    );
    expect(new TextPane(editor, 300, new TextMemory(store)).text).toBe(mine);
    // A document the text does not read as is printed afresh.
    const other = new Editor();
    other.load({ ...LAB, title: 'Other' });
    expect(new TextPane(other, 300, new TextMemory(store)).text).not.toContain('%%');
  });
});
