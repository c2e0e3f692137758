import type { CatalogArea } from './types';

/** Strings of the welcome (keys start with `welcome_`). */
export const welcome = {} satisfies CatalogArea;
