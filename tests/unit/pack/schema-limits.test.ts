import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { isRealDate, PACK_LIMITS, safeParsePack, type ThesisPackInput } from '@/lib/pack/schema';

function minimalPack(): ThesisPackInput {
  return {
    schema: 'thesis-lens/pack@1',
    id: 'acme',
    title: 'Acme',
    version: '1',
    topics: [{ id: 'main', title: 'Acme', mentions: { en: ['Acme'], zh: [] } }],
    items: [
      {
        id: 'sales',
        kind: 'catalyst',
        title: 'Sales grow',
        matchers: [{ all: [{ en: ['sales'], zh: [] }] }],
        history: [{ date: '2026-01-05', status: 'pending', note: 'Started.', source: { title: 'Acme', url: 'https://acme.example/news' } }],
      },
    ],
  };
}

function problemsOf(input: unknown): string[] {
  const result = safeParsePack(input);
  return result.ok ? [] : result.problems;
}

describe('pack schema: versions', () => {
  it('reads a v1 pack as v2 with the new fields at their defaults', () => {
    const result = safeParsePack(minimalPack());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.schema).toBe('thesis-lens/pack@2');
    expect(result.pack.items[0]!.subject).toEqual({ en: [], zh: [] });
    expect(result.pack.items[0]!.direction).toBeUndefined();
    // Re-reading the written pack gives the same pack.
    expect(safeParsePack(JSON.parse(JSON.stringify(result.pack)))).toEqual(result);
  });

  it('refuses an unknown schema version', () => {
    expect(problemsOf({ ...minimalPack(), schema: 'thesis-lens/pack@9' })[0]).toMatch(/^schema:/);
  });

  it('the bundled pack is v2 and every item states its subject and direction', () => {
    expect(defaultPack.schema).toBe('thesis-lens/pack@2');
    for (const item of defaultPack.items) {
      expect(item.subject.en.length, item.id).toBeGreaterThan(0);
      expect(item.direction, item.id).toBeDefined();
    }
  });
});

describe('pack schema: dates and addresses', () => {
  it('accepts real calendar dates only', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-45')).toBe(false);
    expect(isRealDate('2026-00-10')).toBe(false);
    const pack = minimalPack();
    pack.items[0]!.history[0]!.date = '2026-13-45';
    expect(problemsOf(pack)).toEqual(['items[0].history[0].date: not a real calendar date']);
  });

  it('accepts http(s) source URLs only', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'not a url']) {
      const pack = minimalPack();
      pack.items[0]!.history[0]!.source = { title: 'x', url };
      expect(problemsOf(pack), url).toEqual(['items[0].history[0].source.url: expected an http(s) URL']);
    }
    const pack = minimalPack();
    pack.items[0]!.history[0]!.source = { title: 'x', url: 'http://acme.example/a' };
    expect(problemsOf(pack)).toEqual([]);
  });
});

describe('pack schema: size limits', () => {
  it('refuses too many items, with the limit in the message', () => {
    const pack = minimalPack();
    pack.items = Array.from({ length: PACK_LIMITS.items + 1 }, (_, i) => ({ ...minimalPack().items[0]!, id: `item-${i}` }));
    expect(problemsOf(pack)).toContain(`items: too many items (at most ${PACK_LIMITS.items})`);
  });

  it('refuses too many terms in a list and over-long terms', () => {
    const many = minimalPack();
    many.items[0]!.matchers = [{ all: [{ en: Array.from({ length: PACK_LIMITS.termsPerList + 1 }, (_, i) => `term${i}`), zh: [] }] }];
    expect(problemsOf(many)).toEqual([`items[0].matchers[0].all[0].en: too many terms (at most ${PACK_LIMITS.termsPerList} per list)`]);
    const long = minimalPack();
    long.items[0]!.matchers = [{ all: [{ en: ['x'.repeat(PACK_LIMITS.termLength + 1)], zh: [] }] }];
    expect(problemsOf(long)).toEqual([`items[0].matchers[0].all[0].en[0]: term too long (at most ${PACK_LIMITS.termLength} characters)`]);
  });

  it('refuses a pack larger than the total limit before reading it', () => {
    const pack = minimalPack();
    pack.description = 'x'.repeat(PACK_LIMITS.totalChars);
    expect(problemsOf(pack)[0]).toMatch(/^\(root\): pack too large/);
  });
});
