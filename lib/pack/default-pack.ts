import { parsePack, type ThesisPack, type ThesisPackInput } from './schema';

/**
 * The bundled thesis, "Alibaba: AI cloud rails and H200 access" (../shared/spec/default-thesis.md).
 * Item ids are a contract and never change. Each item's history starts before the seed
 * article (2026-01-09), carries the seed's own status on that date, and continues with the
 * dated evidence of status-timeline.md, so that "latest status" means something on first run
 * and `--as-of` can replay how the checklist read on any day.
 *
 * Matchers: a sentence is about an item when it holds a term from every group of one rule.
 * Terms follow the pack language of schema.ts (`*` = prefix; CJK = substring).
 */

type Terms = { en: string[]; zh: string[] };
const t = (en: string[], zh: string[] = []): Terms => ({ en, zh });
const join = (...lists: Terms[]): Terms => ({ en: lists.flatMap((l) => l.en), zh: lists.flatMap((l) => l.zh) });

// ---------------------------------------------------------------------------------------
// Shared vocabularies
// ---------------------------------------------------------------------------------------

const ALIBABA = t(
  ['Alibaba', 'Alibaba Group', 'Alibaba Cloud', 'Aliyun', 'NYSE: BABA', 'NYSE:BABA', 'BABA.N', 'BABA shares', 'BABA stock', '9988.HK', '9988 HK', 'HKEX: 9988', 'T-Head', 'Qwen', 'Tongyi'],
  ['阿里巴巴', '阿里云', '阿里', '平头哥', '通义千问', '千问', '通义'],
);
const ALIBABA_UNITS = t(
  ['Taobao', 'Tmall', 'Ele.me', 'Cainiao', 'AliExpress', 'Lazada', 'DingTalk', 'Freshippo', 'Taobao Instant Commerce', 'Eddie Wu', 'Joe Tsai'],
  ['淘宝', '天猫', '饿了么', '菜鸟', '速卖通', '钉钉', '盒马', '淘宝闪购', '吴泳铭', '蔡崇信'],
);
const OTHER_COMPANIES = t(
  [
    'Tencent', 'Baidu', 'ByteDance', 'JD.com', 'JD', 'Meituan', 'PDD', 'Pinduoduo', 'Temu', 'Xiaomi', 'Huawei', 'Kuaishou',
    'NetEase', 'SMIC', 'Cambricon', 'Amazon', 'AWS', 'Microsoft', 'Azure', 'Google', 'Alphabet', 'Meta', 'Oracle', 'Apple',
    'AMD', 'Intel', 'Broadcom', 'TSMC', 'Samsung', 'Nvidia', 'DeepSeek', 'Moonshot', 'Zhipu', 'CoreWeave', 'Hyundai',
  ],
  ['腾讯', '百度', '字节跳动', '字节', '京东', '美团', '拼多多', '小米', '华为', '快手', '网易', '中芯国际', '寒武纪', '亚马逊', '微软', '谷歌', '英伟达', '苹果', '台积电', '三星', '深度求索'],
);

/** "Nvidia shares", "Tencent's stock", "腾讯股价": another company's share price. */
const OTHER_STOCKS: Terms = {
  en: OTHER_COMPANIES.en.flatMap((name) => [`${name} shares`, `${name}'s shares`, `${name} stock`, `${name}'s stock`, `${name}'s share price`]),
  zh: OTHER_COMPANIES.zh.flatMap((name) => [`${name}股价`, `${name}股票`]),
};

const H200 = t(['H200*', 'H20', 'B30A', 'H100*', 'H800*', 'Blackwell'], ['H200芯片']);
const NVIDIA_CHIPS = join(
  H200,
  t(
    ['Nvidia chip*', 'Nvidia AI chip*', 'Nvidia processor*', 'Nvidia GPU*', 'Nvidia products', 'AI chip*', 'advanced chip*', 'GPU*', 'chip*', 'semiconductor*', 'accelerator*', 'processors'],
    ['芯片', '英伟达', '算力卡', 'GPU', '半导体', '显卡'],
  ),
);
const CHINA_SIDE = t(
  ['China', 'Chinese', 'Beijing', 'customs', 'regulator*', 'authorities', 'NDRC', 'MIIT', 'Ministry of Commerce', 'MOFCOM', 'Cyberspace Administration'],
  ['中国', '北京', '海关', '监管', '有关部门', '发改委', '工信部', '商务部', '网信办', '国内'],
);
const CHINA = t(['China', 'Chinese', 'Beijing', 'PRC'], ['中国', '北京', '国内', '中方']);
const APPROVAL_WORDS = t(
  [
    'approv*', 'permit*', 'permission', 'allow*', 'authoriz*', 'authoris*', 'green light', 'greenlight*', 'go-ahead', 'clearance', 'cleared', 'import*',
    'block*', 'ban', 'banned', 'bans', 'bar', 'barred', 'barring', 'pause*', 'halt*', 'reject*', 'prohibit*', 'forbid*', 'forbade', 'stop buying',
    'stop ordering', 'stop placing', 'told', 'instruct*', 'guidance', 'refus*', 'suspend*',
  ],
  ['批准', '获批', '放行', '允许', '许可', '进口', '禁止', '暂停', '叫停', '拒绝', '审批', '通关', '要求', '指导', '停止'],
);
/**
 * A rule that buyers take domestic chips alongside Nvidia's is a Chinese chip rule (the
 * export-control item), not an import approval nor an order, even when it names importers.
 */
const DOMESTIC_CHIP_RULE = t(
  [
    'domestic chip*', 'domestic AI chip*', 'domestic accelerator*', 'domestic processor*', 'domestic alternative*', 'domestically made',
    'domestically designed', 'domestically produced', 'domestic semiconductor*', 'home-grown chip*', 'homegrown chip*', 'locally made chip*',
    'locally designed', 'Chinese-made chip*', 'Chinese-designed', 'local chip*', 'local alternative*', 'local accelerator*',
  ],
  ['国产芯片', '国产AI芯片', '国产算力', '国产替代', '国产加速卡', '国产GPU', '本土芯片', '国产处理器', '国内芯片'],
);
/** Terms of payment a seller sets (procurement terms, not export or import rules). */
const SELLER_PAYMENT_TERMS = t(
  ['upfront', 'up front', 'pay in full', 'full payment', 'payment terms', 'prepay*', 'pre-pay*', 'advance payment*', 'payment in advance'],
  ['预付', '全额付款', '付款条件'],
);
const PROCUREMENT_WORDS = t(
  [
    'order*', 'buy', 'buys', 'buying', 'bought', 'purchas*', 'procure*', 'acquir*', 'secure', 'secured', 'securing', 'supply', 'supplies', 'units', 'upfront',
    'up front', 'payment*', 'pay in full', 'paid', 'deliver*', 'ship', 'shipped', 'shipping', 'shipment*', 'receiv*', 'arriv*', 'took delivery',
    'taken delivery', 'take delivery', 'buyer*', 'allocation*', 'volumes',
  ],
  ['订单', '订购', '采购', '购买', '下单', '供应', '交付', '付款', '预付', '到货', '运抵', '发货', '买家', '合同'],
);
const GROWTH_WORDS = t(
  ['revenue*', 'sales', 'grew', 'grow', 'grows', 'growing', 'growth', 'rose', 'rise', 'rising', 'increase*', 'jump*', 'surg*', 'accelerat*', 'decelerat*', 'slow*', 'year over year', 'year-on-year', 'yoy'],
  ['收入', '营收', '增长', '增速', '同比', '上升', '放缓'],
);
const CLOUD_MEASURE_WORDS = t(
  ['revenue*', 'sales', 'grew', 'grow', 'grows', 'growing', 'growth', 'year over year', 'year-on-year', 'yoy', 'top line', 'top-line'],
  ['收入', '营收', '增长', '增速', '同比'],
);
const UP_VERBS = t(
  ['grew', 'grow', 'grows', 'growing', 'rose', 'rise', 'rises', 'rising', 'jump*', 'surg*', 'soar*', 'accelerat*', 'beat*', 'exceed*', 'outpac*', 'expand*', 'fastest-growing', 'fastest growing', 'strong*', 'robust'],
  ['增长', '加速', '提速', '大涨', '超预期', '强劲', '高增长'],
);
const DOWN_VERBS = t(
  ['slow*', 'decelerat*', 'declin*', 'fell', 'fall', 'falls', 'falling', 'drop*', 'miss*', 'weak*', 'shrink*', 'shrank', 'contract*', 'plung*', 'slump*', 'tumbl*', 'disappoint*'],
  ['放缓', '下滑', '下降', '减速', '疲软', '不及预期', '萎缩', '下跌'],
);
const AI = t(['AI', 'AI-related', 'artificial intelligence', 'generative AI', 'GenAI'], ['人工智能', 'AI相关', '大模型']);
const CLOUD = t(['cloud', 'Aliyun', 'Cloud Intelligence'], ['阿里云', '云业务', '云智能', '云计算', '云收入']);
const CLOUD_REVENUE_NAMED = t(
  ['cloud revenue*', 'cloud sales', 'cloud growth', 'cloud business grew', 'cloud unit’s revenue', "cloud unit's revenue", 'cloud division’s revenue', "cloud division's revenue", 'Cloud Intelligence Group revenue', 'revenue at the cloud', 'revenue from the cloud', 'revenue of the cloud'],
  ['云收入', '云业务收入', '云业务营收', '云智能集团收入', '云智能集团营收', '云业务增长', '云业务同比增长', '云计算收入'],
);
/** AI-related product revenue named as such: "AI-related products", "AI revenue", "AI相关产品收入". */
const AI_PRODUCT_REVENUE = t(
  ['AI-related product*', 'AI related product*', 'AI product*', 'AI-related revenue', 'AI-related sales', 'AI revenue'],
  ['AI相关产品', 'AI相关收入', '人工智能相关产品', 'AI产品', 'AI收入'],
);
const AI_REVENUE_NOT_CLOUD = t(['AI-related', 'AI related', 'AI product*', 'AI revenue', 'AI-related product*', 'external'], ['AI相关', '人工智能相关', 'AI产品', '外部']);

