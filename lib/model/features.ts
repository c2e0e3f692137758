/**
 * Sentence features for the linear claim model: lower-cased word unigrams and bigrams for
 * Latin script, character bigrams and trigrams for CJK runs, and a few structured flags,
 * all hashed into a fixed space so the weights need no vocabulary. Pure: no browser, no Node.
 */

export type Lang = 'en' | 'zh';

/** Size of the hashed feature space (a power of two, so the mask is cheap). */
export const FEATURE_BITS = 18;
export const FEATURE_SPACE = 1 << FEATURE_BITS;
const MASK = FEATURE_SPACE - 1;

/** FNV-1a over UTF-16 code units: fast, stable across runtimes, good enough spread for hashing tricks. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const hashFeature = (name: string): number => hashString(name) & MASK;

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
// Words keep inner apostrophes, dots and hyphens ("didn't", "ele.me", "t-head", "9988.hk").
const WORD = /[a-z0-9]+(?:['.\-][a-z0-9]+)*/g;
const PURE_NUMBER = /^[0-9]+(?:[.,][0-9]+)*$/;

const NUMBER = /[0-9]|[一二三四五六七八九十百千万亿]+(?:倍|成|个百分点)/;
const PERCENT = /%|per ?cent|百分之|个百分点|pct\b|percentage point/;
const CURRENCY = /\$|¥|￥|\brmb\b|\byuan\b|\busd\b|\bhk\$|\bdollars?\b|元|美元|人民币|港元|\bbillion\b|\bbn\b|亿/;
const NEGATION = /\b(?:not|no|never|none|nor|without|neither|n't|cannot|yet to|fails? to|failed to)\b|n't\b|未|没有|没|并非|不|无|尚未|拒绝|否认/;
const HEDGE =
  /\b(?:could|might|may|would|if|unless|whether|possibly|perhaps|potential(?:ly)?|hypothetical(?:ly)?|suppose|assuming|should .* (?:happen|occur))\b|可能|如果|假如|若|倘若|或将|或许|也许|一旦|假设|是否/;

// Direction cues: words that say a measure or a decision moved up / went ahead, or down / was
// held back. Whether "up" supports the thesis depends on the item (losses widening is up, and
// bad), which the stance head learns from these flags conjoined with the item and its kind.
const UP =
  /\b(?:rose|rise[sn]?|rising|grew|grow(?:s|ing|n)?|gain(?:s|ed)?|jump(?:s|ed)?|surg(?:e|es|ed)|climb(?:s|ed)?|soar(?:s|ed)?|rall(?:y|ied|ies)|accelerat(?:e|es|ed|ing)|beat|beats|topp?(?:s|ed)?|rais(?:e|es|ed)|lift(?:s|ed)?|boost(?:s|ed)?|upgrad(?:e|es|ed)|expand(?:s|ed)?|widen(?:s|ed)?|doubl(?:e|es|ed)|increas(?:e|es|ed)|record|high(?:er|est)?|approv(?:e|es|ed|al)|clear(?:s|ed)?|allow(?:s|ed)?|grant(?:s|ed)?|permit(?:s|ted)?|green[- ]light|sign(?:s|ed)? off|eas(?:e|es|ed)|relax(?:es|ed)?|lift(?:ed)?|resum(?:e|es|ed)|deliver(?:s|ed|ies)?|shipp?(?:ed|ing)|live|online|launch(?:es|ed)?|reaffirm(?:s|ed)?|reiterat(?:e|es|ed)|leader|top score)\b|增长|上涨|大涨|收涨|涨|走高|加快|加速|超预期|超出|上调|提高|扩大|翻倍|创新高|新高|批准|获批|放行|允许|同意|放宽|恢复|交付|到货|上线|投用|投入使用|投产|启用|点亮|重申|领导者|第一|最高|收窄|回升/;
const DOWN =
  /\b(?:fell|fall(?:s|ing|en)?|drop(?:s|ped)?|declin(?:e|es|ed)|slid|slump(?:s|ed)?|tumbl(?:e|es|ed)|sank|plung(?:e|es|ed)|los(?:e|es|t|ing)|slow(?:s|ed|ing)?|decelerat(?:e|es|ed|ing)|miss(?:es|ed)?|cut(?:s|ting)?|lower(?:s|ed)?|downgrad(?:e|es|ed)|narrow(?:s|ed)?|shr(?:ink|inks|ank)|trim(?:s|med)?|halv(?:e|es|ed)|low(?:est)?|paus(?:e|es|ed)|halt(?:s|ed)?|block(?:s|ed)?|ban(?:s|ned)?|refus(?:e|es|ed)|reject(?:s|ed)?|suspend(?:s|ed)?|freez(?:e|es)|froze(?:n)?|stall(?:s|ed)?|delay(?:s|ed)?|postpon(?:e|es|ed)|cancel(?:s|led|ed)?|revok(?:e|es|ed)|restrict(?:s|ed|ions?)?|tighten(?:s|ed)?|cap(?:s|ped)?|curb(?:s|ed)?|shelv(?:e|es|ed)|withdr(?:aw|ew|awn)|scrapp?(?:ed)?|short(?:fall)?|weak(?:er|ened)?)\b|下降|下跌|下滑|大跌|收跌|跌|重挫|放缓|回落|不及预期|低于预期|下调|削减|降至|收紧|暂停|叫停|冻结|禁止|拦截|驳回|拒绝|推迟|延期|取消|撤销|限制|管制|滞留|跌破|失去|落后/;

// Policy direction: rules loosened (easing a restriction is good for the thesis even though
// "restriction" and "cut" are down-words) versus rules tightened.
const EASE =
  /\b(?:eas(?:e|es|ed|ing)|loosen(?:s|ed)?|lift(?:s|ed)?|relax(?:es|ed)?|roll(?:s|ed)? back|scrapp?(?:ed)?|drop(?:s|ped)? (?:the |its |plans?)|withdr(?:ew|awn)|shelv(?:e|ed)|defeated|voted down|no (?:plans?|intention)|renew(?:s|ed)?|exempt(?:s|ed)?|approv(?:e|es|ed)|grant(?:s|ed)?|allow(?:s|ed)?|green[- ]light|rais(?:e|ed) the (?:cap|quota)|receded?)\b|放宽|放松|取消|撤回|搁置|推迟|豁免|续期|批准|允许|未获通过|否决|提高.{0,4}(?:上限|配额)|消退/;
const TIGHTEN =
  /\b(?:tighten(?:s|ed|ing)?|impos(?:e|es|ed)|add(?:s|ed)? (?:new |the )?(?:restrictions?|licen[cs]e|requirements?|conditions?|controls?)|expand(?:s|ed)? (?:the )?(?:restrictions?|controls?|ban)|introduc(?:e|es|ed)|ban(?:s|ned)?|revok(?:e|es|ed)|reject(?:s|ed)?|cap(?:s|ped)?|restrict(?:s|ed)?|curb(?:s|ed)?|crack(?:s|ed)? down|clamp(?:s|ed)? down|blacklist(?:s|ed)?|entity list|presumption of denial|threat(?:en|ened|ens)?)\b|收紧|新增|禁止|禁令|撤销|驳回|限制|管制|黑名单|实体清单|打压|加码|加大压力|推定拒绝/;

// Whose news it is: a figure of Alibaba's (or of a unit's) versus another company's, which
// is not a claim about the thesis's items however alike the words ("Tencent's cloud grew 22%").
const SELF =
  /alibaba|aliyun|taobao|tmall|ele\.me|qwen|tongyi|t-head|cainiao|\bbaba\b|9988|eddie wu|joe tsai|阿里|淘宝|天猫|饿了么|通义|千问|平头哥|吴泳铭|蔡崇信|淘天|闪购/;
const OTHER =
  /tencent|microsoft|azure|amazon|\baws\b|google|alphabet|baidu|meituan|\bjd\b|jd\.com|\bpdd\b|pinduoduo|temu|douyin|bytedance|volcano engine|huawei|oracle|\bmeta\b|coreweave|kingsoft|sensetime|kuaishou|xiaomi|netease|tsmc|apple|腾讯|微软|亚马逊|谷歌|百度|美团|京东|拼多多|抖音|字节|火山引擎|华为|甲骨文|金山云|商汤|快手|小米|网易|台积电/;
// A definition or a description of what something is, not news about it.
const DEFINITION = /\b(?:is|are) (?:a|an|the) (?:[a-z-]+ ){0,3}(?:that|which|who|designed|used|of)\b|\brefers? to\b|\bstands for\b|\bis known as\b|是指|是一种|是一款|是一家|指的是|成立于|创立/;

/** The text as the model sees it: NFKC, typographic quotes folded, lower-cased. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').toLowerCase();
}

// The last sentence's names: a caller asks for links and then for stances of the same sentence.
let lastText: string | undefined;
let lastNames: readonly string[] = [];

/** Feature names of a sentence (before hashing); duplicates are kept out. */
export function featureNames(text: string, lang: Lang): readonly string[] {
  if (text !== lastText) {
    lastNames = computeFeatureNames(text, lang);
    lastText = text;
  }
  return lastNames;
}

/**
 * Feature names of a sentence read after the one it continues. A sentence that names no
 * actor of its own ("The Senate must still vote on it.", "条件是……") takes its subject and
 * event from its predecessor, so that predecessor's words, character bigrams and actor
 * flags join the sentence's own, kept apart under a `prev:` prefix. A sentence that names
 * its own actor continues no one and keeps only its own features.
 */
export function linkFeatureNames(text: string, lang: Lang, previous?: string, previousItems: readonly string[] = []): readonly string[] {
  if (!previous || !continuesPrevious(text, lang)) return featureNames(text, lang);
  const out = [...featureNames(text, lang), 'ctx:continues'];
  // What the predecessor is about (the items the model links it to, read alone): one feature
  // per item, so a few examples teach every head "carry on the item of the sentence before".
  for (const id of previousItems) out.push(`prev-item:${id}`);
  for (const n of computeFeatureNames(previous, lang)) {
    if (n.startsWith('w:') || n.startsWith('c2:') || n.startsWith('p:')) out.push(`prev:${n}`);
    else if (n === 'f:self' || n === 'f:other-only' || n === 'f:self-and-other') out.push(`prev:${n}`);
  }
  return out;
}

function computeFeatureNames(text: string, _lang: Lang): string[] {
  const s = normalizeText(text);
  const out = new Set<string>();
  out.add('bias');
  // Latin words appear in Chinese copy too (H200, Nvidia, 34%), so both languages get them.
  const words = (s.match(WORD) ?? []).map((w) => (PURE_NUMBER.test(w) ? '#' : w));
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    // A crude stem (the first five letters of a long word) lets "approves", "approval" and "approving" share weight.
    if (words[i]!.length > 6 && /^[a-z]/.test(words[i]!)) out.add(`p:${words[i]!.slice(0, 5)}`);
    if (i + 1 < words.length) out.add(`b:${words[i]} ${words[i + 1]}`);
  }
  for (const run of s.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      out.add(`c2:${run.slice(i, i + 2)}`);
      if (i + 2 < run.length) out.add(`c3:${run.slice(i, i + 3)}`);
    }
    if (run.length === 1) out.add(`c1:${run}`);
  }
  const self = SELF.test(s);
  const other = OTHER.test(s);
  if (self) out.add('f:self');
  if (other) out.add(self ? 'f:self-and-other' : 'f:other-only');
  if (DEFINITION.test(s)) out.add('f:definition');
  if (NUMBER.test(s)) out.add('f:number');
  if (PERCENT.test(s)) out.add('f:percent');
  if (CURRENCY.test(s)) out.add('f:currency');
  if (NEGATION.test(s)) out.add('f:negation');
  const hedge = HEDGE.test(s);
  if (hedge) out.add('f:hedge');
  const negated = NEGATION.test(s);
  const up = UP.test(s);
  const down = DOWN.test(s);
  if (up) out.add(negated ? 'f:up-negated' : 'f:up');
  if (down) out.add(negated ? 'f:down-negated' : 'f:down');
  if (up && down) out.add('f:up-and-down');
  const ease = EASE.test(s);
  const tighten = TIGHTEN.test(s);
  if (ease) out.add(negated ? 'f:ease-negated' : 'f:ease');
  if (tighten) out.add(negated ? 'f:tighten-negated' : 'f:tighten');
  if (ease && tighten) out.add('f:ease-and-tighten');
  return [...out];
}

