import type { Action } from './action';

/** Show or hide the Text panel: the diagram as stack text, editable (text/pane.svelte.ts). */
export const textPanel: Action = {
  id: 'text-panel',
  label: { en: 'Text panel', ko: '텍스트 패널' },
  description: {
    en: 'Show or hide the diagram as stack text',
    ko: '다이어그램을 스택 텍스트로 보기/숨기기'
  },
  keys: ['Shift+T'],
  run: ({ app }) => {
    const { settings } = app;
    // Closing applies what was typed (when it reads): nothing typed is dropped silently.
    if (settings.textPanel) app.text?.flush();
    settings.textPanel = !settings.textPanel;
  }
};
