import type { Action } from './action';

export const deleteSelection: Action = {
  id: 'delete',
  label: { en: 'Delete', ko: '삭제' },
  description: { en: 'Delete the selection', ko: '선택 항목 삭제' },
  keys: ['Delete', 'Backspace'],
  enabled: ({ app }) => app.editor.selection.length + app.editor.selectedEdges.length > 0,
  run: ({ app }) => app.editor.deleteSelection()
};