const HOLDERS_OWN_TRADES = t(
  [
    'my shares', 'my stake', 'my position', 'our shares', 'our stake', 'our position', 'I sold', 'I bought', 'I trimmed', 'I added', 'we sold', 'we bought',
    'we trimmed', 'we added', 'added to the position', 'added to her position', 'added to his position', 'added to its position', 'her fund', 'his fund',
  ],
  ['我的持仓', '我卖出', '我买入', '我加仓', '我减仓', '我们卖出', '我们买入'],
);

// Subjects (pack v2): whose action or figure each item is about.
const ALIBABA_SIDE = join(ALIBABA, ALIBABA_UNITS, t(['Cloud Intelligence Group', 'Taobao and Tmall Group', 'Alibaba International'], ['阿里巴巴集团', '阿里云智能', '淘天']));
const BEIJING_SIDE = t(
  [
    'China', 'Chinese government', 'Chinese authorities', 'Chinese officials', 'Chinese regulators', 'Beijing', 'customs', 'regulator*', 'authorities',
    'NDRC', 'MIIT', 'Ministry of Commerce', 'Commerce Ministry', 'MOFCOM', 'Cyberspace Administration', 'CAC', 'State Council', 'PRC',
    // The grant named, its grantor left out: "Alibaba received government approval to buy…".
    'government approval', 'government clearance', 'government permission', 'official approval',
  ],
  ['中国', '北京', '海关', '监管', '有关部门', '发改委', '工信部', '商务部', '网信办', '国务院', '中方', '政府', '当局'],
);
const WASHINGTON_SIDE = t(
  [
    'Washington', 'US', 'U.S.', 'United States', 'American', 'White House', 'Trump', 'administration', 'Commerce Department', 'Department of Commerce',
    'BIS', 'Bureau of Industry and Security', 'Congress', 'Senate', 'House', 'lawmakers', 'senator*', 'legislat*', 'Republicans', 'Democrats',
  ],
  ['美国', '华盛顿', '白宫', '特朗普', '美国商务部', '国会', '参议院', '众议院', '美方', '议员'],
);
const NVIDIA_SELLER = t(['Nvidia', 'Jensen Huang'], ['英伟达', '黄仁勋']);
const CHINESE_BUYERS = t(
  ['Chinese customers', 'Chinese firms', 'Chinese companies', 'Chinese buyers', 'Chinese tech companies', 'Chinese technology companies'],
  ['中国企业', '中国客户', '中国公司', '国内企业', '科技公司'],
);

const QUARTER_PERIOD = (end: string) => `quarter ended ${end}`;

// ---------------------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------------------

const REUTERS = 'Reuters';
const RESULTS_SEP_2025 = 'Alibaba Group September Quarter 2025 results';
const RESULTS_DEC_2025 = 'Alibaba Group December Quarter 2025 results coverage';
const RESULTS_MAR_2026 = 'Alibaba Group March Quarter 2026 and fiscal year results';
const SEED = 'AInvest investor article, 2026-01-09';

