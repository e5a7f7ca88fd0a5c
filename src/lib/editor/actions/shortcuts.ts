import type { Action } from './action';

export const shortcuts: Action = {
  id: 'shortcuts',
  label: { en: 'Keyboard shortcuts', ko: '단축키' },
  description: { en: 'This list', ko: '이 목록' },
  keys: ['?'],
  run: (ctx) => ctx.showShortcuts()
};
