import type { Action } from './action';

export const autoLayout: Action = {
  id: 'auto-layout',
  label: { en: 'Auto layout', ko: '자동 배치' },
  description: { en: 'Arrange the stacks now', ko: '지금 스택 배치' },
  keys: ['Shift+L'],
  run: ({ app }) => app.editor.autoLayout()
};
