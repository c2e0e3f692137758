import type { CatalogArea } from './types';

/** Strings of the popup (keys start with `popup_`). */
export const popup = {} satisfies CatalogArea;
