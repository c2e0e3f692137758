/**
 * A reader's corrections as training examples: `withExamples` nudges a copy of the model
 * so that later predictions honour them (this sentence is about that item, with that
 * stance; or it is not a claim at all). Only the heads and features the corrected sentences
 * touch move, so the rest of the model keeps its behaviour. Pure; the original is untouched.
 */
import { z } from 'zod';
import { featurize, stanceFeatures, type Lang } from './features';
import { LINK_THRESHOLD, STANCES, kindOf, score, sigmoid, softmax3, type Head, type LinearModel, type Stance } from './linear';

export const CorrectionSchema = z.union([
  z.object({
    text: z.string().min(1),
    lang: z.enum(['en', 'zh']),
    itemId: z.string().min(1),
    stance: z.enum(STANCES),
    /** For an item the model does not know yet (a reader's own thesis): a risk reads the other way round. */
    kind: z.enum(['catalyst', 'risk']).optional(),
  }),
  z.object({
    text: z.string().min(1),
    lang: z.enum(['en', 'zh']),
    /** The sentence is not a claim about this item; without `itemId`, about any item. */
    itemId: z.string().min(1).optional(),
    notAClaim: z.literal(true),
  }),
]);
export type Correction = z.infer<typeof CorrectionSchema>;

/** How sure a corrected prediction must end up, so a correction is not undone by rounding. */
const LINK_MARGIN = 0.95;
const STANCE_MARGIN = 0.7;
const MAX_STEPS = 200;
const RATE = 0.25;

const copyHead = (h: Head): Head => ({ bias: h.bias, weights: new Map(h.weights) });

function nudge(head: Head, features: readonly number[], gradient: number): void {
  // The step is spread over the sentence's features (not the bias), so only sentences sharing them move.
  const share = (RATE * gradient) / Math.sqrt(features.length || 1);
  for (const f of features) head.weights.set(f, (head.weights.get(f) ?? 0) - share);
}

/** Where a new item's link head starts: sure that nothing is about it until a correction says so. */
const NEW_ITEM_BIAS = -4;

/**
 * A copy of `model` that honours the corrections, in order (a later correction of the same
 * sentence wins). A correction may name an item the model does not know (a reader's own
 * thesis): the copy gains a link head for it, learnt from that reader's examples alone.
 * Marking a sentence "not a claim" about an unknown item has nothing to undo and is refused.
 */
export function withExamples(model: LinearModel, corrections: readonly Correction[]): LinearModel {
  const parsed = corrections.map((c) => CorrectionSchema.parse(c));
  const items = [...model.items];
  const risks = new Set(model.risks);
  const link = new Map([...model.link].map(([id, h]) => [id, copyHead(h)]));
  for (const c of parsed) {
    if (c.itemId === undefined || link.has(c.itemId)) continue;
    if ('notAClaim' in c) throw new Error(`"not a claim" names an item the model does not know: ${c.itemId}`);
    items.push(c.itemId);
    link.set(c.itemId, { bias: NEW_ITEM_BIAS, weights: new Map() });
    if (c.kind === 'risk') risks.add(c.itemId);
  }
  const extended: LinearModel = { ...model, items, risks };
  const stance = {
    supports: copyHead(model.stance.supports),
    challenges: copyHead(model.stance.challenges),
    neutral: copyHead(model.stance.neutral),
  };
  // Several passes, so corrections that pull shared features in opposite directions settle together.
  for (let pass = 0; pass < 4; pass++) {
    for (const c of parsed) {
      const f = featurize(c.text, c.lang as Lang);
      const targets: [string, 0 | 1][] =
        'notAClaim' in c ? (c.itemId ? [[c.itemId, 0]] : items.map((id) => [id, 0])) : [[c.itemId, 1]];
      for (const [id, y] of targets) {
        const head = link.get(id)!;
        for (let i = 0; i < MAX_STEPS; i++) {
          const p = sigmoid(score(head, f));
          if (y === 1 ? p >= LINK_MARGIN : p <= 1 - LINK_MARGIN) break;
          nudge(head, f, p - y);
        }
      }
      if (!('notAClaim' in c)) {
        const sf = stanceFeatures(c.text, c.lang as Lang, c.itemId, kindOf(extended, c.itemId));
        for (let i = 0; i < MAX_STEPS; i++) {
          const p = softmax3({ supports: score(stance.supports, sf), challenges: score(stance.challenges, sf), neutral: score(stance.neutral, sf) });
          if (p[c.stance] >= STANCE_MARGIN) break;
          for (const s of STANCES) nudge(stance[s as Stance], sf, p[s] - (s === c.stance ? 1 : 0));
        }
      }
    }
  }
  return { items, risks, corpusHash: model.corpusHash, link, stance };
}
