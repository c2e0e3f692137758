import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { parsePack } from '@/lib/pack/schema';
import { figuresKnownAt, findItem, latestStatus } from '@/lib/pack/status';

// From ../shared/spec/default-thesis.md: ids are a contract, statuses as of the seed (2026-01-09).
const SEED_STATUS: Record<string, string> = {
  'h200-import-approval': 'on-track',
  'h200-procurement': 'pending',
  'h200-deployment': 'pending',
  'ai-revenue-growth': 'on-track',
  'cloud-revenue-growth': 'on-track',
  'capex-commitment': 'on-track',
  'infrastructure-recognition': 'confirmed',
  'valuation-rerating': 'pending',
  'export-control-tightening': 'at-risk',
  'quick-commerce-cash-burn': 'at-risk',
  'core-commerce-slowdown': 'at-risk',
};

const item = (id: string) => {
  const found = findItem(defaultPack, id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('default pack', () => {
  it('has the contract id, both topics and exactly the 11 items of the spec', () => {
    expect(defaultPack.id).toBe('alibaba-ai-cloud-h200');
    expect(defaultPack.topics.map((t) => t.id).sort()).toEqual(['alibaba', 'h200-exports']);
    expect(defaultPack.items.map((i) => i.id).sort()).toEqual(Object.keys(SEED_STATUS).sort());
    expect(item('export-control-tightening').kind).toBe('risk');
    expect(item('h200-deployment').kind).toBe('catalyst');
  });

  it('survives a JSON round trip through the schema (what an export and re-import does)', () => {
    expect(parsePack(JSON.parse(JSON.stringify(defaultPack)))).toEqual(defaultPack);
  });

  it('reads, as of the seed date, exactly the seed table statuses', () => {
    for (const [id, status] of Object.entries(SEED_STATUS)) {
      const entry = latestStatus(item(id), '2026-01-09');
      expect(entry?.status, id).toBe(status);
      expect(entry?.date, id).toBe('2026-01-09');
    }
  });

  it('keeps every history sorted by date, with English and Chinese matchers on every item', () => {
    for (const it of defaultPack.items) {
      const dates = it.history.map((h) => h.date);
      expect(dates, it.id).toEqual([...dates].sort());
      const terms = it.matchers.flatMap((rule) => rule.all);
      expect(terms.some((group) => group.zh.length > 0), `${it.id} has Chinese terms`).toBe(true);
      expect(terms.some((group) => group.en.length > 0), `${it.id} has English terms`).toBe(true);
    }
  });

  it('turns the dated evidence after the seed into sensible statuses', () => {
    expect(latestStatus(item('h200-import-approval'), '2026-01-14')?.status).toBe('at-risk');
    expect(latestStatus(item('h200-import-approval'), '2026-01-28')?.status).toBe('on-track');
    expect(latestStatus(item('export-control-tightening'), '2026-01-15')?.note).toMatch(/case by case/);
    expect(latestStatus(item('h200-deployment'), '2026-02-25')?.status).toMatch(/pending|at-risk/);
    expect(latestStatus(item('h200-procurement'), '2026-02-25')?.status).toBe('at-risk');
    expect(latestStatus(item('valuation-rerating'), '2026-03-19')?.status).toBe('at-risk');
    expect(latestStatus(item('quick-commerce-cash-burn'), '2026-02-12')?.note).toMatch(/UNVERIFIED/);
    expect(latestStatus(item('cloud-revenue-growth'))?.note).toMatch(/38%/);
  });

  it('carries the seed table figures and the later ones, each known only from its date', () => {
    const cloud = figuresKnownAt(item('cloud-revenue-growth'), '2026-01-09').filter((f) => f.measure === 'cloud-revenue-yoy');
    expect(cloud.at(-1)).toMatchObject({ value: 34, periodEnd: '2025-09-30' });
    const cloudToday = figuresKnownAt(item('cloud-revenue-growth'), '2026-11-24').filter((f) => f.measure === 'cloud-revenue-yoy');
    expect(cloudToday.at(-1)).toMatchObject({ value: 38, periodEnd: '2026-03-31', asOf: '2026-05-13' });
    const revenue = figuresKnownAt(item('core-commerce-slowdown'), '2026-11-24').filter((f) => f.measure === 'group-revenue-yoy');
    expect(revenue.map((f) => [f.value, f.periodEnd])).toEqual([
      [5, '2025-09-30'],
      [2, '2025-12-31'],
      [3, '2026-03-31'],
    ]);
    const streak = figuresKnownAt(item('ai-revenue-growth'), '2026-11-24').filter((f) => f.measure === 'ai-revenue-triple-digit-streak');
    expect(streak.at(-1)?.value).toBe(11);
    const capex = item('capex-commitment').figures.find((f) => f.measure === 'ai-capex-plan');
    expect(capex).toMatchObject({ value: 380e9, unit: 'CNY' });
    expect(item('h200-procurement').figures.find((f) => f.measure === 'h200-units-sought')).toMatchObject({ value: 200_000, atLeast: true });
    for (const id of ['valuation-rerating', 'infrastructure-recognition', 'ai-revenue-growth']) {
      expect(item(id).figures.length, id).toBeGreaterThan(0);
    }
  });

  it('gives source URLs only as real absolute URLs', () => {
    for (const it of defaultPack.items) {
      for (const entry of it.history) if (entry.source?.url) expect(entry.source.url).toMatch(/^https:\/\//);
    }
  });
});
