import { describe, expect, it } from 'vitest';
import { linksOf } from '../../support/links';
import { defaultPack } from '@/lib/pack/default-pack';
import { findClaims, OPENS_WITH_MEASURE } from '@/lib/pipeline/claims';
import { splitSentences } from '@/lib/pipeline/sentences';
import { stanceOf } from '@/lib/pipeline/stance';
import { termMatcher } from '@/lib/text/terms';

// Sentences written for these tests, in the project's own words.
describe('a sentence on the measure the sentence before described', () => {
  it('recognises an opening on a rule, a cap, an amendment or a permit, in English and Chinese', () => {
    for (const opening of ['The cap takes effect in March.', 'The new rules apply from July.', 'Such licences are rare.', 'The amendment now goes to the House.', '该规定将于下月生效。', '此举被视为对国内芯片的扶持。']) {
      expect(OPENS_WITH_MEASURE.test(opening), opening).toBe(true);
    }
    for (const opening of ['The company said it would comply.', 'Caps on exports are common.', '公司表示将遵守规定。']) {
      expect(OPENS_WITH_MEASURE.test(opening), opening).toBe(false);
    }
  });

  it('carries on the item of the measure: its timetable, scope or fate, in none of the item’s words', () => {
    const cap = 'The cap takes effect on the first of March.';
    expect(linksOf(`The Commerce Department will cap exports of Nvidia's H200 accelerators to China at 40,000 units a quarter, officials said. ${cap}`, cap, 'en')).toContain('export-control-tightening');
    // After a measure on something else, the same sentence is about nothing of the thesis.
    expect(linksOf(`The Commerce Department will cap imports of Chinese steel at 40,000 tonnes a quarter, officials said. ${cap}`, cap, 'en')).toEqual([]);
    const effective = '该规定将于下月生效。';
    expect(linksOf(`美国商务部收紧了英伟达H200芯片对华出口的许可要求。${effective}`, effective, 'zh')).toContain('export-control-tightening');
  });

  it('carries on only the items the measure’s noun names: “the amendment” is no order', () => {
    const next = 'The amendment goes to a vote in the House next month.';
    const links = linksOf(`Senators added an amendment that would block export licences for Nvidia's H200, which Alibaba has ordered in bulk. ${next}`, next, 'en');
    expect(links).toContain('export-control-tightening');
    expect(links).not.toContain('h200-procurement');
  });
});

describe('another company as the actor', () => {
  it('is that company’s news when it leads the main clause, whoever else is named after it', () => {
    const order = 'Microsoft has ordered 50,000 Nvidia H200 processors for its data centres, suppliers said.';
    expect(linksOf(order, order, 'en')).toEqual([]);
    expect(linksOf(`${order} The order is worth about $1.5 billion.`, 'The order is worth', 'en')).toEqual([]);
    const ours = 'Nvidia said Alibaba has ordered 50,000 H200 processors for its data centres.';
    expect(linksOf(ours, ours, 'en')).toContain('h200-procurement');
  });
});

describe('a possibility with its source named at the end', () => {
  const none = termMatcher([]);
  const stance = (text: string) => stanceOf(text, { direction: 1, supports: none, challenges: none }, []).stance;
  it('is reported evidence, as when the source comes first; with no source it is a bare hypothesis', () => {
    expect(stance('The regulator could approve the merger as soon as March, people familiar with the matter said.')).toBe('supports');
    expect(stance('People familiar with the matter said the regulator could approve the merger as soon as March.')).toBe('supports');
    expect(stance('The regulator could approve the merger as soon as March.')).toBe('neutral');
  });
});

describe('a measure adopted, with what it would do in a relative clause', () => {
  const none = termMatcher([]);
  const stance = (text: string, direction: 1 | -1) => stanceOf(text, { direction, supports: none, challenges: none }, []).stance;
  it('reads the adoption as done and the measure’s content as its direction', () => {
    // A ban adopted is a stop for whoever wanted the sales, and a rising risk for a risk item.
    expect(stance('The committee passed a bill on Tuesday that would ban sales of the drones to state agencies.', 1)).toBe('challenges');
    expect(stance('The committee passed a bill on Tuesday that would ban sales of the drones to state agencies.', -1)).toBe('supports');
    // Without the adoption, the same content is only a possibility.
    expect(stance('A bill would ban sales of the drones to state agencies.', 1)).toBe('neutral');
  });
});

