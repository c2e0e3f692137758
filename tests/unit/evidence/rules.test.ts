import { describe, expect, it } from 'vitest';
import { articleNovelty, candidateFigures, figureConflicts, itemEvidence, sideWeight, suggestStatus, thesisEvidence } from '@/lib/evidence/rules';
import { article, check, claim, cloudFigure, item } from './timeline';

const APPROVAL = 'h200-import-approval';
const pendingApproval = () => item(APPROVAL, 'catalyst', [['2026-01-09', 'pending']]);
const thesis = (...items: ReturnType<typeof item>[]) => ({ id: 'ali', items });

describe('the status suggestion rule', () => {
  it('moves a pending catalyst to on-track when three outlets report the approval', () => {
    const entries = [
      article('reuters.com', '2026-01-28', [claim(APPROVAL, 'supports', 'Beijing approved H200 purchases by Alibaba.')]),
      article('bloomberg.com', '2026-01-28', [claim(APPROVAL, 'supports', 'China cleared Alibaba to buy H200 chips.')]),
      article('scmp.com', '2026-01-29', [claim(APPROVAL, 'supports', 'Regulators gave Alibaba the nod for H200 imports.')]),
    ];
    const evidence = thesisEvidence({ thesis: thesis(pendingApproval()), entries, asOf: '2026-02-01' });
    expect(evidence.suggestions).toHaveLength(1);
    const [suggestion] = evidence.suggestions;
    expect(suggestion).toMatchObject({ itemId: APPROVAL, from: 'pending', to: 'on-track', rule: 'catalyst-supported', sites: 3 });
    // Newest first, each with its source.
    expect(suggestion!.basis.map((c) => c.source.site)).toEqual(['scmp.com', 'bloomberg.com', 'reuters.com']);
    expect(evidence.items[0]).toMatchObject({ since: '2026-01-09', supportSites: 3, challengeSites: 0 });
  });

  it('moves nothing on one hedged report', () => {
    const entries = [article('reuters.com', '2026-01-28', [claim(APPROVAL, 'supports', 'Beijing may approve H200 purchases, people said.', { hedged: true })])];
    const evidence = thesisEvidence({ thesis: thesis(pendingApproval()), entries, asOf: '2026-02-01' });
    expect(evidence.items[0]!.supports).toHaveLength(1);
    expect(evidence.suggestions).toEqual([]);
  });

  it('suggests at-risk when a customs block follows an approval the reader already applied', () => {
    const approved = item(APPROVAL, 'catalyst', [
      ['2026-01-09', 'pending'],
      ['2026-01-29', 'on-track'],
    ]);
    const entries = [
      article('reuters.com', '2026-01-28', [claim(APPROVAL, 'supports', 'Beijing approved H200 purchases by Alibaba.')]),
      article('bloomberg.com', '2026-01-29', [claim(APPROVAL, 'supports', 'China cleared Alibaba to buy H200 chips.')]),
      article('reuters.com', '2026-02-03', [claim(APPROVAL, 'challenges', 'Customs agents were told H200 shipments may not enter.')]),
      article('ft.com', '2026-02-04', [claim(APPROVAL, 'challenges', 'H200 cargo is held at customs in Shenzhen.')]),
    ];
    const evidence = thesisEvidence({ thesis: thesis(approved), entries, asOf: '2026-02-05' });
    // The approval articles are dated on or before the on-track entry: already weighed.
    expect(evidence.items[0]).toMatchObject({ since: '2026-01-29', supports: [], challengeSites: 2 });
    expect(evidence.suggestions).toEqual([expect.objectContaining({ from: 'on-track', to: 'at-risk', rule: 'catalyst-challenged', sites: 2 })]);
  });

  it('counts a site once, hedged-only sites half, and needs twice the weight of the other side', () => {
    const sup = (site: string, hedged = false) => article(site, '2026-02-01', [claim(APPROVAL, 'supports', `${site} says approved`, { hedged })]);
    const con = (site: string, hedged = false) => article(site, '2026-02-01', [claim(APPROVAL, 'challenges', `${site} says blocked`, { hedged })]);
    const run = (...entries: ReturnType<typeof article>[]) => thesisEvidence({ thesis: thesis(pendingApproval()), entries, asOf: '2026-02-02' }).suggestions;
    // The same site three times is one site.
    expect(run(sup('reuters.com'), sup('reuters.com'), sup('reuters.com'))).toEqual([]);
    // Two sites, one of them hedging: 1.5 < 2.
    expect(run(sup('reuters.com'), sup('ft.com', true))).toEqual([]);
    // Two firm sites against one hedge: 2 ≥ 2 × 0.5.
    expect(run(sup('reuters.com'), sup('ft.com'), con('scmp.com', true))).toHaveLength(1);
    // Two against one firm: 2 ≥ 2 × 1, still clear.
    expect(run(sup('reuters.com'), sup('ft.com'), con('scmp.com'))).toHaveLength(1);
    // Two against one firm and one hedge: 2 < 2 × 1.5, not clear either way.
    expect(run(sup('reuters.com'), sup('ft.com'), con('scmp.com'), con('caixin.com', true))).toEqual([]);
    expect(sideWeight(itemEvidence(pendingApproval(), [sup('a.com'), sup('a.com', true), sup('b.com', true)], '2026-02-02').supports)).toBe(1.5);
  });

  it('does not suggest what the item already says, nor "broken"', () => {
    const onTrack = item(APPROVAL, 'catalyst', [['2026-01-09', 'on-track']]);
    const atRisk = item(APPROVAL, 'catalyst', [['2026-01-09', 'at-risk']]);
    const sup = [article('a.com', '2026-02-01', [claim(APPROVAL, 'supports', 'a')]), article('b.com', '2026-02-01', [claim(APPROVAL, 'supports', 'b')])];
    const con = [article('a.com', '2026-02-01', [claim(APPROVAL, 'challenges', 'a')]), article('b.com', '2026-02-01', [claim(APPROVAL, 'challenges', 'b')])];
    expect(suggestStatus(onTrack, itemEvidence(onTrack, sup, '2026-02-02'), '2026-02-02')).toBeNull();
    expect(suggestStatus(atRisk, itemEvidence(atRisk, con, '2026-02-02'), '2026-02-02')).toBeNull();
    expect(suggestStatus(atRisk, itemEvidence(atRisk, sup, '2026-02-02'), '2026-02-02')).toMatchObject({ to: 'on-track' });
  });

  it('names the risk rules for risks', () => {
    const risk = item('export-control-tightening', 'risk', [['2026-01-09', 'on-track']]);
    const entries = ['a.com', 'b.com'].map((site) => article(site, '2026-02-01', [claim(risk.id, 'challenges', `${site}: new export curbs`)]));
    expect(suggestStatus(risk, itemEvidence(risk, entries, '2026-02-02'), '2026-02-02')).toMatchObject({ rule: 'risk-rising', to: 'at-risk' });
  });
});

