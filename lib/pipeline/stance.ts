import type { Stance } from '../pack/schema';
import { findEvents, type EventHit } from '../text/events';
import type { TermHit, TermMatcher } from '../text/terms';

/**
 * Stance = the direction of the event in the sentence (generic vocabulary, lib/text/events.ts,
 * through negation) × the item's good direction, plus verdict words (beat / miss), which
 * are already relative to the thesis, plus the item's own cues where a pack has them.
 * A purely hypothetical sentence ("could", "if …") is neutral: it reports no event.
 */

// A negator, then at most five words of the same clause, right before the word: "did not
// approve", "no H200 shipped", "have yet to receive", "without approval".
const EN_NEGATION =
  /(?:\b(?:not|no|never|nothing|without|neither|nor|cannot|none|zero|yet to|failed to|fails to|fail to|refused to|refuses to|unable to|lack of|absence of|instead of|rather than|halted|stopped)|n['’]t)(?:\s+[\p{L}\p{N}’'/-]+){0,5}\s*$/iu;
const ZH_NEGATION = /(?:未|不|没有|没|无|尚未|并未|并非|非|不会|不再|不得|难以)[\p{Script=Han}A-Za-z0-9]{0,3}$/u;
// "尚未正式向英伟达下单", "仍未在阿里云的数据中心投入使用": a "not yet" reaches across a
// place or a manner phrase to its verb.
const ZH_NOT_YET = /(?:尚未|并未|仍未|还未|从未|未曾|没有)[\p{Script=Han}A-Za-z0-9]{0,10}$/u;
const CLAUSE_BREAK = /[,;:，；：]|\bbut\b|\band\b|\bwhile\b|但|而|并且/;

// "Nothing I have seen suggests the company has placed an order": no evidence of what follows.
const NO_EVIDENCE = /\b(?:nothing\b[^.;:]{0,40}\b(?:suggests?|shows?|indicates?|points? to)|no (?:evidence|sign|indication)s?\b[^.;:]{0,20}\b(?:that|of))\b[^.;:]*$/i;

/** Is the word at `start` negated by the words just before it (in its clause)? */
export function isNegated(text: string, start: number): boolean {
  if (NO_EVIDENCE.test(text.slice(Math.max(0, start - 120), start))) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  // A clause boundary ends the negation's scope: "not only…, but approved" stays positive.
  const clause = before.split(CLAUSE_BREAK).pop() ?? before;
  if (/[\u3400-\u9fff]$/.test(clause) || /^[\u3400-\u9fff]/.test(text.slice(start))) {
    if (ZH_NEGATION.test(clause) || ZH_NOT_YET.test(clause)) return true;
  }
  return EN_NEGATION.test(clause);
}

const EN_HEDGE =
  /\b(?:could|might|reportedly|possibly|perhaps|likely|unlikely|probably|expected to|is said to|are said to|rumou?red|considering|weighing|would|if|potential(?:ly)?|may be|may)\b/gi;
const ZH_HEDGE = /可能|或将|或许|据报道|据悉|据称|传闻|有望|预计|拟|考虑|也许|若|如果/;
const MONTH_MAY_BEFORE = /\b(?:in|since|by|until|of|early|late|mid|from|to|last|next|this|on|during)\s*$|\b\d{1,2}(?:st|nd|rd|th)?\s+$/i;

/** Is the "May" at `index` the month ("in May", "15 May", "May 3", "May's results"), not the modal? */
export function isMonthMay(text: string, index: number): boolean {
  if (text[index] !== 'M') return false;
  const after = text.slice(index + 3, index + 8);
  return /^,?\s*\d/.test(after) || /^['’]s/.test(after) || MONTH_MAY_BEFORE.test(text.slice(0, index));
}

/** Is the sentence hedged: a forecast, a possibility or an unconfirmed report? */
export function isHedged(text: string): boolean {
  if (ZH_HEDGE.test(text)) return true;
  EN_HEDGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EN_HEDGE.exec(text))) {
    if (/^may$/i.test(m[0]) && isMonthMay(text, m.index)) continue;
    return true;
  }
  return false;
}

