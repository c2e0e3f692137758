import type { LinkEvidence } from '../model/combiner';
import type { ThesisPack } from '../pack/schema';
import type { ClaimLink, LinkReasons } from './types';
import type { Sentence } from './sentences';
import { countHan, foldText } from '../text/cjk';
import { findEvents, type EventHit } from '../text/events';
import type { TermHit, TermMatcher } from '../text/terms';
import { compilePack, type CompiledItem, type CompiledPack } from './compile';
import { isHedged, isMonthMay, isNegated, readsNoEvent, stanceOf, type StanceReading } from './stance';

export { isHedged, isNegated };

/**
 * Claims: sentences that assert something (a fact, a figure, a decision, a forecast) about a
 * checklist item, each linked to its items with a stance relative to the thesis.
 *
 * Stance comes from the item's cues (for a risk item, `challenges` cues are the risk
 * rising), flipped by a negation just before the cue ("did not approve", "no H200 shipped",
 * "未获批准"). Hedges ("could", "may", "reportedly", "可能") keep the stance and mark the
 * claim `hedged`: a forecast or a report, not an established fact.
 */

export interface LinkedSentence {
  sentence: Sentence;
  /** Its index in the sentences given to `findClaims`. */
  index: number;
  links: ClaimLink[];
  hedged: boolean;
}

// ---------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------

