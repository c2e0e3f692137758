import type { HistoryEntry, Item, KeyFigure, Status, ThesisPack } from './schema';

/**
 * Reading a pack as it stood on a given day: the status an item had, the figures that were
 * known. `scan --as-of`, the sidebar and the checklist page all go through these, so that a
 * replay of an old date never sees evidence from after it.
 */

/** Today as YYYY-MM-DD (UTC), the default "as of". */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** History entries dated on or before `asOf` (all when omitted), oldest first. */
export function historyAsOf(item: Item, asOf?: string): HistoryEntry[] {
  const entries = asOf ? item.history.filter((entry) => entry.date <= asOf) : [...item.history];
  // Stable sort: entries of the same day keep their order, so the later-written one wins.
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The newest history entry dated on or before `asOf`, or null when the item had none yet. */
export function latestStatus(item: Item, asOf?: string): HistoryEntry | null {
  const entries = historyAsOf(item, asOf);
  return entries[entries.length - 1] ?? null;
}

/** The item's status on `asOf`: `pending` before its first entry (nothing was known). */
export function statusAt(item: Item, asOf?: string): Status {
  return latestStatus(item, asOf)?.status ?? 'pending';
}

/** Key figures already public on `asOf`, oldest period first. */
export function figuresKnownAt(item: Item, asOf?: string): KeyFigure[] {
  const figures = asOf ? item.figures.filter((figure) => figure.asOf <= asOf) : [...item.figures];
  return figures.sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
}

/** For each measure, its figure with the latest period known on `asOf`. */
export function latestFiguresAt(item: Item, asOf?: string): KeyFigure[] {
  const byMeasure = new Map<string, KeyFigure>();
  for (const figure of figuresKnownAt(item, asOf)) byMeasure.set(`${figure.measure}|${figure.unit}`, figure);
  return [...byMeasure.values()];
}

export function findItem(pack: ThesisPack, id: string): Item | undefined {
  return pack.items.find((item) => item.id === id);
}

/** The newest date in the pack's histories and figures: how current the checklist is. */
export function packUpdatedAt(pack: ThesisPack): string | null {
  let latest: string | null = null;
  for (const item of pack.items) {
    for (const entry of item.history) if (!latest || entry.date > latest) latest = entry.date;
    for (const figure of item.figures) if (!latest || figure.asOf > latest) latest = figure.asOf;
  }
  return latest;
}

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

function trimNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toFixed(2)));
}

/** A key figure's value as a reader writes it: "34%", "≥100%", "RMB 380 billion", ">200,000 units". */
export function formatFigureValue(figure: Pick<KeyFigure, 'value' | 'unit' | 'atLeast'>): string {
  const { value, unit, atLeast } = figure;
  if (unit === 'percent') return `${atLeast ? '≥' : ''}${trimNumber(value)}%`;
  if (unit === 'multiple') return `${trimNumber(value)}x`;
  if (unit === 'units' || unit === 'count') {
    const n = trimNumber(value);
    return unit === 'units' ? `${atLeast ? '>' : ''}${n} units` : `${atLeast ? '≥' : ''}${n}`;
  }
  const abs = Math.abs(value);
  const scale = SCALES.find(([size]) => abs >= size);
  const amount = scale ? `${trimNumber(value / scale[0])} ${scale[1]}` : trimNumber(value);
  const prefix = unit === 'CNY' ? 'RMB ' : unit === 'USD' ? '$' : unit === 'HKD' ? 'HK$' : unit === 'JPY' ? '¥' : '';
  return `${atLeast ? '>' : ''}${prefix}${amount}`;
}

/** "34% (quarter ended 2025-09-30)": a known figure quoted with its period. */
export function describeKnownFigure(figure: KeyFigure): string {
  return `${formatFigureValue(figure)} (${figure.period})`;
}
