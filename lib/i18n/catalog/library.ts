import type { CatalogArea } from './types';

/** Strings of the library (keys start with `library_`). */
export const library = {} satisfies CatalogArea;
