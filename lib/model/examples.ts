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
const LINK_MARGIN = 0.8;
const STANCE_MARGIN = 0.7;
const MAX_STEPS = 200;
const RATE = 0.25;

const copyHead = (h: Head): Head => ({ bias: h.bias, weights: new Map(h.weights) });

function nudge(head: Head, features: readonly number[], gradient: number): void {
  // The step is spread over the sentence's features (not the bias), so only sentences sharing them move.
  const share = (RATE * gradient) / Math.sqrt(features.length || 1);
  for (const f of features) head.weights.set(f, (head.weights.get(f) ?? 0) - share);
}

/**
 * A copy of `model` that honours the corrections, in order (a later correction of the same
 * sentence wins). Unknown item ids throw: a correction for another thesis must not pass silently.
 */
export function withExamples(model: LinearModel, corrections: readonly Correction[]): LinearModel {
  const parsed = corrections.map((c) => CorrectionSchema.parse(c));
  for (const c of parsed) {
    if (c.itemId !== undefined && !model.link.has(c.itemId)) throw new Error(`correction names an item the model does not know: ${c.itemId}`);
  }
  const link = new Map([...model.link].map(([id, h]) => [id, copyHead(h)]));
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
        'notAClaim' in c ? (c.itemId ? [[c.itemId, 0]] : model.items.map((id) => [id, 0])) : [[c.itemId, 1]];
      for (const [id, y] of targets) {
        const head = link.get(id)!;
        for (let i = 0; i < MAX_STEPS; i++) {
          const p = sigmoid(score(head, f));
          if (y === 1 ? p >= LINK_MARGIN : p <= 1 - LINK_MARGIN) break;
          nudge(head, f, p - y);
        }
      }
      if (!('notAClaim' in c)) {
        const sf = stanceFeatures(c.text, c.lang as Lang, c.itemId, kindOf(model, c.itemId));
        for (let i = 0; i < MAX_STEPS; i++) {
          const p = softmax3({ supports: score(stance.supports, sf), challenges: score(stance.challenges, sf), neutral: score(stance.neutral, sf) });
          if (p[c.stance] >= STANCE_MARGIN) break;
          for (const s of STANCES) nudge(stance[s as Stance], sf, p[s] - (s === c.stance ? 1 : 0));
        }
      }
    }
  }
  return { items: model.items, risks: model.risks, corpusHash: model.corpusHash, link, stance };
}
