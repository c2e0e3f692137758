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

  it('ignores a business whose own name holds the company’s', () => {
    expect(
      topicsOf('Alibaba Travel opens a second office downtown', [
        'Alibaba Travel, a family-run agency that books trips to Morocco and Egypt, opened its second office on Main Street this week.',
        'The owners said bookings at Alibaba Travel doubled last year as customers returned to group tours.',
        'Alibaba Travel now employs eleven agents and plans to add a third office in 2027.',
      ]),
    ).toEqual([]);
    // The company's own units are names of it, however often they recur.
    expect(
      topicsOf('Alibaba Cloud cuts prices again', [
        'Alibaba Cloud cut the price of its flagship model by 40% on Tuesday.',
        'Alibaba Cloud said demand from enterprise customers had doubled since the last cut.',
        'Rivals are expected to follow Alibaba Cloud within weeks.',
      ]),
    ).toContain('alibaba');
  });

  it('ignores a Chinese name that runs on into another one, and keeps the company named with its own words', () => {
    expect(
      topicsOf('阿里山两日游路线推荐', [
        '从嘉义出发，坐森林铁路上阿里山大约需要两个半小时，沿途可以看到不同海拔的植被变化。',
        '阿里山的日出要在清晨四点前出发去观景台，冬季气温接近零度，记得多带一件外套。',
        '下山后不妨在阿里山乡的茶园停一停，这里的乌龙茶香气清淡，价格也比市区便宜。',
      ]),
    ).toEqual([]);
    expect(
      topicsOf('阿里集团公布季度业绩', [
        '阿里集团周四公布的季度业绩显示，云业务收入同比增长超过三成。',
        '阿里的管理层表示，将继续加大对人工智能基础设施的投入。',
        '分析师认为，阿里股价仍低于同业，估值有修复空间。',
      ]),
    ).toContain('alibaba');
  });

  it('ignores export controls on other goods that cite the chip rules once', () => {
    expect(
      topicsOf('商务部宣布对部分镓锗物项实施出口管制', [
        '商务部周五发布公告，宣布对部分镓、锗相关物项实施出口管制，出口经营者须申请许可证。',
        '分析人士认为，此举是对美国近期收紧对中国半导体出口管制的回应。',
        '镓和锗广泛用于光纤、红外设备和太阳能电池，中国是全球主要供应国。',
        '受消息影响，相关概念股周五午后走强，多只个股涨幅超过5%。',
      ]),
    ).toEqual([]);
    expect(
      topicsOf('US adds drone parts to export control list', [
        'The Commerce Department added a range of drone components to its export control list on Monday.',
        'Officials said the rules follow earlier export controls on semiconductors sold to China.',
        'Exporters will need a licence for shipments of the parts to several countries.',
      ]),
    ).toEqual([]);
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

describe('a topic far less named than another topic of the page is a side subject', () => {
  it('drops the company from a Chinese chip-policy story that names it in passing', () => {
    const paragraphs = [
      '美国商务部本周修改了对华出口英伟达H200芯片的许可规则，英伟达需逐案申请出口许可，阿里巴巴、腾讯等买家须提交用途说明。',
      '新规要求每批H200出口前提交买方名单，英伟达表示将配合执行。',
      '分析人士称，H200在中国市场的销售将因此放缓，英伟达的数据中心收入可能受影响。',
      '中国海关近期也加强了对进口AI芯片的查验，部分H200批次滞留口岸。',
      '业内人士说，阿里巴巴等大型云厂商正在评估影响，阿里云暂未回应。',
      '英伟达股价周二下跌，市场担心H200出口审批周期拉长。',
      '此前英伟达曾表示，H200的对华出口需遵守美国政府的全部要求。',
      '英伟达H200的交付周期可能延长至数月，H200现有库存将优先供应已获出口许可的订单。',
      '美国国会议员还呼吁对英伟达H20和H200出口设置数量上限，并要求商务部定期报告出口许可发放情况。',
    ];
    expect(topicsOf('美国收紧英伟达H200对华出口许可', paragraphs)).toEqual(['h200-exports']);
  });

  it('drops the chip topic from a company story whose title names the chip once', () => {
    const paragraphs = [
      'Alibaba opened its annual developer event in Hangzhou with a new Qwen model family and lower prices for Alibaba Cloud.',
      'Alibaba said Qwen downloads had passed a new milestone, and Alibaba Cloud added regions in Europe and the Middle East.',
      'Executives said Alibaba would keep investing in AI infrastructure; Alibaba Cloud also showed a T-Head server chip.',
      'Asked about Nvidia H200 imports, an Alibaba executive said China had not yet approved any purchases.',
      'Alibaba shares rose after the keynote, and analysts said Alibaba Cloud pricing would draw more developers.',
      'Alibaba also announced partnerships with carmakers that will run Qwen in their vehicles.',
    ];
    expect(topicsOf('Alibaba unveils new Qwen models; H200 question unanswered', paragraphs)).toEqual(['alibaba']);
  });

  it('keeps both topics when each recurs through the story', () => {
    const paragraphs = [
      'Alibaba has asked Nvidia for H200 chips and awaits China approving the imports.',
      'Beijing is reviewing H200 import applications from Alibaba and other cloud providers.',
      'Alibaba Cloud would use the H200 for training; customs clearance for the chips is pending.',
      'Alibaba said demand exceeds supply, and Nvidia said exports to China need a US licence.',
    ];
    expect(topicsOf('Alibaba waits on Beijing over H200 imports', paragraphs)).toEqual(['alibaba', 'h200-exports']);
  });
});
