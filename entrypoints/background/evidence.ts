import type { Runtime } from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import type { Handlers, Caller } from './router';
import { readLog } from './reading-log';
import { clock, mutate, readSnapshot } from './checklist-store';
import { effectiveOf, effectivePacks } from './checklist';
import { addStatus, editItem, ChecklistError } from '@/lib/checklist/theses';
import { today, latestStatus } from '@/lib/pack/status';
import { KeyFigureSchema, type KeyFigure, type ThesisPack } from '@/lib/pack/schema';
import { pageKey } from '@/lib/clippings/page-key';
import { articleNovelty, entriesFor, itemEvidence, thesisEvidence, type Dismissal } from '@/lib/evidence/rules';
import type { ArticleNovelty, CandidateFigure, ItemEvidence, ReadingLogEntry, StatusSuggestion } from '@/lib/evidence/schema';

/**
 * Evidence across articles in the background: the pure rules of lib/evidence run on the
 * reading log and the effective packs. Applying a suggestion or adding a candidate figure
 * recomputes it from the stored data first (never trusts what the page was shown) and writes
 * through the same checklist functions as the reader's own edits.
 */

const MAX_DISMISSALS = 1000;
/** Dismissed suggestions: one per thesis and item, the newest replacing the older. */
const dismissalsItem = storage.defineItem<unknown>('local:evidence-dismissals', { fallback: [] });

async function readDismissals(): Promise<Dismissal[]> {
  const raw = await dismissalsItem.getValue();
  if (!Array.isArray(raw)) return [];
  return raw.filter((d): d is Dismissal => !!d && typeof d === 'object' && ['thesisId', 'itemId', 'fingerprint'].every((k) => typeof (d as Record<string, unknown>)[k] === 'string'));
}

/**
 * The note of an applied suggestion: the move, the rule's count, and every source, so the
 * entry says by itself why it was written.
 */
export function appliedNote(suggestion: StatusSuggestion): string {
  const sources = [...new Map(suggestion.basis.map((claim) => [claim.source.pageKey, claim.source])).values()];
  const listed = sources.map((source) => `${source.site}, ${source.date}: "${source.title || source.url}" <${source.url}>`).join('; ');
  return `Suggested by the reading log (${suggestion.from} → ${suggestion.to}): ${suggestion.sites} separate sites since the last status. Sources: ${listed}`;
}

/** The date of an applied suggestion: its newest article's (what the reader knew then), not the day of the click. */
export function appliedDate(suggestion: StatusSuggestion): string {
  return suggestion.basis.reduce((latest, claim) => (claim.source.date > latest ? claim.source.date : latest), suggestion.basis[0]!.source.date);
}

const STALE = 'This suggestion is out of date: the evidence or the status changed since it was shown. Nothing was written; look at it again.';

