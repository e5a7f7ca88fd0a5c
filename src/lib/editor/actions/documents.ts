import { downloadDocument } from '../export';
import type { Action } from './action';

export const newDocument: Action = {
  id: 'new',
  label: { en: 'New', ko: '새로 만들기' },
  description: { en: 'New diagram', ko: '새 다이어그램' },
  run: ({ app }) => app.newDocument()
};

export const save: Action = {
  id: 'save',
  label: { en: 'Save', ko: '저장' },
  description: { en: 'Save as a .json file', ko: '.json 파일로 저장' },
  keys: ['Mod+S'],
  run: ({ app }) => downloadDocument(app.editor.doc)
};
