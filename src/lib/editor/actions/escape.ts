import type { Action } from './action';

export const escape: Action = {
  id: 'escape',
  label: { en: 'Cancel', ko: '취소' },
  description: { en: 'Cancel / clear the selection', ko: '취소 / 선택 해제' },
  keys: ['Escape'],
  run: ({ app }) => {
    if (app.editor.renaming) app.editor.renaming = null;
    else app.editor.select([]);
  }
};