describe('growth restated on a like-for-like basis', () => {
  it('is core commerce’s, and what it would have been on that basis is reported, not supposed', () => {
    const restated = 'Stripping out the units it has sold over the past year, sales would have grown 11%.';
    const article = `Alibaba said group revenue rose 4% to RMB 250 billion in the quarter. ${restated}`;
    const claims = findClaims(article, splitSentences(article, 'en'), defaultPack, 'en');
    const link = claims.find((c) => c.sentence.text === restated)?.links.find((l) => l.id === 'core-commerce-slowdown');
    expect(link?.stance).toBe('supports');
    expect(linksOf('本季度阿里巴巴集团收入增长4%。剔除已出售业务，收入增长11%。', '剔除已出售业务，收入增长11%。', 'zh')).toContain('core-commerce-slowdown');
  });

  it('keeps a counterfactual that is one', () => {
    const none = termMatcher([]);
    expect(stanceOf('Sales would have grown 11% if demand had held up.', { direction: 1, supports: none, challenges: none }, []).stance).toBe('neutral');
  });
});

describe('demand for computing against the capacity to serve it', () => {
  it('is the cloud item’s, in English and Chinese, and not another cloud’s', () => {
    const gap = 'Orders from AI customers are arriving faster than the unit can install servers, and demand now outstrips the capacity it has by a wide margin.';
    expect(linksOf(`Alibaba Cloud reported strong quarterly sales on Friday. ${gap}`, gap, 'en')).toContain('cloud-revenue-growth');
    expect(linksOf('阿里云管理层在电话会上表示，当前AI算力需求远超供给。', '当前AI算力需求远超供给', 'zh')).toContain('cloud-revenue-growth');
    const theirs = 'At Microsoft, demand for AI computing outstrips the capacity it can install, the company said.';
    expect(linksOf(theirs, theirs, 'en')).not.toContain('cloud-revenue-growth');
  });
});

describe('Beijing steering buyers off American chips', () => {
  it('is the export-control item’s, in English and Chinese; a company’s own chip plans are not', () => {
    const steer = 'Regulators in Beijing have told cloud operators they should not rely on Nvidia hardware for new data centres and should favour domestic suppliers.';
    expect(linksOf(steer, steer, 'en')).toContain('export-control-tightening');
    const zh = '据悉，工信部正引导国内云厂商减少对英伟达芯片的依赖，优先采用国产芯片。';
    expect(linksOf(zh, zh, 'zh')).toContain('export-control-tightening');
    const own = 'Huawei said it would favour its own chip designs in new data centres.';
    expect(linksOf(own, own, 'en')).not.toContain('export-control-tightening');
  });
});

describe('an item’s burdens', () => {
  const none = termMatcher([]);
  const burdens = termMatcher({ en: ['local suppliers', 'domestic chips'], zh: ['国产芯片'] });
  const risk = { direction: 1 as const, supports: none, challenges: none, burdens };
  it('turn a quantity word over, and read as less when named alone', () => {
    expect(stanceOf('The share of local suppliers in new data centres will keep rising.', risk, []).stance).toBe('challenges');
    expect(stanceOf('The share of local suppliers in new data centres will keep rising.', { ...risk, burdens: none }, []).stance).toBe('supports');
    expect(stanceOf('新建数据中心中国产芯片的比例将继续提高。', risk, []).stance).toBe('challenges');
    expect(stanceOf('Operators must pair every foreign accelerator with domestic chips.', risk, []).stance).toBe('challenges');
  });

  it('are the pack’s: the default thesis reads more domestic chips as tighter access', () => {
    const more = 'Beijing said domestic chip production had grown enough to cover most of what its cloud companies need.';
    const claims = findClaims(more, splitSentences(more, 'en'), defaultPack, 'en');
    expect(claims[0]?.links.find((l) => l.id === 'export-control-tightening')?.stance).toBe('challenges');
  });
});
