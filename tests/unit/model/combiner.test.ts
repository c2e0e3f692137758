import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainPageCombiner } from '@/lib/cli/combiner-pages';
import { defaultModel, predictLinks } from '@/lib/model';
import { COMBINER_FEATURES, CombinerSchema, linkProbability, trainCombiner, type LinkEvidence } from '@/lib/model/combiner';
import { defaultPack } from '@/lib/pack/default-pack';
import { findClaims } from '@/lib/pipeline/claims';
import { setLinkScorer, type LinkScorer } from '@/lib/pipeline/compile';
import { splitSentences } from '@/lib/pipeline/sentences';

const root = join(import.meta.dirname, '../../..');
const none: LinkEvidence = {
  rule: false,
  p: 0.5,
  pAlone: 0.5,
  subjectNamed: false,
  eventNamed: false,
  actorInSentence: false,
  previousRuled: false,
  otherItemRuled: false,
};

/** Rows where a rule's link is right unless the model is sure against it, and the model alone is right when sure. */
function syntheticRows(n: number) {
  const rows: { evidence: LinkEvidence; gold: boolean }[] = [];
  for (let k = 0; k < n; k++) {
    const rule = k % 3 !== 0;
    const p = ((k * 37) % 100) / 100 + 0.005;
    rows.push({ evidence: { ...none, rule, p, pAlone: p }, gold: rule ? p > 0.05 : p > 0.8 });
  }
  return rows;
}

describe('the link combiner', () => {
  it('learns from candidates, the same weights every time, and weighs a rule and the model the way the rows do', () => {
    const rows = syntheticRows(300);
    const a = trainCombiner(rows, { sets: ['synthetic'], pages: 1 });
    expect(trainCombiner(rows, { sets: ['synthetic'], pages: 1 })).toEqual(a);
    expect(CombinerSchema.parse(a)).toEqual(a);
    const at = (rule: boolean, p: number) => linkProbability(a, { ...none, rule, p, pAlone: p });
    expect(at(true, 0.5)).toBeGreaterThan(a.threshold);
    expect(at(false, 0.3)).toBeLessThan(a.threshold);
    expect(at(false, 0.99)).toBeGreaterThan(at(false, 0.6));
    expect(a.trainedOn).toEqual({ sets: ['synthetic'], pages: 1, candidates: 300, links: rows.filter((r) => r.gold).length });
  });

  it('never lets a surer model lower a link’s probability, even when the rows would pull that way', () => {
    // With a rule, the model's score here runs against the label: a free fit would weigh it negatively.
    const rows = syntheticRows(300).map((r) => (r.evidence.rule ? { ...r, gold: r.evidence.p < 0.5 } : r));
    const c = trainCombiner(rows, { sets: ['synthetic'], pages: 1 });
    const weight = (name: (typeof COMBINER_FEATURES)[number]) => c.weights[COMBINER_FEATURES.indexOf(name)]!;
    expect(weight('logit p')).toBeGreaterThanOrEqual(0);
    expect(weight('logit p alone')).toBeGreaterThanOrEqual(0);
    expect(weight('logit p') + weight('rule × logit p')).toBeGreaterThanOrEqual(0);
    for (const rule of [false, true]) {
      const scores = [0.01, 0.2, 0.5, 0.8, 0.99].map((p) => linkProbability(c, { ...none, rule, p, pAlone: p }));
      for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
    }
  });

  it('refuses a combiner whose weights do not fit its features, with a message that says what is wanted', () => {
    const committed = JSON.parse(readFileSync(join(root, 'lib/model/combiner.json'), 'utf8'));
    expect(() => CombinerSchema.parse({ ...committed, weights: committed.weights.slice(1) })).toThrow(/one weight for each of: bias, rule/);
    expect(() => CombinerSchema.parse({ ...committed, features: [...committed.features].reverse() })).toThrow(/one weight for each/);
    expect(() => CombinerSchema.parse({ ...committed, threshold: 1 })).toThrow();
  });

  it('the committed combiner.json is exactly what `npm run train` fits to the committed weights and labelled pages', async () => {
    const committed = readFileSync(join(root, 'lib/model/combiner.json'), 'utf8');
    const fitted = await trainPageCombiner(root, defaultModel());
    expect(`${JSON.stringify(fitted, null, 2)}\n`, 'combiner is stale: run npm run train -- --combiner-only').toBe(committed);
  }, 120_000);
});

describe('findClaims with a scorer that decides links', () => {
  const text = 'Alibaba Cloud revenue grew 34% in the September quarter. The weather in Hangzhou was mild.';
  const scoring = (decide: LinkScorer['decideLink']): typeof defaultPack => {
    const pack = structuredClone(defaultPack);
    setLinkScorer(pack, { linkScores: (t, lang, previous) => new Map(predictLinks(t, lang, undefined, previous).map((l) => [l.itemId, l.p])), decideLink: decide });
    return pack;
  };
  const linked = (pack: typeof defaultPack) => findClaims(text, splitSentences(text), pack).map((c) => [c.sentence.text, c.links.map((l) => l.id)]);

  it('drops a rule’s link the decision refuses, and keeps the probability it gave on the link', () => {
    expect(linked(scoring(() => ({ link: false })))).toEqual([]);
    const claims = findClaims(text, splitSentences(text), scoring((e) => ({ link: e.rule, p: 0.42 })));
    expect(claims.map((c) => c.links.map((l) => l.id))).toEqual([['cloud-revenue-growth']]);
    expect(claims[0]!.links[0]!.reasons?.linkScore).toBe(0.42);
  });

  it('adds a link no rule made when the decision says so', () => {
    const seen: LinkEvidence[] = [];
    const pack = scoring((e, sentence, itemId) => {
      seen.push(e);
      return { link: e.rule || (itemId === 'capex-commitment' && sentence.startsWith('Alibaba')) };
    });
    expect(linked(pack)).toEqual([['Alibaba Cloud revenue grew 34% in the September quarter.', ['cloud-revenue-growth', 'capex-commitment']]]);
    // Every item the model scores was weighed on the first sentence; only one by its rule.
    expect(seen.filter((e) => e.actorInSentence).length).toBeGreaterThan(1);
    expect(seen.filter((e) => e.rule)).toHaveLength(1);
  });

  it('the bundled scorer weighs every candidate with the committed combiner', () => {
    const claims = findClaims(text, splitSentences(text), defaultPack);
    const link = claims[0]!.links.find((l) => l.id === 'cloud-revenue-growth')!;
    expect(link.reasons?.linkScore).toBeGreaterThanOrEqual(CombinerSchema.parse(JSON.parse(readFileSync(join(root, 'lib/model/combiner.json'), 'utf8'))).threshold);
  });
});
