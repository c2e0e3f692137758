import { ItemSchema, type Item } from '@/lib/pack/schema';
import type { Check } from '@/lib/pipeline/types';
import type { ReadClaim, ReadingLogEntry } from '@/lib/evidence/schema';

/** Small builders for the timelines the evidence rules are tested on (written for these tests). */

export function item(id: string, kind: 'catalyst' | 'risk', history: Array<[string, Item['history'][number]['status']]>, figures: unknown[] = []): Item {
  return ItemSchema.parse({
    id,
    kind,
    title: id,
    matchers: [{ all: [{ en: [id], zh: [] }] }],
    history: history.map(([date, status]) => ({ date, status, note: `${status} on ${date}` })),
    figures,
  });
}

export function claim(itemId: string, stance: 'supports' | 'challenges' | 'neutral', text: string, extra: { hedged?: boolean; checks?: Check[] } = {}): ReadClaim {
  return { text, links: [{ itemId, stance }], hedged: extra.hedged ?? false, checks: extra.checks ?? [] };
}

let counter = 0;
export function article(site: string, published: string | null, claims: ReadClaim[], extra: Partial<ReadingLogEntry> = {}): ReadingLogEntry {
  counter += 1;
  const url = extra.url ?? `https://www.${site}/news/${counter}`;
  return {
    pageKey: url,
    url,
    title: `${site} story ${counter}`,
    site,
    published,
    readAt: extra.readAt ?? `${published ?? '2026-03-01'}T12:00:00.000Z`,
    thesisId: 'ali',
    claims,
    ...extra,
  };
}

export function cloudFigure(periodEnd: string, value: number, extra: Record<string, unknown> = {}) {
  return {
    measure: 'cloud-yoy',
    label: 'Cloud revenue growth',
    value,
    unit: 'percent',
    period: `quarter ended ${periodEnd}`,
    periodEnd,
    asOf: periodEnd,
    context: [{ en: ['cloud'], zh: [] }],
    ...extra,
  };
}

export function check(itemId: string, verdict: Check['verdict'], value: number, period: string | undefined, figure = `${value}%`): Check {
  return { itemId, verdict, known: 'known', measure: 'cloud-yoy', figure, value, unit: 'percent', ...(period ? { period } : {}) };
}
