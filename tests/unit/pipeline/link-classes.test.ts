import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { linkSentence } from '@/lib/pipeline/claims';

const ids = (sentence: string, previous?: string) => linkSentence(sentence, defaultPack, previous ? { previous } : {}).map((l) => l.id);

describe('capital expenditure: spending that goes into infrastructure', () => {
  it('does not take money spent on deliveries, subsidies or incentives, nor cash on hand, for capex', () => {
    expect(ids('Alibaba spent roughly RMB 30 billion on its delivery service and shopper coupons last quarter.')).not.toContain('capex-commitment');
    expect(ids('Alibaba holds about $70 billion in cash and short-term investments.')).not.toContain('capex-commitment');
    expect(ids('阿里巴巴本季度在即时零售补贴上投入约250亿元。')).not.toContain('capex-commitment');
  });

  it('links spending on AI, cloud or data centres, and capital expenditure or an investment plan by name', () => {
    expect(ids('Alibaba will spend more on AI infrastructure over the next three years.')).toContain('capex-commitment');
    expect(ids('Alibaba plans to spend $10 billion on new servers this year.')).toContain('capex-commitment');
    expect(ids('Alibaba’s capital expenditure reached RMB 30 billion in the quarter.')).toContain('capex-commitment');
    expect(ids('分析人士认为，阿里巴巴5000亿元的投入计划可能推迟。')).toContain('capex-commitment');
  });
});

describe('a holder’s own trade', () => {
  it('is no claim on the valuation; a move of the price is', () => {
    expect(ids('The fund manager has held Alibaba shares since 2021 and added to the position in March.')).not.toContain('valuation-rerating');
    expect(ids('Alibaba shares climbed 4% on Monday.')).toContain('valuation-rerating');
  });
});

describe('an approval received, its grantor left out', () => {
  it('is the import-approval item', () => {
    expect(ids('The company said it had received government approval to import Nvidia’s H200 last month.', 'Alibaba reported results on Thursday.')).toContain('h200-import-approval');
  });
});

describe('other Chinese buyers alone are not Alibaba', () => {
  it('links their orders only with Alibaba among them, or as Chinese buyers at large', () => {
    expect(ids('Tencent and Baidu have been told to stop ordering Nvidia’s H200.')).not.toContain('h200-procurement');
    expect(ids('字节跳动已向英伟达订购约10万颗H200芯片。')).not.toContain('h200-procurement');
    expect(ids('Alibaba, ByteDance and Tencent have together ordered more than 400,000 H200 chips.')).toContain('h200-procurement');
    expect(ids('Chinese companies have ordered more than 2 million H200 chips, people familiar said.')).toContain('h200-procurement');
  });
});

describe('neighbouring measures keep to their own items', () => {
  it('reads AI product revenue as the AI item, and the cloud’s own revenue as the cloud’s', () => {
    const ai = ids('Revenue from Alibaba Cloud’s AI-related products more than doubled again, for a ninth straight quarter.');
    expect(ai).toContain('ai-revenue-growth');
    expect(ai).not.toContain('cloud-revenue-growth');
    expect(ids('阿里云旗下AI相关产品的收入本季度再度翻倍以上。')).not.toContain('cloud-revenue-growth');
    const both = ids('Alibaba’s cloud revenue grew 30%, and AI-related product revenue more than doubled.');
    expect(both).toEqual(expect.arrayContaining(['cloud-revenue-growth', 'ai-revenue-growth']));
  });

  it('reads the quick-commerce arm named after Taobao as quick commerce, and the cloud’s outside revenue as the cloud’s', () => {
    const quick = ids('Alibaba raised spending on Taobao Instant Commerce again in the quarter.');
    expect(quick).toContain('quick-commerce-cash-burn');
    expect(quick).not.toContain('core-commerce-slowdown');
    expect(ids('Leaving out services sold to other Alibaba businesses, cloud revenue rose 31%.')).not.toContain('core-commerce-slowdown');
    expect(ids('Excluding the businesses Alibaba has sold, revenue grew 12%.')).toContain('core-commerce-slowdown');
  });

  it('does not read the group’s profit falling as the core-commerce item', () => {
    expect(ids('Alibaba’s adjusted EBITA fell 70% as it kept subsidising deliveries.')).not.toContain('core-commerce-slowdown');
    expect(ids('阿里巴巴集团收入同比仅增长3%。')).toContain('core-commerce-slowdown');
  });
});

