import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { detectTopics, scoreTopic } from '@/lib/pipeline/topics';

const topicsOf = (title: string, paragraphs: string[]) => detectTopics({ title, text: paragraphs.join('\n') }, defaultPack).map((t) => t.topicId);

describe('detectTopics', () => {
  it('finds both topics in a story about Alibaba and H200 import approval', () => {
    expect(
      topicsOf('Alibaba weighs big H200 order as Beijing signals approval', [
        'Alibaba Group is preparing to order more than 200,000 Nvidia H200 chips, people familiar said.',
        'China may approve limited imports of the H200 this quarter, with state-owned enterprises excluded.',
        'Alibaba Cloud would use the chips to train Qwen models.',
      ]),
    ).toEqual(['alibaba', 'h200-exports']);
  });

  it('finds the topics in Chinese coverage', () => {
    expect(
      topicsOf('阿里巴巴获准采购英伟达H200芯片', ['据悉，中国有关部门已批准阿里巴巴等公司进口英伟达H200芯片。', '阿里云计划将这些芯片用于通义千问大模型训练。']),
    ).toEqual(['alibaba', 'h200-exports']);
  });

  it('ignores the folk tale', () => {
    expect(
      topicsOf('Ali Baba and the Forty Thieves', [
        'Ali Baba, a poor woodcutter, overhears the forty thieves say "open sesame".',
        'In some retellings the hero is spelled Alibaba, and Morgiana outwits the thieves.',
        'Alibaba hides the treasure; Cassim is less lucky.',
      ]),
    ).toEqual([]);
    expect(topicsOf('阿里巴巴与四十大盗', ['阿里巴巴听到强盗说"芝麻开门"。', '阿里巴巴与四十大盗的故事出自《一千零一夜》。'])).toEqual([]);
  });

  it('ignores the Hyundai H200 van and an H200 benchmark with no China angle', () => {
    expect(
      topicsOf('Hyundai H200 review: the people mover that tows', [
        'The Hyundai H200 van seats eight and its diesel engine pulls well.',
        'We drove the H200 for a week; the H200 is imported in two trims.',
        'Verdict: the H200 is a practical minibus.',
      ]),
    ).toEqual([]);
    expect(
      topicsOf('Nvidia H200 benchmarked: 1.9x faster inference', [
        'We tested the Nvidia H200 against the H100 on Llama inference.',
        'The H200 memory bandwidth of 4.8 TB/s makes long contexts faster.',
        'Nvidia H200 systems ship from several server makers this quarter.',
      ]),
    ).toEqual([]);
  });

  it('does not take a name in a list of companies, or a side gallery, as the subject', () => {
    expect(
      topicsOf('Asian stocks mixed as investors await Fed', [
        'Markets in Tokyo rose while Hong Kong slipped.',
        'Tencent, Alibaba, Meituan and JD.com were among the most traded names.',
        'The yen weakened against the dollar.',
      ]),
    ).toEqual([]);
    expect(
      topicsOf('The best boutique hotels in Lisbon', [
        'Gallery: Alibaba founder’s favourite retreats',
        'Gallery: Taobao shoppers’ top picks',
        'Lisbon’s hotel scene has changed fast, with old palaces turned into boutique stays.',
        'Rooms start at 180 euros and breakfast is served on the terrace.',
      ]),
    ).toEqual([]);
  });

  it('does not take a company that recurs as another company’s asset as the subject', () => {
    expect(
      topicsOf('Yahoo’s sale leaves shareholders with little say', [
        'Yahoo will sell its core business to Verizon, and Yahoo shareholders will not get a vote on the deal.',
        'What remains of Yahoo will hold the Alibaba stake and Yahoo Japan shares; Yahoo becomes a holding company.',
        'Yahoo says the sale is not of substantially all its assets, because the Alibaba shares stay behind at Yahoo.',
        'Yahoo investors may wait for Alibaba to buy the shell; Alibaba says it has no such plan, and Yahoo declined to comment.',
        'Yahoo’s board approved the deal; Yahoo expects it to close next year, and Yahoo will change its name.',
      ]),
    ).toEqual([]);
  });

  it('explains its verdict', () => {
    const alibaba = defaultPack.topics.find((t) => t.id === 'alibaba')!;
    const score = scoreTopic({ title: 'Tech roundup', text: 'Tencent and Alibaba reported.' }, alibaba);
    expect(score.subject).toBe(false);
    expect(score.reason).toBe('passing mention');
    expect(score.mentions.body).toBe(1);
  });
});
