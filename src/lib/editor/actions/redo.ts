import type { Action } from './action';

export const redo: Action = {
  id: 'redo',
  label: { en: 'Redo', ko: '다시 실행' },
  keys: ['Shift+Mod+Z', 'Ctrl+Y'],
  enabled: ({ app }) => app.editor.canRedo,
  run: ({ app }) => {
    // A pending text edit is applied first (one step), so the text follows the diagram.
    app.text?.beforeHistory();
    app.editor.redo();
  }
};
