import {
  renderDiagnostic,
  type Diagnostic,
  type DiagramDocument,
  type Lang
} from '$lib/core/index';
// The stack language straight from its module, not through the core's index: code the page
// loads at once re-exports from that index, and would then carry the reader.
import {
  applyText,
  paneText,
  parseStack,
  patchStack,
  renderStackError,
  type StackError
} from '$lib/core/text/index';
import type { Editor } from '../state/editor.svelte';
import { browserTextMemory, type TextMemory } from '../persistence/texts';

/**
 * The Text panel's state (loaded with the panel, not with the editor): the diagram as stack
 * text (docs/stack-language.md), edits applied to the diagram after a pause, and the line
 * markers the text shows. The component (TextPanel.svelte) and the code editor
 * (codemirror.ts) only render it.
 */

/** A mark on the text: a parse error (on its columns) or a problem of a node (its line). */
export interface TextMarker {
  /** Offsets into the text (UTF-16 code units, 0-based, `to` exclusive). */
  from: number;
  to: number;
  /** 1-based line. */
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
}

/** Where each 1-based line starts and ends in `text` (offsets, the end before the newline). */
export function lineRange(text: string, line: number): { from: number; to: number } {
  let from = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return { from: text.length, to: text.length };
    from = nl + 1;
  }
  const nl = text.indexOf('\n', from);
  return { from, to: nl < 0 ? text.length : nl };
}

/**
 * The markers of a text: its parse errors, in `lang`, when there are any; else the
 * validation problems of the diagram on the lines of the nodes they name (a problem naming
 * three nodes marks three lines; a node without a line, none).
 */