const input: ThesisPackInput = {
  schema: 'thesis-lens/pack@2',
  id: 'alibaba-ai-cloud-h200',
  title: 'Alibaba: AI cloud rails and H200 access',
  version: '2026.05.13',
  description:
    'Alibaba is building the rails of China’s AI adoption (Alibaba Cloud, Qwen, RMB 380B of AI infrastructure). ' +
    'The thesis needs access to Nvidia H200 chips, continued triple-digit AI revenue growth and a market re-rating, ' +
    'and is at risk from export controls and Chinese chip rules, quick-commerce cash burn and a core e-commerce slowdown.',
  entities: {
    self: join(ALIBABA, ALIBABA_UNITS),
    others: OTHER_COMPANIES,
  },
  // Alibaba's fiscal year ends 31 March; its news writes ¥ for yuan and counts chips and servers.
  figureConventions: {
    fiscalYearEndMonth: 3,
    yenSign: 'CNY',
    unitNouns: ['units', 'chips', 'GPUs', 'processors', 'accelerators', 'cards', 'H200s', 'H20s', '颗', '块', '片', '枚', '张'],
  },
  topics: [
    {
      id: 'alibaba',
      title: 'Alibaba Group',
      description: 'Alibaba Group (BABA, 9988.HK) or its units as a main subject, not a passing mention.',
      mentions: join(ALIBABA, ALIBABA_UNITS),
      requires: [],
      negatives: t(
        ['Forty Thieves', '40 thieves', 'Ali Baba', 'open sesame', 'Arabian Nights', 'Thousand and One Nights', '1001 Nights', 'Morgiana', 'Cassim', 'folk tale', 'fairy tale'],
        ['芝麻开门', '四十大盗', '一千零一夜', '天方夜谭', '阿里巴巴与四十大盗', '童话', '民间故事'],
      ),
    },
    {
      id: 'h200-exports',
      title: 'Nvidia AI chips and China (H200 exports)',
      description:
        'US or Chinese policy on selling Nvidia data-centre AI chips (H200, H20, B30A…) to China: licences, export controls, import approvals, customs, purchase rules, revenue-share deals.',
      // Names of the chips and their maker, not of export policy in general: a story on rare-earth
      // or drone export controls that cites the chip rules once is about another export.
      mentions: t(['H200*', 'H20', 'B30A', 'H800*', 'Nvidia', 'AI chip*', 'AI accelerator*', 'AI processor*', 'chip export*'], ['英伟达', '芯片出口', 'AI芯片', '人工智能芯片', 'H200芯片']),
      requires: [
        {
          // Chips, China, and a policy word in one paragraph: a benchmark or product review has no China angle.
          all: [
            join(H200, t(['Nvidia', 'AI chip*', 'GPU*', 'chip*', 'processors', 'semiconductor*'], ['芯片', '英伟达', '半导体'])),
            join(CHINA, t(['Chinese customers', 'Chinese firms'], [])),
            t(
              ['export*', 'import*', 'licen*', 'customs', 'approv*', 'ban', 'bans', 'banned', 'restrict*', 'control*', 'sell', 'selling', 'sold', 'sale*', 'ship*', 'purchas*', 'order*', 'permit*', 'allow*', 'tariff*', 'Commerce Department', 'Department of Commerce', 'BIS', 'Entity List', 'revenue share', 'revenue cut'],
              ['出口', '进口', '许可', '海关', '批准', '禁令', '禁止', '限制', '管制', '销售', '出售', '采购', '购买', '订单', '商务部', '实体清单'],
            ),
          ],
        },
      ],
      negatives: t(
        ['Hyundai', 'Starex', 'iLoad', 'iMax', 'minivan', 'minibus', 'van', 'people mover', 'camper*', 'horsepower', 'diesel', 'towing'],
        ['现代汽车', '现代H200', '面包车', '商务车', '房车'],
      ),
    },
  ],
  items: [
    {
      id: 'h200-import-approval',
      kind: 'catalyst',
      title: 'China approves H200 imports for commercial use',
      description:
        'Beijing lets Chinese companies import and buy Nvidia H200 chips for commercial data-centre use, even if limited to select uses and buyers.',
      subject: BEIJING_SIDE,
      event: t(['import', 'imports', 'imported', 'importing', 'import approval*', 'import licen*', 'customs clearance', 'cleared customs'], ['进口', '通关', '进口许可']),
      direction: 'up',
      matchers: [
        { all: [NVIDIA_CHIPS, CHINA_SIDE, APPROVAL_WORDS], none: DOMESTIC_CHIP_RULE },
        { all: [H200, t(['approv*', 'green light', 'go-ahead'], ['批准', '获批', '放行'])], none: DOMESTIC_CHIP_RULE },
      ],
      cues: {
        supports: t(
          ['approv*', 'permit*', 'permission', 'allow*', 'let', 'lets', 'letting', 'authoriz*', 'authoris*', 'green light', 'greenlight*', 'go-ahead', 'clearance', 'cleared', 'lift*', 'eas*'],
          ['批准', '获批', '允许', '放行', '许可', '放开', '解禁'],
        ),
        challenges: t(
          ['block*', 'ban', 'bans', 'banned', 'banning', 'halt*', 'pause*', 'reject*', 'prohibit*', 'refus*', 'forbid*', 'forbade', 'excluded', 'excludes', 'restrict*', 'unless necessary', 'narrow', 'conditional', 'stall*'],
          ['禁止', '叫停', '暂停', '拒绝', '限制', '不得', '收紧', '排除'],
        ),
      },
      figures: [],
      history: [
        {
          date: '2025-12-08',
          status: 'pending',
          note: 'The US will let Nvidia sell H200s to approved customers in China, with 25% of the revenue to the US (Blackwell excluded); Beijing has not yet said whether it will allow the imports.',
          source: { title: 'White House statement on Nvidia H200 sales to China (wide coverage)' },
        },
        {
          date: '2026-01-07',
          status: 'at-risk',
          note: 'Beijing reportedly tells some Chinese companies to pause H200 orders.',
          source: { title: 'The Information' },
        },
        {
          date: '2026-01-09',
          status: 'on-track',
          note: 'Approval of limited imports for select commercial uses reported as possible this quarter; military, sensitive government agencies and state-owned enterprises excluded.',
          source: { title: SEED },
        },
        {
          date: '2026-01-14',
          status: 'at-risk',
          note: 'Chinese customs reportedly told agents that H200 imports are not permitted; companies told not to buy the chips unless necessary.',
          source: { title: REUTERS },
        },
        {
          date: '2026-01-28',
          status: 'on-track',
          note: 'Beijing approves H200 purchases by ByteDance, Alibaba and Tencent on restrictive conditions (domestic-chip buying expected; no sensitive agencies or critical infrastructure); orders not yet placed.',
          source: { title: REUTERS },
        },
      ],
    },
    {
      id: 'h200-procurement',
      kind: 'catalyst',
      title: 'Alibaba secures H200 supply',
      description: 'Alibaba places and pays for large H200 orders (it has signalled interest in more than 200,000 units) and Nvidia ships them.',
      subject: join(ALIBABA_SIDE, CHINESE_BUYERS, NVIDIA_SELLER),
      event: PROCUREMENT_WORDS,
      direction: 'up',
      matchers: [
        { all: [H200, PROCUREMENT_WORDS], none: DOMESTIC_CHIP_RULE },
        { all: [join(ALIBABA, t(['Chinese customers', 'Chinese firms', 'Chinese companies', 'Chinese buyers'], ['中国企业', '中国客户'])), NVIDIA_CHIPS, PROCUREMENT_WORDS], none: DOMESTIC_CHIP_RULE },
        { all: [t(['Nvidia'], ['英伟达']), t(['upfront', 'up front', 'pay in full', 'full payment', 'payment terms', 'rigid', 'credit'], ['预付', '全额', '付款'])] },
        {
          // "interest in more than 200,000 units", "20万颗": chips counted, by a buyer.
          all: [
            join(ALIBABA, CHINESE_BUYERS),
            t(['units'], ['颗']),
            t(['order*', 'buy*', 'purchas*', 'seek*', 'sought', 'interest*', 'want*', 'deliver*', 'receiv*', 'import*'], ['订购', '采购', '购买', '寻求', '交付', '到货', '进口']),
          ],
        },
      ],
      cues: {
        supports: t(
          ['order*', 'secur*', 'deliver*', 'receiv*', 'purchas*', 'bought', 'buy', 'buys', 'buying', 'interest*', 'approv*', 'allow*', 'ship*', 'obtain*', 'acquir*'],
          ['订购', '采购', '交付', '获得', '购买', '下单', '批准', '到货'],
        ),
        challenges: t(
          [
            'pause*', 'halt*', 'delay*', 'upfront', 'up front', 'pay in full', 'full payment', 'full amount', 'rigid', 'tighten*', 
            'unless necessary', 'not permitted', 'stall*', 'zero', 'domestic chip*', 'domestic processor*',
            'domestically made', 'domestic AI chip*',
          ],
          ['暂停', '推迟', '取消', '预付', '全额付款', '收紧', '叫停'],
        ),
      },
      figures: [
        {
          measure: 'h200-units-sought',
          label: 'H200 units Alibaba seeks to order',
          value: 200_000,
          atLeast: true,
          unit: 'units',
          period: 'January 2026',
          periodEnd: '2026-01-09',
          asOf: '2026-01-09',
          context: [t(['H200*', 'order*', 'buy*', 'purchas*', 'procure*', 'interest*', 'sought', 'seek*', 'units', 'chips'], ['H200', '订购', '采购', '购买', '芯片'])],
          source: SEED,
        },
        {
          measure: 'h200-units-approved-total',
          label: 'H200 chips Beijing approved for ByteDance, Alibaba and Tencent in total',
          value: 400_000,
          atLeast: true,
          unit: 'units',
          period: 'January 2026',
          periodEnd: '2026-01-28',
          asOf: '2026-01-28',
          context: [t(['total', 'combined', 'together', 'altogether'], ['总计', '合计', '共计', '总共'])],
          subject: t(['ByteDance', 'Tencent', 'Alibaba', 'Chinese companies', 'Chinese firms', 'Beijing'], ['字节跳动', '腾讯', '阿里巴巴', '北京', '中国']),
          source: REUTERS,
        },
      ],
      history: [
        {
          date: '2026-01-07',
          status: 'at-risk',
          note: 'Beijing reportedly tells some firms to pause H200 orders; Nvidia requires full payment upfront.',
          source: { title: 'The Information' },
        },
        {
          date: '2026-01-09',
          status: 'pending',
          note: 'Interest in ordering more than 200,000 units; Nvidia demands full payment upfront on rigid terms.',
          source: { title: SEED },
        },
        {
          date: '2026-01-28',
          status: 'on-track',
          note: 'Beijing approves purchases by ByteDance, Alibaba and Tencent (more than 400,000 chips in total; Alibaba interested in more than 200,000); orders not yet placed.',
          source: { title: REUTERS },
        },
        {
          date: '2026-02-25',
          status: 'at-risk',
          note: "Nvidia's guidance assumes zero China data-centre revenue; no H200 shipped to China yet.",
          source: { title: 'Nvidia quarterly results' },
        },
      ],
    },
    {
      id: 'h200-deployment',
      kind: 'catalyst',
      title: 'H200s integrated into Alibaba Cloud',
      description: 'H200 chips arrive and run in Alibaba Cloud data centres, lifting AI capacity and AI cloud revenue: the primary catalyst for the next 12–24 months.',
      subject: ALIBABA_SIDE,
      event: t(['deploy*', 'install*', 'cluster*', 'capacity', 'online'], ['部署', '上线', '集群', '算力']),
      direction: 'up',
      matchers: [
        {
          all: [
            join(H200, t(['Nvidia chip*', 'Nvidia GPU*', 'Nvidia hardware', 'Nvidia processors'], ['英伟达芯片'])),
            t(
              // Installed and in service (deliveries reaching the buyer are procurement).
              [
                'deploy*', 'integrat*', 'install*', 'data cent*', 'data-cent*', 'cloud', 'infrastructure', 'cluster*', 'online', 'capacity', 'instances',
                'in service', 'serving', 'rent*', 'lease*', 'booked', 'train*', 'inference', 'compute', 'computing power',
              ],
              ['部署', '数据中心', '云', '上线', '集群', '算力', '投入使用', '实例', '训练', '推理'],
            ),
          ],
        },
        {
          // "the deployment of these chips into Alibaba's cloud": the chips named generically.
          all: [
            t(['deploy*', 'integrat*', 'install*'], ['部署', '接入']),
            t(['chip*', 'GPU*', 'hardware', 'accelerator*'], ['芯片', '算力']),
            t(['cloud', 'data cent*', 'data-cent*', 'infrastructure', 'cluster*'], ['云', '数据中心', '集群', '基础设施']),
          ],
        },
      ],
      cues: {
        supports: t(
          ['deploy*', 'integrat*', 'install*', 'ship*', 'deliver*', 'arriv*', 'online', 'live', 'running', 'accelerat*', 'successful'],
          ['部署', '上线', '交付', '到货', '运抵', '发货', '投入使用'],
        ),
        challenges: t(['delay*', 'stall*', 'postpon*', 'zero', 'held up', 'stuck', 'nothing', 'not yet', 'yet to'], ['推迟', '延迟', '搁置', '受阻', '尚未']),
      },
      figures: [],
      history: [
        {
          date: '2026-01-09',
          status: 'pending',
          note: 'The primary catalyst for the next 12–24 months; nothing deployed yet.',
          source: { title: SEED },
        },
        {
          date: '2026-02-25',
          status: 'at-risk',
          note: "No H200 shipped to China yet and Nvidia's guidance assumes zero China data-centre revenue; no confirmed delivery to Alibaba reported.",
          source: { title: 'Nvidia quarterly results' },
        },
      ],
    },
    {
      id: 'ai-revenue-growth',
      kind: 'catalyst',
      title: 'AI-related cloud revenue keeps triple-digit growth',
      description: 'Revenue from AI-related products on Alibaba Cloud keeps growing at triple-digit rates, quarter after quarter.',
      subject: ALIBABA_SIDE,
      event: t(['AI revenue', 'AI-related revenue', 'AI-related product*', 'triple-digit'], ['AI收入', 'AI相关产品收入', '三位数']),
      direction: 'up',
      // The AI words must name the revenue ("AI-related revenue", "revenue from AI"): cloud
      // revenue that rose "as customers built AI applications" is the cloud item's figure.
      matchers: [
        {
          all: [
            t(
              [
                'AI revenue*', 'AI-related revenue*', 'AI-driven revenue*', 'AI-linked revenue*', 'AI product revenue*', 'AI-related product revenue*', 'AI-related sales',
                'AI sales', 'sales of AI', 'revenue from AI', 'revenues from AI', 'revenue from artificial intelligence', 'revenue from its AI',
                'artificial intelligence revenue*', 'generative AI revenue*', 'AI income', 'AI monetiz*', 'AI monetis*', 'monetiz* AI', 'monetis* AI',
                'monetiz* its AI', 'monetis* its AI', 'AI business revenue*',
              ],
              ['AI收入', 'AI相关收入', 'AI相关产品收入', 'AI产品收入', '人工智能收入', '人工智能相关收入', '人工智能相关产品收入', '大模型收入', 'AI业务收入', 'AI变现', 'AI商业化收入'],
            ),
          ],
        },
        // "AI products … brought in more revenue": the products named, and their revenue.
        {
          all: [
            t(['AI-related product*', 'AI product*', 'AI-related business*', 'AI offerings'], ['AI相关产品', 'AI产品', '人工智能相关产品', 'AI业务']),
            t(['revenue*', 'sales', 'income', 'monetiz*', 'monetis*'], ['收入', '营收', '变现']),
          ],
        },
        // "AI … grew at triple-digit rates": the growth only AI revenue shows.
        { all: [AI, t(['triple-digit', 'triple digit*', 'three-digit'], ['三位数'])] },
      ],
      cues: {
        supports: join(UP_VERBS, t(['triple-digit', 'triple digit*', 'three-digit', 'continued to grow'], ['三位数'])),
        challenges: DOWN_VERBS,
      },
      figures: [
        ...(['2025-09-30', '2026-03-31'] as const).map((end, i) => ({
          measure: 'ai-revenue-yoy',
          label: 'AI-related product revenue growth, year over year',
          value: 100,
          atLeast: true,
          unit: 'percent' as const,
          period: QUARTER_PERIOD(end),
          periodEnd: end,
          asOf: i === 0 ? '2025-11-25' : '2026-05-13',
          context: [AI],
          source: i === 0 ? RESULTS_SEP_2025 : RESULTS_MAR_2026,
        })),
        ...([
          ['2025-09-30', 9, '2025-11-25', RESULTS_SEP_2025],
          ['2026-03-31', 11, '2026-05-13', RESULTS_MAR_2026],
        ] as const).map(([end, value, asOf, source]) => ({
          measure: 'ai-revenue-triple-digit-streak',
          label: 'Consecutive quarters of triple-digit AI revenue growth',
          value,
          unit: 'count' as const,
          period: QUARTER_PERIOD(end),
          periodEnd: end,
          asOf,
          context: [t(['quarter*'], ['季度'])],
          source,
        })),
        {
          measure: 'ai-share-of-external-cloud',
          label: 'AI products’ share of external cloud revenue',
          value: 30,
          unit: 'percent',
          period: QUARTER_PERIOD('2026-03-31'),
          periodEnd: '2026-03-31',
          asOf: '2026-05-13',
          context: [AI, t(['external', 'share', 'of'], ['外部', '占'])],
          source: RESULTS_MAR_2026,
        },
      ],
      history: [
        {
          date: '2025-11-25',
          status: 'on-track',
          note: 'AI-related product revenue grew at triple-digit rates for the ninth straight quarter (September 2025 quarter).',
          source: { title: RESULTS_SEP_2025 },
        },
        {
          date: '2026-01-09',
          status: 'on-track',
          note: 'Triple-digit growth for several quarters in a row.',
          source: { title: SEED },
        },
        {
          date: '2026-05-13',
          status: 'on-track',
          note: 'Triple-digit growth for the 11th straight quarter; AI products are 30% of external cloud revenue (March 2026 quarter).',
          source: { title: RESULTS_MAR_2026 },
        },
      ],
    },
    {
      id: 'cloud-revenue-growth',
      kind: 'catalyst',
      title: 'Alibaba Cloud revenue growth holds or accelerates',
      description: 'Cloud Intelligence revenue keeps growing at least as fast as the latest quarter (+34% in the September 2025 quarter).',
      subject: ALIBABA_SIDE,
      event: t(['cloud revenue', 'cloud growth', 'Cloud Intelligence'], ['云收入', '云智能', '云业务']),
      direction: 'up',
      matchers: [
        // A measure of the cloud business (its revenue, its growth), not a verb next to the
        // unit's name: "the rule could slow the rollout at Alibaba Cloud" is no growth figure.
        // AI-related product revenue is its own item: its growth is not the cloud's, unless the
        // sentence names the cloud's revenue itself.
        { all: [CLOUD, CLOUD_MEASURE_WORDS], none: AI_PRODUCT_REVENUE },
        { all: [CLOUD_REVENUE_NAMED] },
        { all: [CLOUD, t(['segment', 'fastest-growing', 'fastest growing', 'growth engine'], ['板块', '增长引擎', '最快'])] },
        // Demand for computing against the capacity to serve it: "demand for AI computing is
        // running ahead of the servers it can install", "算力需求远超供给".
        {
          all: [
            t(['demand'], ['需求']),
            t(['capacity', 'supply', 'servers', 'install*', 'computing power', 'compute', 'chips it has', 'GPUs'], ['供给', '供应', '算力', '服务器', '上架', '产能']),
            t(['outstrip*', 'outpac*', 'outrun*', 'exceed*', 'ahead of', 'outgrow*', 'keep up', 'keep pace', 'more than it can', 'short of', 'shortfall', 'constrain*'], ['远超', '超过', '跟不上', '供不应求', '大于', '紧张', '缺口']),
          ],
        },
      ],
      cues: { supports: UP_VERBS, challenges: DOWN_VERBS },
      figures: [
        ...([
          ['2025-06-30', 26, '2025-11-25', RESULTS_SEP_2025],
          ['2025-09-30', 34, '2025-11-25', RESULTS_SEP_2025],
          ['2026-03-31', 38, '2026-05-13', RESULTS_MAR_2026],
        ] as const).map(([end, value, asOf, source]) => ({
          measure: 'cloud-revenue-yoy',
          label: 'Alibaba Cloud revenue growth, year over year',
          value,
          unit: 'percent' as const,
          period: QUARTER_PERIOD(end),
          periodEnd: end,
          asOf,
          context: [CLOUD],
          without: AI_REVENUE_NOT_CLOUD,
          source,
        })),
        ...([
          ['2025-09-30', 39.8e9, '2025-11-25', RESULTS_SEP_2025],
          ['2026-03-31', 41.6e9, '2026-05-13', RESULTS_MAR_2026],
        ] as const).map(([end, value, asOf, source]) => ({
          measure: 'cloud-revenue',
          label: 'Alibaba Cloud quarterly revenue',
          value,
          unit: 'CNY' as const,
          period: QUARTER_PERIOD(end),
          periodEnd: end,
          asOf,
          context: [CLOUD, t(['revenue*', 'sales'], ['收入', '营收'])],
          without: AI_REVENUE_NOT_CLOUD,
          source,
        })),
        {
          measure: 'external-cloud-revenue-yoy',
          label: 'External cloud revenue growth, year over year',
          value: 40,
          unit: 'percent',
          period: QUARTER_PERIOD('2026-03-31'),
          periodEnd: '2026-03-31',
          asOf: '2026-05-13',
          context: [t(['external'], ['外部'])],
          source: RESULTS_MAR_2026,
        },
      ],
      history: [
        {
          date: '2025-11-25',
          status: 'on-track',
          note: 'Cloud revenue +34% year over year in the September 2025 quarter, up from +26% in the June quarter.',
          source: { title: RESULTS_SEP_2025 },
        },
        {
          date: '2026-01-09',
          status: 'on-track',
          note: '+34% year over year in the September 2025 quarter; fastest-growing major segment.',
          source: { title: SEED },
        },
        {
          date: '2026-05-13',
          status: 'on-track',
          note: 'Cloud revenue +38% (external cloud +40%) in the March 2026 quarter: growth accelerated again.',
          source: { title: RESULTS_MAR_2026 },
        },
      ],
    },
    {
      id: 'capex-commitment',
      kind: 'catalyst',
      title: 'RMB 380B three-year AI infrastructure plan stays on course',
      description: 'Alibaba keeps (or raises) its commitment of RMB 380 billion (about $53 billion) over three years to AI and cloud infrastructure.',
      subject: ALIBABA_SIDE,
      event: t(['capex', 'capital expenditure*', 'capital spending', 'investment*', 'infrastructure spending'], ['资本开支', '资本支出', '投资', '投入']),
      direction: 'up',
      matchers: [
        {
          // Spending in general counts when it goes into infrastructure: an amount spent on
          // deliveries, subsidies or marketing is not capital expenditure.
          all: [
            t(['invest*', 'spending', 'spend', 'spends', 'spent', 'spender', 'build-out', 'buildout', 'commit*'], ['投资', '投入', '开支']),
            t(['AI', 'infrastructure', 'cloud', 'data cent*', 'server*', 'computing capacity', 'computing power', 'three years', 'three-year', '3-year', 'multi-year'], ['基础设施', '人工智能', '三年', '云', '数据中心', 'AI', '服务器', '算力']),
          ],
          // "The investment thesis…" is the author's argument, not Alibaba's spending.
          none: t(['investment thesis', 'investment case', 'investors'], ['投资逻辑', '投资者']),
        },
        {
          // Capital expenditure by name, with an amount or a horizon.
          all: [
            t(['capex', 'capital expenditure*', 'capital spending', 'investment plan*', 'spending plan*', 'investment budget*'], ['资本开支', '资本支出', '投入计划', '投资计划', '投资预算']),
            t(['AI', 'infrastructure', 'cloud', 'data cent*', 'RMB', 'yuan', 'billion', 'three years', 'three-year', '3-year', 'multi-year', 'quarter', 'year'], ['基础设施', '人工智能', '亿', '三年', '云', '数据中心', 'AI', '季度', '年']),
          ],
        },
        { all: [t(['RMB 380*', 'RMB380*', '380 billion', '380bn', '380 bn', '380B', '$53 billion', '$53B', '$53bn'], ['3800亿'])] },
      ],
      cues: {
        supports: t(
          [
            'commit*', 'rais*', 'increas*', 'exceed*', 'expand*', 'boost*', 'on track', 'on course', 'accelerat*', 'stepping up', 'building',
            'massive', 'larger than', 'bigger than', 'more than', 'top', 'tops', 'topping', 'surpass*', 'adding',
          ],
          ['加大', '增加', '超过', '追加', '提高', '加码'],
        ),
        challenges: t(
          ['cut', 'cuts', 'cutting', 'reduc*', 'scale back', 'scaled back', 'delay*', 'divert*', 'diversion', 'weaken*', 'slash*', 'sacrific*', 'stall*', 'trim*'],
          ['削减', '推迟', '缩减', '放缓', '挪用'],
        ),
      },
      figures: [
        {
          measure: 'ai-capex-plan',
          label: 'Three-year AI and cloud infrastructure commitment',
          value: 380e9,
          unit: 'CNY',
          period: 'three-year plan announced February 2025',
          periodEnd: '2025-02-28',
          asOf: '2025-02-28',
          context: [t(['invest*', 'capex', 'capital expenditure*', 'spend*', 'commit*', 'plan*', 'infrastructure', 'three years', 'three-year', 'build*'], ['投资', '投入', '资本开支', '资本支出', '基础设施', '三年', '计划'])],
          source: 'Alibaba announcement, February 2025',
        },
        {
          measure: 'ai-capex-plan-usd',
          label: 'Three-year AI and cloud infrastructure commitment, in US dollars',
          value: 53e9,
          unit: 'USD',
          period: 'three-year plan announced February 2025',
          periodEnd: '2025-02-28',
          asOf: '2025-02-28',
          // A conversion: other exchange rates give $52–54 billion.
          tolerance: 0.04,
          context: [t(['invest*', 'capex', 'capital expenditure*', 'spend*', 'commit*', 'plan*', 'infrastructure', 'three years', 'three-year', 'build*', 'RMB', 'yuan'], ['投资', '投入', '资本开支', '基础设施', '三年', '计划', '人民币'])],
          source: 'Alibaba announcement, February 2025',
        },
        {
          measure: 'ai-capex-trailing-four-quarters',
          label: 'AI and cloud capex over the four quarters to September 2025',
          value: 120e9,
          unit: 'CNY',
          period: 'four quarters ended 2025-09-30',
          periodEnd: '2025-09-30',
          asOf: '2025-11-25',
          tolerance: 0.05,
          context: [t(['four quarters', 'past year', 'last year', 'trailing', 'past 12 months', 'last 12 months'], ['四个季度', '过去一年', '过去12个月'])],
          source: 'Alibaba earnings call, 2025-11-25',
        },
      ],
      history: [
        {
          date: '2025-09-24',
          status: 'on-track',
          note: 'Alibaba says AI spending will exceed the RMB 380B three-year plan (no new number); Qwen3-Max launched; HK shares +9.2%.',
          source: { title: 'Apsara Conference 2025 coverage' },
        },
        {
          date: '2025-11-25',
          status: 'on-track',
          note: 'About RMB 120B of AI and cloud capex over four quarters; the CEO says spending could exceed RMB 380B.',
          source: { title: 'Alibaba September-quarter 2025 earnings call' },
        },
        {
          date: '2026-01-09',
          status: 'on-track',
          note: 'RMB 380 billion (about $53 billion) committed over three years.',
          source: { title: SEED },
        },
      ],
    },
    {
      id: 'infrastructure-recognition',
      kind: 'catalyst',
      title: 'Independent validation of the cloud infrastructure',
      description: 'Analyst firms and independent benchmarks rank Alibaba Cloud’s compute, network and storage among the leaders.',
      subject: join(ALIBABA_SIDE, t(['Gartner', 'Forrester', 'IDC', 'analyst firm*'], ['高德纳', '分析机构'])),
      event: t(['leader', 'ranking*', 'score*', 'Magic Quadrant'], ['领导者', '排名', '评分', '魔力象限']),
      direction: 'up',
      matchers: [
        {
          all: [
            join(CLOUD, t(['Alibaba'], ['阿里巴巴'])),
            t(
              ['leader', 'leaders', 'named', 'ranked', 'ranking*', 'recogni*', 'Gartner', 'Forrester', 'Magic Quadrant', 'score*', 'criteria', 'analyst firm', 'validat*', 'endorse*'],
              ['领导者', '排名', '认可', '魔力象限', '评分', '得分', '第三方'],
            ),
          ],
        },
        { all: [t(['analyst firm', 'third-party validation', 'independent validation', 'Gartner', 'Forrester', 'Magic Quadrant'], ['魔力象限', '第三方认可', '分析机构'])] },
      ],
      cues: {
        supports: t(['leader', 'leaders', 'named', 'highest', 'top', 'recogni*', 'validat*', 'endorse*', 'powerful'], ['领导者', '第一', '最高', '认可', '领先']),
        challenges: t(['downgrad*', 'lagg*', 'behind', 'lost', 'dropped', 'weaker'], ['落后', '下调', '降级']),
      },
      figures: [
        {
          measure: 'analyst-top-scores',
          label: 'Criteria with the highest possible score (of 13)',
          value: 7,
          unit: 'count',
          period: 'analyst report, January 2026',
          periodEnd: '2026-01-09',
          asOf: '2026-01-09',
          context: [t(['criteria', 'categories', 'score*'], ['项', '标准', '指标', '评分'])],
          source: SEED,
        },
      ],
      history: [
        {
          date: '2026-01-09',
          status: 'confirmed',
          note: 'Named a leader by a leading analyst firm; top score in 7 of 13 criteria (configuration, data management, fault tolerance…).',
          source: { title: SEED },
        },
      ],
    },
    {
      id: 'valuation-rerating',
      kind: 'catalyst',
      title: 'The market re-rates the stock as an AI-growth leader',
      description: 'The multiple expands from a mature-platform valuation (forward P/E in the mid-20s) towards one that prices AI growth.',
      subject: join(ALIBABA_SIDE, t(['BABA', '9988', 'Hang Seng Tech'], ['恒生科技'])),
      event: t(['shares', 'stock', 'valuation', 'P/E', 'price target', 'rating'], ['股价', '估值', '市盈率', '目标价', '评级']),
      direction: 'up',
      matchers: [
        {
          all: [
            t(
              [
                'valuation*', 'valued at', 'values the', 'values Alibaba', 'P/E', 'PE ratio', 'price-to-earnings', 'price/earnings', 'earnings multiple', 'the multiple',
                'multiple compress*', 'multiple expansion', 're-rat*', 'rerat*', 'mispric*', 'undervalu*', 'overvalu*', 'margin of safety', 'EPS',
                'earnings per share', 'forward earnings', 'times earnings', 'times forward', 'price target*', 'target price*', 'Buy rating', 'Sell rating',
                'Hold rating', 'Overweight', 'Underweight', 'Outperform', 'Underperform', 'upgrad*', 'downgrad*', 'initiat* coverage', 'rate BABA',
              ],
              ['估值', '市盈率', '重估', '低估', '高估', '每股收益', '目标价', '评级', '买入评级', '上调', '下调'],
            ),
          ],
        },
        {
          all: [
            t(['stock', 'stocks', 'shares', 'share price', 'ADR*', 'market cap*', 'market value', 'BABA', '9988'], ['股价', '股票', '港股', '美股', '市值']),
            t(
              [
                'rall*', 'surg*', 'jump*', 'soar*', 'fell', 'fall', 'falls', 'fallen', 'drop*', 'declin*', 'slump*', 'plung*', 'tumbl*', 'rose', 'rise', 'rises',
                'risen', 'gain*', 'dragging', 'punish*', 'sell-off', 'selloff', 'pricing', 'slid', 'slide*', 'climb*', 'retreat*', 'pulled back', 'pull back',
                'pullback', 'sank', 'sink*', 'lost', 'lose', 'erased', 'dipped', 'edged', 'advanced', 'trade at', 'trades at', 'traded at', 'trading at',
                'priced', 'cheap*', 'expensive', 'up', 'down', 'higher', 'lower', 'peak', 'lows', 'high',
                'doubled', 'tripled', 'halved', 'rebound*', 'recover*', 'skid*', 'dived', 'dove', 'shed', 'outperform*', 'underperform*',
                'best-performing', 'worst-performing', 'best performer*', 'worst performer*', 'leap*', 'slip*', 'spik*', 'tank*', 'plummet*',
              ],
              ['上涨', '下跌', '大涨', '暴跌', '重挫', '走高', '走低', '收跌', '收涨', '涨', '跌', '翻倍', '反弹', '回落', '跑赢', '跑输'],
            ),
          ],
          // "Nvidia shares rose 2%": another company's stock. "I sold a third of my shares": a
          // holder's own trade says nothing of the price.
          none: join(OTHER_STOCKS, HOLDERS_OWN_TRADES),
        },
      ],
      cues: {
        supports: t(
          ['re-rat*', 'rerat*', 'rall*', 'surg*', 'jump*', 'soar*', 'rose', 'gain*', 'upgrad*', 'expan*', 'margin of safety', 'reward'],
          ['上涨', '重估', '上调', '大涨', '走高'],
        ),
        challenges: t(
          ['fell', 'drop*', 'declin*', 'slump*', 'plung*', 'tumbl*', 'compress*', 'punish*', 'downgrad*', 'sell-off', 'selloff', 'dragging'],
          ['下跌', '暴跌', '下调', '重挫', '走低'],
        ),
      },
      figures: [
        {
          measure: 'forward-pe',
          label: 'Forward P/E',
          value: 25,
          unit: 'multiple',
          period: 'January 2026',
          periodEnd: '2026-01-09',
          asOf: '2026-01-09',
          // "Mid-20s": 24–26.
          tolerance: 0.06,
          pointInTime: true,
          context: [t(['forward', 'expected earnings', 'next year’s earnings', "next year's earnings", 'next twelve months', 'next 12 months', 'coming twelve months', 'coming 12 months', 'NTM'], ['预期', '远期'])],
          source: SEED,
        },
        {
          measure: 'eps-cagr-3y',
          label: 'Consensus three-year EPS growth (CAGR)',
          value: 9,
          unit: 'percent',
          period: 'consensus, January 2026',
          periodEnd: '2026-01-09',
          asOf: '2026-01-09',
          tolerance: 0.12,
          context: [t(['EPS', 'earnings per share', 'earnings growth'], ['每股收益', '盈利增长'])],
          source: SEED,
        },
        {
          measure: 'valuation-drawdown',
          label: 'Recent decline in valuation',
          value: 20,
          unit: 'percent',
          period: 'January 2026',
          periodEnd: '2026-01-09',
          asOf: '2026-01-09',
          pointInTime: true,
          context: [t(['decline', 'declined', 'drop*', 'fell', 'fall*', 'slid', 'drawdown', 'down', 'retreat*', 'pulled back', 'off its high', 'below its high'], ['下跌', '回撤', '下滑', '回落', '下挫', '跌去']), t(['valuation', 'stock', 'shares', 'market value'], ['估值', '股价', '市值'])],
          source: SEED,
        },
        {
          measure: 'stock-rally',
          label: 'Earlier stock rally',
          value: 92,
          unit: 'percent',
          period: 'January 2026',
          periodEnd: '2026-01-09',
          asOf: '2026-01-09',
          context: [t(['rally', 'rallied', 'surge*', 'soar*'], ['上涨', '涨幅', '大涨'])],
          source: SEED,
        },
      ],
      history: [
        {
          date: '2025-09-24',
          status: 'on-track',
          note: 'Hong Kong shares jump 9.2% after Alibaba says AI spending will exceed its RMB 380B plan.',
          source: { title: 'Apsara Conference 2025 coverage' },
        },
        {
          date: '2026-01-09',
          status: 'pending',
          note: 'Forward P/E in the mid-20s; consensus 3-year EPS growth about 9% a year; a recent 20% valuation drop; a 92% rally earlier.',
          source: { title: SEED },
        },
        {
          date: '2026-03-19',
          status: 'at-risk',
          note: 'December-quarter results miss estimates (revenue +2%, operating profit −74%); shares fall 7% on the day.',
          source: { title: RESULTS_DEC_2025 },
        },
      ],
    },
    {
      id: 'export-control-tightening',
      kind: 'risk',
      title: 'Export controls or Chinese rules restrict H200 access',
      description:
        'US export controls (licences, caps, screening) or Chinese rules (customs blocks, domestic-chip requirements) narrow or close Alibaba’s access to H200s and older Nvidia chips.',
      subject: join(WASHINGTON_SIDE, BEIJING_SIDE, NVIDIA_SELLER),
      event: t(['export control*', 'export licen*', 'restriction*', 'ban', 'curb*', 'rule*', 'Entity List'], ['出口管制', '出口许可', '限制', '禁令', '规定']),
      direction: 'up',
      matchers: [
        {
          all: [
            t(
              [
                'export control*', 'export rule*', 'export restriction*', 'export licen*', 'export ban*', 'controls', 'restrict*', 'regulat*', 'rules', 'ban',
                'bans', 'banned', 'licen*', 'curb*', 'cap', 'capped', 'BIS', 'Bureau of Industry and Security', 'Commerce Department', 'Entity List',
                'domestic chip*', 'domestically made', 'domestic AI chip*', 'domestic alternative*', 'domestic accelerator*', 'domestic processor*', 'customs',
                'not permitted', 'prohibit*', 'block*', 'tariff*', 'revenue share', 'share of the revenue', 'require*', 'requirement*',
                'not to buy', 'stop buying', 'stop ordering', 'stop placing', 'steer*', 'case-by-case', 'case by case', 'presumption of denial', 'screening',
                'national security', 'amendment', 'legislation', 'bill', 'sanction*', 'bar', 'barred', 'barring', 'forbid*', 'forbade',
              ],
              [
                '出口管制', '管制', '限制', '禁令', '许可证', '国产芯片', '实体清单', '禁止', '海关', '不允许', '国产替代', '放行', '国产AI芯片', '国产算力', '新规',
                '要求', '不要采购', '停止', '审查', '不得超过', '搭配', '关税', '法案', '修正案', '国家安全',
              ],
            ),
            join(NVIDIA_CHIPS, t(['Nvidia'])),
          ],
          // A seller's payment terms are the buyer's procurement terms, not a rule on access.
          none: SELLER_PAYMENT_TERMS,
        },
        { all: [t(['tighten*', 'restrictions', 'export controls'], ['收紧', '管制']), t(['regulat*', 'restriction*', 'controls', 'rules', 'export*'], ['监管', '管制', '出口', '规定'])] },
        {
          // Washington letting Nvidia sell is the export side's easing; Beijing letting its
          // companies buy is the import item's approval, not an export rule.
          all: [WASHINGTON_SIDE, t(['permit*', 'allow*', 'let', 'lets', 'letting'], ['允许', '放行']), join(NVIDIA_CHIPS, t(['Nvidia'], ['英伟达']))],
          none: SELLER_PAYMENT_TERMS,
        },
        {
          // Beijing steering its buyers off American hardware towards its own chipmakers:
          // "officials want companies to wean themselves off Nvidia", "引导企业减少对英伟达芯片的依赖".
          all: [
            BEIJING_SIDE,
            t(['domestic chip*', 'domestic supplier*', 'own chip*', 'homegrown', 'home-grown', 'local chip*', 'chip industry', 'chipmakers', 'American hardware', 'American chips', 'US chips', 'foreign chips', 'foreign AI chips', 'Nvidia'], ['国产芯片', '本土芯片', '芯片产业', '自主可控', '美国芯片', '外国芯片', '英伟达']),
            t(['steer*', 'discourag*', 'dissuad*', 'should not', 'wean', 'reliance', 'rely less', 'self-sufficien*', 'build up', 'promote', 'favour*', 'favor*', 'prioriti*'], ['减少依赖', '减少对', '自给', '扶持', '引导', '不要', '避免', '优先']),
          ],
          none: SELLER_PAYMENT_TERMS,
        },
        {
          // A requirement to buy or use domestic chips is a Chinese chip rule, whoever it names.
          all: [
            DOMESTIC_CHIP_RULE,
            t(['require*', 'requirement*', 'must', 'have to', 'has to', 'mandat*', 'ratio', 'quota*', 'rule', 'rules', 'draft', 'comply', 'compliance', 'at least'], ['要求', '必须', '比例', '规定', '草案', '不得', '至少', '配额']),
          ],
        },
      ],
      cues: {
        // A risk item: "challenges" = the risk rising (tighter rules), "supports" = it receding.
        supports: t(
          ['approv*', 'permit*', 'allow*', 'eas*', 'loosen*', 'lift*', 'relax*', 'green light', 'go-ahead', 'exempt*', 'alternative*'],
          ['批准', '允许', '放宽', '解禁', '放行', '豁免', '替代'],
        ),
        challenges: t(
          ['tighten*', 'restrict*', 'ban', 'bans', 'banned', 'block*', 'curb*', 'cap', 'capped', 'limit*', 'prohibit*', 'requir*', 'domestically made', 'domestic chip*', 'exclud*', 'narrow', 'case by case', 'case-by-case', 'screening', 'threat', 'uncertainty', 'stall*', 'unless necessary'],
          ['收紧', '限制', '禁止', '封锁', '要求', '不得', '管制'],
        ),
        // More domestic chips (a higher share, a ratio, output "enough to meet their needs") is
        // less room for Nvidia's: a burden of this item whatever verb moves it.
        burdens: join(DOMESTIC_CHIP_RULE, t(['own chip industry', 'own chipmakers', 'domestic chipmakers', 'domestic production'], ['自主芯片', '芯片产业'])),
      },
      figures: [
        {
          measure: 'h200-us-revenue-share',
          label: 'Share of H200 China revenue paid to the US',
          value: 25,
          unit: 'percent',
          period: 'December 2025',
          periodEnd: '2025-12-08',
          asOf: '2025-12-08',
          context: [t(['revenue', 'cut', 'share', 'sales'], ['收入', '分成', '营收']), t(['U.S.', 'the US', 'to the US', 'United States', 'US government', 'US Treasury', 'government', 'Washington', 'Trump'], ['美国', '美国政府', '特朗普'])],
          // Not a bare "US": terms are case-insensitive and "us" is a pronoun.
          subject: t(['Nvidia', 'U.S.', 'the US', 'United States', 'US government', 'Washington', 'Trump'], ['英伟达', '美国', '特朗普']),
          source: 'White House statement, 2025-12-08',
        },
        {
          measure: 'h200-china-volume-cap',
          label: 'Cap on H200 shipments to China, as a share of US volume',
          value: 50,
          unit: 'percent',
          period: 'BIS rule of January 2026',
          periodEnd: '2026-01-15',
          asOf: '2026-01-15',
          context: [t(['cap*', 'limit*', 'no more than', 'up to'], ['上限', '不超过']), t(['volume', 'shipments', 'US customers', 'U.S. customers', 'domestic'], ['美国', '出货'])],
          subject: t(['BIS', 'Commerce', 'Nvidia', 'U.S.', 'the US', 'US customers'], ['美国', '英伟达', '商务部']),
          source: 'Federal Register 2026-00789',
        },
      ],
      history: [
        {
          date: '2025-11-05',
          status: 'at-risk',
          note: 'New state-funded data centres in China must use domestic AI chips.',
          source: { title: REUTERS },
        },
        {
          date: '2025-12-08',
          status: 'on-track',
          note: 'The US lets Nvidia sell H200s to approved customers in China, 25% of revenue to the US; Blackwell stays excluded: the risk recedes for now.',
          source: { title: 'White House statement on Nvidia H200 sales to China (wide coverage)' },
        },
        {
          date: '2026-01-09',
          status: 'at-risk',
          note: 'The opening is narrow; regulators weigh requiring domestic chips alongside Nvidia; future controls could limit H200 or older chips.',
          source: { title: SEED },
        },
        {
          date: '2026-01-14',
          status: 'at-risk',
          note: 'Chinese customs reportedly told agents H200 imports are not permitted; firms told not to buy unless necessary.',
          source: { title: REUTERS },
        },
        {
          date: '2026-01-15',
          status: 'at-risk',
          note: 'US BIS final rule: H200 licences to China reviewed case by case; China shipments capped at 50% of US volume; third-party testing and customer screening required.',
          source: { title: 'Federal Register 2026-00789 (BIS final rule)', url: 'https://www.federalregister.gov/d/2026-00789' },
        },
        {
          date: '2026-01-28',
          status: 'at-risk',
          note: 'Beijing approves H200 purchases, but on restrictive conditions (domestic-chip buying expected; no sensitive agencies or critical infrastructure).',
          source: { title: REUTERS },
        },
        {
          date: '2026-01-29',
          status: 'at-risk',
          note: 'T-Head lists the Zhenwu 810E AI chip (H20-class, 96 GB HBM2e), reportedly used for Qwen: a domestic alternative that softens, but does not remove, the risk.',
          source: { title: 'T-Head product listing (company site coverage)' },
        },
      ],
    },
    {
      id: 'quick-commerce-cash-burn',
      kind: 'risk',
      title: 'Quick commerce diverts capital from the AI cloud build-out',
      description: 'Losses in quick commerce (Taobao Instant Commerce, Ele.me) consume cash that the AI cloud build-out needs.',
      subject: ALIBABA_SIDE,
      event: t(['quick commerce', 'instant commerce', 'losses', 'subsid*', 'spending'], ['即时零售', '闪购', '亏损', '补贴', '投入']),
      direction: 'down',
      matchers: [
        {
          all: [
            t(
              [
                'quick commerce', 'quick-commerce', 'instant commerce', 'instant retail', 'food delivery', 'Taobao Instant Commerce', 'Ele.me', 'on-demand delivery',
                'delivery business', 'delivery war*', 'delivery push', 'delivery battle*', 'delivery spending', 'delivery platform*', 'delivery app*',
                'user incentive*', 'per-order', 'per order', 'unit economics',
              ],
              ['即时零售', '闪购', '外卖', '饿了么', '淘宝闪购', '即时配送', '单均', '单位经济', '配送业务'],
            ),
          ],
        },
        {
          all: [
            t(
              ['cash-burning', 'cash burn', 'burning cash', 'burn cash', 'burns cash', 'burn rate', 'subsidy war', 'subsidies', 'subsidis*', 'subsidiz*', 'instant deliver*'],
              ['烧钱', '补贴大战', '补贴'],
            ),
          ],
        },
      ],
      cues: {
        // A risk item: "challenges" = losses and spending rising.
        supports: t(
          [
            'narrowed losses', 'narrowing losses', 'narrower loss*', 'losses narrowed', 'loss narrowed', 'losses narrowing', 'narrowed', 'profitab*', 'breakeven',
            'break even', 'break-even', 'cut subsidies', 'cutting subsidies', 'reduced subsidies', 'reducing subsidies',
          ],
          ['减亏', '盈利', '扭亏', '收窄'],
        ),
        challenges: t(
          ['burn*', 'cash-burning', 'consum*', 'loss*', 'subsid*', 'divert*', 'diversion', 'spend*', 'accept losses', 'tension', 'drain*'],
          ['烧钱', '亏损', '补贴', '投入', '挪用'],
        ),
      },
      figures: [
        {
          measure: 'quick-commerce-revenue-yoy',
          label: 'Quick-commerce revenue growth, year over year',
          value: 60,
          unit: 'percent',
          period: QUARTER_PERIOD('2025-09-30'),
          periodEnd: '2025-09-30',
          asOf: '2025-11-25',
          context: [t(['quick commerce', 'quick-commerce', 'instant commerce', 'instant retail'], ['即时零售', '闪购'])],
          source: 'Caixin',
        },
        {
          measure: 'adjusted-ebita-decline',
          label: 'Adjusted EBITA decline, year over year',
          value: 84,
          unit: 'percent',
          period: QUARTER_PERIOD('2026-03-31'),
          periodEnd: '2026-03-31',
          asOf: '2026-05-13',
          context: [t(['EBITA'], ['经调整EBITA', 'EBITA'])],
          without: t(['e-commerce', 'commerce', 'Taobao', 'Tmall'], ['电商', '淘天']),
          source: RESULTS_MAR_2026,
        },
      ],
      history: [
        {
          date: '2025-11-25',
          status: 'at-risk',
          note: 'Quick-commerce revenue +60% while China e-commerce adjusted EBITA fell 76% on the spending.',
          source: { title: 'Caixin' },
        },
        {
          date: '2026-01-09',
          status: 'at-risk',
          note: 'Quick commerce grows fast but consumes significant cash.',
          source: { title: SEED },
        },
        {
          date: '2026-02-12',
          status: 'at-risk',
          note: 'UNVERIFIED press report: management told the instant-commerce team to accept losses for three years, with 2026 spending above 2025.',
          source: { title: 'Press report (unverified)' },
        },
        {
          date: '2026-05-13',
          status: 'at-risk',
          note: 'Adjusted EBITA −84% in the March 2026 quarter as quick-commerce spending continues.',
          source: { title: RESULTS_MAR_2026 },
        },
      ],
    },
    {
      id: 'core-commerce-slowdown',
      kind: 'risk',
      title: 'Core e-commerce slowdown weighs on the whole stock',
      description: 'Slowing Taobao and Tmall (customer management revenue, China e-commerce profit) drags the group’s results and multiple down.',
      subject: ALIBABA_SIDE,
      event: t(['customer management revenue', 'CMR', 'e-commerce revenue', 'GMV', 'revenue growth'], ['客户管理收入', '电商收入', '营收增长']),
      direction: 'up',
      matchers: [
        {
          all: [
            t(['core commerce', 'e-commerce', 'ecommerce', 'commerce business', 'Taobao', 'Tmall', 'customer management revenue', 'CMR', 'China commerce', 'online retail', 'retail business'], ['电商', '淘宝', '天猫', '客户管理收入', '核心电商', '淘天']),
          ],
          // Taobao's quick-commerce arm carries Taobao's name: it is the quick-commerce item's.
          none: t(['Taobao Instant Commerce', 'Taobao Shangou'], ['淘宝闪购']),
        },
        {
          all: [
            t(['headline revenue', 'total revenue', 'group revenue', 'overall revenue', 'like-for-like', 'divestiture*', 'results miss*', 'missed estimates'], ['总收入', '总营收', '营收增长', '同口径', '集团收入', '集团营收', '集团整体收入', '整体收入', '整体营收']),
          ],
          // The cloud unit's own name ends in "Group": its revenue is not the group's.
          none: t(['Intelligence Group revenue', 'Intelligence Group’s revenue', "Intelligence Group's revenue"], ['智能集团收入', '智能集团营收']),
        },
        {
          // Like-for-like growth put in words: "excluding the businesses it sold, revenue grew 12%",
          // "stripping out disposals, sales rose", "剔除已出售业务，收入增长".
          all: [
            t(['excluding', 'excludes', 'stripping out', 'strip out', 'stripped out', 'leaving out', 'adjusting for', 'adjusted for', 'setting aside'], ['剔除', '扣除', '不计入', '不包括']),
            t(['businesses', 'business', 'disposals', 'disposed', 'divest*', 'sold', 'sale of', 'units'], ['业务', '出售', '剥离']),
            t(['revenue', 'sales', 'growth', 'grew', 'grown', 'rose', 'risen', 'increased'], ['收入', '营收', '增长', '增速']),
          ],
          // The cloud's revenue from outside customers ("excluding services bought by other
          // businesses of the group") is the cloud's measure, not the group's like-for-like growth.
          none: join(CLOUD, t(['external'], ['外部'])),
        },
      ],
      cues: {
        // A risk item: "challenges" = the slowdown deepening.
        supports: t(['recover*', 'rebound*', 'reaccelerat*', 're-accelerat*', 'beat*', 'stabiliz*', 'stabilis*', 'improv*'], ['回暖', '复苏', '企稳', '改善', '超预期']),
        challenges: join(
          DOWN_VERBS,
          t(
            ['slowdown', 'punish*', 'drag*', 'overhang', 'headwind*', 'distorted', 'miss', 'missed', 'losing share', 'lose share', 'lost share', 'losing ground', 'stuck', 'single digits', 'single-digit'],
            ['拖累', '承压', '份额下降', '失去份额'],
          ),
        ),
      },
      figures: [
        ...([
          ['2025-09-30', 5, '2025-11-25', RESULTS_SEP_2025],
          ['2025-12-31', 2, '2026-03-19', RESULTS_DEC_2025],
          ['2026-03-31', 3, '2026-05-13', RESULTS_MAR_2026],
        ] as const).map(([end, value, asOf, source]) => ({
          measure: 'group-revenue-yoy',
          label: 'Group revenue growth (headline), year over year',
          value,
          unit: 'percent' as const,
          period: QUARTER_PERIOD(end),
          periodEnd: end,
          asOf,
          context: [t(['revenue', 'sales'], ['收入', '营收'])],
          without: t(
            ['cloud', 'AI', 'underlying', 'like-for-like', 'like for like', 'adjusted', 'quick', 'external', 'customer management', 'EBITA', 'profit'],
            ['云', '同口径', '剔除', '即时零售', '利润'],
          ),
          source,
        })),
        {
          measure: 'group-revenue-underlying-yoy',
          label: 'Group revenue growth excluding divestitures (like-for-like)',
          value: 15,
          unit: 'percent',
          period: QUARTER_PERIOD('2025-09-30'),
          periodEnd: '2025-09-30',
          asOf: '2025-11-25',
          tolerance: 0.1,
          context: [t(['underlying', 'like-for-like', 'like for like', 'excluding', 'adjusted'], ['同口径', '剔除'])],
          source: RESULTS_SEP_2025,
        },
        ...([
          ['2025-09-30', 247.8e9, '2025-11-25', RESULTS_SEP_2025],
          ['2025-12-31', 284.8e9, '2026-03-19', RESULTS_DEC_2025],
        ] as const).map(([end, value, asOf, source]) => ({
          measure: 'group-revenue',
          label: 'Group quarterly revenue',
          value,
          unit: 'CNY' as const,
          period: QUARTER_PERIOD(end),
          periodEnd: end,
          asOf,
          context: [t(['revenue', 'sales'], ['收入', '营收'])],
          without: t(['cloud', 'AI', 'quick', 'external', 'customer management'], ['云', '即时零售']),
          source,
        })),
        {
          measure: 'china-ecommerce-ebita-decline',
          label: 'China e-commerce adjusted EBITA decline, year over year',
          value: 76,
          unit: 'percent',
          period: QUARTER_PERIOD('2025-09-30'),
          periodEnd: '2025-09-30',
          asOf: '2025-11-25',
          context: [t(['EBITA', 'profit'], ['EBITA', '利润']), t(['e-commerce', 'commerce', 'Taobao', 'Tmall'], ['电商', '淘天'])],
          source: 'Caixin',
        },
        {
          measure: 'operating-profit-decline',
          label: 'Operating profit decline, year over year',
          value: 74,
          unit: 'percent',
          period: QUARTER_PERIOD('2025-12-31'),
          periodEnd: '2025-12-31',
          asOf: '2026-03-19',
          context: [t(['operating profit', 'operating income', 'income from operations'], ['经营利润', '营业利润'])],
          source: RESULTS_DEC_2025,
        },
      ],
      history: [
        {
          date: '2025-11-25',
          status: 'at-risk',
          note: 'September-quarter revenue +5% (+15% like-for-like, excluding divestitures); China e-commerce adjusted EBITA −76%.',
          source: { title: RESULTS_SEP_2025 },
        },
        {
          date: '2026-01-09',
          status: 'at-risk',
          note: 'Headline revenue growth 5% (divestitures), about 15% underlying; the market punishes the commerce business.',
          source: { title: SEED },
        },
        {
          date: '2026-03-19',
          status: 'at-risk',
          note: 'December-quarter results miss estimates: revenue +2%, operating profit −74%; shares −7% on the day.',
          source: { title: RESULTS_DEC_2025 },
        },
        {
          date: '2026-05-13',
          status: 'at-risk',
          note: 'March-quarter revenue +3%; adjusted EBITA −84%.',
          source: { title: RESULTS_MAR_2026 },
        },
      ],
    },
  ],
};

/** The bundled default thesis, validated like any imported pack. */
export const defaultPack: ThesisPack = parsePack(input);
