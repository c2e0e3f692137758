import { termMatcher, type TermHit, type TermMatcher } from './terms';

/**
 * The generic event vocabulary: which way an event in a sentence goes, in the common verbs
 * and nouns of business and policy news, English and Chinese. It belongs to no pack: a
 * thesis item says which direction is good for it (`up` or `down`), and the stance of a
 * claim is the event's direction (through negation) times the item's.
 *
 * Four kinds of word:
 * - `quantity`: a measure moves (rise / fall, widen / narrow, raise / cut). Applied to a
 *   restriction ("tariffs rose", "eased the curbs") its sense turns over: more restriction
 *   is less access.
 * - `access`: something is allowed or goes ahead, or is stopped (approve / block, order /
 *   cancel, loosen / tighten, bring forward / delay). Never turned over.
 * - `verdict`: better or worse than expected or than rivals (beat / miss, lead / lag). Its
 *   direction is already the thesis's: an item's direction does not apply.
 * - restriction nouns (restrictions, controls, tariffs, 管制): turn over a quantity word in
 *   the same clause; alone in a sentence ("new export controls") they read as `down`.
 *
 * Terms use the pack term language (lib/text/terms.ts): `*` is a prefix, CJK a substring.
 */

export type EventKind = 'quantity' | 'access' | 'verdict';

const UP_QUANTITY = {
  en: [
    'rise', 'rises', 'rose', 'risen', 'rising', 'grow', 'grows', 'grew', 'grown', 'growing', 'increase', 'increased', 'increases', 'increasing',
    'jump', 'jumps', 'jumped', 'jumping', 'surge', 'surged', 'surges', 'surging', 'soar*', 'climb*', 'gain', 'gained', 'gains', 'gaining',
    'rally', 'rallied', 'rallies', 'rallying', 'advanc*', 'accelerate', 'accelerated', 'accelerates', 'acceleration', 'expand*', 'expansion', 'widen*', 'boost*', 'raise', 'raised', 'raises',
    'raising', 'hike', 'hiked', 'hikes', 'doubl*', 'tripl*', 'quadrupl*', 'rebound*', 'recover*', 'add', 'adds', 'added', 'adding', 'spike*',
    'swell*', 'swollen', 'balloon*', 'pick up', 'picked up', 'picks up', 'step up', 'stepped up', 'steps up', 'stepping up', 'ramp up',
    'ramped up', 'ramping up', 'scale up', 'scaled up', 'speed up', 'sped up', 'top', 'tops', 'topped', 'exceed*', 'surpass*', 'outgrew',
    'record high', 'all-time high', 'higher', 'up from', 'more than doubled', 'upswing', 'uptick', 'upturn', 'strengthen*',
    'bigger', 'larger', 'greater', 'enlarg*', 'extend*', 'augment*', 'replenish*', 'multipl*', 'spurt*', 'skyrocket*', 'leap', 'leapt',
    'leaped', 'leaps', 'vault*', 'bounce*', 'accelerating', 'compounding', 'upsiz*', 'increment*', 'inflat*', 'closed higher', 'closed up',
    'ended higher', 'ended up', 'finished higher', 'edged up', 'edged higher', 'moved higher', 'traded higher', 'opened higher',
    'pricier', 'more expensive', 'dearer',
  ],
  zh: [
    '增长', '增加', '上升', '上涨', '大涨', '走高', '攀升', '提升', '提高', '扩大', '加速', '提速', '加快', '反弹', '回升', '翻番', '翻倍', '创新高',
    '超过', '突破', '增至', '升至', '涨至', '加码', '追加', '加大', '扩张', '扩容', '增速加快', '增多', '飙升', '激增', '猛增', '大增', '走强', '抬升', '上调',
    '上扬', '提振', '拉升', '增量', '涨', '收涨', '增', '升', '更贵',
  ],
};

