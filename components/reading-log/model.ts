import type { ReadingLogEntry } from '@/lib/evidence/schema';

/** How an article's claims fall by checklist item and stance (a claim linked to two items counts for each). */
export interface ItemStanceCount {
  itemId: string;
  supports: number;
  challenges: number;
  neutral: number;
}

export function claimBreakdown(entry: Pick<ReadingLogEntry, 'claims'>): ItemStanceCount[] {
  const byItem = new Map<string, ItemStanceCount>();
  for (const claim of entry.claims) {
    for (const link of claim.links) {
      const count = byItem.get(link.itemId) ?? { itemId: link.itemId, supports: 0, challenges: 0, neutral: 0 };
      count[link.stance]++;
      byItem.set(link.itemId, count);
    }
  }
  return [...byItem.values()].sort((a, b) => b.supports + b.challenges + b.neutral - (a.supports + a.challenges + a.neutral) || a.itemId.localeCompare(b.itemId));
}

/** The export file's name and content: the entries as they are stored, one JSON document. */
export function exportFile(entries: readonly ReadingLogEntry[], day: string): { name: string; json: string } {
  return { name: `thesis-lens-reading-log-${day}.json`, json: JSON.stringify({ kind: 'thesis-lens-reading-log', exported: day, entries }, null, 1) };
}
