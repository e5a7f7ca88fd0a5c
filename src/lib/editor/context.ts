import { getContext, setContext } from 'svelte';
import type { Editor } from './state/editor.svelte';

const KEY = Symbol('stackdraw-editor');

export function provideEditor(editor: Editor): Editor {
  return setContext(KEY, editor);
}

export function useEditor(): Editor {
  const editor = getContext<Editor | undefined>(KEY);
  if (!editor) throw new Error('useEditor() outside the editor');
  return editor;
}
