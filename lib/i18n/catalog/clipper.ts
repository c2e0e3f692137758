import type { CatalogArea } from './types';

/** Strings of the clipper (keys start with `clipper_`). */
export const clipper = {} satisfies CatalogArea;
