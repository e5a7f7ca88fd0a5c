import type { Action } from './action';

export const escape: Action = {
  id: 'escape',
  label: { en: 'Cancel', ko: '취소' },
  description: {
    en: 'Cancel / clear the selection / leave “What if”',
    ko: '취소 / 선택 해제 / 고장 시뮬레이션 끝내기'
  },
  keys: ['Escape'],
  run: ({ app }) => {
    if (app.editor.renaming) app.editor.renaming = null;
    else if (app.editor.whatIf.active) app.editor.whatIf.stop();
    else app.editor.select([]);
  }
};
