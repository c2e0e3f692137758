import { catalog, type MessageKey } from '@/lib/i18n/catalog';
import type { UiLocale } from '@/lib/i18n/catalog/types';
import { setMessageFallback } from '@/lib/i18n';

/** Unit tests read the catalogue directly, in the language a test asks for (English by default). */
export function useUiLocale(locale: UiLocale): void {
  setMessageFallback((key) => catalog[key as MessageKey]?.[locale]);
}

useUiLocale('en');