const DOWN_QUANTITY = {
  en: [
    'fall', 'falls', 'fell', 'fallen', 'falling', 'declin*', 'drop', 'drops', 'dropped', 'dropping', 'decreas*', 'slid', 'slide', 'slides',
    'sliding', 'slump*', 'plung*', 'tumbl*', 'sink', 'sinks', 'sank', 'sunk', 'sinking', 'shrink*', 'shrank', 'shrunk', 'contracted',
    'contracting', 'contraction', 'slow', 'slows', 'slowed', 'slowing', 'slowdown', 'slower', 'decelerat*', 'cool', 'cooled', 'cooling',
    'ease', 'eased', 'eases', 'easing', 'narrow', 'narrowed', 'narrows', 'narrowing', 'narrower', 'cut', 'cuts', 'cutting', 'reduc*',
    'lower', 'lowered', 'lowers', 'lowering', 'trim', 'trims', 'trimmed', 'trimming', 'slash*', 'halv*', 'dip', 'dips', 'dipped', 'dipping',
    'erode*', 'eroding', 'erosion', 'retreat*', 'pull back', 'pulled back', 'pullback', 'pulls back', 'scale back', 'scaled back',
    'scaling back', 'wind down', 'wound down', 'downturn', 'downswing', 'lose', 'loses', 'losing', 'shed', 'sheds', 'shedding', 'sell-off',
    'selloff', 'sold off', 'crash*', 'collaps*', 'tank', 'tanked', 'tanking', 'smaller', 'fewer', 'less than', 'down from', 'diminish*',
    'dwindl*', 'moderat*', 'soften*', 'shortfall', 'evaporat*', 'wipe out', 'wiped out', 'downsiz*', 'curtail*', 'pare', 'pared', 'paring',
    'taper*', 'weaken*', 'stagnat*', 'flatten*', 'flat', 'flatlin*', 'stall', 'stalled', 'stalling', 'stalls', 'slowly', 'more slowly', 'trickle*',
    'only a fraction', 'a fraction of', 'small fraction', 'closed lower', 'closed down', 'ended lower', 'ended down', 'finished lower',
    'edged down', 'edged lower', 'moved lower', 'traded lower', 'opened lower', 'erase', 'erased', 'erasing', 'wiping out', 'give up', 'gave up', 'given up',
    'cheaper', 'less expensive', 'give back', 'gives back', 'gave back', 'given back', 'giving back', 'handed back', 'hand back',
  ],
  zh: [
    '下降', '下滑', '下跌', '减少', '降低', '放缓', '减速', '收窄', '缩小', '萎缩', '回落', '暴跌', '重挫', '走低', '削减', '缩减', '减半', '降至',
    '跌至', '收缩', '承压', '大跌', '下挫', '跳水', '缩水', '走弱', '下调', '回调', '减弱', '趋缓', '停滞', '腰斩', '跌', '收跌', '降', '少于', '不足', '更便宜', '回吐', '抹去',
  ],
};

const UP_ACCESS = {
  en: [
    'approv*', 'allow', 'allows', 'allowed', 'allowing', 'permit', 'permits', 'permitted', 'permitting', 'permission', 'authoriz*', 'authoris*',
    'clear', 'clears', 'cleared', 'clearing', 'clearance', 'green light', 'green-lit', 'greenlight*', 'go-ahead', 'sign off', 'signed off',
    'licensed', 'grant', 'granted', 'grants', 'granting', 'let', 'lets', 'letting', 'lift', 'lifts', 'lifted', 'lifting', 'loosen*', 'relax*',
    'resum*', 'restart*', 'reopen*', 'unblock*', 'waive*', 'waiver', 'exempt*', 'exemption', 'order', 'orders', 'ordered', 'ordering',
    'buy', 'buys', 'buying', 'bought', 'purchas*', 'acquir*', 'procur*', 'secure', 'secured', 'secures', 'securing', 'obtain*', 'deliver*', 'ship', 'ships', 'shipped',
    'shipping', 'shipment', 'shipments', 'receiv*', 'arriv*', 'launch*', 'roll out', 'rolled out', 'rolls out', 'rollout', 'deploy*',
    'install*', 'go live', 'went live', 'goes live', 'brought online', 'came online', 'online', 'in service', 'operational', 'complet*',
    'sign', 'signs', 'signed', 'agree', 'agreed', 'agrees', 'agreement', 'deal', 'commit*', 'reaffirm*', 'reiterat*', 'on track',
    'on course', 'on schedule', 'ahead of schedule', 'bring forward', 'brought forward', 'brings forward', 'proceed*', 'press ahead',
    'pressed ahead', 'push ahead', 'pushed ahead', 'go ahead', 'went ahead', 'accept*', 'welcom*', 'endors*', 'back', 'backed', 'backs',
    'support', 'supported', 'supports', 'invest', 'invests', 'invested', 'investing', 'fund', 'funded', 'funds', 'build', 'builds',
    'building', 'built', 'open', 'opens', 'opened', 'opening', 'win', 'wins', 'won', 'winning', 'award*', 'named a leader', 'upgrad*',
    'buy rating', 'outperform rating', 'overweight', 'reinstat*', 'restor*', 'renew*', 'unveil*', 'introduc*', 'debut*', 'start', 'started',
    'starts', 'starting', 'begin', 'began', 'begun', 'begins', 'continu*', 'sustain*', 'keep', 'keeps', 'kept', 'maintain*', 'pledg*',
    'promis*', 'earmark*', 'allocat*', 'set aside', 'serve', 'serves', 'served', 'serving', 'plough', 'plow', 'pour', 'poured', 'pours', 'sell', 'sells', 'selling', 'sold', 'export',
    'exports', 'exported', 'exporting', 'looser', 'laxer', 'passed', 'passes', 'adopt', 'adopted', 'adopts', 'adopting', 'enact*',
  ],
  zh: [
    '批准', '获批', '允许', '放行', '许可', '放开', '解禁', '通关', '放宽', '松绑', '恢复', '重启', '采购', '购买', '订购', '下单', '交付', '到货', '运抵',
    '发货', '部署', '上线', '投入使用', '投产', '签署', '达成', '承诺', '重申', '坚持', '推进', '启动', '推出', '发布', '落地', '建成', '开通', '获得', '赢得',
    '中标', '认可', '同意', '支持', '买入', '增持', '维持', '继续', '投资', '投入', '出售', '销售', '出口', '进口', '引进', '如期', '按计划', '提前',
  ],
};

