import type { Action } from './action';

export const whatIf: Action = {
  id: 'what-if',
  label: { en: 'What if … fails?', ko: '고장 나면 어떻게 될까?' },
  description: {
    en: 'What if … fails? (starts with the selection failed; again to leave)',
    ko: '고장 시뮬레이션 (선택한 노드가 고장 난 상태로 시작, 다시 누르면 끝)'
  },
  keys: ['Shift+F'],
  run: ({ app }) => {
    const { editor } = app;
    if (editor.whatIf.active) editor.whatIf.stop();
    else editor.whatIf.start(editor.selection);
  }
};
