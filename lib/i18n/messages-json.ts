import type { CatalogArea, UiLocale } from './catalog/types';

/** One `_locales/<locale>/messages.json` entry, as Chrome and Firefox read it. */
interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

const SUBSTITUTION = /\$([1-9])/g;

/**
 * The browser catalogue for one locale. `$1` in a source string becomes the named
 * placeholder `$P1$` whose content is `$1`: both browsers document that form, and a literal
 * dollar sign is written `$$`.
 */
export function messagesJson(catalog: CatalogArea, locale: UiLocale): Record<string, ChromeMessage> {
  const out: Record<string, ChromeMessage> = {};
  for (const [key, entry] of Object.entries(catalog)) {
    const source = entry[locale];
    const placeholders: Record<string, { content: string }> = {};
    const message = source.replace(SUBSTITUTION, (_, n: string) => {
      placeholders[`P${n}`] = { content: `$${n}` };
      return `$P${n}$`;
    });
    out[key] = {
      message,
      ...(entry.description ? { description: entry.description } : {}),
      ...(Object.keys(placeholders).length ? { placeholders } : {}),
    };
  }
  return out;
}

/** The problems that would make a catalogue misbehave in a browser, one line each. */
export function catalogProblems(catalog: CatalogArea, locales: readonly UiLocale[]): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalog)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: keys may hold only A-Z, a-z, 0-9 and _`);
    const wanted = substitutions(entry.en);
    for (const locale of locales) {
      const text = entry[locale];
      if (!text?.trim()) problems.push(`${key}: no ${locale} text`);
      else if (substitutions(text) !== wanted) problems.push(`${key}: ${locale} uses other $n than en`);
    }
  }
  return problems;
}

function substitutions(text: string): string {
  return [...text.matchAll(SUBSTITUTION)].map((m) => m[1]).sort().join(',');
}