describe('the cloud unit is named a group', () => {
  it('does not read Cloud Intelligence Group revenue as the group’s revenue', () => {
    const unit = ids('Cloud Intelligence Group revenue climbed 29% to RMB 41.2 billion in the quarter.');
    expect(unit).toContain('cloud-revenue-growth');
    expect(unit).not.toContain('core-commerce-slowdown');
    expect(ids('阿里巴巴云智能集团收入同比增长29%，达到412亿元。')).not.toContain('core-commerce-slowdown');
    expect(ids('Alibaba’s group revenue rose 4% to RMB 236 billion.')).toContain('core-commerce-slowdown');
  });
});

describe('a requirement to buy domestic chips is a Chinese chip rule', () => {
  it('links it to the export-control risk, not to import approval or procurement, whatever words name the chips', () => {
    const rule = ids('Under the proposal, importers would have to buy one locally designed accelerator for each Nvidia chip they bring in.', 'China’s industry ministry has drafted new rules for data centres.');
    expect(rule).toContain('export-control-tightening');
    expect(rule).not.toContain('h200-import-approval');
    expect(rule).not.toContain('h200-procurement');
    expect(ids('新规草案要求数据中心按一定比例采购国产GPU。', '据悉，工信部正在起草数据中心芯片新规。')).toContain('export-control-tightening');
  });
});

describe('AI revenue: the AI words must name the revenue', () => {
  it('takes cloud revenue that grew on AI demand for the cloud item only', () => {
    const links = ids('Revenue at Alibaba’s cloud division climbed 30% as more companies rented servers to train artificial intelligence models.');
    expect(links).toContain('cloud-revenue-growth');
    expect(links).not.toContain('ai-revenue-growth');
    expect(ids('Taobao’s merchant revenue rose 6%, helped by an AI tool that writes product listings.')).not.toContain('ai-revenue-growth');
    expect(ids('Alibaba launched three new AI products for developers on Tuesday.')).not.toContain('ai-revenue-growth');
  });

  it('links revenue named as AI revenue, in either language', () => {
    expect(ids('Alibaba said revenue from AI products more than doubled from a year earlier.')).toContain('ai-revenue-growth');
    expect(ids('Alibaba’s AI-related revenue kept growing at triple-digit rates.')).toContain('ai-revenue-growth');
    expect(ids('阿里云人工智能相关产品收入同比增长超过一倍。')).toContain('ai-revenue-growth');
  });
});

describe('the model adds no link the item itself excludes', () => {
  it('keeps a domestic-chip requirement out of the approval item even when the model scores it high', async () => {
    const { findClaims } = await import('@/lib/pipeline/claims');
    const { splitSentences } = await import('@/lib/pipeline/sentences');
    const { setLinkScorer } = await import('@/lib/pipeline/compile');
    const pack = structuredClone(defaultPack);
    // A scorer sure of every item: only the pack's exclusions can keep a link out.
    setLinkScorer(pack, { linkScores: () => new Map(pack.items.map((item) => [item.id, 0.99])) });
    const text = 'Beijing drafted a rule requiring buyers of Nvidia chips to also buy domestic processors.';
    const [claim] = findClaims(text, splitSentences(text, 'en'), pack, 'en');
    const linked = claim!.links.map((l) => l.id);
    expect(linked).toContain('export-control-tightening');
    expect(linked).not.toContain('h200-import-approval');
    expect(linked).not.toContain('h200-procurement');
  });
});