const DOWN_ACCESS = {
  en: [
    'block', 'blocks', 'blocked', 'blocking', 'banned', 'banning', 'to ban', 'would ban', 'will ban', 'could ban', 'may ban', 'might ban', 'bar', 'bars', 'barred', 'barring', 'prohibit*', 'forbid*', 'forbade',
    'refus*', 'reject*', 'deny', 'denies', 'denied', 'denying', 'denial', 'halt*', 'pause*', 'suspend*', 'suspension', 'stop', 'stops',
    'stopped', 'stopping', 'freez*', 'froze', 'frozen', 'cancel*', 'revok*', 'revocation', 'withdr*', 'scrap*', 'postpon*', 'delay*', 'defer*',
    'push back', 'pushed back', 'pushes back', 'held up', 'hold up', 'holding up', 'stuck', 'restrict*', 'curb', 'curbed', 'curbing',
    'tighten*', 'clamp down', 'clamped down', 'crack down', 'cracked down', 'crackdown', 'sanction', 'sanctioned', 'sanctioning',
    'blacklist*', 'impos*', 'steer* away', 'steered away', 'discourag*', 'dissuad*', 'warn*', 'bann*', 'embargo*', 'veto*', 'abandon*',
    'drop plans', 'dropped plans', 'shelv*', 'called off', 'call off', 'fail', 'fails', 'failed', 'failing', 'failure', 'downgrad*', 'sell rating',
    'underperform rating', 'underweight', 'cap', 'capped', 'capping', 'limit', 'limited', 'limiting', 'in limbo',
    'setback', 'snag*', 'bottleneck*', 'shortage*', 'scarce', 'scarcity', 'constrain*', 'hamper*', 'hinder*',
    'obstruct*', 'disrupt*', 'interrupt*', 'close', 'closed', 'closes', 'closing', 'shut', 'shuts', 'shutting', 'exit', 'exits', 'exited',
    'quit', 'divest*', 'dump*', 'slow-walk*', 'backtrack*', 'reverse', 'reversed', 'reversal', 'u-turn', 'probe', 'probes', 'investigat*',
    // Conditions imposed: a requirement narrows what one may do.
    'require', 'requires', 'required', 'requiring', 'mandat*', 'oblig*', 'compel*', 'force', 'forced', 'forces', 'forcing',
    'pay in full', 'pay upfront', 'pay up front', 'prepay*', 'strings attached', 'tighter', 'stricter', 'tougher', 'harsher',
    // Put off: nothing before a later date. Put in doubt: whether it goes ahead is questioned.
    'not expected before', 'not expected until', 'not due before', 'not due until', 'not until', 'no earlier than', 'not before', 'at the earliest',
    'in doubt', 'cast doubt', 'casts doubt', 'casting doubt', 'doubts over', 'doubts about', 'doubtful',
  ],
  zh: [
    '禁止', '叫停', '暂停', '拒绝', '限制', '不得', '收紧', '封锁', '取消', '撤销', '推迟', '延迟', '延期', '搁置', '受阻', '中止', '停止', '冻结', '制裁',
    '审慎', '劝阻', '不允许', '叫停', '禁售', '断供', '卡脖子', '短缺', '紧缺', '受限', '卡住', '调查', '下架', '退出', '减持', '卖出', '放弃', '撤回', '禁用',
    '约谈', '窗口指导', '不予', '驳回', '停摆', '缺口', '要求', '强制', '必须', '全额预付', '预付',
    '存疑', '存在疑问', '打上问号', '难以如期', '恐难', '难以按时', '难以按期', '严格的条件', '严格条件', '苛刻条件', '苛刻的条件', '附加条件', '附带条件', '最早也要', '最快也要',
  ],
};

