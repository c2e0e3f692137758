import type { ItemRef } from '@/lib/clippings/schema';
import type { Stance } from '@/lib/pack/schema';
import type { PageClippingsState } from './model';

/**
 * The clipper on a page, as other content scripts of ours see it. One clipper per page (per
 * content-script world), started by the clipper script (`content-scripts/clipper.js`, the only
 * bundle that holds its code); the lens finds it here rather than bundling it again. Plain data
 * and functions, so that separate bundles can share one instance. The isolated world is ours:
 * page scripts cannot reach this registry.
 */
export interface Clipper {
  /** Open the save dialog for the reader's current selection. */
  saveSelection(): void;
  /** Open the save dialog for a claim (the lens's Save action), items and stance prefilled. */
  saveClaim(input: SaveClaimInput): void;
  /** True when this page has a clipping of this passage (a claim's sentence). */
  isSaved(quote: string): boolean;
  /** What the lens knows about the page (topics), used for clippings saved from a selection. */
  setPageContext(context: { topics?: readonly string[] }): void;
  getState(): PageClippingsState;
  /** Called with the state now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: PageClippingsState) => void): () => void;
  /** Scroll to a clipping and flash it. */
  show(id: string): void;
  /** Load this page's clippings again and re-anchor them. */
  refresh(): Promise<void>;
  openLibrary(): void;
}

export interface SaveClaimInput {
  quote: string;
  range?: Range | null;
  items: ItemRef[];
  stance: Stance;
  topics?: readonly string[];
  /** Where focus goes when the dialog closes (the control that opened it, inside a closed root the clipper cannot see). */
  returnFocus?: () => void;
}

interface Registration {
  clipper: Clipper;
  isValid: () => boolean;
}

const INSTANCE_KEY = '__thesisLensClipper';
const world = globalThis as unknown as Record<typeof INSTANCE_KEY, Registration | undefined>;

/** The running clipper on this page, if any. */
export function currentClipper(): Clipper | null {
  const registered = world[INSTANCE_KEY];
  return registered && registered.isValid() ? registered.clipper : null;
}

/** Makes a clipper the page's one; returns the function that withdraws it. */
export function registerClipper(clipper: Clipper, isValid: () => boolean): () => void {
  world[INSTANCE_KEY] = { clipper, isValid };
  return () => {
    if (world[INSTANCE_KEY]?.clipper === clipper) world[INSTANCE_KEY] = undefined;
  };
}
