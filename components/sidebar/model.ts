import type { Stance, Status, ThesisPack } from '@/lib/pack/schema';
import { latestStatus, today as todayIso } from '@/lib/pack/status';
import type { Check, Claim, ItemSummary, ScanResult } from '@/lib/pipeline/types';

/**
 * What the sidebar and the highlight card show, derived from the pipeline's results and the
 * packs they were judged with: per thesis, the checklist items the article touches (with
 * their claims) and the items it does not touch. Pure data, no DOM.
 */

/** Identifies one claim of one thesis's result: `${thesisId}#${index in result.claims}`. */
export type ClaimKey = string;

export interface ClaimView {
  key: ClaimKey;
  thesisId: string;
  claim: Claim;
}

export interface LinkedClaimView extends ClaimView {
  stance: Stance;
  /** Figure checks of this claim about this item. */
  checks: Check[];
}

export interface ItemView {
  thesisId: string;
  id: string;
  title: string;
  kind: 'catalyst' | 'risk' | undefined;
  status: Status;
  statusDate: string | undefined;
  statusNote: string | undefined;
  /** Where the latest status came from (the pack's entry), when it says. */
  statusSource?: { title: string; url?: string };
  claims: LinkedClaimView[];
}

export interface ThesisView {
  id: string;
  title: string;
  claimCount: number;
  touched: ItemView[];
  untouched: ItemView[];
}

export interface LensView {
  theses: ThesisView[];
  claims: Map<ClaimKey, ClaimView>;
  /** Every (item, claim) pair, to find the items of a claim from its key. */
  itemsOfClaim: Map<ClaimKey, ItemView[]>;
}

export function claimKey(thesisId: string, index: number): ClaimKey {
  return `${thesisId}#${index}`;
}

function packFor(result: ScanResult, index: number, packs: readonly ThesisPack[]): ThesisPack | undefined {
  return result.thesisId ? packs.find((pack) => pack.id === result.thesisId) : packs[index];
}

/** Builds the view of the relevant results, in the order of the results. */
export function buildLensView(results: readonly ScanResult[], packs: readonly ThesisPack[], today = todayIso()): LensView {
  const claims = new Map<ClaimKey, ClaimView>();
  const itemsOfClaim = new Map<ClaimKey, ItemView[]>();
  const theses: ThesisView[] = [];

  results.forEach((result, resultIndex) => {
    if (!result.relevant) return;
    const pack = packFor(result, resultIndex, packs);
    const thesisId = result.thesisId ?? pack?.id ?? `thesis-${resultIndex}`;
    const summaries = new Map<string, ItemSummary>(result.items.map((summary) => [summary.id, summary]));

    // Items in the pack's order (the author's order), then any the pack does not list.
    const itemIds = [...(pack?.items.map((item) => item.id) ?? []), ...result.items.map((s) => s.id)].filter((id, i, all) => all.indexOf(id) === i);
    const items = new Map<string, ItemView>();
    for (const id of itemIds) {
      const packItem = pack?.items.find((item) => item.id === id);
      const summary = summaries.get(id);
      const entry = packItem ? latestStatus(packItem, today) : null;
      items.set(id, {
        thesisId,
        id,
        title: summary?.title ?? packItem?.title ?? id,
        kind: summary?.kind ?? packItem?.kind,
        status: summary?.status ?? entry?.status ?? 'pending', // before its first entry nothing was known
        statusDate: summary?.statusDate ?? entry?.date,
        statusNote: summary?.statusNote ?? entry?.note,
        ...(entry?.source ? { statusSource: entry.source } : {}),
        claims: [],
      });
    }

    result.claims.forEach((claim, index) => {
      const key = claimKey(thesisId, index);
      const view: ClaimView = { key, thesisId, claim };
      claims.set(key, view);
      const linked: ItemView[] = [];
      for (const link of claim.items) {
        const item = items.get(link.id);
        if (!item || linked.includes(item)) continue;
        item.claims.push({ ...view, stance: link.stance, checks: claim.checks.filter((check) => check.itemId === link.id) });
        linked.push(item);
      }
      itemsOfClaim.set(key, linked);
    });

    const all = [...items.values()];
    theses.push({
      id: thesisId,
      title: pack?.title ?? result.title,
      claimCount: result.claims.length,
      touched: all.filter((item) => item.claims.length > 0),
      untouched: all.filter((item) => item.claims.length === 0),
    });
  });
  return { theses, claims, itemsOfClaim };
}

/** The status a claim's highlight shows: that of the first item it is linked to (the pipeline's strongest link). */
export function highlightStatusOf(view: LensView, key: ClaimKey): Status {
  return view.itemsOfClaim.get(key)?.[0]?.status ?? 'pending';
}