// "ahead of analysts' forecasts", "below the consensus estimate", "short of market expectations":
// a comparison with what others expected, whoever's expectation it is.
const EXPECTATION_OWNERS = ['', "analysts' ", 'analyst ', 'market ', 'the market\'s ', 'consensus ', 'the consensus ', 'Wall Street ', 'investors\' ', 'its own ', 'company ', 'street '];
const EXPECTATION_NOUNS = ['forecast', 'forecasts', 'estimate', 'estimates', 'expectations', 'expectation', 'projections', 'guidance'];
const expectationTerms = (comparisons: readonly string[]) =>
  comparisons.flatMap((c) => EXPECTATION_OWNERS.flatMap((o) => EXPECTATION_NOUNS.map((n) => `${c} ${o}${n}`)));
const BETTER_THAN_EXPECTED = expectationTerms(['ahead of', 'above', 'beat', 'beats', 'beating', 'topped', 'topping', 'exceeded', 'exceeding', 'better than']);
const WORSE_THAN_EXPECTED = expectationTerms(['below', 'short of', 'missed', 'missing', 'misses', 'behind', 'worse than', 'under', 'trailed', 'trailing']);

const UP_VERDICT = {
  en: [
    'beat', 'beats', 'beating', 'better than expected', 'better-than-expected', 'ahead of expectations', 'ahead of estimates',
    'ahead of forecasts', 'above expectations', 'above estimates', 'above forecasts', 'topped estimates', 'topped forecasts', 'outperform*',
    'outpac*', 'lead', 'leads', 'leading', 'leader', 'leaders', 'top score', 'highest', 'strong', 'stronger', 'strongest', 'robust', 'solid',
    'resilient', 'improv*', 'upbeat', 'bullish', 'optimis*', 'optimiz*', 'record', 'best', 'favourable', 'favorable', 'healthy', 'profitable',
    'break-even', 'breakeven', 'turnaround', 'positive', 'positively', 'upside', 'tailwind*', 'fastest', 'quickest', 'above average', 'above-average',
    ...BETTER_THAN_EXPECTED,
  ],
  zh: ['超预期', '好于预期', '高于预期', '优于预期', '高于市场预期', '高于分析师预期', '超出市场预期', '最快', '改善', '强劲', '领先', '领导者', '最高', '亮眼', '稳健', '乐观', '看好', '盈利', '扭亏', '利好', '上行空间'],
};

const DOWN_VERDICT = {
  en: [
    'miss', 'misses', 'missed', 'missing', 'short of', 'fell short', 'falls short', 'fallen short', 'falling short', 'come up short',
    'came up short', 'comes up short', 'well short', 'far short', 'far below', 'well below', 'worse than expected', 'worse-than-expected',
    'below expectations', 'below estimates', 'below forecasts', 'disappoint*', 'lag', 'lags', 'lagged', 'lagging', 'laggard', 'behind',
    'weak', 'weaker', 'weakest', 'weakness', 'soft', 'softer', 'sluggish', 'deteriorat*', 'worsen*', 'worse', 'worst', 'bearish',
    'pessimis*', 'risky', 'squeez*', 'headwind*', 'drag', 'dragged',
    'dragging', 'weigh on', 'weighed on', 'weighs on', 'weighing on', 'hurt', 'hurts', 'hurting', 'damag*', 'punish*', 'downside', 'unprofitable', 'loss-making', 'burn', 'burning', 'burned', 'burnt', 'bleed*', 'costly',
    'slowest', 'weakest pace', 'slowest pace', 'held back', 'holding back', 'hold back',
    // Losing money is bad whatever the measure: not a quantity falling.
    'lose money', 'loses money', 'losing money', 'lost money', 'in the red', 'below average', 'below-average',
    ...WORSE_THAN_EXPECTED,
  ],
  zh: ['不及预期', '低于预期', '逊于预期', '低于市场预期', '低于分析师预期', '不及市场预期', '最慢', '最低增速', '恶化', '疲软', '落后', '疲弱', '低迷', '拖累', '承压', '失望', '看空', '烧钱', '亏钱', '亏本', '低于平均'],
};

