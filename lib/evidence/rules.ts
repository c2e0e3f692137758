import type { Item, KeyFigure, Status } from '../pack/schema';
import { figuresKnownAt, latestStatus } from '../pack/status';
import { figureTolerance } from '../pipeline/figures';
import { entryDate, latestPerPage } from './log';
import type {
  ArticleNovelty,
  CandidateFigure,
  EvidenceClaim,
  EvidenceSource,
  FigureConflict,
  FigureReport,
  ItemEvidence,
  ReadingLogEntry,
  StatusSuggestion,
  ThesisEvidence,
} from './schema';

/**
 * Evidence across articles (issue 12), pure: from the reading log and a thesis's items (their
 * merged history: bundled, feeds and the reader's own entries) to what each item's evidence
 * says since its latest status, the figures sources disagree on, the figures the checklist
 * does not know yet, and the status the evidence suggests.
 *
 * Dates. An article counts with its own publication date, or the day it was read when it
 * carries none. Evidence "since the latest status" is evidence dated strictly after that
 * entry's date: a status entry dated D was written from what was known on D, so an article of
 * the same day is taken as already weighed. Nothing dated after `asOf` counts.
 */

export interface ThesisLike {
  id: string;
  items: readonly Item[];
}

/** A dismissed suggestion: it stays hidden while its fingerprint (its evidence) is unchanged. */
export interface Dismissal {
  thesisId: string;
  itemId: string;
  fingerprint: string;
}

export function sourceOf(entry: ReadingLogEntry): EvidenceSource {
  return { pageKey: entry.pageKey, url: entry.url, title: entry.title, site: entry.site, date: entryDate(entry) };
}

/** Entries of one thesis dated on or before `asOf`, one per page. */
export function entriesFor(thesisId: string, entries: readonly ReadingLogEntry[], asOf: string): ReadingLogEntry[] {
  return latestPerPage(entries.filter((entry) => entry.thesisId === thesisId && entryDate(entry) <= asOf));
}

const newestFirst = (a: EvidenceClaim, b: EvidenceClaim) => (a.source.date < b.source.date ? 1 : a.source.date > b.source.date ? -1 : a.source.pageKey.localeCompare(b.source.pageKey));

/** An item's supports and challenges read after `since` (all when null), newest first. */
export function itemEvidence(item: Item, entries: readonly ReadingLogEntry[], asOf: string): ItemEvidence {
  const since = latestStatus(item, asOf)?.date ?? null;
  const supports: EvidenceClaim[] = [];
  const challenges: EvidenceClaim[] = [];
  for (const entry of entries) {
    const source = sourceOf(entry);
    if (since !== null && source.date <= since) continue;
    for (const claim of entry.claims) {
      // One claim counts once per item even when linked twice (the first stance wins).
      const link = claim.links.find((candidate) => candidate.itemId === item.id);
      if (!link || link.stance === 'neutral') continue;
      (link.stance === 'supports' ? supports : challenges).push({ text: claim.text, stance: link.stance, hedged: claim.hedged, source });
    }
  }
  supports.sort(newestFirst);
  challenges.sort(newestFirst);
  return { itemId: item.id, since, supports, challenges, supportSites: sitesOf(supports).size, challengeSites: sitesOf(challenges).size };
}

function sitesOf(claims: readonly EvidenceClaim[]): Set<string> {
  return new Set(claims.map((claim) => claim.source.site));
}

// ---------------------------------------------------------------- the suggestion rule

/** At least this many separate sites must lean the same way. */
export const MIN_SITES = 2;
/** …with at least this much weight (a site counts 1, or ½ when all it said was hedged)… */
export const MIN_WEIGHT = 2;
/** …and at least this many times the weight of the other side. */
export const LEAN_RATIO = 2;

/**
 * The weight of one side: each site counts once, 1 when at least one of its claims on that
 * side is unhedged, ½ when all of them are hedged. Many claims from one site weigh as one.
 */
export function sideWeight(claims: readonly EvidenceClaim[]): number {
  const firm = new Map<string, boolean>();
  for (const claim of claims) firm.set(claim.source.site, (firm.get(claim.source.site) ?? false) || !claim.hedged);
  let weight = 0;
  for (const unhedged of firm.values()) weight += unhedged ? 1 : 0.5;
  return weight;
}

/** The sentence of each rule, for the terminal and the README (the screens say it through i18n, keyed by `rule`). */
export const RULE_SENTENCES: Record<SuggestionRule, string> = {
  'catalyst-supported':
    'A catalyst that is pending, at risk or broken is suggested on track when, since its last status, at least two separate sites report it happening, with at least twice the weight of those saying otherwise.',
  'catalyst-challenged':
    'A catalyst that is pending, on track or confirmed is suggested at risk when, since its last status, at least two separate sites report it blocked or delayed, with at least twice the weight of those saying otherwise.',
  'risk-receding':
    'A risk that is pending, at risk or broken is suggested on track (contained) when, since its last status, at least two separate sites report it receding, with at least twice the weight of those saying otherwise.',
  'risk-rising':
    'A risk that is pending, on track or confirmed is suggested at risk when, since its last status, at least two separate sites report it materialising, with at least twice the weight of those saying otherwise.',
};

