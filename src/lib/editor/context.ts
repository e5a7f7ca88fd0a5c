import { getContext, setContext } from 'svelte';
import type { ActionContext } from './actions';
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

const ACTIONS_KEY = Symbol('stackdraw-actions');

/** Make the action context (actions/) available to toolbars and dialogs. */
export function provideActions(ctx: ActionContext): ActionContext {
  return setContext(ACTIONS_KEY, ctx);
}

export function useActions(): ActionContext {
  const ctx = getContext<ActionContext | undefined>(ACTIONS_KEY);
  if (!ctx) throw new Error('useActions() outside the editor');
  return ctx;
}
