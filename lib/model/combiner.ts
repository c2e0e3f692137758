/**
 * The link combiner: whether a sentence is a claim about an item, from what the rules and the
 * model each say about it. A logistic regression over a handful of signals (did an item's rule
 * match, the model's score read with the sentence before and read alone, does the sentence
 * name the item's subject or event, did a rule link the sentence before to the item, did a
 * rule give the sentence to another item), trained by `npm run train` on whole labelled pages the
 * team wrote (tests/holdout, tests/holdout-2), with the model's scores as the pipeline sees
 * them on pages it was not trained on.
 *
 * Why learned, and on pages: the model's scores on its own corpus's out-of-fold sentences
 * promise a precision that real pages do not give (a page has background that uses an item's
 * words, and writers the corpus never saw), and a rule link the model scores low is right only
 * about half the time. A fixed "rule, or model above 0.9" cannot weigh those; a few weights fitted
 * on pages can, and each is readable.
 */
import { z } from 'zod';

/** What the pipeline knows about one sentence and one item when it decides the link. */
export interface LinkEvidence {
  /** One of the item's rules matched the sentence (or the sentence it continues). */
  rule: boolean;
  /** The model's link probability, the sentence read with the one it continues. */
  p: number;
  /** The model's link probability, the sentence read alone. */
  pAlone: number;
  /** The sentence names the item's subject. */
  subjectNamed: boolean;
  /** The sentence names the item's event or measure. */
  eventNamed: boolean;
  /** The actor bound to the item is named in the sentence itself (not taken from context). */
  actorInSentence: boolean;
  /**
   * A rule linked the sentence before to the item. (The rules', not the final links: a link the
   * combiner made must not raise the odds of the next one, or one wrong link drags a paragraph.)
   */
  previousRuled: boolean;
  /** A rule linked the sentence to another item and not to this one. */
  otherItemRuled: boolean;
}

/** The combiner's inputs, in the order of its weights. */
export const COMBINER_FEATURES = [
  'bias',
  'rule',
  'logit p',
  'logit p alone',
  'rule × logit p',
  'subject named',
  'event named',
  'actor in sentence',
  'previous ruled',
  'other item ruled',
] as const;

export const CombinerSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number().finite()),
  /** Link at or above this probability. */
  threshold: z.number().gt(0).lt(1),
  /** What it was trained on, for the record. */
  trainedOn: z.object({ sets: z.array(z.string()), pages: z.number().int(), candidates: z.number().int(), links: z.number().int() }),
}).refine((c) => c.features.length === COMBINER_FEATURES.length && c.features.every((f, i) => f === COMBINER_FEATURES[i]) && c.weights.length === c.features.length, {
  message: `a combiner has one weight for each of: ${COMBINER_FEATURES.join(', ')}`,
});
export type Combiner = z.infer<typeof CombinerSchema>;

/**
 * The threshold for F1: a link is worth making when its probability exceeds half the F1 one can
 * reach (Lipton et al., "Thresholding classifiers to maximize F1", 2014). With F1 around 0.8 on
 * pages, 0.4.
 */
export const COMBINER_THRESHOLD = 0.4;
/** L2 penalty (per candidate, the bias excepted): the pages are few, the weights must stay modest. */
const L2 = 1;
const STEPS = 4000;
const RATE = 0.5;

/** A probability as log-odds, clipped so that a model's 0 or 1 is a strong word, not an infinite one. */
function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-4), 1 - 1e-4);
  return Math.log(q / (1 - q));
}

export function combinerFeatures(e: LinkEvidence): number[] {
  const p = logit(e.p);
  return [1, +e.rule, p, logit(e.pAlone), +e.rule * p, +e.subjectNamed, +e.eventNamed, +e.actorInSentence, +e.previousRuled, +e.otherItemRuled];
}

/** The probability that the sentence is a claim about the item. */
export function linkProbability(combiner: Combiner, e: LinkEvidence): number {
  const x = combinerFeatures(e);
  let z = 0;
  for (let i = 0; i < x.length; i++) z += combiner.weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

const P = COMBINER_FEATURES.indexOf('logit p');
const P_ALONE = COMBINER_FEATURES.indexOf('logit p alone');
const RULE_P = COMBINER_FEATURES.indexOf('rule × logit p');

/**
 * A surer model never makes a link less likely, with a rule or without: the two scores are
 * close kin (the same for a sentence that names its own actor), and left free, a fit to few
 * pages trades one against the other and can give the read in context a negative weight.
 */
function keepMonotone(w: Float64Array): void {
  w[P] = Math.max(0, w[P]!);
  w[P_ALONE] = Math.max(0, w[P_ALONE]!);
  w[RULE_P] = Math.max(-w[P]!, w[RULE_P]!);
}

/**
 * Fits the combiner by full-batch gradient descent, kept monotone in the model's scores (deterministic: the same rows give the same
 * weights). `source` (the labelled sets and their pages) is only recorded.
 */
export function trainCombiner(rows: readonly { evidence: LinkEvidence; gold: boolean }[], source: { sets: string[]; pages: number }): Combiner {
  if (rows.length === 0) throw new Error('trainCombiner: no candidate links to learn from');
  const xs = rows.map((r) => combinerFeatures(r.evidence));
  const ys = rows.map((r) => (r.gold ? 1 : 0));
  const n = xs.length;
  const w = new Float64Array(COMBINER_FEATURES.length);
  const grad = new Float64Array(w.length);
  for (let step = 0; step < STEPS; step++) {
    grad.fill(0);
    for (let k = 0; k < n; k++) {
      const x = xs[k]!;
      let z = 0;
      for (let i = 0; i < w.length; i++) z += w[i]! * x[i]!;
      const err = 1 / (1 + Math.exp(-z)) - ys[k]!;
      for (let i = 0; i < w.length; i++) grad[i] = grad[i]! + err * x[i]!;
    }
    for (let i = 0; i < w.length; i++) w[i] = w[i]! - (RATE * (grad[i]! + (i === 0 ? 0 : L2 * w[i]!))) / n;
    keepMonotone(w);
  }
  return {
    features: [...COMBINER_FEATURES],
    weights: [...w].map((v) => Math.round(v * 1e4) / 1e4),
    threshold: COMBINER_THRESHOLD,
    trainedOn: { ...source, candidates: n, links: ys.filter(Boolean).length },
  };
}
