import type { MatchRule, ThesisPack, Topic } from '../pack/schema';
import { HAN } from '../text/cjk';
import { ruleMatcher, termMatcher, type TermMatcher } from '../text/terms';

/**
 * Is the page ABOUT a topic, or does it merely mention it? A topic is a subject when its names
 * are prominent (title, lead) or recur through the body, its `requires` rules hold within one
 * paragraph (chips AND China AND a policy word for the H200 topic), and the topic's negatives
 * (the folk tale, the Hyundai van) do not explain the mentions away. A name in a list of
 * companies, or twice in a side gallery, is not enough.
 */

export interface TopicInput {
  title: string;
  /** The article's text, "\n" between blocks: a string, or an ArticleInfo's TextIndex. */
  text: string | { readonly text: string };
}

export interface TopicScore {
  packId: string;
  topicId: string;
  /** True when the page is about the topic. */
  subject: boolean;
  score: number;
  mentions: { title: number; lead: number; body: number; paragraphs: number };
  /** Why it is (not) a subject, for debugging and the scan report. */
  reason: string;
}

/** The lead: the first characters of the body, where a news story states its subject. */
const LEAD_CHARS = 600;
/** Body mentions needed without title or lead support. */
const BODY_MENTIONS_ALONE = 4;

function countParagraphs(text: string, hits: Array<{ start: number }>): number {
  const seen = new Set<number>();
  for (const hit of hits) seen.add(text.lastIndexOf('\n', hit.start));
  return seen.size;
}

/** A topic named less than this share of the page's most named subject is a side subject. */
const RIVAL_SHARE = 0.4;
const CAPITALISED = /\b[A-Z][a-zA-Z]{2,}\b/g;
const NOT_NAMES = new Set([
  'The', 'This', 'That', 'These', 'Those', 'There', 'Then', 'They', 'Their', 'Its', 'And', 'But', 'For', 'With', 'From', 'Into', 'After',
  'Before', 'While', 'When', 'What', 'Which', 'Who', 'How', 'Why', 'Where', 'Yet', 'Still', 'Also', 'Some', 'Many', 'Most', 'More', 'One',
  'Two', 'His', 'Her', 'She', 'Our', 'You', 'Your', 'Not', 'Now', 'Any', 'All', 'Each', 'Such', 'Even', 'Just', 'Only', 'However',
  'Meanwhile', 'According', 'Under', 'Over', 'Since', 'Until', 'About', 'Read', 'Share', 'Photo', 'Image', 'Getty', 'Reuters',
]);

