/** The UI's languages: the browser's locale codes, as `_locales/<code>/` folders name them. */
export const UI_LOCALES = ['en', 'zh_CN'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/**
 * One message in both languages. `$1`…`$9` stand for the substitutions `t()` is given, in
 * that order; the build turns them into the catalogue's named placeholders.
 */
export interface CatalogEntry {
  en: string;
  zh_CN: string;
  /** For translators: where the string appears, when its words alone do not say. */
  description?: string;
}

export type CatalogArea = Record<string, CatalogEntry>;
