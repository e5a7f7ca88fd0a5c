import type { Action } from './action';

export const undo: Action = {
  id: 'undo',
  label: { en: 'Undo', ko: '실행 취소' },
  keys: ['Mod+Z'],
  enabled: ({ app }) => app.editor.canUndo,
  run: ({ app }) => {
    // A pending text edit is applied first (one step), so the text follows the diagram.
    app.text?.beforeHistory();
    app.editor.undo();
  }
};
