import { examplePath } from './examples';
import { LayoutService } from './layout/service';
import { indexedDbStorage } from './persistence/autosave';
import { TabSync } from './persistence/tabs';
import { App } from './state/app.svelte';

/**
 * The application wired to this browser: IndexedDB for autosave, a BroadcastChannel to the
 * other tabs, sessionStorage for the tab's own diagram, localStorage for settings and the
 * layout mark, ELK in a worker, the bundled examples over fetch.
 */
export function createBrowserApp(): App {
  return new App({
    session: { storage: indexedDbStorage(), channel: new TabSync(), tab: sessionStorage },
    settings: localStorage,
    marks: localStorage,
    languages: navigator.languages ?? [navigator.language],
    layout: new LayoutService(),
    fetchExample: async (file) => (await fetch(examplePath(file))).text()
  });
}