/** A candidate figure as a key figure of its item, modelled on the item's figure of the same measure (its label, context, tolerance). */
export function keyFigureOf(candidate: CandidateFigure, model: KeyFigure | undefined): KeyFigure {
  if (!candidate.period) throw new ChecklistError('This figure names no period: it cannot be added as a key figure.');
  if (!model) throw new ChecklistError(`The item has no key figure "${candidate.measure}" to model this one on.`);
  const first = candidate.reports[0]!;
  const periodWords = /^(.*\bended)\s+\d{4}-\d{2}-\d{2}$/.exec(model.period)?.[1] ?? 'period ended';
  const parsed = KeyFigureSchema.safeParse({
    ...model,
    value: candidate.value,
    unit: candidate.unit,
    atLeast: false,
    period: `${periodWords} ${candidate.period}`,
    periodEnd: candidate.period,
    asOf: candidate.reports.reduce((earliest, report) => (report.source.date < earliest ? report.source.date : earliest), first.source.date),
    source: `${first.source.title || first.source.site} <${first.source.url}>`,
  });
  if (!parsed.success) throw new ChecklistError(`This figure cannot be a key figure: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return parsed.data;
}

/** The sender tab's page, for the panel's frame (an extension page inside a web tab) or the lens. */
function senderPage(sender: Runtime.MessageSender, caller: Caller): string | null {
  const url = caller.kind === 'content-script' ? caller.url : caller.tabId !== null ? sender.tab?.url : undefined;
  return url && /^https?:\/\//i.test(url) ? pageKey(url) : null;
}

function mergeNovelty(all: ArticleNovelty[]): ArticleNovelty | null {
  if (all.length === 0) return null;
  return { newSourceFor: [...new Set(all.flatMap((n) => n.newSourceFor))], newFigures: all.flatMap((n) => n.newFigures) };
}

/** What the page's article adds and its items' evidence, over every enabled thesis it was recorded for. */
export function pageEvidence(key: string, packs: readonly ThesisPack[], entries: readonly ReadingLogEntry[], asOf: string): { novelty: ArticleNovelty | null; items: ItemEvidence[] } {
  const novelties: ArticleNovelty[] = [];
  const items: ItemEvidence[] = [];
  for (const pack of packs) {
    const mine = entriesFor(pack.id, entries, asOf);
    const entry = mine.find((candidate) => candidate.pageKey === key);
    if (!entry) continue;
    const linked = new Set(entry.claims.flatMap((claim) => claim.links.map((link) => link.itemId)));
    const relevant = pack.items.filter((item) => linked.has(item.id));
    const since = Object.fromEntries(relevant.map((item) => [item.id, latestStatus(item, asOf)?.date ?? null]));
    novelties.push(articleNovelty(entry, mine, since));
    items.push(...relevant.map((item) => itemEvidence(item, mine, asOf)));
  }
  return { novelty: mergeNovelty(novelties), items };
}

type EvidenceMessage = 'evidence/thesis' | 'evidence/page' | 'evidence/apply-suggestion' | 'evidence/dismiss-suggestion' | 'evidence/add-figure';

export const evidenceHandlers: Handlers<EvidenceMessage> = {
  'evidence/thesis': async ({ thesisId }) => {
    const [{ entries }, dismissals, snapshot] = await Promise.all([readLog(), readDismissals(), readSnapshot()]);
    return thesisEvidence({ thesis: effectiveOf(snapshot, thesisId), entries, asOf: today(), dismissals });
  },

  'evidence/page': async (_payload, sender, caller) => {
    const key = senderPage(sender, caller);
    if (!key) return { novelty: null, items: [] };
    const [{ entries }, packs] = await Promise.all([readLog(), effectivePacks()]);
    return pageEvidence(key, packs, entries, today());
  },

  'evidence/apply-suggestion': async ({ thesisId, itemId, fingerprint }) => {
    const { entries } = await readLog();
    return mutate((snapshot) => {
      const pack = effectiveOf(snapshot, thesisId);
      // Recomputed without dismissals: a dismissed suggestion may still be applied.
      const suggestion = thesisEvidence({ thesis: pack, entries, asOf: today() }).suggestions.find((s) => s.itemId === itemId);
      if (!suggestion || suggestion.fingerprint !== fingerprint) throw new ChecklistError(STALE);
      const newest = suggestion.basis.reduce((a, b) => (b.source.date > a.source.date ? b : a));
      const { state } = addStatus(
        snapshot.theses,
        { thesisId, itemId, date: appliedDate(suggestion), status: suggestion.to, note: appliedNote(suggestion), source: { title: newest.source.title || newest.source.site, url: newest.source.url } },
        clock(),
        pack,
      );
      return { theses: state, result: { applied: true } };
    });
  },

  'evidence/dismiss-suggestion': async ({ thesisId, itemId, fingerprint }) => {
    const kept = (await readDismissals()).filter((d) => !(d.thesisId === thesisId && d.itemId === itemId));
    await dismissalsItem.setValue([...kept, { thesisId, itemId, fingerprint }].slice(-MAX_DISMISSALS));
    return { dismissed: true };
  },

  'evidence/add-figure': async ({ thesisId, candidateId }) => {
    const { entries } = await readLog();
    return mutate((snapshot) => {
      const pack = effectiveOf(snapshot, thesisId);
      const candidate = thesisEvidence({ thesis: pack, entries, asOf: today() }).candidates.find((c) => c.id === candidateId);
      if (!candidate) throw new ChecklistError('This figure is no longer a candidate (the checklist knows it now, or the article left the log). Nothing was added.');
      const item = pack.items.find((i) => i.id === candidate.itemId)!;
      const figure = keyFigureOf(candidate, item.figures.find((f) => f.measure === candidate.measure));
      const theses = editItem(snapshot.theses, thesisId, item.id, { figures: [...item.figures, figure] }, clock(), pack, today());
      return { theses, result: { added: true } };
    });
  },
};