describe('who acts: another company in a clause of circumstance is not the actor', () => {
  it('binds the item’s own measure to the article’s company when a rival appears only after "after", "as", "while"', () => {
    const previous = 'Alibaba reported its results for the quarter on Thursday.';
    expect(ids('Quick commerce losses narrowed sharply after Meituan cut its delivery subsidies.', previous)).toContain('quick-commerce-cash-burn');
    expect(ids('即时零售亏损明显收窄，此前美团削减了配送补贴。', '阿里巴巴周四公布了季度业绩。')).toContain('quick-commerce-cash-burn');
  });

  it('still leaves a rival’s own figure alone', () => {
    expect(ids('Meituan’s quick commerce losses narrowed sharply after it cut delivery subsidies.', 'Alibaba reported its results for the quarter on Thursday.')).not.toContain('quick-commerce-cash-burn');
  });
});

describe('stock moves in more words', () => {
  it('links a doubling or a rebound of Alibaba’s shares to the re-rating item', () => {
    expect(ids('Alibaba’s shares have more than doubled since January.')).toContain('valuation-rerating');
    expect(ids('阿里巴巴股价今年以来已经翻倍。')).toContain('valuation-rerating');
  });
});

describe('a sentence that names the item’s event again carries on the sentence before', () => {
  it('links it to the item of the sentence it follows, and not without that sentence', async () => {
    const { findClaims } = await import('@/lib/pipeline/claims');
    const { splitSentences } = await import('@/lib/pipeline/sentences');
    const { setLinkScorer } = await import('@/lib/pipeline/compile');
    const pack = structuredClone(defaultPack);
    setLinkScorer(pack, null); // the rules alone
    const follow = 'Only a third of those orders has been delivered so far, people close to the company said.';
    const text = `Alibaba placed orders for 100,000 Nvidia H200 chips in March. ${follow}`;
    const claims = findClaims(text, splitSentences(text, 'en'), pack, 'en');
    expect(claims.find((c) => c.sentence.text === follow)?.links.map((l) => l.id)).toContain('h200-procurement');
    const alone = `Alibaba reported its quarterly results on Thursday. ${follow}`;
    expect(findClaims(alone, splitSentences(alone, 'en'), pack, 'en').find((c) => c.sentence.text === follow)).toBeUndefined();
  });
});

describe('a line of labelled values is no claim', async () => {
  const { isAssertion, isDataLine } = await import('@/lib/pipeline/claims');
  it('tells a data box from a sentence', () => {
    expect(isDataLine('Rating: Outperform Price target: HK$180')).toBe(true);
    expect(isDataLine('评级：买入 目标价：200港元')).toBe(true);
    expect(isAssertion('Rating: Outperform Price target: HK$180', 'en')).toBe(false);
    expect(isDataLine('He said: "The rules are clear." She added: "We comply."')).toBe(false);
    expect(isDataLine('Alibaba raised its target: capex will exceed RMB 400 billion.')).toBe(false);
  });
});

describe('a verb in the present after a pronoun makes a sentence', async () => {
  const { isAssertion } = await import('@/lib/pipeline/claims');
  it('reads "It covers…", "They apply…" as statements', () => {
    expect(isAssertion('It covers every buyer of the chip in the country.', 'en')).toBe(true);
    expect(isAssertion('They apply to the four largest cloud providers.', 'en')).toBe(true);
    expect(isAssertion('Prices for cloud services in the region', 'en')).toBe(false);
  });
});

describe('metadata lines and list labels are no claims', async () => {
  const { isAssertion } = await import('@/lib/pipeline/claims');
  it('leaves out a line of date, byline and read count, and a list’s label', () => {
    expect(isAssertion('财经日报 2026-03-05 09:12 记者 王明 阅读 1.2万', 'zh')).toBe(false);
    expect(isAssertion('Jan 5, 2026 · 4 min read', 'en')).toBe(false);
    expect(isAssertion('第二是即时零售。', 'zh')).toBe(false);
    expect(isAssertion('其一是估值。', 'zh')).toBe(false);
    expect(isAssertion('第二季度即时零售亏损扩大至200亿元。', 'zh')).toBe(true);
    expect(isAssertion('记者获悉，阿里巴巴已于2026年3月追加采购订单。', 'zh')).toBe(true);
  });
});