export function textMarkers(
  text: string,
  errors: readonly StackError[],
  diagnostics: readonly Diagnostic[],
  lines: ReadonlyMap<string, number>,
  doc: DiagramDocument,
  lang: Lang
): TextMarker[] {
  if (errors.length)
    return errors.map((e) => ({
      from: e.from,
      to: Math.max(e.to, e.from),
      line: e.line,
      severity: 'error' as const,
      ...renderStackError(e.code, e.params, lang)
    }));
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: TextMarker[] = [];
  for (const d of diagnostics) {
    const words = renderDiagnostic(d, byId, lang);
    for (const id of new Set(d.nodes)) {
      const line = lines.get(id);
      if (line === undefined) continue;
      out.push({ ...lineRange(text, line), line, severity: d.severity, ...words });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/**
 * The text the panel showed for each document it was in step with (the user's, comments and
 * all): Undo and Redo bring a document back, and with it that text. Module-wide, so closing
 * and opening the panel keeps it; weak, so documents the history dropped are let go.
 */
const textOf = new WeakMap<DiagramDocument, string>();

/** The 1-based line of each node, from a reading's spans. */
function lineNumbers(spans: ReadonlyMap<string, { line: number }>): Map<string, number> {
  return new Map([...spans].map(([id, span]) => [id, span.line]));
}

export class TextPane {
  /** The text in the pane: the user's while they edit it, else the diagram's. */
  text = $state('');
  /** Bumped whenever the diagram rewrote `text`: the code editor then shows the new text. */
  rewrites = $state(0);
  /** The text has edits the diagram does not have yet (applied after a pause). */
  pending = $state(false);
  /** Errors of the last reading of the user's text (the diagram keeps its last good state). */
  errors = $state.raw<StackError[]>([]);
  /**
   * The text the diagram last agreed with, and the 1-based line of each node in it: the
   * problems' line markers are placed by it (while the user types, the code editor moves
   * them along with the text).
   */
  private agreed = $state.raw<{ text: string; lines: ReadonlyMap<string, number> }>({
    text: '',
    lines: new Map()
  });
  /** The pane text of the diagram the text was last brought in step with. */
  private shown: string | null = null;
  /** That diagram: canvas changes since then are kept when the text is applied. */
  private base: DiagramDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The text's markers, in the interface language (see `textMarkers`). */
  markers = $derived.by(() =>
    textMarkers(
      this.agreed.text,
      this.errors,
      this.editor.report.diagnostics,
      this.agreed.lines,
      this.editor.doc,
      this.editor.lang
    )
  );

  /** The 1-based lines of the selected nodes (the code editor highlights them). */
  selectedLines = $derived.by(() => {
    const { lines } = this.agreed;
    return this.editor.selection.flatMap((id) => lines.get(id) ?? []).sort((a, b) => a - b);
  });

  /**
   * @param editor the editor whose diagram the text shows and changes
   * @param delayMs the pause after the last keystroke before the text is applied (ms)
   * @param memory where the user's texts are kept between visits (localStorage)
   */
  constructor(
    private readonly editor: Editor,
    readonly delayMs = 300,
    private readonly memory: TextMemory = browserTextMemory()
  ) {
    this.follow();
  }

  /**
   * Bring the text in step with the diagram (call it when the document changes), unless the
   * user's text has edits not applied yet or does not read (their typing is never
   * overwritten). A document the text was in step with before (Undo, Redo) gets that text
   * back exactly; another gets the user's text changed only on the lines of what changed
   * (`patchStack`: comments, blank lines and wording kept), or printed afresh when that is
   * not simple. A change of positions only leaves the text as it is.
   */
  follow(doc: DiagramDocument = this.editor.doc): void {
    if (this.pending || this.errors.length) return;
    const printed = paneText(doc);
    // This visit's text of the document, else, while the panel shows no wording of the
    // user's (first load, a restore), one kept from an earlier visit.
    const plain = this.shown === null || this.text === this.shown;
    const remembered =
      textOf.get(doc) ??
      (plain && printed.text !== this.shown ? this.memory.recall(printed.text) : undefined);
    if (remembered !== undefined && remembered !== this.text) {
      const read = parseStack(remembered);
      if (read.ok) {
        this.show(doc, printed.text, remembered, lineNumbers(read.nodes));
        return;
      }
    }
    if (printed.text === this.shown) {
      textOf.set(doc, this.text);
      return;
    }
    // The user's text, changed only where the diagram changed; else printed afresh (a text
    // that is the plain print has nothing of the user's to keep: no need to patch it).
    const patched = this.base && !plain && patchStack(this.text, this.base, doc);
    if (patched) this.show(doc, printed.text, patched.text, patched.nodes);
    else this.show(doc, printed.text, printed.text, printed.nodes);
  }

  /** Show `text` for `doc` (whose printed text is `printed`), remembered for Undo. */
  private show(
    doc: DiagramDocument,
    printed: string,
    text: string,
    lines: ReadonlyMap<string, number>
  ): void {
    this.shown = printed;
    this.base = doc;
    textOf.set(doc, text);
    this.memory.remember(text, printed);
    if (text === this.text && text === this.agreed.text) return;
    this.text = text;
    this.agreed = { text, lines };
    this.rewrites++;
  }

  /** The user changed the text: applied to the diagram once they pause for `delayMs`. */
  edit(text: string): void {
    if (text === this.text && !this.pending) return;
    this.text = text;
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /**
   * Apply the text now (after the pause, when the text loses focus, before Undo): a text
   * that reads becomes one undoable command (node positions and edge ids kept where ids and
   * hosts survive); a text that does not read is marked and the diagram left as it is.
   */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const read = parseStack(this.text, { lang: this.editor.lang });
    if (!read.ok || !read.document) {
      this.errors = read.errors;
      return;
    }
    this.pending = false;
    this.errors = [];
    this.agreed = { text: this.text, lines: lineNumbers(read.nodes) };
    const parsed = read.document;
    const base = this.base;
    if (this.editor.run('text', applyText, { parsed, base }))
      this.editor.select(this.editor.selection);
    // The diagram now says what the text says: later layouts leave the text alone.
    const doc = this.editor.doc;
    const printed = paneText(doc);
    if (printed.text === paneText(parsed).text) {
      this.shown = printed.text;
      this.base = doc;
      textOf.set(doc, this.text);
      this.memory.remember(this.text, printed.text);
      return;
    }
    // Changes made on the canvas while the text could not be read were kept: show them.
    const patched = patchStack(this.text, parsed, doc);
    if (patched) this.show(doc, printed.text, patched.text, patched.nodes);
    else this.show(doc, printed.text, printed.text, printed.nodes);
  }

  /**
   * The cursor went to a 1-based line of the text (a click, the arrows): the node written
   * there is selected on the canvas. Not while the text has edits not applied yet (its lines
   * are not the diagram's then), nor on a line without a node.
   */
  cursorAt(line: number): void {
    if (this.pending || this.errors.length) return;
    for (const [id, l] of this.agreed.lines) {
      if (l !== line) continue;
      if (this.editor.selection.length !== 1 || this.editor.selection[0] !== id)
        this.editor.select([id]);
      return;
    }
  }

  /**
   * Before Undo or Redo: apply a pending text that reads, and give up one that does not,
   * so the text follows the diagram back.
   */
  beforeHistory(): void {
    this.flush();
    if (!this.pending) return;
    this.pending = false;
    this.errors = [];
    this.shown = null;
    this.follow();
  }

  /** Stop the pause timer (the panel closes; pending text that reads is applied). */
  dispose(): void {
    this.flush();
    clearTimeout(this.timer);
  }
}