/** Does the sentence name no actor of its own (so it may carry on the subject of the one before)? */
export function continuesPrevious(text: string, lang: Lang): boolean {
  const own = featureNames(text, lang);
  return !own.includes('f:self') && !own.includes('f:other-only') && !own.includes('f:self-and-other');
}

/** Hashed feature indices of a sentence (with the one it continues, for links), sorted and unique (binary features). */
export function featurize(text: string, lang: Lang, previous?: string, previousItems?: readonly string[]): number[] {
  return uniqueSorted((previous === undefined ? featureNames(text, lang) : linkFeatureNames(text, lang, previous, previousItems)).map(hashFeature));
}

export type ItemKind = 'catalyst' | 'risk';

/**
 * Stance features: the sentence's features, each also conjoined with the item (per-item
 * polarity: "approved" supports an import catalyst) and with the item's kind (shared
 * polarity: "widened" challenges any risk, "rose" supports most catalysts). A sentence that
 * names no actor of its own takes its event from the sentence it continues ("Beijing halted
 * new orders." then "The companies had planned to use the chips for training."), so that
 * sentence's features join in, under a `prev:` prefix (see `stanceContextNames`).
 */
export function stanceFeatures(text: string, lang: Lang, itemId: string, kind: ItemKind, previous?: string): number[] {
  const names = previous === undefined ? featureNames(text, lang) : stanceContextNames(text, lang, previous);
  const idx: number[] = [];
  for (const n of names) {
    idx.push(hashFeature(n));
    idx.push(hashFeature(`${itemId}|${n}`));
    idx.push(hashFeature(`${kind}|${n}`));
  }
  return uniqueSorted(idx);
}

