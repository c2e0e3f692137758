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
    expect(ids('Alibaba’s capital expenditure reached RMB 30 billion in the quarter.')).toContain('capex-commitment');
    expect(ids('分析人士认为，阿里巴巴5000亿元的投入计划可能推迟。')).toContain('capex-commitment');
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
