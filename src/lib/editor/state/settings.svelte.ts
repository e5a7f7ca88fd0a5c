import type { Lang } from '$lib/core/index';

export type Theme = 'light' | 'dark' | 'system';
export type View = 'graph' | 'blocks';

/** Where settings are kept between visits (localStorage in the browser). */
export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'stackdraw.settings';

/** The language to start in: the saved choice, else the browser's. */
export function initialLang(saved: unknown, browserLanguages: readonly string[]): Lang {
  if (saved === 'en' || saved === 'ko') return saved;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

/**
 * The user's settings: language, theme, automatic arrangement and view. Read once from the
 * store (a broken or missing entry gives the defaults, the language from the browser), and
 * written back by `save()` whenever one changes.
 */
export class Settings {
  lang = $state<Lang>('en');
  theme = $state<Theme>('system');
  /** Relayout after every change of structure or labels. */
  arrange = $state(true);
  view = $state<View>('graph');
  /** The Text panel (the diagram as stack text) is open. */
  textPanel = $state(false);
  /** The system's colour scheme (for theme `system`). */
  systemDark = $state(false);
  /** The theme shown: the choice, with `system` resolved. */
  resolvedTheme = $derived<'light' | 'dark'>(
    this.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.theme
  );

  constructor(
    private store?: SettingsStore,
    browserLanguages: readonly string[] = []
  ) {
    let saved: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? '{}');
      if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
    } catch {
      saved = {};
    }
    this.lang = initialLang(saved.lang, browserLanguages);
    if (saved.theme === 'light' || saved.theme === 'dark' || saved.theme === 'system')
      this.theme = saved.theme;
    if (typeof saved.arrange === 'boolean') this.arrange = saved.arrange;
    if (saved.view === 'graph' || saved.view === 'blocks') this.view = saved.view;
    if (typeof saved.textPanel === 'boolean') this.textPanel = saved.textPanel;
  }

  /** Write the settings to the store (reads every field: call it from an effect). */
  save(): void {
    const value = JSON.stringify({
      lang: this.lang,
      theme: this.theme,
      arrange: this.arrange,
      view: this.view,
      textPanel: this.textPanel
    });
    try {
      this.store?.setItem(KEY, value);
    } catch {
      // A full or disabled store: the settings last for this visit.
    }
  }
}