describe('dates', () => {
  it('uses the read day for an undated article and ignores what is dated after asOf', () => {
    const undated = article('a.com', null, [claim(APPROVAL, 'supports', 'undated')], { readAt: '2026-02-10T08:00:00.000Z' });
    const future = article('b.com', '2026-03-01', [claim(APPROVAL, 'supports', 'later')]);
    const sameDay = article('c.com', '2026-01-09', [claim(APPROVAL, 'supports', 'same day as the status')]);
    const evidence = thesisEvidence({ thesis: thesis(pendingApproval()), entries: [undated, future, sameDay], asOf: '2026-02-15' });
    expect(evidence.items[0]!.supports.map((c) => [c.text, c.source.date])).toEqual([['undated', '2026-02-10']]);
  });

  it('counts a page seen again once: the later read replaces the earlier', () => {
    const first = article('a.com', '2026-02-01', [claim(APPROVAL, 'supports', 'first version')], { readAt: '2026-02-01T08:00:00.000Z' });
    const again = { ...first, readAt: '2026-02-02T08:00:00.000Z', claims: [claim(APPROVAL, 'supports', 'updated version')] };
    const other = article('b.com', '2026-02-01', [claim(APPROVAL, 'supports', 'b')]);
    const evidence = thesisEvidence({ thesis: thesis(pendingApproval()), entries: [again, first, other], asOf: '2026-02-03' });
    expect(evidence.items[0]!.supports.map((c) => c.text).sort()).toEqual(['b', 'updated version']);
  });
});