describe('a dateline is no claim', async () => {
  const { isAssertion } = await import('@/lib/pipeline/claims');
  it('reads May next to a day or a year as the month', () => {
    expect(isAssertion('Priya Natarajan 21 May 2026, 09:10 SGT', 'en')).toBe(false);
    expect(isAssertion('Updated May 3, 2026 at 4:45 p.m. ET by Tom Reyes', 'en')).toBe(false);
    expect(isAssertion('Shipments may resume by 15 May, two officials told reporters.', 'en')).toBe(true);
    expect(isAssertion('Alibaba on 15 May 2026 raised its budget to RMB 480 billion.', 'en')).toBe(true);
  });
});

describe('an agentless passive names no actor to be wrong about', () => {
  it('links the event itself after a sentence on the company', () => {
    const previous = 'Alibaba Cloud began renting out servers built on Nvidia’s H200 this week.';
    expect(ids('Imports of the H200 were approved in the spring.', previous)).toContain('h200-import-approval');
    expect(ids('H200进口已于今年春天获批。', '阿里云本周开始出租基于英伟达H200的服务器。')).toContain('h200-import-approval');
  });

  it('does not when the sentence before is another company’s, nor for an active sentence naming nobody', () => {
    expect(ids('Imports of the H200 were approved in the spring.', 'Tencent Cloud began renting out servers built on the H200 this week.')).not.toContain('h200-import-approval');
    expect(ids('The rollout continued through the spring.', 'Alibaba Cloud began renting out servers this week.')).toEqual([]);
  });
});

describe('a place is not an actor', () => {
  it('reads "outside the United States" as a place, so the stock stays Alibaba’s', () => {
    expect(ids('At 15 times forward earnings, the stock trades like a retailer, not like a cloud leader outside the United States.', 'Alibaba’s shares slipped on Monday.')).toContain('valuation-rerating');
  });
});

describe('cloud revenue: a measure of the cloud business, not a verb next to its name', () => {
  it('does not read a slower rollout at Alibaba Cloud as cloud growth', () => {
    expect(ids('Analysts said the new rule could slow the rollout of servers at Alibaba Cloud.')).not.toContain('cloud-revenue-growth');
  });
  it('links the unit’s revenue and growth', () => {
    expect(ids('Alibaba Cloud’s revenue rose 28% in the quarter.')).toContain('cloud-revenue-growth');
    expect(ids('阿里云营收同比增长28%。')).toContain('cloud-revenue-growth');
  });
});

describe('a sentence naming no one carries on the link of the sentence before', () => {
  it('binds to the item the previous sentence was linked to, even when that one named no actor either', async () => {
    const { findClaims } = await import('@/lib/pipeline/claims');
    const { splitSentences } = await import('@/lib/pipeline/sentences');
    const { setLinkScorer } = await import('@/lib/pipeline/compile');
    const pack = structuredClone(defaultPack);
    setLinkScorer(pack, null);
    const follow = 'The H200 approvals include only commercial data centres for now.';
    const text = `Imports of the H200 were approved in March. ${follow}`;
    const claim = findClaims(text, splitSentences(text, 'en'), pack, 'en').find((c) => c.sentence.text === follow);
    expect(claim?.links.map((l) => l.id)).toContain('h200-import-approval');
    const unrelated = `Tencent reported its quarterly results on Monday. ${follow}`;
    expect(findClaims(unrelated, splitSentences(unrelated, 'en'), pack, 'en').find((c) => c.sentence.text === follow)).toBeUndefined();
  });
});

describe('H200 items apart: who allows what', () => {
  it('reads Beijing letting its companies buy as the import approval, not an export rule', () => {
    const links = ids('Beijing has allowed three of its largest tech groups to buy Nvidia’s H200 processors.');
    expect(links).toContain('h200-import-approval');
    expect(links).not.toContain('export-control-tightening');
  });
  it('reads Washington letting Nvidia sell as the export-control item', () => {
    expect(ids('Washington will allow Nvidia to sell H200 chips to approved customers in China.')).toContain('export-control-tightening');
  });
});