/** How the weight is counted, stated once for all four rules. */
export const WEIGHT_SENTENCE =
  'Each site counts once: 1 when it states the fact, ½ when it only hedges ("reportedly", "may"); the side that leans must weigh at least 2. One site never suffices, and "broken" is never suggested: that call stays yours.';

export type SuggestionRule = 'catalyst-supported' | 'catalyst-challenged' | 'risk-receding' | 'risk-rising';

const TARGET: Record<'supports' | 'challenges', { to: Status; from: readonly Status[] }> = {
  supports: { to: 'on-track', from: ['pending', 'at-risk', 'broken'] },
  challenges: { to: 'at-risk', from: ['pending', 'on-track', 'confirmed'] },
};

/** A short stable hash (FNV-1a, 32 bits, hex) of a string. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * What identifies the evidence behind an item's suggestion: every claim read since its
 * latest status, on either side (page, text, stance, hedge), and the move suggested. Any new
 * claim, a page re-read with other claims, or a new status entry changes it.
 */
export function fingerprintOf(evidence: ItemEvidence, from: Status, to: Status): string {
  const claims = [...evidence.supports, ...evidence.challenges].map((claim) => `${claim.source.pageKey}\u0001${claim.stance}\u0001${claim.hedged ? 1 : 0}\u0001${claim.text}`).sort();
  return `${from}>${to}:${hash([evidence.since ?? '', ...claims].join('\u0002'))}`;
}

/** The status the item's evidence suggests, or null when it does not lean clearly one way (or already says so). */
export function suggestStatus(item: Item, evidence: ItemEvidence, asOf: string): StatusSuggestion | null {
  const from = latestStatus(item, asOf)?.status ?? 'pending';
  const weights = { supports: sideWeight(evidence.supports), challenges: sideWeight(evidence.challenges) };
  for (const side of ['supports', 'challenges'] as const) {
    const claims = side === 'supports' ? evidence.supports : evidence.challenges;
    const other = side === 'supports' ? weights.challenges : weights.supports;
    const sites = sitesOf(claims).size;
    if (sites < MIN_SITES || weights[side] < MIN_WEIGHT || weights[side] < LEAN_RATIO * other) continue;
    const target = TARGET[side];
    if (!target.from.includes(from)) return null;
    const rule: SuggestionRule = item.kind === 'catalyst' ? (side === 'supports' ? 'catalyst-supported' : 'catalyst-challenged') : side === 'supports' ? 'risk-receding' : 'risk-rising';
    return { itemId: item.id, from, to: target.to, rule, basis: claims.slice(), sites, fingerprint: fingerprintOf(evidence, from, target.to) };
  }
  return null;
}

// ---------------------------------------------------------------- figures

interface FigureSighting {
  itemId: string;
  measure: string;
  period: string | null;
  unit: string;
  value: number;
  verdict: string;
  report: FigureReport;
}

function sightingsOf(entries: readonly ReadingLogEntry[]): FigureSighting[] {
  const out: FigureSighting[] = [];
  for (const entry of entries) {
    const source = sourceOf(entry);
    for (const claim of entry.claims) {
      for (const check of claim.checks) {
        if (!check.measure || check.value === undefined || !check.unit) continue;
        out.push({
          itemId: check.itemId,
          measure: check.measure,
          period: check.period ?? null,
          unit: check.unit,
          value: check.value,
          verdict: check.verdict,
          report: { value: check.value, figure: check.figure ?? String(check.value), text: claim.text, source },
        });
      }
    }
  }
  return out;
}

/** Whether two values of a measure are the same figure: the key figure's tolerance, as the checks use it. */
export function sameFigure(a: number, b: number, unit: string, key: Pick<KeyFigure, 'tolerance'> | undefined): boolean {
  const { relative, slack } = figureTolerance(unit, key?.tolerance);
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * relative + slack;
}

function groupBy<T>(list: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of list) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}

