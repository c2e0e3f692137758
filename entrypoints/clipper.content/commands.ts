/** Commands the background sends to the clipper (tabs.sendMessage), checked without zod. */
export type ClipperCommand = { type: 'clipper/save-selection' } | { type: 'clipper/refresh' };

/** A background command to the clipper, or null for any other message (see ClipperCommandSchema, which it mirrors). */
export function clipperCommandOf(raw: unknown): ClipperCommand | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const type = (raw as { type?: unknown }).type;
  return type === 'clipper/save-selection' || type === 'clipper/refresh' ? { type } : null;
}