/**
 * Restrictions and burdens: a quantity word on one of these turns over ("tariffs rose",
 * "worries grew" are bad; "eased the curbs", "pressure eased" good).
 */
const RESTRICTION_NOUNS = {
  en: [
    'restriction', 'restrictions', 'control', 'controls', 'curbs', 'ban', 'bans', 'tariff*', 'sanctions', 'limits', 'caps', 'barrier*',
    'scrutiny', 'embargo', 'embargoes', 'duties', 'levy', 'levies', 'quota*', 'red tape', 'requirements', 'conditions', 'licensing requirements',
    'obstacle*', 'hurdle*', 'concern', 'concerns', 'worries', 'fears', 'doubts', 'pressure', 'pressures', 'risk', 'risks', 'uncertainty',
    'uncertainties', 'headwinds', 'friction', 'tensions',
  ],
  zh: ['限制', '管制', '禁令', '关税', '制裁', '门槛', '审查', '壁垒', '配额', '条件', '担忧', '压力', '风险', '不确定性', '阻力', '摩擦'],
};

/**
 * Removing a stop is going ahead: "lifted the ban", "scrapped the export curbs", "replaced its
 * presumption of denial with case-by-case review", "解除禁令". A removal verb followed, in its
 * clause, by a restriction or a stop (ban, denial, suspension) reads as one `up` access event.
 */
const REMOVAL_VERBS = {
  en: [
    'lift', 'lifts', 'lifted', 'lifting', 'scrap*', 'revok*', 'rescind*', 'repeal*', 'abolish*', 'remov*', 'replac*', 'overturn*',
    'reverse', 'reversed', 'reverses', 'reversing', 'end', 'ends', 'ended', 'ending', 'drop', 'drops', 'dropped', 'dropping',
    'roll back', 'rolled back', 'rolls back', 'rolling back', 'withdr*', 'cancel*', 'waive*', 'strike down', 'struck down', 'do away with',
    'did away with', 'unwind*', 'dismantl*', 'terminat*', 'retract*',
  ],
  zh: ['解除', '取消', '撤销', '废除', '撤回', '放开', '终止', '结束'],
};
/** Stops a removal verb can take as its object (besides the restriction nouns). */
const STOP_NOUNS = {
  en: [
    'denial', 'denials', 'ban', 'bans', 'suspension', 'suspensions', 'freeze', 'moratorium', 'halt', 'blockade', 'blacklist*', 'prohibition*', 'entity list',
    // Conditions imposed are stops too: "scrapped the licence requirement", "removed the mandate".
    'requirement', 'requirements', 'mandate', 'mandates', 'rule', 'rules',
  ],
  zh: ['禁令', '禁售', '暂停', '限制', '管制', '制裁', '封锁', '黑名单', '要求', '规定'],
};
// At most this many characters between the verb and its object ("scrapped the remaining export curbs").
const REMOVAL_REACH = 40;
// Only the object's own words between: "the quarter ended with tighter controls" removes nothing.
const REMOVAL_GAP = /^(?![^]*\b(?:with|in|at|on|by|for|to|from|up|as|into|after|before|under|despite|amid|while)\b)[^,;:，；：.。]*$/i;

/** The content of a condition: "the requirement that buyers pay upfront", "the mandate to buy domestic chips". */
const STOP_COMPLEMENT = /^\s+(?:that|to|requiring|obliging|forcing|for\s+[\w-]+(?:\s+[\w-]+)?\s+to)\b[^,;:，；：.。]*/i;

/** "approve limited imports", "allowed restricted sales": a qualifier of what goes ahead, not a stop. */
const QUALIFIER_WORDS = /^(?:limited|restricted|capped)$/i;
const TRADE_WORDS = /^(?:exports?|imports?|出口|进口)$/i;

export interface CompiledEvents {
  up: { quantity: TermMatcher; access: TermMatcher; verdict: TermMatcher };
  down: { quantity: TermMatcher; access: TermMatcher; verdict: TermMatcher };
  restriction: TermMatcher;
  removal: TermMatcher;
  stop: TermMatcher;
}

let compiled: CompiledEvents | null = null;

