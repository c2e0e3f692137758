import type { CatalogArea } from './types';

/** Strings of the checklist (keys start with `checklist_`). */
export const checklist = {} satisfies CatalogArea;
