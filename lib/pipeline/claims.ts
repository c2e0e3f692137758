import type { Item, Stance, ThesisPack } from '../pack/schema';
import type { ClaimLink } from './types';
import type { Sentence } from './sentences';
import { countHan } from '../text/cjk';
import { ruleMatcher, termMatcher, type RuleMatcher, type TermMatcher } from '../text/terms';

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

interface CompiledItem {
  item: Item;
  rules: RuleMatcher[];
  supports: TermMatcher;
  challenges: TermMatcher;
}

const compiledPacks = new WeakMap<ThesisPack, CompiledItem[]>();

/** The pack's item matchers, compiled once per pack object. */
export function compileItems(pack: ThesisPack): CompiledItem[] {
  let compiled = compiledPacks.get(pack);
  if (!compiled) {
    compiled = pack.items.map((item) => ({
      item,
      rules: item.matchers.map((rule) => ruleMatcher(rule)),
      supports: termMatcher(item.cues.supports),
      challenges: termMatcher(item.cues.challenges),
    }));
    compiledPacks.set(pack, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------

const BOILERPLATE =
  /^(?:subscribe|sign up|sign in|log in|click|tap|read more|read next|see also|follow us|share (?:this|on)|copyright|©|all rights reserved|related(?: articles| stories)?:|advertisement|photo:|image:|source:|editing by|reporting by|writing by|additional reporting|this (?:article|story) (?:was|has been) (?:updated|corrected)|disclaimer|免责声明|责任编辑|原标题|来源：|点击|订阅|扫码|关注我们|版权所有)/i;
const EN_VERB =
  /\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|must|should|shall|do|does|did|says?|said|told|tells|expects?|plans?|wants?|needs?|seeks?|hinges|remains?|shows?|trades?|grows?|rises?|falls?|fell|rose|grew|faces?|reports?|requires?|includes?|means|suggests?|signals?|reflects?|creates?|values|offers?|excludes?|holds?|gives?|sees|owns?|sells?|sold|buys?|bought|makes?|made|takes?|took|leads?|led|runs?|ran|drives?|keeps?|kept|continues?|looks?|appears?|depends?|spends?|spent|won|lost|got|gets?|goes|went|came|comes?|set|sets|put|puts|cut|cuts|paid|pays?|stands?|stood)\b|\b[a-z]{2,}(?:ed|en)\b/i;
const TERMINAL = /[.!。！；;…"”'’)）]$/;

/** Does the sentence assert something (rather than ask, label or advertise)? */
export function isAssertion(text: string, lang: 'en' | 'zh', wholeBlock = false): boolean {
  const trimmed = text.trim();
  if (/[?？]["”'’)）]*$/.test(trimmed)) return false;
  if (BOILERPLATE.test(trimmed)) return false;
  const cjk = countHan(trimmed);
  const words = trimmed.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const chinese = lang === 'zh' || cjk > words;
  if (chinese) {
    if (cjk < 6) return false;
    // A heading: a whole short line without closing punctuation.
    if (wholeBlock && !TERMINAL.test(trimmed) && trimmed.length < 30) return false;
    return true;
  }
  if (words < 5) return false;
  if (wholeBlock && !TERMINAL.test(trimmed) && words <= 14) return false;
  return EN_VERB.test(trimmed);
}

// ---------------------------------------------------------------------------------------
// Negation and hedging
// ---------------------------------------------------------------------------------------

// A negator, then at most five words of the same clause, right before the cue: "did not approve", "no H200
// shipped", "have yet to receive", "without approval".
const EN_NEGATION =
  /(?:\b(?:not|no|never|nothing|without|neither|nor|cannot|none|zero|yet to|failed to|fails to|fail to|refused to|refuses to|unable to|lack of|absence of|instead of|rather than)|n['’]t)(?:\s+[\p{L}\p{N}’'/-]+){0,5}\s*$/iu;
const ZH_NEGATION = /(?:未|不|没有|没|无|尚未|并未|并非|非|拒绝|不会|不再|不得|难以)[\p{Script=Han}A-Za-z0-9]{0,3}$/u;

/** Is the cue at `start` negated by the words just before it? */
export function isNegated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  // A clause boundary ends the negation's scope: "not only…, but approved" stays positive.
  const clause = before.split(/[,;:，；：]|\bbut\b|\band\b|但|而|并且/).pop() ?? before;
  if (/[\u3400-\u9fff]$/.test(clause) || /^[\u3400-\u9fff]/.test(text.slice(start))) {
    if (ZH_NEGATION.test(clause)) return true;
  }
  return EN_NEGATION.test(clause);
}

const EN_HEDGE =
  /\b(?:could|might|reportedly|possibly|perhaps|likely|unlikely|probably|expected to|is said to|are said to|rumou?red|considering|weighing|would|if|potential(?:ly)?|may be|may)\b/gi;
const ZH_HEDGE = /可能|或将|或许|据报道|据悉|据称|传闻|有望|预计|拟|考虑|也许|若|如果/;
const MONTH_MAY_BEFORE = /\b(?:in|since|by|until|of|early|late|mid|from|to|last|next|this|on|during)\s*$/i;

/** Is the sentence hedged: a forecast, a possibility or an unconfirmed report? */
export function isHedged(text: string): boolean {
  if (ZH_HEDGE.test(text)) return true;
  EN_HEDGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EN_HEDGE.exec(text))) {
    if (/^may$/i.test(m[0])) {
      // The month: "in May", "May 13", "May's results".
      const after = text.slice(m.index + 3, m.index + 8);
      if (m[0] === 'May' && (/^\s*\d/.test(after) || /^['’]s/.test(after) || MONTH_MAY_BEFORE.test(text.slice(0, m.index)))) continue;
    }
    return true;
  }
  return false;
}

const SELF_NEGATING_CUE = /^(?:unless|not|no|never|without|zero|nothing|yet)\b|^(?:未|不|没|无|尚未)/i;

/** The claim's stance toward one item: cues, each flipped when negated, summed. */
export function stanceFor(text: string, item: { supports: TermMatcher; challenges: TermMatcher }): Stance {
  let score = 0;
  const covered: Array<[number, number]> = [];
  const tally = (hits: ReturnType<TermMatcher['find']>, sign: 1 | -1) => {
    for (const hit of hits) {
      // A cue inside a longer cue of the other list ("permitted" in "not permitted") counts once.
      if (covered.some(([s, e]) => hit.start >= s && hit.end <= e)) continue;
      covered.push([hit.start, hit.end]);
      // A cue that carries its own polarity ("not permitted", "unless necessary", "zero") is not
      // flipped again by a negation before it: "told not to buy unless necessary" still restricts.
      const flips = !SELF_NEGATING_CUE.test(hit.text) && isNegated(text, hit.start);
      score += flips ? -sign : sign;
    }
  };
  // Longer cues first so that the inner one is skipped.
  const supports = item.supports.find(text);
  const challenges = item.challenges.find(text);
  const all = [...supports.map((h) => ({ h, sign: 1 as const })), ...challenges.map((h) => ({ h, sign: -1 as const }))];
  all.sort((a, b) => b.h.end - b.h.start - (a.h.end - a.h.start));
  for (const { h, sign } of all) tally([h], sign);
  return score > 0 ? 'supports' : score < 0 ? 'challenges' : 'neutral';
}

/** Items the sentence is about, each with its stance. */
export function linkSentence(text: string, pack: ThesisPack): ClaimLink[] {
  const links: ClaimLink[] = [];
  for (const compiled of compileItems(pack)) {
    if (!compiled.rules.some((rule) => rule.test(text))) continue;
    links.push({ id: compiled.item.id, stance: stanceFor(text, compiled) });
  }
  return links;
}

/** The stance of `text` toward one item of the pack (for links added by a figure check). */
export function stanceForItem(text: string, pack: ThesisPack, itemId: string): Stance {
  const compiled = compileItems(pack).find((c) => c.item.id === itemId);
  return compiled ? stanceFor(text, compiled) : 'neutral';
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
 * Sentences of `text` that are claims about the pack's items.
 *
 * A rule's first term list runs ONCE over the whole text (its hits assigned to sentences); the
 * other lists are tried only on the sentences still in the running. The cost grows with the
 * text and the number of distinct first lists, not with sentences × rules.
 */
export function findClaims(text: string, sentences: readonly Sentence[], pack: ThesisPack, lang: 'en' | 'zh' = 'en'): LinkedSentence[] {
  const compiled = compileItems(pack);
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

  const out: LinkedSentence[] = [];
  for (const i of [...linksBySentence.keys()].sort((a, b) => a - b)) {
    const sentence = sentences[i]!;
    const wholeBlock =
      (sentence.start === 0 || /\n\s*$/.test(text.slice(Math.max(0, sentence.start - 4), sentence.start))) &&
      (sentence.end === text.length || /^\s*(?:\n|$)/.test(text.slice(sentence.end, sentence.end + 4)));
    if (!isAssertion(sentence.text, lang, wholeBlock)) continue;
    const links = linksBySentence.get(i)!.map((item) => ({ id: item.item.id, stance: stanceFor(sentence.text, item) }));
    out.push({ sentence, index: i, links, hedged: isHedged(sentence.text) });
  }
  return out;
}