/** One report per page and value: an article that repeats its figure is one source. */
function distinctReports(sightings: readonly FigureSighting[]): FigureReport[] {
  const seen = new Set<string>();
  const reports: FigureReport[] = [];
  for (const sighting of sightings) {
    const key = `${sighting.report.source.pageKey}\u0000${sighting.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reports.push(sighting.report);
  }
  return reports.sort((a, b) => (a.source.date < b.source.date ? -1 : a.source.date > b.source.date ? 1 : a.value - b.value));
}

/**
 * Figures sources disagree on: the same item, measure and period, with values beyond the key
 * figure's tolerance given by different articles (an article disagreeing with itself is not a
 * conflict between sources).
 */
export function figureConflicts(items: readonly Item[], entries: readonly ReadingLogEntry[]): FigureConflict[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const conflicts: FigureConflict[] = [];
  const dated = sightingsOf(entries).filter((s) => s.period !== null && byId.has(s.itemId));
  for (const group of groupBy(dated, (s) => `${s.itemId}|${s.measure}|${s.period}|${s.unit}`).values()) {
    const first = group[0]!;
    // The tolerance of the key figure for that period, else of the measure's latest one.
    const figures = byId.get(first.itemId)!.figures.filter((figure) => figure.measure === first.measure);
    const key = figures.find((figure) => figure.periodEnd === first.period) ?? figures.at(-1);
    const disagree = group.some((a) => group.some((b) => a.report.source.pageKey !== b.report.source.pageKey && !sameFigure(a.value, b.value, first.unit, key)));
    if (!disagree) continue;
    conflicts.push({ itemId: first.itemId, measure: first.measure, period: first.period!, unit: first.unit, reports: distinctReports(group) });
  }
  return conflicts.sort((a, b) => a.itemId.localeCompare(b.itemId) || a.measure.localeCompare(b.measure) || a.period.localeCompare(b.period));
}

export function candidateId(itemId: string, measure: string, period: string | null, value: number): string {
  return `${itemId}|${measure}|${period ?? '?'}|${value}`;
}

/**
 * Later-period figures the checklist does not know: checks judged `newer` whose item has no
 * key figure for that measure and period (as of `asOf`). Reports of the same value are
 * grouped into one candidate; a period the text did not name leaves the candidate unaddable.
 */
export function candidateFigures(items: readonly Item[], entries: readonly ReadingLogEntry[], asOf: string): CandidateFigure[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const newer = sightingsOf(entries).filter((s) => s.verdict === 'newer' && byId.has(s.itemId));
  const unknown = newer.filter((s) => !figuresKnownAt(byId.get(s.itemId)!, asOf).some((figure) => figure.measure === s.measure && figure.periodEnd === s.period));
  const candidates: CandidateFigure[] = [];
  for (const group of groupBy(unknown, (s) => candidateId(s.itemId, s.measure, s.period, s.value)).values()) {
    const first = group[0]!;
    candidates.push({ id: candidateId(first.itemId, first.measure, first.period, first.value), itemId: first.itemId, measure: first.measure, period: first.period, unit: first.unit, value: first.value, reports: distinctReports(group) });
  }
  // Item, measure, then period (named periods first, oldest first), then value.
  return candidates.sort((a, b) => a.itemId.localeCompare(b.itemId) || a.measure.localeCompare(b.measure) || (a.period ?? '\uffff').localeCompare(b.period ?? '\uffff') || a.value - b.value);
}

// ---------------------------------------------------------------- the whole thesis

export interface ThesisEvidenceInput {
  /** The thesis with each item's merged history (the effective pack). */
  thesis: ThesisLike;
  entries: readonly ReadingLogEntry[];
  asOf: string;
  dismissals?: readonly Dismissal[];
}

export function thesisEvidence({ thesis, entries, asOf, dismissals = [] }: ThesisEvidenceInput): ThesisEvidence {
  const mine = entriesFor(thesis.id, entries, asOf);
  const items = thesis.items.map((item) => itemEvidence(item, mine, asOf));
  const suggestions: StatusSuggestion[] = [];
  thesis.items.forEach((item, index) => {
    const suggestion = suggestStatus(item, items[index]!, asOf);
    if (!suggestion) return;
    const dismissed = dismissals.some((d) => d.thesisId === thesis.id && d.itemId === item.id && d.fingerprint === suggestion.fingerprint);
    if (!dismissed) suggestions.push(suggestion);
  });
  return { thesisId: thesis.id, asOf, items, conflicts: figureConflicts(thesis.items, mine), candidates: candidateFigures(thesis.items, mine, asOf), suggestions };
}

/**
 * What one article adds: the items it is the first site to speak to since their latest status
 * (`since`, per item; absent: all evidence), and its figures no earlier article (dated on or
 * before it, another page) reported with the same value.
 */
export function articleNovelty(entry: ReadingLogEntry, others: readonly ReadingLogEntry[], since: Readonly<Record<string, string | null>> = {}): ArticleNovelty {
  const date = entryDate(entry);
  const rest = latestPerPage(others.filter((other) => other.thesisId === entry.thesisId && other.pageKey !== entry.pageKey));
  const itemIds = [...new Set(entry.claims.flatMap((claim) => claim.links.map((link) => link.itemId)))];
  const newSourceFor = itemIds.filter((itemId) => {
    const after = since[itemId] ?? null;
    return !rest.some((other) => other.site === entry.site && (after === null || entryDate(other) > after) && other.claims.some((claim) => claim.links.some((link) => link.itemId === itemId)));
  });
  const earlier = sightingsOf(rest.filter((other) => entryDate(other) <= date));
  const seen = new Set<string>();
  const newFigures: ArticleNovelty['newFigures'] = [];
  for (const s of sightingsOf([entry])) {
    const key = `${s.itemId}|${s.measure}|${s.period}|${s.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (earlier.some((e) => e.itemId === s.itemId && e.measure === s.measure && e.period === s.period && e.value === s.value)) continue;
    newFigures.push({ itemId: s.itemId, measure: s.measure, figure: s.report.figure, period: s.period });
  }
  return { newSourceFor, newFigures };
}
