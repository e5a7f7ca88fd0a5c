import { getContext, setContext } from 'svelte';
import type { App } from './state/app.svelte';
import type { Editor } from './state/editor.svelte';

const KEY = Symbol('stackdraw-app');

/** Make the application available to the components below. */
export function provideApp(app: App): App {
  return setContext(KEY, app);
}

/** The application (editor, session, settings). */
export function useApp(): App {
  const app = getContext<App | undefined>(KEY);
  if (!app) throw new Error('useApp() outside the editor');
  return app;
}

/** The editor state, for components that only edit the document. */
export function useEditor(): Editor {
  return useApp().editor;
}
