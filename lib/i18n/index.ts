import type { MessageKey } from './catalog';

export type { MessageKey } from './catalog';

type GetMessage = (key: string, substitutions?: string[]) => string;
type Fallback = (key: string) => string | undefined;

interface I18nHost {
  i18n?: { getMessage?: GetMessage; getUILanguage?: () => string };
}

let fallback: Fallback | undefined;

/**
 * Where strings come from when no browser catalogue is there (unit tests, the `scan`
 * command). Extension code never calls this: it reads `_locales` through `t()`.
 */
export function setMessageFallback(source: Fallback | undefined): void {
  fallback = source;
}

function browserI18n(): I18nHost['i18n'] {
  const host = globalThis as { browser?: I18nHost; chrome?: I18nHost };
  return host.browser?.i18n ?? host.chrome?.i18n;
}

/**
 * A UI string in the browser's language. `subs` fill `$1`…`$9` in order. A key the catalogue
 * lacks comes back as the key itself, so a missing string is visible rather than blank.
 */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const args = subs.map(String);
  const fromBrowser = browserI18n()?.getMessage?.(key, args);
  if (fromBrowser) return fromBrowser;
  const text = fallback?.(key);
  if (text === undefined) return key;
  return text.replace(/\$([1-9])/g, (_, n: string) => args[Number(n) - 1] ?? '');
}

/**
 * A count with its noun: `one` (no substitution) for exactly one, else `many` with the count
 * as `$1`. English needs the two forms; Chinese writes both alike.
 */
export function counted(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one) : t(many, count);
}

/** The browser's UI language ("en-US", "zh-CN"), for number and date formats. */
export function uiLanguage(): string | undefined {
  return browserI18n()?.getUILanguage?.();
}