/** The vocabulary compiled once per process (the lists are module constants). */
export function eventVocabulary(): CompiledEvents {
  compiled ??= {
    up: { quantity: termMatcher(UP_QUANTITY), access: termMatcher(UP_ACCESS), verdict: termMatcher(UP_VERDICT) },
    down: { quantity: termMatcher(DOWN_QUANTITY), access: termMatcher(DOWN_ACCESS), verdict: termMatcher(DOWN_VERDICT) },
    restriction: termMatcher(RESTRICTION_NOUNS),
    removal: termMatcher(REMOVAL_VERBS),
    stop: termMatcher(STOP_NOUNS),
  };
  return compiled;
}

/** How many entries the vocabulary holds (both languages, all kinds). */
export function eventVocabularySize(): number {
  return [UP_QUANTITY, DOWN_QUANTITY, UP_ACCESS, DOWN_ACCESS, UP_VERDICT, DOWN_VERDICT, RESTRICTION_NOUNS, REMOVAL_VERBS, STOP_NOUNS].reduce((n, list) => n + list.en.length + list.zh.length, 0);
}

export interface EventHit extends TermHit {
  kind: EventKind | 'restriction';
  /** +1 up, −1 down, before negation and restriction turning. */
  sign: 1 | -1;
}

/** Every event word in the text, longest first at a position, no overlaps. */
export function findEvents(text: string): EventHit[] {
  const vocab = eventVocabulary();
  const hits: EventHit[] = [];
  const add = (matcher: TermMatcher, kind: EventHit['kind'], sign: 1 | -1) => {
    for (const hit of matcher.find(text)) hits.push({ ...hit, kind, sign });
  };
  // Restriction nouns first: where a word is both ("限制"), the noun reading wins a tie.
  add(vocab.restriction, 'restriction', -1);
  add(vocab.up.quantity, 'quantity', 1);
  add(vocab.down.quantity, 'quantity', -1);
  add(vocab.up.access, 'access', 1);
  add(vocab.down.access, 'access', -1);
  add(vocab.up.verdict, 'verdict', 1);
  add(vocab.down.verdict, 'verdict', -1);
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: EventHit[] = [];
  let end = -1;
  for (const hit of hits) {
    if (hit.start < end) continue;
    out.push(hit);
    end = hit.end;
  }
  return dropQualifiers(text, joinRemovals(text, out, vocab));
}

/** A removal verb and the stop it removes become one `up` access event. */
function joinRemovals(text: string, hits: EventHit[], vocab: CompiledEvents): EventHit[] {
  const removals = vocab.removal.find(text);
  if (removals.length === 0) return hits;
  const stops = [...vocab.stop.find(text), ...vocab.restriction.find(text)].sort((a, b) => a.start - b.start);
  let out = hits;
  for (const verb of removals) {
    const object = stops.find((stop) => stop.start >= verb.end && stop.start - verb.end <= REMOVAL_REACH && REMOVAL_GAP.test(text.slice(verb.end, stop.start)));
    if (!object) continue;
    const joined: EventHit = { start: verb.start, end: object.end, text: text.slice(verb.start, object.end), kind: 'access', sign: 1 };
    // What the removed condition demanded is gone with it: "dropped the requirement that buyers pay upfront".
    const demanded = STOP_COMPLEMENT.exec(text.slice(object.end))?.[0].length ?? 0;
    out = [...out.filter((h) => h.end <= joined.start || h.start >= joined.end + demanded), joined].sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * "approve limited imports": a qualifier right after an `up` access word is no stop. "The
 * slowest pace on record": "on record" ranks the superlative before it; it is no record high.
 */
function dropQualifiers(text: string, hits: EventHit[]): EventHit[] {
  return hits.filter((hit, i) => {
    if (/^record$/i.test(hit.text) && /\bon\s+$/i.test(text.slice(Math.max(0, hit.start - 4), hit.start))) return false;
    // "export controls", "import ban", "出口管制": the trade named, not one going ahead.
    const next = hits[i + 1];
    if (TRADE_WORDS.test(hit.text) && next?.kind === 'restriction' && /^\s*$/.test(text.slice(hit.end, next.start))) return false;
    if (!QUALIFIER_WORDS.test(hit.text) || i === 0) return true;
    const before = hits[i - 1]!;
    return !(before.kind === 'access' && before.sign > 0 && /^\s+(?:\w+\s+)?$/.test(text.slice(before.end, hit.start)));
  });
}
