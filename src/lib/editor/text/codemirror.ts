import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import {
  Annotation,
  EditorSelection,
  EditorState,
  StateEffect,
  StateField,
  Transaction,
  type Range
} from '@codemirror/state';
import {
  type Command,
  Decoration,
  drawSelection,
  EditorView,
  type DecorationSet,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers
} from '@codemirror/view';
import { fencedStackText } from './detect';
import { textChange } from './diff';
import type { TextMarker } from './pane.svelte';

/**
 * The Text panel's code editor: CodeMirror 6, loaded only when the panel opens (a dynamic
 * import from TextPanel.svelte), so the editor's first load does not carry it. It shows a
 * text, reports the user's edits, and shows markers; what the text means is the TextPane's.
 */
export interface TextView {
  /**
   * Show this text (the diagram changed): only the span that differs is replaced, so the
   * cursor keeps its place; kept out of the text's own undo.
   */
  setText(text: string): void;
  /** Show these markers (squiggles, gutter marks, and their words on hover). */
  setMarkers(markers: readonly TextMarker[], hintWord: string): void;
  /**
   * Highlight these 1-based lines (the nodes selected on the canvas) and, unless the user is
   * typing here, scroll the first into view.
   */
  setSelectedLines(lines: readonly number[]): void;
  /** Put the cursor at the start of a 1-based line and focus the text. */
  goToLine(line: number): void;
  focus(): void;
  destroy(): void;
}

export interface TextViewOptions {
  text: string;
  /** The accessible name of the text. */
  label: string;
  /** The user changed the text (typing, paste, the text's own undo). */
  onEdit(text: string): void;
  /** The text lost the focus. */
  onBlur(): void;
  /** The user put the cursor on a 1-based line (not by typing). */
  onCursorLine(line: number): void;
}

/** Marks the transactions that bring the diagram's text in (not the user's edits). */
const fromDiagram = Annotation.define<boolean>();

/** The lines of the nodes selected on the canvas, kept in place as the text changes. */
const setSelected = StateEffect.define<readonly number[]>();
const selectedLine = Decoration.line({ class: 'sd-selected' });
const selectedField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setSelected)) continue;
      const doc = tr.state.doc;
      const ranges: Range<Decoration>[] = e.value
        .filter((l) => l >= 1 && l <= doc.lines)
        .map((l) => selectedLine.range(doc.line(l).from));
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f)
});

/** Colours from the editor's theme variables (theme.css), so light and dark both fit. */
const theme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '13px',
    color: 'var(--fg)',
    backgroundColor: 'var(--bg)'
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "D2Coding", monospace',
    lineHeight: '1.55'
  },
  '.cm-content': { caretColor: 'var(--fg)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)'
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 14%, transparent)',
    color: 'var(--fg)'
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important'
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--panel)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    maxWidth: '360px'
  },
  '.sd-selected': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 16%, transparent)',
    boxShadow: 'inset 3px 0 0 var(--accent)'
  },
  '.cm-diagnostic': { whiteSpace: 'normal' },
  '.sd-diagnostic-hint': { marginTop: '4px', color: 'var(--muted)' }
});

/**
 * Enter: a new line indented as the line the cursor is on (tabs or spaces, exactly as
 * written), or, on a blank line, as the nearest line above that has text; the stack text's
 * indentation says what runs on what, so a new line starts as a sibling of the one above.
 */
export const newLineKeepingIndent: Command = (view) => {
  const { state } = view;
  if (state.readOnly) return false;
  const change = state.changeByRange((range) => {
    const line = state.doc.lineAt(range.from);
    const before = line.text.slice(0, range.from - line.from);
    let indent = /^[ \t]*/.exec(line.text)![0];
    if (!/\S/.test(before)) indent = before;
    else if (!/\S/.test(line.text)) indent = '';
    if (!/\S/.test(line.text))
      for (let n = line.number - 1; n >= 1; n--) {
        const above = state.doc.line(n).text;
        if (!/\S/.test(above)) continue;
        indent = /^[ \t]*/.exec(above)![0];
        break;
      }
    const insert = `${state.lineBreak}${indent}`;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + insert.length)
    };
  });
  view.dispatch(state.update(change, { scrollIntoView: true, userEvent: 'input' }));
  return true;
};

/** Make the code editor in `parent`. */
export function createTextView(parent: HTMLElement, options: TextViewOptions): TextView {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        lintGutter(),
        selectedField,
        keymap.of([
          { key: 'Enter', run: newLineKeepingIndent },
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab
        ]),
        EditorState.tabSize.of(2),
        // A ```stackdraw block pasted here (from a README, a chat) goes in without its fences.
        EditorView.clipboardInputFilter.of((text) => fencedStackText(text) ?? text),
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          spellcheck: 'false',
          autocapitalize: 'off',
          'data-testid': 'stack-text'
        }),
        theme,
        EditorView.updateListener.of((u) => {
          const fromUser = u.transactions.some((tr) => tr.annotation(fromDiagram) !== true);
          if (u.docChanged && fromUser) options.onEdit(u.state.doc.toString());
          else if (u.selectionSet && !u.docChanged && u.view.hasFocus)
            options.onCursorLine(u.state.doc.lineAt(u.state.selection.main.head).number);
        }),
        EditorView.domEventHandlers({ blur: () => options.onBlur() })
      ]
    })
  });
  return {
    setText(text) {
      const current = view.state.doc.toString();
      if (current === text) return;
      // Only the part that differs is replaced, so the cursor and selection outside it stay
      // where they were (CodeMirror maps them through the change).
      view.dispatch({
        changes: textChange(current, text),
        annotations: [fromDiagram.of(true), Transaction.addToHistory.of(false)]
      });
    },
    setMarkers(markers, hintWord) {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = markers.map((m) => ({
        from: Math.min(m.from, length),
        to: Math.min(m.to, length),
        severity: m.severity,
        message: m.hint ? `${m.message}\n${hintWord}: ${m.hint}` : m.message,
        renderMessage: () => {
          const box = document.createElement('div');
          box.textContent = m.message;
          if (m.hint) {
            const hint = document.createElement('div');
            hint.className = 'sd-diagnostic-hint';
            hint.textContent = `${hintWord}: ${m.hint}`;
            box.append(hint);
          }
          return box;
        }
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    setSelectedLines(lines) {
      const effects: StateEffect<unknown>[] = [setSelected.of(lines)];
      const first = lines[0];
      if (first !== undefined && first <= view.state.doc.lines && !view.hasFocus)
        effects.push(EditorView.scrollIntoView(view.state.doc.line(first).from, { y: 'nearest' }));
      view.dispatch({ effects });
    },
    goToLine(line) {
      const l = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)));
      view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
      view.focus();
    },
    focus: () => view.focus(),
    destroy: () => view.destroy()
  };
}