describe('dismissals', () => {
  it('hold until new evidence arrives', () => {
    const entries = ['a.com', 'b.com'].map((site) => article(site, '2026-02-01', [claim(APPROVAL, 'supports', `${site} approved`)]));
    const base = { thesis: thesis(pendingApproval()), asOf: '2026-02-05' };
    const [suggestion] = thesisEvidence({ ...base, entries }).suggestions;
    const dismissals = [{ thesisId: 'ali', itemId: APPROVAL, fingerprint: suggestion!.fingerprint }];
    expect(thesisEvidence({ ...base, entries, dismissals }).suggestions).toEqual([]);
    // Recomputed from the same evidence, the fingerprint is the same (order does not matter).
    expect(thesisEvidence({ ...base, entries: entries.slice().reverse() }).suggestions[0]!.fingerprint).toBe(suggestion!.fingerprint);
    const more = [...entries, article('c.com', '2026-02-03', [claim(APPROVAL, 'supports', 'c approved')])];
    const after = thesisEvidence({ ...base, entries: more, dismissals }).suggestions;
    expect(after).toHaveLength(1);
    expect(after[0]!.fingerprint).not.toBe(suggestion!.fingerprint);
    // A new challenge counts as new evidence too.
    const contra = [...entries, article('d.com', '2026-02-03', [claim(APPROVAL, 'challenges', 'd doubts it', { hedged: true })])];
    expect(thesisEvidence({ ...base, entries: contra, dismissals }).suggestions).toHaveLength(1);
  });
});