const BOILERPLATE =
  /^(?:subscribe|sign up|sign in|log in|click|tap|read more|read next|see also|follow us|share (?:this|on)|copyright|©|all rights reserved|related(?: articles| stories)?:|advertisement|photo:|image:|source:|editing by|reporting by|writing by|additional reporting|this (?:article|story) (?:was|has been) (?:updated|corrected)|disclaimer|(?:(?:the )?(?:author|analyst)(?:'s|’s)? )?disclosures?:|免责声明|责任编辑|原标题|来源：|点击|订阅|扫码|关注我们|版权所有)/i;
const EN_VERB =
  /\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|must|should|shall|do|does|did|says?|said|told|tells|expects?|plans?|wants?|needs?|seeks?|hinges|remains?|shows?|trades?|grows?|rises?|falls?|fell|rose|grew|faces?|reports?|requires?|includes?|means|suggests?|signals?|reflects?|creates?|values|offers?|excludes?|holds?|gives?|sees|owns?|sells?|sold|buys?|bought|makes?|made|takes?|took|leads?|led|runs?|ran|drives?|keeps?|kept|continues?|looks?|appears?|depends?|spends?|spent|won|lost|got|gets?|goes|went|came|comes?|set|sets|put|puts|cut|cuts|paid|pays?|stands?|stood)\b|\b[a-z]{2,}(?:ed|en)\b/i;
// Framing and filler: the writer steering the reader, not a fact ("The bottom line is…",
// "Here's why.", "This gap is not accidental.", "归根结底…").
const FRAMING =
  /^(?:(?:the|my) bottom line(?: is| here)?|here(?:'s|’s| is) (?:why|what|the thing|how)|the (?:real |big |key )?question (?:is|remains)|in other words|put (?:simply|another way)|to put it (?:simply|another way|bluntly)|simply put|make no mistake|it(?:'s|’s| is) worth (?:noting|remembering|asking)|let(?:'s|’s| us) (?:be clear|look|take|consider|step back)|consider this|think about it|the point is|the takeaway(?: is)?|what(?:'s|’s| is) more|that said|to be sure|of course|needless to say|总而言之|换句话说|归根结底|问题在于|说到底|简而言之|值得一提的是)(?![A-Za-z])/i;
/** Short verdicts on the writer's own framing: "This gap is not accidental.", "That is no coincidence." */
const FRAMING_VERDICT = /^(?:this|that|it|these|such)\b[^.!?]{0,40}\b(?:is|are|was|were)(?: not| no| hardly)? (?:accidental|a coincidence|coincidental|no accident|no coincidence|surprising|unsurprising|telling|striking|the point|the key|the question|the story)[.!]?$/i;
/** A number with its unit: a percentage, an amount, a multiple. */
const ASSERTS_FIGURE = /\d(?:[\d,.]*)\s*(?:%|percent|per cent|x\b|times\b|billion|million|bn\b|亿|万|倍)|[$¥€£]\s?\d/i;
const TERMINAL = /[.!。！；;…"”'’)）]$/;

/** Does the sentence assert something (rather than ask, label or advertise)? */
export function isAssertion(text: string, lang: 'en' | 'zh', wholeBlock = false): boolean {
  const trimmed = text.trim();
  if (/[?？]["”'’)）]*$/.test(trimmed)) return false;
  if (BOILERPLATE.test(trimmed)) return false;
  if (FRAMING.test(trimmed) || FRAMING_VERDICT.test(trimmed)) return false;
  if (isDataLine(trimmed)) return false;
  // A byline: "By Jane Doe and John Roe", "By Jane Doe, Reporter".
  if (/^by\s+[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3})*\s*(?:[,|–—-].{0,40})?$/u.test(trimmed)) return false;
  // A dateline: "Updated May 3, 2026 at 4:45 p.m. ET", "Published 12:05 GMT by Jane Doe".
  if (/^(?:(?:last )?updated|published|posted|first published)\b/i.test(trimmed) && /\d/.test(trimmed) && trimmed.split(/\s+/).length <= 14) return false;
  // A line of article metadata: a date or time with a byline, source or read count
  // ("财经日报 2026-03-05 09:12 记者 王明 阅读 1.2万", "Jan 5, 2026 · 4 min read").
  if (!TERMINAL.test(trimmed) && /\d{4}[-/.年]\d{1,2}|\b\d{1,2}:\d{2}\b/.test(trimmed) && META_WORDS.test(trimmed)) return false;
  // A list's label: "第二是即时零售。", "其一是估值。": it names what follows, it asserts nothing.
  if (ENUMERATOR.test(trimmed)) return false;
  const cjk = countHan(trimmed);
  const words = trimmed.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const chinese = lang === 'zh' || cjk > words;
  if (chinese) {
    if (cjk < 6) return false;
    // A heading: a whole short line without closing punctuation.
    if (wholeBlock && !TERMINAL.test(trimmed) && trimmed.length < 30 && !ASSERTS_FIGURE.test(trimmed)) return false;
    return true;
  }
  if (words < 5) return false;
  // A short line of its own is a heading, unless it asserts a figure ("Cloud revenue up 35%",
  // a live blog's sub-heading or a bullet): those are claims.
  if (wholeBlock && !TERMINAL.test(trimmed) && words <= 14 && !(ASSERTS_FIGURE.test(trimmed) && findEvents(trimmed).length > 0)) return false;
  // "Jane Roe 15 May 2026, 10:35 HKT": the month May is no modal verb.
  const verbal = trimmed.replace(/\bMay\b/g, (word, at: number) => (isMonthMay(trimmed, at) ? '   ' : word));
  return EN_VERB.test(verbal) || PRONOUN_VERB.test(verbal) || (ASSERTS_FIGURE.test(trimmed) && findEvents(trimmed).length > 0);
}

/** A personal pronoun and the word after it: a verb in the present ("It covers…", "They apply…"). */
const PRONOUN_VERB = /\b(?:(?:it|he|she|which|who) (?:also |now |still |only |already )?[a-z]{2,}s|(?:they|we|i) (?:also |now |still |only |already )?[a-z]{2,})\b/i;

const META_WORDS = /记者|编辑|责编|来源[:：]|作者[:：]|阅读\s*[\d.]+|浏览\s*[\d.]+|\bmin(?:ute)?s? read\b|\bby\s+[A-Z]/;
const ENUMERATOR = /^(?:第[一二三四五六七八九十]+|其[一二三四五]|[一二三四五]是|首先|其次|再次|最后)(?:是|为|则是)?[^，,。；]{0,10}[。：:]?$/;

/**
 * A line of labelled values ("Rating: Hold Target: $150", "Sector: Internet | Ticker: BABA",
 * "评级：买入 目标价：200美元"): a data box, not a sentence.
 */
export function isDataLine(text: string): boolean {
  // A sentence ends with its punctuation; a quotation after a colon is speech, not a value.
  if (/[.。!！"”'’]$/.test(text)) return false;
  const labels = text.match(/(?:^|[\s|·•,，;；])[\p{L}][\p{L}\p{N} .'’/&-]{0,24}[:：]\s*(?=[^\s"“'‘「])/gu) ?? [];
  if (labels.length < 2) return false;
  const words = text.split(/\s+/).filter(Boolean).length;
  return words <= 6 * labels.length && countHan(text) <= 12 * labels.length;
}

/** "It grew 34%…", "The unit's revenue…": the subject is in the sentence before. */
export const OPENS_WITH_PRONOUN =
  /^(?:(?:It|Its|This|That|These|They|Their|He|She)\b|The (?:unit|segment|division|business|company|group|firm|figure|increase|rise|decline|plan|move|deal|rule)\b|(?:它|其|该公司|该业务|该部门|公司))/;

/**
 * "The rule would take effect in July.", "The amendment must still pass the House.", "该规定将于
 * 7月生效。": a sentence opening on the measure the sentence before described is about that
 * measure: its timetable, scope or fate, often in none of the item's words.
 */
export const OPENS_WITH_MEASURE =
  /^(?:(?:The|This|That|These|Those|Such)\s+(?:(?:new|draft|proposed|latest|planned|revised|final|same)\s+)?(?:rules?|requirements?|measures?|regulations?|restrictions?|curbs?|controls?|bans?|halt|suspension|pause|amendments?|bills?|provisions?|legislation|law|drafts?|proposals?|policy|policies|guidance|instructions?|directives?|orders?|licen[cs]es?|permits?|approvals?|conditions|terms|caps?|quotas?|tariffs?|window|decision)\b|(?:该|此|这一|这项|上述|新)(?:规定|规则|要求|措施|禁令|政策|法案|修正案|草案|条款|指导|通知|许可|审批|批准|决定|限制|管制)|此举)/i;

// ---------------------------------------------------------------------------------------
// Subjects: who does what
// ---------------------------------------------------------------------------------------

/** Where a sentence's subject may be found when it does not name one: the sentence or heading it continues. */
export interface SubjectContext {
  previous?: string;
  heading?: string;
  /** The article's title: the heading every sentence of the article continues. */
  title?: string;
  /** The article's own subject: the pack's company when the article keeps naming it (a discourse topic). */
  topic?: string;
  /** Items the sentence before was linked to, with the subject that bound each (it carries on that link). */
  previousLinks?: ReadonlyMap<string, string | undefined>;
}

/**
 * The subject words binding the sentence to the item, or null when the item's subject is
 * not the sentence's actor. An item without a subject (v1 packs) binds to any sentence.
 * Another company named with none of the item's subjects ("Microsoft's Azure revenue grew")
 * is that company's news; a sentence naming nobody continues the one before it or its heading.
 * `inSentence`: the actor is named in the sentence itself, not taken from its context.
 */
export function bindSubject(text: string, compiled: CompiledItem, pack: CompiledPack, context: SubjectContext = {}): { subject?: string; inSentence?: true } | null {
  if (!compiled.subject.active) return {};
  const own = actorHits(text, compiled, pack);
  if (own.length > 0) {
    // "Microsoft has ordered Nvidia H200s": another company named first in the main clause is
    // the actor; a seller or a regulator named after it is not (the pack's company always is).
    if (ledByOther(text, own[0]!.start, pack)) return null;
    return { subject: own[0]!.text, inSentence: true };
  }
  // Another company in a clause of circumstance ("…narrowed after Meituan cut its
  // subsidies") is not the actor: only the main clause is checked.
  if (pack.others.active && pack.others.test(mainClause(text))) return null;
  // A sentence that names its own actor (another side's) continues no one: "Alibaba Cloud
  // started offering H200 instances" after a sentence on Beijing is Alibaba's news.
  if (pack.self.test(text) || pack.items.some((other) => other !== compiled && other.subject.active && actorHits(text, other, pack).length > 0)) return null;
  // The sentence before was about this item: a sentence naming no one carries on its actor.
  if (context.previousLinks?.has(compiled.item.id)) {
    const subject = context.previousLinks.get(compiled.item.id);
    return subject ? { subject } : {};
  }
  for (const source of [context.previous, context.heading, context.title, context.topic]) {
    if (!source) continue;
    const hit = compiled.subject.find(source)[0];
    if (hit && !ledByOther(source, hit.start, pack)) return { subject: hit.text };
  }
  // "Imports of the chip were approved in January": a passive without its agent names no
  // actor to be wrong about; the event itself is the news (unless the sentence before is
  // another company's).
  const previousIsOthers = !!context.previous && pack.others.active && pack.others.test(context.previous) && !pack.self.test(context.previous);
  if (AGENTLESS_PASSIVE.test(text) && !previousIsOthers) return {};
  return null;
}

/**
 * "Microsoft has ordered Nvidia H200s": another company named in the main clause before the
 * item's subject word (at `subjectAt`) is the actor; a seller or a regulator named after it is
 * not. A main clause naming the pack's own company is never another's.
 */
function ledByOther(text: string, subjectAt: number, pack: CompiledPack): boolean {
  if (!pack.others.active) return false;
  const main = mainClause(text);
  if (pack.self.test(main)) return false;
  const other = pack.others.find(main)[0];
  return !!other && other.start < subjectAt;
}

/** A passive whose agent is left out: "were approved", "has been halted", "获批", "被叫停". */
const AGENTLESS_PASSIVE =
  /\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?(?:not\s+)?(?:approved|cleared|granted|given|licen[cs]ed|allowed|permitted|authori[sz]ed|banned|blocked|barred|restricted|halted|suspended|paused|frozen|rejected|denied|delayed|postponed|shipped|delivered|installed|deployed|ordered|cancell?ed|imposed|lifted|eased|tightened|loosened|relaxed|extended|revoked|withdrawn|excluded|limited|capped)\b(?!\s+by\b)|获批|获准|被(?!动)|遭到?/i;

/** Words that open a clause of time, cause, contrast or comparison after the main one. */
const SUBORDINATE = /\s(?:after|as|while|whereas|because|since|when|than|despite|following|amid|although|though|compared with|compared to|versus|vs\.?|unlike)\s|[,，;；]\s*(?:but|and|while|whereas)\s|(?:因为|由于|随着|之后|此前|但|而|相比)/;

/** The sentence up to its first subordinate clause (at least a few words in). */
export function mainClause(text: string): string {
  const skip = countHan(text.slice(0, 12)) > 3 ? 4 : 12;
  const match = SUBORDINATE.exec(text.slice(skip));
  return match ? text.slice(0, skip + match.index) : text;
}

// "sales to China", "chips for Chinese buyers", "demand in China": a place or a recipient, not the actor.
const EN_NOT_ACTOR = /\b(?:to|into|in|for|on|at|with|against|towards?|about|than|across|inside|outside|beyond|within|throughout|over)\s+(?:the\s+)?$/i;
const ZH_NOT_ACTOR = /(?:对|向|在|赴|入|进入|输往|运往|销往)$/;

/**
 * The item's subject words that stand as an actor or owner in the sentence: not after a
 * preposition of place or recipient, and not inside a longer name of another side
 * ("商务部" in "美国商务部" is Washington's, not Beijing's).
 */
function actorHits(text: string, compiled: CompiledItem, pack: CompiledPack): TermHit[] {
  const hits = compiled.subject.find(text);
  if (hits.length === 0) return hits;
  const longer = pack.items.filter((other) => other.subject !== compiled.subject && other.subject.active).flatMap((other) => other.subject.find(text));
  return hits.filter((hit) => {
    const before = text.slice(Math.max(0, hit.start - 12), hit.start);
    // A company receiving ("shipped to Alibaba") owns what it receives; a country there is a destination.
    if ((EN_NOT_ACTOR.test(before) || ZH_NOT_ACTOR.test(before)) && !pack.self.test(hit.text)) return false;
    return !longer.some((l) => l.start <= hit.start && l.end >= hit.end && l.end - l.start > hit.end - hit.start);
  });
}

function anchorsOf(text: string, compiled: CompiledItem): TermHit[] {
  const hits = [...compiled.event.find(text)];
  for (const rule of compiled.rules) for (const group of rule.groups) hits.push(...group.find(text));
  return hits;
}

/** The link of one sentence to one item, with its stance and reasons. */
function linkFor(text: string, compiled: CompiledItem, subject: string | undefined, events = findEvents(text)): ClaimLink {
  return readLink(text, compiled, subject, events).link;
}

/** The link of one sentence to one item, and the stance reading behind it. */
function readLink(text: string, compiled: CompiledItem, subject: string | undefined, events: EventHit[], stanceText = text): { link: ClaimLink; reading: StanceReading } {
  const anchors = anchorsOf(text, compiled);
  const reading = stanceOf(stanceText, compiled, anchors, events);
  const event = compiled.event.find(text)[0]?.text ?? anchors[0]?.text;
  const words = [...new Set([...(subject ? [subject] : []), ...anchors.map((a) => a.text), ...reading.words])];
  const reasons: LinkReasons = { words };
  if (subject) reasons.subject = subject;
  if (event) reasons.event = event;
  if (reading.direction) reasons.direction = reading.direction;
  if (reading.negated) reasons.negated = true;
  if (reading.hedged) reasons.hedged = true;
  return { link: { id: compiled.item.id, stance: reading.stance, reasons }, reading };
}

/** Does the sentence name no actor of its own (the pack's company, another company, an item's subject)? */
function namesNoActor(text: string, pack: CompiledPack): boolean {
  return !pack.self.test(text) && !(pack.others.active && pack.others.test(text)) && !pack.items.some((item) => item.subject.active && item.subject.test(text));
}

/** Items one sentence is about, read alone (no preceding sentence to continue), each with its stance. */
export function linkSentence(text: string, pack: ThesisPack, context: SubjectContext = {}): ClaimLink[] {
  const compiled = compilePack(pack);
  const events = findEvents(text);
  const links: ClaimLink[] = [];
  for (const item of compiled.items) {
    if (!item.rules.some((rule) => rule.test(text))) continue;
    const bound = bindSubject(text, item, compiled, context);
    if (!bound) continue;
    links.push(linkFor(text, item, bound.subject, events));
  }
  return links;
}

/** Index of the sentence containing [start, end), or -1 (sentences sorted, not overlapping). */
function sentenceAt(sentences: readonly Sentence[], start: number, end: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (end <= s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return start >= s.start && end <= s.end ? mid : -1;
  }
  return -1;
}

/**
 * Sentences of `text` that are claims about the pack's items. `published` (the article's date,
 * YYYY-MM-DD) lets an event dated years before it read as background.
 *
 * A rule's first term list runs ONCE over the whole text (its hits assigned to sentences); the
 * other lists are tried only on the sentences still in the running. The cost grows with the
 * text and the number of distinct first lists, not with sentences × rules.
 */
export function findClaims(text: string, sentences: readonly Sentence[], pack: ThesisPack, lang: 'en' | 'zh' = 'en', title = '', published?: string | null): LinkedSentence[] {
  const publishedYear = published ? Number(published.slice(0, 4)) : NaN;
  const compiledPack = compilePack(pack);
  const compiled = compiledPack.items;
  const hitsOf = new Map<TermMatcher, Set<number>>();
  const sentencesWith = (matcher: TermMatcher): Set<number> => {
    let set = hitsOf.get(matcher);
    if (!set) {
      set = new Set<number>();
      if (matcher.active) {
        for (const hit of matcher.find(text)) {
          const i = sentenceAt(sentences, hit.start, hit.end);
          if (i >= 0) set.add(i);
        }
      }
      hitsOf.set(matcher, set);
    }
    return set;
  };
  const tested = new Map<TermMatcher, Map<number, boolean>>();
  const testSentence = (matcher: TermMatcher, i: number): boolean => {
    let memo = tested.get(matcher);
    if (!memo) tested.set(matcher, (memo = new Map()));
    let result = memo.get(i);
    if (result === undefined) memo.set(i, (result = matcher.test(sentences[i]!.text)));
    return result;
  };
  const linksBySentence = new Map<number, CompiledItem[]>();
  for (const item of compiled) {
    const matched = new Set<number>();
    for (const rule of item.rules) {
      // Narrow group by group: a rule whose first group is absent costs one pass.
      // Start from a group already scanned for another rule, if any: an AND is order-free.
      const groups = [...rule.groups];
      const scanned = groups.findIndex((group) => hitsOf.has(group));
      if (scanned > 0) groups.unshift(...groups.splice(scanned, 1));
      let candidates: number[] | null = null;
      for (const group of groups) {
        if (candidates === null) candidates = [...sentencesWith(group)];
        else if (hitsOf.has(group)) {
          const set = hitsOf.get(group)!;
          candidates = candidates.filter((i: number) => set.has(i));
        } else {
          // Only the candidate sentences: never more text than a pass over the whole article.
          candidates = candidates.filter((i: number) => testSentence(group, i));
        }
        if (candidates.length === 0) break;
      }
      if (!candidates || candidates.length === 0) continue;
      for (const i of candidates) if (!rule.none.active || !testSentence(rule.none, i)) matched.add(i);
    }
    for (const i of matched) {
      const list = linksBySentence.get(i) ?? [];
      list.push(item);
      linksBySentence.set(i, list);
    }
  }

  // "It grew 34%", "The unit's revenue rose": the sentence continues the one before, whose
  // terms it borrows, as long as it holds a term of the rule itself.
  // So does a sentence that names the item's event again right after one on that item
  // ("…the chips Alibaba ordered." then "Only a third of the orders has been delivered.").
  for (let i = 1; i < sentences.length; i++) {
    const own = sentences[i]!.text;
    const pronoun = OPENS_WITH_PRONOUN.test(own);
    const previousItems = linksBySentence.get(i - 1) ?? [];
    if (!pronoun && previousItems.length === 0) continue;
    const joined = `${sentences[i - 1]!.text} ${own}`;
    // A sentence on the measure just described carries on its items without their words.
    // The measure's own noun must be one of the item's words ("the amendment" carries on export
    // controls, "the approvals" an import approval), not just any item the sentence before had.
    const measure = previousItems.length > 0 ? OPENS_WITH_MEASURE.exec(own)?.[0] : undefined;
    for (const item of compiled) {
      const list = linksBySentence.get(i) ?? [];
      if (list.includes(item)) continue;
      if (measure && previousItems.includes(item) && (item.event.test(measure) || item.rules.some((rule) => rule.groups.some((group) => group.test(measure))))) {
        list.push(item);
        linksBySentence.set(i, list);
        continue;
      }
      if (!pronoun && !(previousItems.includes(item) && item.event.test(own))) continue;
      if (!item.rules.some((rule) => rule.test(joined) && rule.groups.some((group) => group.test(own)))) continue;
      list.push(item);
      linksBySentence.set(i, list);
    }
  }

  const topic = articleTopic(text, compiledPack);
  const titleKey = foldText(title);
  const out: LinkedSentence[] = [];
  let heading: string | undefined;
  let headingChecked = -1;
  const scorer = compiledPack.scorer;
  // With a learned scorer, sentences a rule matched, those naming an item's subject or event,
  // and the sentences right after those (which may carry them on without naming them) are
  // candidates (the model is asked only there); without one, those a rule matched.
  const namedMemo = new Map<number, boolean>();
  const named = (i: number) => {
    if (!namedMemo.has(i)) namedMemo.set(i, linksBySentence.has(i) || compiled.some((item) => item.subject.test(sentences[i]!.text) || item.event.test(sentences[i]!.text)));
    return namedMemo.get(i)!;
  };
  const candidates = scorer ? sentences.map((_, i) => i).filter((i) => named(i) || (i > 0 && named(i - 1))) : [...linksBySentence.keys()].sort((a, b) => a - b);
  let previousOut: LinkedSentence | undefined;
  for (const i of candidates) {
    const sentence = sentences[i]!;
    const wholeBlock = isWholeBlock(text, sentence);
    // A point of a list of short statements is read as a sentence, not as a heading.
    if (!isAssertion(sentence.text, lang, wholeBlock && !isListPoint(text, sentences, i, lang))) continue;
    if (titleKey && isTitle(sentence.text, titleKey)) continue;
    // The nearest heading before the sentence: a whole short block that is no assertion.
    for (let h = headingChecked + 1; h < i; h++) {
      const candidate = sentences[h]!;
      if (isWholeBlock(text, candidate) && !isAssertion(candidate.text, lang, true)) heading = candidate.text;
    }
    headingChecked = i - 1;
    const previousLinks = previousOut && previousOut.index === i - 1 ? new Map(previousOut.links.map((l) => [l.id, l.reasons?.subject])) : undefined;
    const context: SubjectContext = {
      ...(i > 0 ? { previous: sentences[i - 1]!.text } : {}),
      ...(heading ? { heading } : {}),
      ...(title ? { title } : {}),
      ...(topic ? { topic } : {}),
      ...(previousLinks ? { previousLinks } : {}),
    };
    const events = findEvents(sentence.text);
    // "The approvals had covered 40,000 chips.": a sentence opening on the measure the one before
    // described names it, not an event of its own; its stance is read without those words (a
    // restriction noun stays: "the curbs were eased" reads as easing).
    const measure = i > 0 ? OPENS_WITH_MEASURE.exec(sentence.text)?.[0] : undefined;
    // What happened to that measure ("The amendment passed"), read once for every item.
    const fate = measure ? measureFate(sentence.text.slice(measure.length)) : 0;
    // "Washington first restricted the sales in 2022.": an event dated years before the article
    // is background that changes nothing now, whatever its words.
    const history = datedLongBefore(sentence.text, publishedYear);
    const stanceText = measure && !events.some((h) => h.kind === 'restriction' && h.start < measure.length) ? ' '.repeat(measure.length) + sentence.text.slice(measure.length) : sentence.text;
    const stanceEvents = stanceText === sentence.text ? events : findEvents(stanceText);
    const links: ClaimLink[] = [];
    const ruleItems = linksBySentence.get(i) ?? [];
    const scores = scorer ? scorer.linkScores(sentence.text, lang, context.previous) : null;
    // A sentence on an item of its own words ("He said the clusters would serve customers by
    // June.") is about that item: the sentence before tells which item a sentence continues only
    // when it names none, so the model's word on a link must hold on the sentence's own words too.
    const alone = scorer && context.previous ? scorer.linkScores(sentence.text, lang) : scores;
    // The rule items first: the first link is the sentence's strongest.
    for (const item of [...ruleItems, ...compiled.filter((other) => !ruleItems.includes(other))]) {
      const rule = ruleItems.includes(item);
      const p = scores?.get(item.item.id);
      // The model may add a link the rules missed, but not one the item's own exclusions rule
      // out ("a domestic-chip requirement is not an import approval"): the pack has the last word.
      if (!rule && (p === undefined || excludedByItem(sentence.text, item))) continue;
      // The item's subject must be the sentence's actor, whoever proposes the link.
      const bound = bindSubject(sentence.text, item, compiledPack, context);
      if (!bound) continue;
      let linkScore: number | undefined;
      if (p !== undefined) {
        const evidence: LinkEvidence = {
          rule,
          p,
          pAlone: alone?.get(item.item.id) ?? p,
          subjectNamed: item.subject.test(sentence.text),
          eventNamed: item.event.test(sentence.text),
          actorInSentence: bound.inSentence === true,
          previousRuled: (linksBySentence.get(i - 1) ?? []).includes(item),
          otherItemRuled: !rule && ruleItems.length > 0,
        };
        const decision = scorer!.decideLink?.(evidence, sentence.text, item.item.id) ?? { link: fixedLinkDecision(evidence) };
        if (!decision.link) continue;
        linkScore = decision.p;
      }
      const { link, reading } = readLink(sentence.text, item, bound.subject, stanceEvents, stanceText);
      if (p !== undefined) link.reasons!.modelScore = Math.round(p * 1000) / 1000;
      if (linkScore !== undefined) link.reasons!.linkScore = Math.round(linkScore * 1000) / 1000;
      // "Beijing halted new orders. The companies had planned to use the chips for training.": a
      // sentence naming no actor and no event word of its own carries on the event of the sentence
      // before on the same item, and its stance.
      const before = previousOut?.index === i - 1 ? previousOut.links.find((l) => l.id === item.item.id) : undefined;
      if (link.stance === 'neutral' && reading.carriesOn && before && before.stance !== 'neutral' && namesNoActor(sentence.text, compiledPack)) link.stance = before.stance;
      // "…an amendment that would block the licences. The amendment passed 68-30.": a measure's
      // fate goes the way of what the sentence before said the measure does (passing a block blocks).
      if (fate !== 0 && link.stance !== 'neutral' && before?.reasons?.direction) {
        const direction = fate * (before.reasons.direction === 'up' ? 1 : -1);
        link.reasons!.direction = direction > 0 ? 'up' : 'down';
        link.stance = direction * item.direction > 0 ? 'supports' : 'challenges';
      }
      if (history) link.stance = 'neutral';
      if (scorer?.stanceScores && !history) {
        // The model settles a stance the rules leave neutral. It never overrides theirs: a bag of
        // words cannot read negation or scope ("stopped clearing the chips" is words of
        // clearance), which is what the rules' reading is for.
        // A sentence naming no actor of its own is read with the one it continues.
        const stance = scorer.stanceScores(sentence.text, lang, item.item.id, context.previous);
        // A sentence that asserts no event (a question, a wish, a withheld detail) keeps neutral.
        const bar = link.stance !== 'neutral' || readsNoEvent(sentence.text, events) ? Infinity : MODEL_STANCE;
        const top = (['supports', 'challenges', 'neutral'] as const).reduce((a, b) => (stance[b] > stance[a] ? b : a));
        if (top !== link.stance && stance[top] >= bar) link.stance = top;
      }
      links.push(link);
    }
    if (links.length === 0) continue;
    previousOut = { sentence, index: i, links, hedged: isHedged(sentence.text) };
    out.push(previousOut);
  }
  return out;
}

/** A year the sentence dates its event by: "in 2022", "since early 2021", "2022年". */
const DATING_YEAR =
  /\b(?:in|since|from|during|until|back in|as early as|as far back as)\s+(?:(?:early|late|mid-?|the (?:end|start|beginning|middle) of)\s*)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d{2})\b|((?:19|20)\d{2})年/g;
const RECORD_BEFORE = /\b(?:\w+est|most|least|first time|record|not seen|unseen)\b[^.;]{0,30}$/i;
/** Years before the article's own that make an event history, not news. */
const HISTORY_YEARS = 2;

/** Is the sentence's event dated, by every year it names, at least HISTORY_YEARS before the article's year? */
function datedLongBefore(text: string, publishedYear: number): boolean {
  if (!Number.isFinite(publishedYear)) return false;
  // "its slowest pace since early 2024", "创2024年以来新低": the year measures a record, it does not date the event.
  const years = [...text.matchAll(DATING_YEAR)]
    .filter((m) => !RECORD_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) && !/^年?以来/.test(text.slice(m.index + m[0].length)))
    .map((m) => Number(m[1] ?? m[2]));
  const all = [...text.matchAll(/\b(?:19|20)\d{2}\b|(?:19|20)\d{2}(?=年)/g)].map((m) => Number(m[0]));
  return years.length > 0 && all.every((year) => year <= publishedYear - HISTORY_YEARS);
}

const MEASURE_GOES_AHEAD =
  /^\s*(?:(?:was|were|has been|have been|had been|is|are)\s+)?(?:(?:formally|finally|quickly|narrowly|easily|also)\s+)?(?:passed|passes|adopted|approved|enacted|signed|cleared|finali[sz]ed|took effect|takes effect|came into force|comes into force|went into effect|goes into effect)\b|^[^，。,]{0,8}?(?:已|已经|正式)?(?:获得?)?(?:通过|获批|生效|实施|落地|出台)/i;
const MEASURE_STOPPED =
  /^\s*(?:(?:was|were|has been|have been|had been|is|are)\s+)?(?:(?:formally|finally|quickly|narrowly|easily|also)\s+)?(?:rejected|withdrawn|dropped|shelved|struck down|voted down|defeated|scrapped|abandoned|failed|lapsed)\b|^[^，。,]{0,8}?(?:被|遭|已)?(?:否决|撤回|搁置|废止|取消)/i;

/** What happened to a measure, from the words after its noun: +1 it went ahead, −1 it was stopped, 0 neither. */
function measureFate(rest: string): number {
  return MEASURE_GOES_AHEAD.test(rest) ? 1 : MEASURE_STOPPED.test(rest) ? -1 : 0;
}

/** Does one of the item's rules exclude the sentence (its `none` terms)? */
function excludedByItem(text: string, item: CompiledItem): boolean {
  return item.rules.some((rule) => rule.none.active && rule.none.test(text));
}

/** The headline repeated in the body (or the body's first line as the title of a text file) is no claim. */
function isTitle(sentence: string, titleKey: string): boolean {
  const key = foldText(sentence).replace(/[。.!！]$/, '');
  return key.length > 0 && (titleKey === key || (key.length >= 20 && titleKey.includes(key)) || (titleKey.length >= 20 && key.includes(titleKey) && key.length < titleKey.length * 1.3));
}

/**
 * How a learned scorer's probabilities combine with the rules when it brings no combiner of its
 * own (`LinkScorer.decideLink`; the bundled model brings one, lib/model/combiner.ts): a rule's
 * link stands; the model adds one the rules missed at MODEL_ADD or above, and to a sentence a
 * rule gave another item only when the sentence read alone also scores it MODEL_ADD_ALONE.
 * A neutral rule stance takes the model's at MODEL_STANCE or above; a rule's stance never
 * gives way to it.
 */
export function fixedLinkDecision(e: LinkEvidence): boolean {
  return e.rule || (e.p >= MODEL_ADD && (!e.otherItemRuled || e.pAlone >= MODEL_ADD_ALONE));
}
const MODEL_ADD = 0.9;
const MODEL_ADD_ALONE = 0.5;
const MODEL_STANCE = 0.6;

/** Mentions of the pack's company that make it the article's topic. */
const TOPIC_MIN_MENTIONS = 3;

/** The pack's company as the article's topic, when the article names it often enough: its most frequent name. */
function articleTopic(text: string, pack: CompiledPack): string | undefined {
  if (!pack.self.active) return undefined;
  const counts = new Map<string, number>();
  for (const hit of pack.self.find(text)) counts.set(hit.text, (counts.get(hit.text) ?? 0) + 1);
  let total = 0;
  let top: string | undefined;
  let topCount = 0;
  for (const [name, count] of counts) {
    total += count;
    if (count > topCount) [top, topCount] = [name, count];
  }
  return total >= TOPIC_MIN_MENTIONS ? top : undefined;
}

/**
 * Is sentence `i` one of a run of short, unpunctuated lines that each make a statement (a
 * list of key points, bullets)? A heading stands alone above a paragraph; a list's points
 * stand next to one another.
 */
export function isListPoint(text: string, sentences: readonly Sentence[], i: number, lang: 'en' | 'zh'): boolean {
  const point = (j: number) => {
    const s = sentences[j];
    return !!s && isWholeBlock(text, s) && !TERMINAL.test(s.text.trim()) && isAssertion(s.text, lang, false);
  };
  return point(i) && (point(i - 1) || point(i + 1));
}

/** Is the sentence a whole block of the text (a line of its own: a heading, a bullet, a short paragraph)? */
function isWholeBlock(text: string, sentence: Sentence): boolean {
  return (
    (sentence.start === 0 || /\n\s*$/.test(text.slice(Math.max(0, sentence.start - 4), sentence.start))) &&
    (sentence.end === text.length || /^\s*(?:\n|$)/.test(text.slice(sentence.end, sentence.end + 4)))
  );
}