// Pure hypotheticals: a condition ("if", "如果"; not "unless", which states a restriction),
// an open question ("whether") nobody is deliberating, or a bare possibility ("could",
// "might", "would") that nobody reports. Reported possibilities ("X has reported that
// Beijing could approve…", "analysts said the rule could slow…") and deliberations
// ("is weighing whether") are evidence: what is reported moves the thesis.
const EN_CONDITION = /\b(?:if|in case|in the event that|provided that|as long as|so long as)\b/i;
const EN_WHETHER = /\bwhether\b/i;
const COORDINATED_CLAUSE = /[,;]\s*(?:and|but|while|whereas)\s|;|[，；]\s*(?:而|但|并且|同时)/;
const EN_DELIBERATION = /\b(?:doubt\w*|weigh\w*|consider\w*|debat\w*|discuss\w*|stud(?:y|ies|ying)|review\w*|explor\w*|assess\w*|decid\w*)\b[^.]{0,40}\bwhether\b/i;
/** Officials or boards deliberating: evidence, whatever modal follows. */
const EN_DELIBERATING = /\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|debat(?:es|ed|ing)|discuss(?:es|ed|ing)|draft(?:s|ed|ing)?|preparing|planning|plans to|studying|reviewing|proposed?|proposing)\b/i;
const EN_MODAL = /\b(?:could|might|would)\b/i;
const RESTATED_BASIS = /\b(?:excluding|stripping out|stripped out|leaving out|adjusting for|adjusted for|setting aside|on a (?:like-for-like|comparable|constant-currency) basis|in constant currency|at constant exchange rates)\b/i;
const RELATIVE_BEFORE = /\b(?:that|which)\s+$/i;
/** An attribution closing the sentence: "…, people familiar with the plan said.", "…, according to a filing." */
const EN_REPORTED_TAIL = /,\s*(?:[^,]{0,60}\s)?(?:said|says|say|told|reported|according to|wrote|added|estimated?)\b[^,]{0,60}[.!]?["”’']?\s*$/i;
const EN_REPORTED = /\b(?:said|says|say|told|tells|reported|reports|according to|announced|confirmed|expects?|expected|estimated?|warned|predicted|forecast|people familiar|sources?|analysts?)\b/i;
// A gerund with its object ("blocking the sales", "getting these online"), not a noun in
// -ing ("spending would rise") nor a name ("Beijing could").
const EN_ACT_AS_SUBJECT =
  /(?:^|\bthat\s+|[,;:]\s+)[“"‘']?[A-Za-z]{2,}ing\s+(?:the|a|an|its|their|his|her|these|those|them|this|it|such|any|more|up|out|off|back|down)\b(?:\s+[\w’'-]+){0,5}?\s+(?:would|could|might)\b/i;
const ZH_CONDITION = /如果|假如|若|倘若|一旦|假设|如能|只要/;

/**
 * Is the sentence's event a pure hypothesis? `eventAt`: where its first event word stands; a
 * modal in a later clause ("…ordered 200,000 chips, which would make it the largest buyer")
 * leaves the event itself asserted.
 */
export function isHypothetical(text: string, eventAt?: number): boolean {
  // A condition governs the event unless a clause of its own, after the event, holds it: "Two
  // brokers upgraded the shares, and more may follow if the results hold up."
  const condition = EN_CONDITION.exec(text) ?? ZH_CONDITION.exec(text);
  if (condition && (eventAt === undefined || condition.index < eventAt || !COORDINATED_CLAUSE.test(text.slice(eventAt, condition.index)))) return true;
  // An act not taken, as the subject of a modal: "(they said that) blocking the sales would
  // hand the market to rivals" argues a consequence, whoever reports it.
  if (EN_ACT_AS_SUBJECT.test(text)) return true;
  const modal = EN_MODAL.exec(text);
  // "…passed an amendment that would block licences": a modal in a relative clause after the
  // event says what the thing acted on does, not whether the act happened.
  const relative = modal && eventAt !== undefined && eventAt < modal.index && RELATIVE_BEFORE.test(text.slice(Math.max(0, modal.index - 12), modal.index));
  // "Excluding the units it sold, revenue would have grown 12%": a figure restated on another
  // basis is reported, not supposed.
  if (modal && RESTATED_BASIS.test(text.slice(0, modal.index)) && /^would\s+have\b/i.test(text.slice(modal.index))) return false;
  const modalGoverns = modal && !relative && (eventAt === undefined || modal.index < eventAt || sameClause(text, modal.index, eventAt));
  if (modal && modalGoverns && !EN_REPORTED.test(text.slice(0, modal.index)) && !EN_REPORTED_TAIL.test(text) && !EN_DELIBERATING.test(text)) return true;
  return EN_WHETHER.test(text) && !EN_DELIBERATION.test(text);
}

/**
 * Withheld details ("declined to say how many…", "did not disclose when…", "the size was not
 * disclosed", "未披露"): the sentence reports that something was not told, no event.
 */
const EN_NOT_TOLD =
  /\b(?:declin\w* to|refus\w* to|(?:did|does|do|would|will|has|have|had) not(?: yet)?|didn['’]t|doesn['’]t|wouldn['’]t|won['’]t|hasn['’]t|haven['’]t|(?:has|have|had|is|are) yet to|not yet)\s+(?:say|said|disclose|disclosed|specify|specified|reveal|revealed|comment on|commented on|give|given|confirm|confirmed|decide|decided|indicate|indicated|announce|announced)\s+(?:\w+\s+){0,2}?(?:how|what|when|which|whether|who|if|the (?:number|size|amount|volume|value|terms|timing))\b|\b(?:was|were|is|are|has|have|had)\s+(?:not|never)\s+(?:been\s+)?(?:disclosed|revealed|specified|made public)\b/i;
/** Open questions the writer states: "it was not clear whether…", "it is unclear how many…". */
const EN_UNCLEAR = /\b(?:(?:it|this)\s+(?:is|was|remains|remained)|(?:it['’]s))\s+(?:not (?:yet )?(?:clear|known)|unclear|unknown|uncertain)\s+(?:whether|how|when|if|what|which|who)\b|\bno (?:decision|word) (?:has been|had been|was) (?:made|given) (?:on )?(?:whether|how|when)\b/i;
const ZH_NOT_TOLD = /未(?:予)?披露|未透露|没有透露|没有披露|拒绝透露|不愿透露|拒绝置评|未说明|并未说明|未公布|没有公布|尚不清楚|目前尚不清楚|尚不明确|仍不清楚|不清楚是否|尚未表态|尚未决定是否|未表态|未回应是否/;

/** Does the sentence only report that a detail was withheld, or that it is not yet known? */
export function reportsWithheldDetail(text: string): boolean {
  if (ZH_NOT_TOLD.test(text)) return true;
  // A concession ("…weighing a rule, though it was unclear whether it applied…") leaves the
  // main clause's event standing.
  return [EN_NOT_TOLD, EN_UNCLEAR].some((re) => {
    const m = re.exec(text);
    return m !== null && !CONCESSION_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index));
  });
}
const CONCESSION_BEFORE = /\b(?:though|although|even if)\s+(?:\w+\s+){0,3}$/i;

// Sentences that assert no event although they hold event words:
// - an open question: "Whether the regulator will approve the deal remains unclear.", "Will
//   the regulator approve it?";
// - a condition named as a thing to watch, not asserted: "Proof that the plant is running",
//   "any confirmation that shipments have started", "Evidence that the plan is funded";
// - a wish or an interest, not an act: "wants to buy", "would like to order", "has shown
//   interest in", "有意采购", "希望获得";
// - someone else's forecast of a figure not yet reported: "Analysts expect revenue to grow
//   20%", "Consensus sees earnings rising", "市场预期营收增长".
const EN_OPEN_QUESTION = /^\s*[“"‘']?(?:whether)\b|\?\s*[”"’']?\s*$/i;
const EN_WATCHED_CONDITION = /^\s*(?:any|more|further|clear|fresh|firm|hard|early)?\s*(?:proof|evidence|confirmation|signs?|indications?)\s+that\b|\b(?:any|further|fresh|firm)\s+(?:proof|evidence|confirmation|signs?|indications?|news)\s+(?:that|of)\b/i;
const EN_WISH =
  /\b(?:wants?|wanted|wanting|would like|'d like|wish(?:es|ed)?|hopes?|hoped|hoping|is keen|are keen|was keen|were keen|eager)\s+to\b|\b(?:(?:showed|shown|shows|show|indicated|expressed|signalled|signaled|has|have|had)\s+(?:\w+\s+)?interest|interested)\s+in\b/i;
const ZH_WISH = /有意|意向|希望|想要|有兴趣|感兴趣/;
const EN_WISH_ALL = new RegExp(EN_WISH.source, 'gi');
const ZH_WISH_ALL = new RegExp(ZH_WISH.source, 'g');
const EN_OTHERS_FORECAST =
  /\b(?:analysts?|consensus|economists?|strategists?|brokers?|the market(?!\s+(?:regulator|watchdog|supervisor))|markets|investors|the street|wall street)\b(?:\s+[\w’'-]+){0,5}?\s+(?:expect|expects|expected|forecast|forecasts|estimate|estimates|project|projects|predict|predicts|see|sees|anticipate|anticipates)\b/i;
const REVISED_FORECAST =
  /\b(?:cut|cuts|cutting|lowered|lowers|lowering|trimmed|trims|slashed|slashes|reduced|reduces|raised|raises|raising|lifted|lifts|revised|revises|revising|upgraded|downgraded)\s+(?:\w+\s+){0,2}?(?:estimates?|forecasts?|projections?|targets?|expectations?)\b/i;
const ZH_OTHERS_FORECAST = /(?:分析师|市场|机构|券商|一致)(?:普遍|此前)?(?:预计|预期|预测|估计)/;

/**
 * Does the sentence hold event words without asserting an event (a question, a watched
 * condition, a wish, others' forecast)? `eventAt`: where its first event word stands; a wish or
 * a forecast after it ("…were not permitted, a setback for buyers who had hoped to…") leaves
 * that event asserted.
 */
export function assertsNoEvent(text: string, eventAt?: number): boolean {
  if (EN_OPEN_QUESTION.test(text) || /[？]\s*[”」』]?\s*$/.test(text)) return true;
  const governs = (re: RegExp) => {
    const m = re.exec(text);
    return m !== null && (eventAt === undefined || m.index <= eventAt);
  };
  if ([EN_WATCHED_CONDITION, EN_WISH, ZH_WISH, ZH_OTHERS_FORECAST].some(governs)) return true;
  // "Analysts cut their estimate of deliveries": a forecast revised is news, not a forecast.
  if (governs(EN_OTHERS_FORECAST) && !REVISED_FORECAST.test(text)) return true;
  // A level with no move ("The shares trade at about 19 times forward earnings", "市盈率约为
  // 16倍"): where a measure stands, not an event; a change or a comparison would be one.
  return eventAt === undefined && BARE_LEVEL.test(text) && !LEVEL_COMPARED.test(text);
}

const BARE_LEVEL = /\b(?:trades?|trading|traded|valued|priced|stands?|sits?)\s+at\b[^.;]{0,30}?\d[\d.,]*\s*(?:x|times)\b|^\s*at\s+(?:about|around|roughly|some|nearly|almost)?\s*\d[\d.,]*\s*(?:x|times)\b|(?:市盈率|估值)(?:约|仅|为|约为|在)*\d[\d.]*倍/i;
const LEVEL_COMPARED = /\b(?:than|versus|vs\.?|compared|against|discount|premium|cheaper|pricier|below|above|down from|up from)\b|低于|高于|折价|溢价|相比/i;

const SELF_NEGATING = /^(?:unless|not|no|never|without|zero|nothing|yet)\b|^(?:未|不|没|无|尚未)/i;

function sameClause(text: string, a: number, b: number): boolean {
  return clauses(text).some((c) => a >= c.start && a < c.end && b >= c.start && b < c.end);
}

interface Span {
  start: number;
  end: number;
}

function clauses(text: string): Span[] {
  const spans: Span[] = [];
  // "…cheaper than it was before the rally began": the standard of a comparison is its own clause.
  const re = /[;；,，:：]|\s(?:but|while|whereas|although|though|however|even as)\s|\sthan\s(?=(?:it|they|before|when|at|in|a year|last)\b)|但|而|不过|然而|同时/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

const NO_EFFECT =
  /\b(?:would|will|did|does|do|has|have|had|should|is|are|was|were)\s+not\s+(?:be\s+)?(?:affect|affected|hit|impact|impacted|change|alter|disrupt|derail|touch|apply to)\b|\b(?:won['’]t|didn['’]t|doesn['’]t|wouldn['’]t)\s+(?:affect|hit|impact|change|alter|disrupt|derail|touch|apply to)\b|(?:不会|并不|未|没有|不)影响/i;
const LEADING_REASON = /^\s*(?:because|since|as|given that|due to|由于|因为|鉴于)\b/i;
// A leading clause of concession or time ("Although revenue fell, …", "After the freeze was
// lifted, …", "虽然……", "……之后"): background to the main clause's event.
const LEADING_SUBORDINATE = /^\s*(?:(?:although|though|even though|even if|despite|in spite of|after|following|once|having)\b|虽然|尽管|虽|即使|即便)|^[^，,]{0,30}(?:之后|以后)\s*$/i;
// The clause after "although" / "though" (the word itself ends the clause before): a concession.
const CONCESSION_WORD_BEFORE = /\b(?:although|though)\s*$/i;
// Inside a clause, what follows "after", "despite", "amid"…: a circumstance ("Shipments resumed
// after a two-month halt", "…, after falling 2% a year earlier"), not the clause's event.
// Earlier history set off by commas: "The ban, imposed in March, was lifted…", "Imports, which
// had been frozen since May, resumed…" (a participle or a pluperfect relative: what had happened).
const PARENTHETICAL_HISTORY = /^\s*(?:(?:(?:first|originally|initially|previously|earlier|already|recently)\s+)?(?:[a-z]+ed|[a-z]+en|cut|set|put|held|brought|bought|sold|built|won|laid|made|kept)\b|(?:which|that|who)\s+had\b)/;
const TRAILING_CIRCUMSTANCE = /\s(?:after|following|despite|in spite of|amid|amidst)\s/gi;
// The clause after "while"/"whereas" (the word itself ends the previous clause) about another side.
const CONTRAST_WITH_OTHER = /^\s*(?:[A-Z][\w’'.-]*|(?:[\w-]+\s+){0,3}?(?:rivals?|peers?|competitors?|the (?:index|market|benchmark)|shares of))/;
const CONTRAST_WORD_BEFORE = /\b(?:while|whereas)\s*$/;
const MEAGRE_FIGURE = /\b(?:just|only|merely|barely|a mere)\s+(?:about\s+|around\s+|roughly\s+)?(?=[\d$¥€£])|(?:仅|只有|仅为|只|仅仅)(?=[\d增录])/i;

export interface EventReading {
  /** Sum of up (+) and down (−) event words after negation and restriction turning. */
  event: number;
  /** Sum of verdict words (beat +, miss −): already relative to the thesis. */
  verdict: number;
  /** −1 when the writer marks the figure as meagre ("grew just 1%"): a lighter verdict. */
  meagre: number;
  words: string[];
  negated: boolean;
}

/**
 * The events of a sentence, read in the clauses that hold one of the item's anchors (its
 * event or matcher terms) when those clauses carry an event word, else in the whole sentence.
 */
/** The few words each wish governs: "hoped to sell them", "wants to buy more", "有意采购". */
function wishedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [EN_WISH_ALL, ZH_WISH_ALL]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) spans.push({ start: m.index + m[0].length, end: m.index + m[0].length + 25 });
  }
  return spans;
}

/** How far after a restriction word its object may stand ("curbs on the exports", "限制英伟达芯片对华出口"). */
const RESTRICTED_PROCESS_GAP = 16;
const FROM_LEVEL = /\b\d[\d.,]*\s*(?:%|percent|per cent|x|times)?\s+from\s+(?:(?:roughly|about|around|nearly|almost|some|just|over|under|more than|less than)\s+)?$/i;
/** Verbs whose object is a gain lost: "gave back", "erased", "wiped out", "pared". */
const UNDOES = /^(?:give|gives|gave|given|giving|hand|handed) back$|^(?:eras|wip|par)|^(?:surrender|回吐|抹去)/i;
const PREDICATE_BETWEEN = /\b(?:is|are|was|were|be|been|has|have|had|will|would|could|may|might|can)\b|[,;，；]/i;

/** Is `process` what `restriction` limits: its object just after it, or the word naming it just before ("export controls")? */
function limits(text: string, restriction: EventHit, process: EventHit): boolean {
  if (process.end <= restriction.start) return restriction.start - process.end <= 1;
  if (process.start < restriction.end) return false;
  const between = text.slice(restriction.end, process.start);
  return between.length <= RESTRICTED_PROCESS_GAP && !PREDICATE_BETWEEN.test(between);
}

export function readEvents(text: string, anchors: readonly Span[], hits: readonly EventHit[] = findEvents(text)): EventReading {
  const parts = clauses(text);
  const focus = anchors.length ? parts.filter((c) => anchors.some((a) => a.start < c.end && a.end > c.start)) : [];
  const inSpans = (spans: Span[]) => hits.filter((h) => spans.some((c) => h.start >= c.start && h.start < c.end));
  const clauseOf = (hit: EventHit) => parts.find((c) => hit.start >= c.start && hit.start < c.end)!;
  const directionalIn = (clause: Span) => hits.some((h) => h.kind !== 'restriction' && h.kind !== 'verdict' && h.start >= clause.start && h.start < clause.end);
  // An effect denied ("the halt will not affect chips already delivered", "不会影响已交付的芯片"):
  // the cause before it does not reach what follows, which stands as it is.
  const unaffected = NO_EFFECT.exec(text);
  // The denial's own "not" negates the effect, not the words after it.
  const negationText = unaffected ? text.slice(0, unaffected.index) + ' '.repeat(unaffected[0].length) + text.slice(unaffected.index + unaffected[0].length) : text;
  if (unaffected) {
    const after = hits.filter((h) => h.start >= unaffected.index + unaffected[0].length);
    if (after.some((h) => h.kind !== 'restriction' && h.kind !== 'verdict')) hits = after;
  }
  // What someone wishes for ("buyers who had hoped to sell them") is not an event of the sentence.
  const wished = wishedSpans(text);
  if (wished.length > 0) hits = hits.filter((h) => !wished.some((w) => h.start >= w.start && h.start < w.end));
  let chosen = focus.length ? inSpans(focus) : [];
  if (!chosen.some((h) => h.kind !== 'restriction')) chosen = [...hits];
  // A leading reason ("Because the seller requires payment upfront, the buyer has paid…"), the
  // standard of a comparison ("cheaper than it was before the rally began") and a contrast with
  // someone else ("…fell 3.8%, while rivals rose 5%") are not the claim's event when the rest
  // of the sentence has one.
  // So are a leading clause of concession or time, a concession after the main clause, and a
  // circumstance after "after" / "despite" / "amid": the main clause's event wins.
  const aside: Span[] = parts.filter((c, i) => (i === 0 && parts.length > 1 && (LEADING_REASON.test(text.slice(c.start, c.end)) || LEADING_SUBORDINATE.test(text.slice(c.start, c.end)))) ||
    (i > 0 && /\bthan\s*$/.test(text.slice(Math.max(0, c.start - 6), c.start))) || (i > 0 && CONTRAST_WORD_BEFORE.test(text.slice(Math.max(0, c.start - 10), c.start)) && CONTRAST_WITH_OTHER.test(text.slice(c.start, c.end))) ||
    (i > 0 && CONCESSION_WORD_BEFORE.test(text.slice(Math.max(0, c.start - 10), c.start))) ||
    (i > 0 && text[c.start - 1] === ',' && PARENTHETICAL_HISTORY.test(text.slice(c.start, c.end)) && (i < parts.length - 1 || /^\s*(?:which|that|who)\s+had\b/.test(text.slice(c.start, c.end)))));
  for (const c of parts) {
    if (aside.includes(c)) continue;
    TRAILING_CIRCUMSTANCE.lastIndex = 0;
    const m = TRAILING_CIRCUMSTANCE.exec(text.slice(c.start, c.end));
    if (m) aside.push({ start: c.start + m.index, end: c.end });
  }
  const inAside = (h: EventHit) => aside.some((a) => h.start >= a.start && h.start < a.end);
  if (aside.length > 0) {
    const rest = chosen.filter((h) => !inAside(h));
    if (rest.some((h) => h.kind !== 'restriction' && h.kind !== 'verdict')) chosen = rest;
  }
  // A verdict standing alone in its clause ("Revenue rose 3%, below forecasts.", "…, its
  // slowest pace in years") judges the event before it.
  for (const hit of hits) {
    if (hit.kind === 'verdict' && !chosen.includes(hit) && !directionalIn(clauseOf(hit)) && !inAside(hit)) chosen.push(hit);
  }
  chosen.sort((a, b) => a.start - b.start);
  // A process named as what a restriction limits ("curbs on exports of the chip", "限制英伟达芯片
  // 对华出口", "export controls") is no event of its own: the restriction is.
  chosen = chosen.filter((hit) => !(hit.kind === 'access' && hit.sign > 0 && chosen.some((r) => r.kind === 'restriction' && limits(text, r, hit))));
  // Nor is the level a measure came from ("slowed to 100% from roughly double"), nor gains
  // given back, erased or wiped out ("gave back most of its gains"): what was lost.
  chosen = chosen.filter((hit) => !(hit.kind === 'quantity' && FROM_LEVEL.test(text.slice(Math.max(0, hit.start - 24), hit.start))));
  chosen = chosen.filter((hit) => !(hit.kind === 'quantity' && hit.sign > 0 && chosen.some((u) => UNDOES.test(u.text) && u.end <= hit.start && hit.start - u.end <= 30 && !/[,;，；.]/.test(text.slice(u.end, hit.start)))));
  const directional = chosen.filter((h) => h.kind !== 'restriction');
  // Each word's sign in context: turned over on a restriction (quantity words) and by negation.
  const read = chosen.flatMap((hit) => {
    const clause = clauseOf(hit);
    let sign: number = hit.sign;
    // A restriction alone ("new export controls on the chip") reads as less access.
    if (hit.kind === 'restriction' && directional.length > 0) return [];
    if (hit.kind === 'quantity' && chosen.some((r) => r.kind === 'restriction' && r.start >= clause.start && r.start < clause.end)) sign = -sign;
    const negated = !SELF_NEGATING.test(hit.text) && isNegated(negationText, hit.start);
    if (negated) sign = -sign;
    return [{ hit, clause, sign, negated }];
  });
  // A process stopped, delayed, shrinking or not happening ("halted shipments", "orders were
  // cancelled", "deliveries did not grow"): the down word governs; the process word is its object.
  const kept = read.filter(({ hit, clause, sign }) => {
    if (hit.kind !== 'access' || sign < 0) return true;
    return !read.some((other) => other.hit !== hit && other.sign < 0 && other.hit.kind !== 'restriction' && other.clause === clause);
  });
  const reading: EventReading = { event: 0, verdict: 0, meagre: 0, words: [], negated: false };
  // "grew just 7%", "仅增长3%": the writer marks the figure as disappointing.
  const meagre = MEAGRE_FIGURE.exec(text);
  if (meagre) {
    reading.meagre = -1;
    reading.words.push(meagre[0].trim());
  }
  for (const { hit, sign, negated } of kept) {
    if (negated) reading.negated = true;
    if (hit.kind === 'verdict') reading.verdict += sign;
    else reading.event += sign;
    reading.words.push(hit.text);
  }
  return reading;
}

/** The item's own cues (pack-specific), each flipped when negated: + supports, − challenges. */
export function cueScore(text: string, supports: TermMatcher, challenges: TermMatcher): { score: number; words: string[] } {
  const all = [
    ...supports.find(text).map((h) => ({ h, sign: 1 })),
    ...challenges.find(text).map((h) => ({ h, sign: -1 })),
  ].sort((a, b) => b.h.end - b.h.start - (a.h.end - a.h.start));
  const covered: TermHit[] = [];
  let score = 0;
  const words: string[] = [];
  for (const { h, sign } of all) {
    if (covered.some((c) => h.start >= c.start && h.end <= c.end)) continue;
    covered.push(h);
    const flips = !SELF_NEGATING.test(h.text) && isNegated(text, h.start);
    score += flips ? -sign : sign;
    words.push(h.text);
  }
  return { score, words };
}

/**
 * Does the sentence assert no event at all (a pure hypothesis, a withheld or unknown detail,
 * a question, a watched condition, a wish, others' forecast)? Its stance is neutral by
 * reading, not for want of a cue: a learned scorer should not settle it either.
 */
export function readsNoEvent(text: string, hits: readonly EventHit[] = findEvents(text)): boolean {
  const firstEvent = hits.find((h) => h.kind !== 'restriction');
  return isHypothetical(text, firstEvent?.start) || reportsWithheldDetail(text) || assertsNoEvent(text, firstEvent?.start);
}

export interface StanceReading {
  stance: Stance;
  /**
   * The sentence asserts an event with no direction word of its own ("The companies had planned
   * to use the chips for training."): no event, verdict or cue word, and nothing that reads as no
   * event (a question, a hypothesis…). Said after a sentence on the same item, it takes that one's.
   */
  carriesOn: boolean;
  direction?: 'up' | 'down';
  negated: boolean;
  hedged: boolean;
  words: string[];
}

/**
 * The item's burdens read as restrictions: a burden word not inside an event word joins the
 * hits, so a quantity word in its clause turns over and, alone, it reads as less.
 */
function withBurdens(text: string, hits: readonly EventHit[], burdens: TermMatcher | undefined): readonly EventHit[] {
  if (!burdens?.active) return hits;
  const extra = burdens
    .find(text)
    .filter((b) => !hits.some((h) => h.start < b.end && b.start < h.end))
    .map((b): EventHit => ({ ...b, kind: 'restriction', sign: -1 }));
  return extra.length === 0 ? hits : [...hits, ...extra].sort((a, b) => a.start - b.start);
}

/** The stance of `text` toward an item whose good direction is `direction`. */
export function stanceOf(
  text: string,
  item: { direction: 1 | -1; supports: TermMatcher; challenges: TermMatcher; burdens?: TermMatcher },
  anchors: readonly Span[],
  hits?: readonly EventHit[],
): StanceReading {
  const events = hits ?? findEvents(text);
  const reading = readEvents(text, anchors, withBurdens(text, events, item.burdens));
  const cues = cueScore(text, item.supports, item.challenges);
  const hedged = isHedged(text);
  const out: StanceReading = { stance: 'neutral', carriesOn: false, negated: reading.negated, hedged, words: [...reading.words, ...cues.words] };
  if (reading.event !== 0) out.direction = reading.event > 0 ? 'up' : 'down';
  if (readsNoEvent(text, events)) return out;
  out.carriesOn = out.words.length === 0 && !hedged;
  // The pack's own cues decide only where the generic vocabulary reads no event.
  // A verdict (against expectations, "its slowest pace") outweighs a bare move the other way:
  // "revenue rose 3%, below forecasts" disappoints.
  const generic = Math.sign(Math.sign(reading.event) * item.direction + 1.5 * Math.sign(reading.verdict) + reading.meagre);
  const score = generic !== 0 ? generic : Math.sign(cues.score);
  out.stance = score > 0 ? 'supports' : score < 0 ? 'challenges' : 'neutral';
  return out;
}
