import type { LensCommand, SidebarPrefs } from '@/lib/messages/lens';

/**
 * The background's commands to the lens, checked by hand so the lens carries no zod (the
 * schema, `LensCommandSchema`, is what the background sends; a unit test holds the two
 * equal). Only the extension can send to a content script's `runtime.onMessage`.
 */
const LENS_COMMANDS = new Set<LensCommand['type']>(['lens/toggle-sidebar', 'lens/open-sidebar', 'lens/rescan', 'lens/teardown']);

export function lensCommandOf(raw: unknown): LensCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const type = (raw as { type?: unknown }).type;
  return typeof type === 'string' && LENS_COMMANDS.has(type as LensCommand['type']) ? ({ type } as LensCommand) : null;
}

/** The panel's prefs before the background answers (`SidebarPrefsSchema`'s defaults). */
export const DEFAULT_SIDEBAR_PREFS: SidebarPrefs = { side: 'right', width: 380, minimized: false };