/** The predecessor's flags a continuing sentence's stance may take: which way its event went, and how. */
const STANCE_CONTEXT_FLAGS = new Set([
  'f:up', 'f:down', 'f:up-negated', 'f:down-negated', 'f:up-and-down', 'f:ease', 'f:tighten', 'f:ease-negated', 'f:tighten-negated',
  'f:ease-and-tighten', 'f:negation', 'f:hedge',
]);

/**
 * Names the stance head reads for a sentence after the one it continues: its own, and, when it
 * names no actor of its own (as for links), `ctx:continues` and the predecessor's direction
 * flags under `prev:`. Only the flags: the predecessor's words and character bigrams (as the
 * link heads get them) made cross-validated stance on continuing sentences worse (76.3 % against
 * 80.9 % with the flags alone), a bag of another sentence's words being mostly noise for which
 * way this one goes. A sentence naming its own actor is read alone.
 */
export function stanceContextNames(text: string, lang: Lang, previous: string): readonly string[] {
  if (!continuesPrevious(text, lang)) return featureNames(text, lang);
  const out = [...featureNames(text, lang), 'ctx:continues'];
  for (const n of computeFeatureNames(previous, lang)) {
    if (STANCE_CONTEXT_FLAGS.has(n)) out.push(`prev:${n}`);
  }
  return out;
}

function uniqueSorted(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  return out;
}
