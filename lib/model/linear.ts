/**
 * Runtime of the linear claim model: the weights format (validated by zod at load), link
 * prediction (one logistic head per checklist item) and stance prediction (one softmax
 * head over item-conjoined features). Pure: no browser and no Node APIs, so the content
 * script, the background, the CLI and the tests all run the same code.
 */
import { z } from 'zod';
import { decodeWeights } from './codec';
import { FEATURE_BITS, FEATURE_SPACE, continuesPrevious, featurize, stanceFeatures, type ItemKind, type Lang } from './features';

export const STANCES = ['supports', 'challenges', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];
export type StanceScores = Record<Stance, number>;
export type LinkScore = { itemId: string; p: number };

/** A link is predicted when p reaches this; callers may choose another cut. */
export const LINK_THRESHOLD = 0.5;

/** One head as stored: the bias, and the sparse weights as integers times `step`, in codec.ts's text form. */
const StoredHeadSchema = z.object({
  bias: z.number(),
  step: z.number().positive(),
  weights: z.string().regex(/^[A-Za-z0-9_-]*$/),
});
export type StoredHead = z.infer<typeof StoredHeadSchema>;

export const MODEL_FORMAT = 'thesis-lens-linear/2';

export const ModelJsonSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  featureBits: z.literal(FEATURE_BITS),
  /** Hash of the training corpus this was trained from (see train.ts), so stale weights show. */
  corpusHash: z.string(),
  items: z.array(z.string().min(1)).min(1),
  /** The items that are risks (the rest are catalysts): stance flips meaning with the kind. */
  risks: z.array(z.string().min(1)),
  link: z.record(z.string(), StoredHeadSchema),
  stance: z.object({
    supports: StoredHeadSchema,
    challenges: StoredHeadSchema,
    neutral: StoredHeadSchema,
  }),
}).refine((m) => m.items.every((id) => id in m.link), 'an item has no link head')
  .refine((m) => m.risks.every((id) => m.items.includes(id)), 'a risk is not among the items');
export type ModelJson = z.infer<typeof ModelJsonSchema>;

/** A head ready for scoring: a sparse map from feature index to weight. */
export type Head = { bias: number; weights: Map<number, number> };

/** The loaded model. Treat as immutable: `withExamples` returns a changed copy. */
export type LinearModel = {
  readonly items: readonly string[];
  readonly risks: ReadonlySet<string>;
  readonly link: ReadonlyMap<string, Head>;
  readonly stance: Readonly<Record<Stance, Head>>;
  readonly corpusHash: string;
};

export function decodeHead(h: StoredHead): Head {
  const weights = new Map<number, number>();
  decodeWeights(h.weights, (index, q) => {
    if (index >= FEATURE_SPACE) throw new Error(`weight index ${index} is outside the feature space`);
    weights.set(index, q * h.step);
  });
  return { bias: h.bias, weights };
}

/** Validates and loads stored weights; a malformed object throws a zod error naming the field. */
export function loadModel(json: unknown): LinearModel {
  const m = ModelJsonSchema.parse(json);
  return {
    items: m.items,
    risks: new Set(m.risks),
    corpusHash: m.corpusHash,
    link: new Map(m.items.map((id) => [id, decodeHead(m.link[id]!)])),
    stance: {
      supports: decodeHead(m.stance.supports),
      challenges: decodeHead(m.stance.challenges),
      neutral: decodeHead(m.stance.neutral),
    },
  };
}

export function score(head: Head, features: readonly number[]): number {
  let z = head.bias;
  for (const f of features) z += head.weights.get(f) ?? 0;
  return z;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function softmax3(zs: StanceScores): StanceScores {
  const max = Math.max(zs.supports, zs.challenges, zs.neutral);
  const e = { supports: Math.exp(zs.supports - max), challenges: Math.exp(zs.challenges - max), neutral: Math.exp(zs.neutral - max) };
  const sum = e.supports + e.challenges + e.neutral;
  return { supports: e.supports / sum, challenges: e.challenges / sum, neutral: e.neutral / sum };
}

/** The probability that the sentence (read after `previous`, the sentence it continues, if given) is a claim about each item, highest first (every item of the model). */
export function predictLinksWith(model: LinearModel, text: string, lang: Lang, previous?: string): LinkScore[] {
  const context = previous !== undefined && continuesPrevious(text, lang) ? previous : undefined;
  const f = featurize(text, lang, context, context === undefined ? undefined : itemsOf(model, context, lang));
  return model.items
    .map((itemId) => ({ itemId, p: sigmoid(score(model.link.get(itemId)!, f)) }))
    .sort((a, b) => b.p - a.p || (a.itemId < b.itemId ? -1 : 1));
}

/** The items a sentence read alone is linked to (p at or above LINK_THRESHOLD): what a continuing sentence carries on. */
export function itemsOf(model: LinearModel, text: string, lang: Lang): string[] {
  return predictLinksWith(model, text, lang)
    .filter((l) => l.p >= LINK_THRESHOLD)
    .map((l) => l.itemId);
}

export const kindOf = (model: LinearModel, itemId: string): ItemKind => (model.risks.has(itemId) ? 'risk' : 'catalyst');

/**
 * Stance of the sentence toward one item, relative to the thesis; the three shares sum to 1.
 * An item the model was not trained on (a reader's own thesis) is scored from the shared and
 * kind-conjoined features: pass its `kind`, else it is taken for a catalyst. `previous`: the
 * sentence it continues; a sentence naming no actor of its own is read with it.
 */
export function predictStanceWith(model: LinearModel, text: string, lang: Lang, itemId: string, kind?: ItemKind, previous?: string): StanceScores {
  const f = stanceFeatures(text, lang, itemId, kind ?? kindOf(model, itemId), previous);
  return softmax3({
    supports: score(model.stance.supports, f),
    challenges: score(model.stance.challenges, f),
    neutral: score(model.stance.neutral, f),
  });
}

export const topStance = (s: StanceScores): Stance =>
  s.supports >= s.challenges && s.supports >= s.neutral ? 'supports' : s.challenges >= s.neutral ? 'challenges' : 'neutral';
