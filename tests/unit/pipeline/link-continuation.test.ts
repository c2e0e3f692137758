import { describe, expect, it } from 'vitest';
import { linksOf } from '../../support/links';
import { predictLinks } from '@/lib/model';

const pModel = (text: string, lang: 'en' | 'zh', itemId: string, previous?: string) =>
  predictLinks(text, lang, undefined, previous).find((l) => l.itemId === itemId)!.p;

describe('a sentence that carries on the one before it, naming no item word of its own', () => {
  const approval = "Beijing's commerce ministry has approved Alibaba's request to import H200 accelerators, according to a person close to the company.";
  const otherApproval = "Beijing's commerce ministry has approved Tencent's request to import H200 accelerators, according to a person close to the company.";
  const permit = 'The permit is valid for twelve months.';

  it('is read by the model with its predecessor: likely about the item after a sentence on that event, unlikely alone or after another company’s own news', () => {
    expect(pModel(permit, 'en', 'h200-import-approval', approval)).toBeGreaterThan(0.9);
    expect(pModel(permit, 'en', 'h200-import-approval')).toBeLessThan(0.5);
    // Beijing's approval for another buyer is still Beijing's side of the item (the spec's
    // table); another buyer's own deployment is not.
    expect(pModel(permit, 'en', 'h200-import-approval', otherApproval)).toBeGreaterThan(0.5);
    const otherDeployment = 'Tencent has started installing H200 accelerators in its own data centres, according to a person close to the company.';
    expect(pModel(permit, 'en', 'h200-import-approval', otherDeployment)).toBeLessThan(0.5);
  });

  it('keeps its own reading when it names its own actor: a predecessor changes nothing', () => {
    const own = 'Tencent said the permit is valid for twelve months.';
    expect(pModel(own, 'en', 'h200-import-approval', approval)).toBe(pModel(own, 'en', 'h200-import-approval'));
  });

  it('links in an article when the sentence before is linked to the item, and not when it is another company’s news', () => {
    expect(linksOf(`${approval} ${permit}`, permit, 'en')).toContain('h200-import-approval');
    // Beijing's approval for another buyer is still Beijing's side of the item: the sentence
    // before is linked, and a sentence on "the permit" carries that link on.
    expect(linksOf(otherApproval, otherApproval, 'en')).toContain('h200-import-approval');
    expect(linksOf(`${otherApproval} ${permit}`, permit, 'en')).toContain('h200-import-approval');
    // A company outside the item's subjects: its order is no item of the thesis, nor what follows it.
    const order = 'The order is worth about $1.5 billion.';
    expect(linksOf(`Microsoft has ordered 50,000 Nvidia H200 processors for its data centres, suppliers said. ${order}`, order, 'en')).toEqual([]);
    expect(linksOf(`Alibaba has ordered 50,000 Nvidia H200 processors for its data centres, suppliers said. ${order}`, order, 'en')).toContain('h200-procurement');
  });

  it('does the same for orders, for a bill in Washington, and in Chinese', () => {
    const shipments = 'The first shipments are expected in March.';
    expect(linksOf(`Alibaba has ordered tens of thousands of Nvidia H200 processors for its cloud data centres, suppliers said. ${shipments}`, shipments, 'en')).toContain('h200-procurement');
    expect(pModel(shipments, 'en', 'h200-procurement', 'Baidu has ordered tens of thousands of Nvidia H200 processors for its cloud data centres, suppliers said.')).toBeLessThan(0.5);
    const vote = 'It still needs a vote in both chambers.';
    expect(pModel(vote, 'en', 'export-control-tightening', 'US lawmakers unveiled a bill that would ban Nvidia from shipping H200 chips to China.')).toBeGreaterThan(0.8);
    expect(pModel(vote, 'en', 'export-control-tightening', 'US lawmakers unveiled a bill that would ban imports of Chinese drones.')).toBeLessThan(0.5);
    const valid = '该许可有效期为十二个月。';
    expect(linksOf(`商务部已批准阿里巴巴进口H200加速卡的申请。${valid}`, valid, 'zh')).toContain('h200-import-approval');
    expect(linksOf('微软已向英伟达订购5万颗H200芯片。该订单价值约15亿美元。', '该订单价值约15亿美元。', 'zh')).toEqual([]);
    expect(linksOf('阿里巴巴已向英伟达订购5万颗H200芯片。该订单价值约15亿美元。', '该订单价值约15亿美元。', 'zh')).toContain('h200-procurement');
  });
});
