import type { Item, ThesisPack } from '../pack/schema';
import type { LinkEvidence } from '../model/combiner';
import { ruleMatcher, termMatcher, type RuleMatcher, type TermMatcher } from '../text/terms';
import { bundledModelScorer } from './model-scorer';

/**
 * A pack compiled once into the form the stages use: each item's rules, subject, event and
 * cue matchers and its good direction; the pack's own entities and the others. Cached per
 * pack object, so a page scanned with the same pack never compiles a term again.
 */

export interface CompiledItem {
  item: Item;
  rules: RuleMatcher[];
  /** Whose action or figure counts; inactive (any actor) for v1 packs. */
  subject: TermMatcher;
  event: TermMatcher;
  /** +1: the event going up is good for the thesis; −1: going down is. */
  direction: 1 | -1;
  supports: TermMatcher;
  challenges: TermMatcher;
  /** What is bad for the item whatever the event (the pack's `cues.burdens`). */
  burdens: TermMatcher;
}

/**
 * Scores a sentence for an item with a learned model (a seam: the default thesis may ship
 * one; a user's thesis has none). A probability in [0, 1].
 */
export interface LinkScorer {
  /** Per item id, the probability that the sentence (read after `previous`, the sentence it continues) is a claim about that item. */
  linkScores(text: string, lang: 'en' | 'zh', previous?: string): ReadonlyMap<string, number>;
  /** The sentence's stance toward one item (read after `previous`, the sentence it continues), as probabilities summing to 1. */
  stanceScores?(text: string, lang: 'en' | 'zh', itemId: string, previous?: string): { supports: number; challenges: number; neutral: number };
  /**
   * Whether the sentence is a claim about the item, from the rules' and the model's evidence (a
   * learned combiner), and the probability it gives. Without it, a rule's link stands and the
   * model adds one it is sure of (`fixedLinkDecision` in claims.ts).
   */
  decideLink?(evidence: LinkEvidence, sentence: string, itemId: string): { link: boolean; p?: number };
}

export interface CompiledPack {
  pack: ThesisPack;
  items: CompiledItem[];
  /** The pack's company and its units (`entities.self`). */
  self: TermMatcher;
  /** Other companies: a sentence whose only actor is one of these is not about the pack's items. */
  others: TermMatcher;
  scorer: LinkScorer | null;
}

const compiled = new WeakMap<ThesisPack, CompiledPack>();
const scorers = new WeakMap<ThesisPack, LinkScorer | null>();

/** The scorers that come with the extension, by thesis id: the bundled thesis's learned model. */
const BUILT_IN_SCORERS: Record<string, LinkScorer> = { 'alibaba-ai-cloud-h200': bundledModelScorer };

/** Attaches a learned scorer to one pack object, or `null` for rules only (overrides the built-in one). */
export function setLinkScorer(pack: ThesisPack, scorer: LinkScorer | null): void {
  scorers.set(pack, scorer);
  const existing = compiled.get(pack);
  if (existing) existing.scorer = scorer;
}

/** The scorer that comes with the extension for a thesis id, if any. */
export function builtInScorer(thesisId: string): LinkScorer | null {
  return Object.hasOwn(BUILT_IN_SCORERS, thesisId) ? BUILT_IN_SCORERS[thesisId]! : null;
}

function scorerFor(pack: ThesisPack): LinkScorer | null {
  if (scorers.has(pack)) return scorers.get(pack)!;
  return builtInScorer(pack.id);
}

export function compilePack(pack: ThesisPack): CompiledPack {
  let out = compiled.get(pack);
  if (!out) {
    out = {
      pack,
      items: pack.items.map((item) => ({
        item,
        rules: item.matchers.map((rule) => ruleMatcher(rule)),
        subject: termMatcher(item.subject),
        event: termMatcher(item.event),
        direction: (item.direction ?? (item.kind === 'risk' ? 'down' : 'up')) === 'up' ? 1 : -1,
        supports: termMatcher(item.cues.supports),
        challenges: termMatcher(item.cues.challenges),
        burdens: termMatcher(item.cues.burdens),
      })),
      self: termMatcher(pack.entities?.self),
      others: termMatcher(pack.entities?.others),
      scorer: scorerFor(pack),
    };
    compiled.set(pack, out);
  }
  return out;
}
