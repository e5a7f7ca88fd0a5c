/** The languages of the interface and of every message: English and Korean. */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every language. */
export type Localized = Readonly<Record<Lang, string>>;