describe('figures across sources', () => {
  const CLOUD = 'cloud-revenue-growth';
  const cloud = () => item(CLOUD, 'catalyst', [['2025-11-25', 'on-track']], [cloudFigure('2025-09-30', 34)]);

  it('puts different values for the same measure and period side by side', () => {
    const entries = [
      article('a.com', '2025-11-26', [claim(CLOUD, 'supports', 'Cloud revenue grew 34%.', { checks: [check(CLOUD, 'matches', 34, '2025-09-30')] })]),
      article('b.com', '2025-11-27', [claim(CLOUD, 'supports', 'Cloud sales rose 35%.', { checks: [check(CLOUD, 'differs', 35, '2025-09-30')] })]),
      article('c.com', '2025-11-27', [claim(CLOUD, 'supports', 'Cloud up 34.02%.', { checks: [check(CLOUD, 'matches', 34.02, '2025-09-30')] })]),
    ];
    const conflicts = figureConflicts([cloud()], entries);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ itemId: CLOUD, measure: 'cloud-yoy', period: '2025-09-30', unit: 'percent' });
    expect(conflicts[0]!.reports.map((r) => [r.source.site, r.value])).toEqual([
      // Oldest first, then by value.
      ['a.com', 34],
      ['c.com', 34.02],
      ['b.com', 35],
    ]);
  });

  it('sees no conflict within the tolerance, nor within one article', () => {
    const within = [
      article('a.com', '2025-11-26', [claim(CLOUD, 'supports', 'x', { checks: [check(CLOUD, 'matches', 34, '2025-09-30')] })]),
      article('b.com', '2025-11-26', [claim(CLOUD, 'supports', 'y', { checks: [check(CLOUD, 'matches', 34.04, '2025-09-30')] })]),
    ];
    expect(figureConflicts([cloud()], within)).toEqual([]);
    const oneArticle = [article('a.com', '2025-11-26', [claim(CLOUD, 'supports', 'x', { checks: [check(CLOUD, 'matches', 34, '2025-09-30'), check(CLOUD, 'differs', 26, '2025-09-30')] })])];
    expect(figureConflicts([cloud()], oneArticle)).toEqual([]);
    // With a key figure's tolerance of 5%, 34 and 35 agree.
    const tolerant = item(CLOUD, 'catalyst', [['2025-11-25', 'on-track']], [cloudFigure('2025-09-30', 34, { tolerance: 0.05 })]);
    const near = [article('a.com', '2025-11-26', [claim(CLOUD, 'supports', 'x', { checks: [check(CLOUD, 'matches', 34, '2025-09-30')] })]), article('b.com', '2025-11-26', [claim(CLOUD, 'supports', 'y', { checks: [check(CLOUD, 'differs', 35, '2025-09-30')] })])];
    expect(figureConflicts([tolerant], near)).toEqual([]);
  });

  it('groups reports of a later-period figure the checklist does not know into one candidate', () => {
    const entries = [
      article('a.com', '2026-02-20', [claim(CLOUD, 'supports', 'Cloud grew 38% in the December quarter.', { checks: [check(CLOUD, 'newer', 38, '2025-12-31')] })]),
      article('b.com', '2026-02-21', [claim(CLOUD, 'supports', 'Cloud revenue up 38%.', { checks: [check(CLOUD, 'newer', 38, '2025-12-31')] })]),
      article('c.com', '2026-02-21', [claim(CLOUD, 'supports', 'Cloud grew 40% lately.', { checks: [check(CLOUD, 'newer', 40, undefined)] })]),
    ];
    const candidates = candidateFigures([cloud()], entries, '2026-03-01');
    expect(candidates.map((c) => [c.period, c.value, c.reports.length])).toEqual([
      ['2025-12-31', 38, 2],
      [null, 40, 1],
    ]);
    expect(candidates[0]!.id).toBe('cloud-revenue-growth|cloud-yoy|2025-12-31|38');
    // Once the checklist knows that period, it is no longer a candidate.
    const known = item(CLOUD, 'catalyst', [['2025-11-25', 'on-track']], [cloudFigure('2025-09-30', 34), cloudFigure('2025-12-31', 38, { asOf: '2026-02-20' })]);
    expect(candidateFigures([known], entries, '2026-03-01').map((c) => c.value)).toEqual([40]);
  });
});

describe('what one article adds', () => {
  it('names items it is the first site to speak to, and figures nobody reported before', () => {
    const earlier = article('a.com', '2026-02-01', [claim(APPROVAL, 'supports', 'approved'), claim('cloud', 'supports', 'Cloud 34%', { checks: [check('cloud', 'matches', 34, '2025-09-30')] })]);
    const sameSite = article('a.com', '2026-02-02', [claim(APPROVAL, 'supports', 'approved again')]);
    const mine = article('b.com', '2026-02-03', [
      claim(APPROVAL, 'supports', 'approved, b says'),
      claim('cloud', 'supports', 'Cloud 34% and 35%', { checks: [check('cloud', 'matches', 34, '2025-09-30'), check('cloud', 'differs', 35, '2025-09-30')] }),
    ]);
    expect(articleNovelty(mine, [earlier, sameSite, mine])).toEqual({ newSourceFor: [APPROVAL, 'cloud'], newFigures: [{ itemId: 'cloud', measure: 'cloud-yoy', figure: '35%', period: '2025-09-30' }] });
    // a.com has spoken to the approval already: the second a.com article is no new source for it.
    expect(articleNovelty(sameSite, [earlier, mine]).newSourceFor).toEqual([]);
    // …unless that was before the item's latest status.
    expect(articleNovelty(sameSite, [earlier, mine], { [APPROVAL]: '2026-02-01' }).newSourceFor).toEqual([APPROVAL]);
  });
});