/** The most frequent capitalised word that is not one of the topic's names (Latin text only). */
function dominantName(text: string, own: TermMatcher): { name: string; count: number } | null {
  const counts = new Map<string, number>();
  CAPITALISED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITALISED.exec(text))) {
    const word = m[0];
    if (NOT_NAMES.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  let best: { name: string; count: number } | null = null;
  for (const [name, count] of counts) {
    if ((!best || count > best.count) && !own.test(name)) best = { name, count };
  }
  return best;
}

/** Titles and roles that follow a company's name without making another name ("Alibaba Chairman Joe Tsai"). */
const ROLE_WORDS = new Set(['CEO', 'CFO', 'CTO', 'COO', 'Chairman', 'Chief', 'President', 'Founder', 'Co', 'Executive', 'Director', 'Group', 'Inc', 'Ltd', 'Holdings', 'Shares', 'Stock']);

/**
 * Characters a Chinese short name runs on into without making another name: particles,
 * prepositions, verbs of saying and the words for the company itself ("阿里的", "阿里将",
 * "阿里集团", "阿里股价").
 */
const ZH_RUNS_ON_SELF = new Set([...'的在和与及是将也已对于为等还正称表示今年上下把被让向从所都就又并或而但则集公旗系股方管高财业内外总董首创']);

/**
 * What most of the mentions run on into, when it recurs: a longer name the topic's own is part
 * of. In English the capitalised word after it ("Alibaba Grill", "Alibaba Travel"); in Chinese,
 * where names are not spaced, the character after it ("阿里山": a mountain, not 阿里). The pack's
 * names for its units are matched whole ("Alibaba Cloud", "阿里云" are one mention), so they
 * never count here.
 */
function longerName(sources: readonly { text: string; hits: readonly { end: number; text: string }[] }[]): { name: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const { text, hits } of sources) {
    for (const hit of hits) {
      let name: string | undefined;
      if (HAN.test(hit.text.slice(-1))) {
        const next = text.charAt(hit.end);
        if (HAN.test(next) && !ZH_RUNS_ON_SELF.has(next)) name = `${hit.text}${next}`;
      } else {
        const next = /^ ([A-Z][a-zA-Z]+)\b/.exec(text.slice(hit.end, hit.end + 30))?.[1];
        if (next && !NOT_NAMES.has(next) && !ROLE_WORDS.has(next)) name = `${hit.text} ${next}`;
      }
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: { name: string; count: number } | null = null;
  for (const [name, count] of counts) if (count >= 2 && (!best || count > best.count)) best = { name, count };
  return best;
}

/**
 * Does `rule` hold within the title or within one paragraph? Each group is searched once over
 * the whole text and its hits are assigned to paragraphs (blocks between "\n").
 */
function ruleHoldsInOneBlock(rule: MatchRule, title: string, text: string): boolean {
  const matcher = ruleMatcher(rule);
  if (title && matcher.test(title)) return true;
  const blockOf = (pos: number) => {
    // Paragraph id: the offset of the "\n" before the position.
    return text.lastIndexOf('\n', pos);
  };
  let candidates: Set<number> | null = null;
  for (const group of matcher.groups) {
    const blocks = new Set<number>();
    for (const hit of group.find(text)) {
      const block = blockOf(hit.start);
      if (!candidates || candidates.has(block)) blocks.add(block);
    }
    candidates = blocks;
    if (candidates.size === 0) return false;
  }
  if (!candidates) return false;
  if (!matcher.none.active) return true;
  for (const block of candidates) {
    const end = text.indexOf('\n', block + 1);
    if (!matcher.none.test(text.slice(block + 1, end < 0 ? text.length : end))) return true;
  }
  return false;
}

/** Scores one topic on one page. */
export function scoreTopic(input: TopicInput, topic: Topic, packId = ''): TopicScore {
  const mentions = termMatcher(topic.mentions);
  const title = input.title ?? '';
  const text = typeof input.text === 'string' ? input.text : (input.text?.text ?? '');
  const titleCount = mentions.count(title);
  const hits = mentions.find(text);
  const lead = hits.filter((hit) => hit.start < LEAD_CHARS).length;
  const body = hits.length;
  const paragraphs = countParagraphs(text, hits);
  const counts = { title: titleCount, lead, body, paragraphs };
  const result = (subject: boolean, score: number, reason: string): TopicScore => ({ packId, topicId: topic.id, subject, score, mentions: counts, reason });

  const total = titleCount + body;
  if (total === 0) return result(false, 0, 'not mentioned');

  // Negatives: the folk tale or the van explain the mentions away when they are a sizeable
  // share of them (an Alibaba story may cite "Ali Baba and the Forty Thieves" once).
  const negatives = termMatcher(topic.negatives);
  if (negatives.active) {
    const negativeCount = negatives.count(title) * 3 + negatives.count(text);
    if (negatives.test(title) || negativeCount * 3 >= total) return result(false, 0, 'explained away by negatives');
  }

  // "Alibaba Grill opened…", "…at Alibaba Grill", "阿里山的云海": the name is part of another
  // one, the page's real subject, when most mentions run on into the same word.
  const other = longerName([{ text: title, hits: mentions.find(title) }, { text, hits }]);
  if (other && other.count * 2 >= total) return result(false, 0, `another name: "${other.name}"`);

  if (topic.requires.length > 0) {
    // Each rule must hold within one paragraph (or the title): scattered words do not make a subject.
    for (const rule of topic.requires) {
      if (!ruleHoldsInOneBlock(rule, title, text)) return result(false, 0, 'requires rule not met');
    }
  }

  // Sentence-ish units: the density that tells a subject from a sidebar of names.
  const units = Math.max(1, (text.match(/[.!?。！？]\s|\n/g) ?? []).length);
  const score = titleCount * 4 + lead * 2 + body + paragraphs;
  const dense = body >= Math.max(BODY_MENTIONS_ALONE, Math.ceil(units / 25));
  if (titleCount > 0 && body >= 1) return result(true, score, 'named in the title and the body');
  if (titleCount > 0 && text.length < 400) return result(true, score, 'named in the title of a short item');
  if ((lead > 0 && body >= 3 && paragraphs >= 2) || (dense && paragraphs >= 2)) {
    // Without the title, the topic must also hold its own against the page's most named
    // subject: a Yahoo deal story names Alibaba five times, and Yahoo thirty.
    const rival = dominantName(text, mentions);
    if (rival && rival.count * RIVAL_SHARE > body) return result(false, score, `overshadowed by "${rival.name}"`);
    return result(true, score, lead > 0 ? 'named in the lead and through the body' : 'recurring through the body');
  }
  return result(false, score, body <= 2 ? 'passing mention' : 'not prominent enough');
}

/** Below this many characters a page is a short item: its title alone says what it is about. */
const SHORT_ITEM_CHARS = 400;

/**
 * One pack's topics scored on a page, with the pack's own topics as rivals: a topic named
 * less than RIVAL_SHARE as often through the body as another topic the page is about is that
 * story's side subject (the company named a few times in a chip-policy story, the chip named
 * a few times in the company's conference story), in any language, title or not.
 */
export function scorePackTopics(input: TopicInput, pack: ThesisPack): TopicScore[] {
  const scores = pack.topics.map((topic) => scoreTopic(input, topic, pack.id));
  const text = typeof input.text === 'string' ? input.text : (input.text?.text ?? '');
  const leading = Math.max(0, ...scores.filter((score) => score.subject).map((score) => score.mentions.body));
  // A short item named in its title has no body to count: its title is its subject.
  const shortTitled = (score: TopicScore) => score.mentions.title > 0 && text.length < SHORT_ITEM_CHARS;
  return scores.map((score) =>
    score.subject && !shortTitled(score) && score.mentions.body < leading * RIVAL_SHARE
      ? { ...score, subject: false, reason: `a side subject (${score.mentions.body} mentions against ${leading} for another topic)` }
      : score,
  );
}

/** Topics the page is about, for each pack (in pack order, then topic order). */
export function detectTopics(input: TopicInput, packs: ThesisPack | readonly ThesisPack[]): TopicScore[] {
  const list = Array.isArray(packs) ? (packs as readonly ThesisPack[]) : [packs as ThesisPack];
  const out: TopicScore[] = [];
  for (const pack of list) out.push(...scorePackTopics(input, pack));
  return out.filter((score) => score.subject);
}

