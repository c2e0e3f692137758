import type { ThesisPack } from '@/lib/pack/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import type { TabReportItem } from '@/lib/messages/lens';
import { buildLensView } from '@/components/sidebar/model';

/** Bounds: the popup is a glance, the sidebar has the rest. */
export const REPORT_LIMITS = { items: 60, claimsPerItem: 8, claimChars: 300 } as const;

const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > REPORT_LIMITS.claimChars ? `${flat.slice(0, REPORT_LIMITS.claimChars - 1)}…` : flat;
};

/**
 * The items a page touches and their claims, for the tab's report (the popup lists them):
 * per thesis, in the checklist's order, each item with its status and its first claims.
 */
export function reportItemsOf(results: readonly ScanResult[], packs: readonly ThesisPack[], today?: string): TabReportItem[] {
  const view = buildLensView(results, packs, today);
  const items: TabReportItem[] = [];
  for (const thesis of view.theses) {
    for (const item of thesis.touched) {
      if (items.length >= REPORT_LIMITS.items) return items;
      items.push({
        thesisId: thesis.id,
        thesisTitle: thesis.title,
        id: item.id,
        title: item.title,
        ...(item.kind ? { kind: item.kind } : {}),
        status: item.status,
        claimCount: item.claims.length,
        claims: item.claims.slice(0, REPORT_LIMITS.claimsPerItem).map((claim) => ({ text: clip(claim.claim.text), stance: claim.stance, hedged: claim.claim.hedged === true })),
      });
    }
  }
  return items;
}
