import { describe, expect, it } from 'vitest';
import { parseCorpus } from '@/lib/model/corpus';
import { STANCES } from '@/lib/model/linear';
import { ITEM_IDS, committedCorpus, corpusFiles } from './corpus-fixture';

describe('training corpus (lib/model/training-data)', () => {
  it('parses: every line valid, item ids from the default pack, stances known, no duplicate texts (a continuation counts with its predecessor)', () => {
    const examples = committedCorpus();
    expect(examples.length).toBeGreaterThan(500);
    for (const e of examples) {
      expect(STANCES).toContain(e.stance);
      for (const id of e.items) expect(ITEM_IDS).toContain(id);
    }
    const fold = (t: string) => t.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
    const texts = examples.map((e) => (e.previous === undefined ? fold(e.text) : `${fold(e.previous)}\n${fold(e.text)}`));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('covers every item with both stances, in both languages, and carries near-miss negatives', () => {
    const examples = committedCorpus();
    for (const id of ITEM_IDS) {
      for (const stance of ['supports', 'challenges'] as const) {
        for (const lang of ['en', 'zh'] as const) {
          const n = examples.filter((e) => e.items.includes(id) && e.stance === stance && e.lang === lang).length;
          expect(n, `${id} ${stance} ${lang}`).toBeGreaterThan(0);
        }
      }
    }
    const zh = examples.filter((e) => e.lang === 'zh').length;
    expect(zh / examples.length).toBeGreaterThanOrEqual(0.25);
    expect(examples.filter((e) => e.items.length === 0).length).toBeGreaterThan(examples.length / 10);
  });

  it('rejects bad lines with the file and line named', () => {
    const good = JSON.stringify({ text: 'Alibaba Cloud revenue rose 34%.', lang: 'en', items: ['cloud-revenue-growth'], stance: 'supports' });
    const cases: [string, RegExp][] = [
      [JSON.stringify({ text: 'A sentence about nothing.', lang: 'en', items: ['no-such-item'], stance: 'supports' }), /bad\.jsonl:2: unknown item id no-such-item/],
      [JSON.stringify({ text: 'A sentence about nothing.', lang: 'en', items: [], stance: 'happy' }), /bad\.jsonl:2: stance/],
      [JSON.stringify({ text: 'A sentence about nothing.', lang: 'fr', items: [], stance: 'neutral' }), /bad\.jsonl:2: lang/],
      [JSON.stringify({ text: 'No item but a stance here.', lang: 'en', items: [], stance: 'supports' }), /no items must be neutral/],
      ['{"text": "broken', /bad\.jsonl:2: not JSON/],
      [good, /bad\.jsonl:2: duplicate of bad\.jsonl:1/],
    ];
    for (const [line, error] of cases) {
      expect(() => parseCorpus([{ name: 'bad.jsonl', content: `${good}\n${line}\n` }], ITEM_IDS)).toThrow(error);
    }
  });

  it('takes the same sentence again after another predecessor (a continuation and its near miss), but not the same pair twice', () => {
    const after = (previous: string, items: string[]) =>
      JSON.stringify({ previous, text: 'The rule takes effect next month.', lang: 'en', items, stance: items.length ? 'challenges' : 'neutral' });
    const washington = after('Washington said it would require a licence for every H200 sale to China.', ['export-control-tightening']);
    const brussels = after('Brussels said it would require labels on AI-made images.', []);
    const parsed = parseCorpus([{ name: 'pairs.jsonl', content: `${washington}\n${brussels}\n` }], ITEM_IDS);
    expect(parsed.map((e) => e.items)).toEqual([['export-control-tightening'], []]);
    expect(() => parseCorpus([{ name: 'pairs.jsonl', content: `${washington}\n${washington}\n` }], ITEM_IDS)).toThrow(/pairs\.jsonl:2: duplicate of pairs\.jsonl:1/);
  });

  it('reads files in name order whatever order they are given in', () => {
    const files = corpusFiles();
    expect(parseCorpus([...files].reverse(), ITEM_IDS)).toEqual(committedCorpus());
  });
});
