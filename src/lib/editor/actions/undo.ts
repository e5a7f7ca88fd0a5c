import type { Action } from './action';

export const undo: Action = {
  id: 'undo',
  label: { en: 'Undo', ko: '실행 취소' },
  keys: ['Mod+Z'],
  enabled: ({ app }) => app.editor.canUndo,
  run: ({ app }) => app.editor.undo()
};
