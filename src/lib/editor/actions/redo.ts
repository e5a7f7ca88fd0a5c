import type { Action } from './action';

export const redo: Action = {
  id: 'redo',
  label: { en: 'Redo', ko: '다시 실행' },
  keys: ['Shift+Mod+Z', 'Ctrl+Y'],
  enabled: ({ app }) => app.editor.canRedo,
  run: ({ app }) => app.editor.redo()
};
