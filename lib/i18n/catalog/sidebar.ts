import type { CatalogArea } from './types';

/** Strings of the sidebar (keys start with `sidebar_`). */
export const sidebar = {} satisfies CatalogArea;
