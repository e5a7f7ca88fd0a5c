import type { Action } from './action';

const STEP = 8;
const FAR = 40;

/** Move the selection with the arrow keys (Shift: further), in px. */
export const nudge: Action = {
  id: 'nudge',
  label: { en: 'Nudge', ko: '조금씩 이동' },
  description: { en: 'Nudge (Shift: further)', ko: '조금씩 이동 (Shift: 크게)' },
  keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
  anyShift: true,
  enabled: ({ app }) => app.editor.selection.length > 0,
  run: ({ app }, e) => {
    if (!e) return;
    const step = e.shiftKey ? FAR : STEP;
    const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
    const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
    app.editor.nudge(dx, dy);
  }
};
