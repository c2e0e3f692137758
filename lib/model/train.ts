/**
 * Training of the linear claim model, and its cross-validation. Pure and deterministic:
 * the same examples in the same order give byte-identical weights (fixed seed, fixed
 * epoch order, no clock, no Math.random). Used by `npm run train` and by the tests.
 */
import { z } from 'zod';
import { FEATURE_BITS, FEATURE_SPACE, continuesPrevious, featureNames, featurize, hashString, stanceFeatures, type ItemKind, type Lang } from './features';
import { QMAX, encodeWeights } from './codec';
import {
  MODEL_FORMAT,
  LINK_THRESHOLD,
  STANCES,
  itemsOf,
  loadModel,
  predictLinksWith,
  predictStanceWith,
  sigmoid,
  topStance,
  type ModelJson,
  type Stance,
  type StoredHead,
} from './linear';

/** One labelled sentence of lib/model/training-data/*.jsonl. `items: []` marks a sentence that is not a claim about any item. */
export const TrainingExampleSchema = z
  .object({
    text: z.string().trim().min(2),
    /** The sentence this one continues (same paragraph), when the link depends on it. */
    previous: z.string().trim().min(2).optional(),
    lang: z.enum(['en', 'zh']),
    items: z.array(z.string().min(1)),
    stance: z.enum(STANCES),
    style: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((e) => e.items.length > 0 || e.stance === 'neutral', 'a sentence with no items must be neutral')
  .refine((e) => new Set(e.items).size === e.items.length, 'an item is listed twice');
export type TrainingExample = z.infer<typeof TrainingExampleSchema>;

export type TrainOptions = {
  seed: number;
  epochs: number;
  learningRate: number;
  /** L1 strength (FTRL): the main size control of the stored weights. */
  l1: number;
  /** L1 of the stance head, which sees twice the features (each also conjoined with the item). */
  stanceL1: number;
  l2: number;
  /** Extra weight of a positive link example: each item has few positives among many sentences. */
  positiveWeight: number;
  /** Weights below this magnitude are dropped from the stored model. */
  prune: number;
  /** 1: a sentence is read with the one it continues (`previous`); 0: alone (to measure what context adds). */
  context: number;
  /**
   * What continuing sentences (`previous`) teach the stance head: 0 nothing (links only);
   * 1 their stance, read with the sentence they continue; 2 their stance, read alone.
   */
  stanceContext: number;
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  seed: 20260109,
  epochs: 14,
  learningRate: 1,
  l1: 1,
  stanceL1: 2,
  l2: 1e-3,
  positiveWeight: 4,
  prune: 0.03,
  context: 1,
  stanceContext: 1,
};

/** A stable hash of the corpus content, stored in the weights so a stale weights file can be detected. */
export function corpusHash(examples: readonly TrainingExample[]): string {
  let h = 0x811c9dc5;
  let h2 = 0;
  for (const e of examples) {
    const line = JSON.stringify(e.previous === undefined ? [e.text, e.lang, e.items, e.stance] : [e.text, e.lang, e.items, e.stance, e.previous]);
    h = Math.imul(h ^ hashString(line), 0x01000193) >>> 0;
    h2 = (h2 + hashString(line + '#')) >>> 0;
  }
  return `${examples.length}-${h.toString(16)}-${h2.toString(16)}`;
}

/** mulberry32: a tiny seeded generator, so shuffles are the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledOrder(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * A head being trained with FTRL-Proximal (McMahan et al. 2013): per-coordinate learning
 * rates plus L1, so most hashed features end at exactly zero and the stored model stays small.
 */
type DenseHead = { bias: number; bias2: number; z: Float64Array; n: Float64Array; w: Float64Array };
const newHead = (): DenseHead => ({
  bias: 0,
  bias2: 0,
  z: new Float64Array(FEATURE_SPACE),
  n: new Float64Array(FEATURE_SPACE),
  w: new Float64Array(FEATURE_SPACE),
});

function step(head: DenseHead, features: readonly number[], gradient: number, o: TrainOptions, l1: number): void {
  head.bias2 += gradient * gradient;
  head.bias -= (o.learningRate * gradient) / Math.sqrt(head.bias2 + 1e-8);
  for (const f of features) {
    const n = head.n[f]!;
    const sigma = (Math.sqrt(n + gradient * gradient) - Math.sqrt(n)) / o.learningRate;
    head.z[f]! += gradient - sigma * head.w[f]!;
    head.n[f] = n + gradient * gradient;
    const z = head.z[f]!;
    head.w[f] = Math.abs(z) <= l1 ? 0 : -(z - Math.sign(z) * l1) / ((1 + Math.sqrt(head.n[f]!)) / o.learningRate + o.l2);
  }
}

function denseScore(head: DenseHead, features: readonly number[]): number {
  let z = head.bias;
  for (const f of features) z += head.w[f]!;
  return z;
}

/** Prunes and quantizes a dense head into its stored form (12-bit weights, see codec.ts). */
function storeHead(head: DenseHead, prune: number): StoredHead {
  let max = 0;
  for (let i = 0; i < head.w.length; i++) max = Math.max(max, Math.abs(head.w[i]!));
  const step = Number((max > 0 ? max / QMAX : 1).toPrecision(6));
  const entries: [number, number][] = [];
  for (let i = 0; i < head.w.length; i++) {
    const v = head.w[i]!;
    if (Math.abs(v) < prune) continue;
    const q = Math.max(-QMAX, Math.min(QMAX, Math.round(v / step)));
    if (q !== 0) entries.push([i, q]);
  }
  return { bias: round(head.bias), step, weights: encodeWeights(entries) };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** A checklist item as training needs it: its id and whether it is a catalyst or a risk. */
export type ItemSpec = { id: string; kind: ItemKind };

export function trainModel(examples: readonly TrainingExample[], items: readonly ItemSpec[], options: Partial<TrainOptions> = {}): ModelJson {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const itemIds = items.map((i) => i.id);
  const kind = new Map(items.map((i) => [i.id, i.kind]));
  // A continuing sentence is read with what its predecessor is about: a first model, trained
  // on the sentences read alone, says which items that is (as the final model will at run time).
  const withContext = o.context !== 0 && examples.some((e) => e.previous !== undefined);
  const first = withContext ? loadModel(trainModel(examples.filter((e) => e.previous === undefined), items, { ...o, context: 0 })) : undefined;
  const linkFeatures = examples.map((e) =>
    first && e.previous !== undefined && continuesPrevious(e.text, e.lang) ? featurize(e.text, e.lang, e.previous, itemsOf(first, e.previous, e.lang)) : featurize(e.text, e.lang),
  );
  const link = new Map(itemIds.map((id) => [id, newHead()]));
  const stancePairs: { features: number[]; stance: Stance }[] = [];
  // A continuation's stance often comes from its predecessor ("The companies had planned to use
  // the chips." after a halt): read with it, it teaches the stance head too.
  examples.forEach((e) => {
    if (e.previous !== undefined && o.stanceContext === 0) return;
    const previous = o.stanceContext === 1 ? e.previous : undefined;
    for (const item of e.items) stancePairs.push({ features: stanceFeatures(e.text, e.lang, item, kind.get(item) ?? 'catalyst', previous), stance: e.stance });
  });
  const stance = { supports: newHead(), challenges: newHead(), neutral: newHead() };

  const random = rng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of shuffledOrder(examples.length, random)) {
      const e = examples[i]!;
      const f = linkFeatures[i]!;
      for (const id of itemIds) {
        const head = link.get(id)!;
        const y = e.items.includes(id) ? 1 : 0;
        const p = sigmoid(denseScore(head, f));
        step(head, f, (p - y) * (y ? o.positiveWeight : 1), o, o.l1);
      }
    }
    for (const i of shuffledOrder(stancePairs.length, random)) {
      const { features, stance: gold } = stancePairs[i]!;
      const zs = STANCES.map((s) => denseScore(stance[s], features));
      const max = Math.max(...zs);
      const ex = zs.map((z) => Math.exp(z - max));
      const sum = ex.reduce((a, b) => a + b, 0);
      STANCES.forEach((s, k) => step(stance[s], features, ex[k]! / sum - (s === gold ? 1 : 0), o, o.stanceL1));
    }
  }

  return {
    format: MODEL_FORMAT,
    featureBits: FEATURE_BITS,
    corpusHash: corpusHash(examples),
    items: [...itemIds],
    risks: items.filter((i) => i.kind === 'risk').map((i) => i.id),
    link: Object.fromEntries(itemIds.map((id) => [id, storeHead(link.get(id)!, o.prune)])),
    stance: {
      supports: storeHead(stance.supports, o.prune),
      challenges: storeHead(stance.challenges, o.prune),
      neutral: storeHead(stance.neutral, o.prune),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Cross-validation
// ---------------------------------------------------------------------------------------

/** Word and character-bigram sets used to spot near-duplicate sentences. */
function shingles(e: TrainingExample): number[] {
  const names = featureNames(e.text, e.lang as Lang).filter((n) => n.startsWith('w:') || n.startsWith('c2:'));
  return [...new Set(names.map(hashString))].sort((a, b) => a - b);
}

function jaccard(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (both++, i++, j++);
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return both / (a.length + b.length - both || 1);
}

/**
 * Groups sentences whose word (or character-bigram) sets overlap by at least `threshold`
 * (Jaccard), transitively, so a sentence and its light rewording land in the same fold.
 */
export function nearDuplicateGroups(examples: readonly TrainingExample[], threshold = 0.5): number[] {
  const sets = examples.map(shingles);
  const parent = examples.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const small = Math.min(a.length, b.length);
      const big = Math.max(a.length, b.length);
      if (small < threshold * big) continue;
      if (jaccard(a, b) >= threshold) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  return examples.map((_, i) => find(i));
}

export type Prf = { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
export type CvReport = {
  folds: number;
  groups: number;
  link: Prf;
  byItem: Record<string, Prf>;
  byLang: Record<'en' | 'zh', Prf>;
  /** Sentences read alone, and those read with the sentence they continue (`previous`). */
  byContext: Record<'alone' | 'continuing', Prf>;
  /** Share of gold (sentence, item) links whose predicted stance is right. */
  stanceAccuracy: number;
  stanceByLang: Record<'en' | 'zh', number>;
  /** Stance accuracy on gold links of sentences read alone, and of continuing ones (read with `previous` when the stance head takes it). */
  stanceByContext: Record<'alone' | 'continuing', number>;
  /** Share of not-a-claim sentences that got no link. */
  negativesClean: number;
  /** Out-of-fold link scores read at several thresholds: where the model may add or veto a link. */
  calibration: Calibration;
};

/**
 * Out-of-fold link probabilities, every (sentence, item) pair, read two ways: the precision a
 * link at or above each threshold has (how sure the model must be to add one), and the share of
 * gold links scored below each threshold (how unsure it must be to veto one).
 */
export type Calibration = {
  thresholds: { threshold: number; precision: number; recall: number; f1: number; goldBelow: number }[];
};

export const CALIBRATION_THRESHOLDS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] as const;

/** Precision / recall / F1 and the share of gold links below each threshold, from (p, gold) pairs. */
export function calibrate(scored: readonly { p: number; gold: boolean }[], thresholds: readonly number[] = CALIBRATION_THRESHOLDS): Calibration {
  const golds = scored.filter((s) => s.gold).length;
  return {
    thresholds: thresholds.map((threshold) => {
      let tp = 0;
      let fp = 0;
      for (const s of scored) if (s.p >= threshold) s.gold ? tp++ : fp++;
      const m = prf(tp, fp, golds - tp);
      return { threshold, precision: m.precision, recall: m.recall, f1: m.f1, goldBelow: golds ? (golds - tp) / golds : 0 };
    }),
  };
}

const prf = (tp: number, fp: number, fn: number): Prf => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
};

export function crossValidate(
  examples: readonly TrainingExample[],
  items: readonly ItemSpec[],
  folds = 5,
  options: Partial<TrainOptions> = {},
): CvReport {
  const itemIds = items.map((i) => i.id);
  const context = (options.context ?? DEFAULT_TRAIN_OPTIONS.context) !== 0;
  const group = nearDuplicateGroups(examples);
  const foldOf = examples.map((_, i) => hashString(examples[group[i]!]!.text) % folds);
  const counts = new Map<string, [number, number, number]>();
  const bump = (key: string, k: 0 | 1 | 2) => {
    const c = counts.get(key) ?? [0, 0, 0];
    c[k]++;
    counts.set(key, c);
  };
  let stanceRight = 0;
  let stanceTotal = 0;
  const stanceLang = { en: [0, 0], zh: [0, 0] };
  const stanceContext = { alone: [0, 0], continuing: [0, 0] };
  const stancePrevious = (options.stanceContext ?? DEFAULT_TRAIN_OPTIONS.stanceContext) === 1;
  let negatives = 0;
  let negativesClean = 0;
  const scored: { p: number; gold: boolean }[] = [];
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => foldOf[i] !== k);
    const test = examples.filter((_, i) => foldOf[i] === k);
    const model = loadModel(trainModel(train, items, options));
    for (const e of test) {
      const scores = predictLinksWith(model, e.text, e.lang, context ? e.previous : undefined);
      for (const l of scores) scored.push({ p: l.p, gold: e.items.includes(l.itemId) });
      const predicted = scores.filter((l) => l.p >= LINK_THRESHOLD).map((l) => l.itemId);
      for (const id of itemIds) {
        const gold = e.items.includes(id);
        const got = predicted.includes(id);
        const kind = gold && got ? 0 : got ? 1 : gold ? 2 : -1;
        if (kind < 0) continue;
        bump('all', kind as 0 | 1 | 2);
        bump(`item:${id}`, kind as 0 | 1 | 2);
        bump(`lang:${e.lang}`, kind as 0 | 1 | 2);
        bump(e.previous === undefined ? 'alone' : 'continuing', kind as 0 | 1 | 2);
      }
      if (e.items.length === 0) {
        negatives++;
        if (predicted.length === 0) negativesClean++;
      }
      // The headline stance figure is over sentences read alone (comparable across versions);
      // continuing sentences are counted apart.
      for (const id of e.items) {
        const previous = stancePrevious ? e.previous : undefined;
        const right = topStance(predictStanceWith(model, e.text, e.lang, id, undefined, previous)) === e.stance ? 1 : 0;
        const where = e.previous === undefined ? 'alone' : 'continuing';
        stanceContext[where][0]! += right;
        stanceContext[where][1]!++;
        if (where === 'continuing') continue;
        stanceRight += right;
        stanceTotal++;
        stanceLang[e.lang][0]! += right;
        stanceLang[e.lang][1]!++;
      }
    }
  }
  const get = (key: string) => {
    const [tp, fp, fn] = counts.get(key) ?? [0, 0, 0];
    return prf(tp, fp, fn);
  };
  return {
    folds,
    groups: new Set(group).size,
    link: get('all'),
    byItem: Object.fromEntries(itemIds.map((id) => [id, get(`item:${id}`)])),
    byLang: { en: get('lang:en'), zh: get('lang:zh') },
    byContext: { alone: get('alone'), continuing: get('continuing') },
    stanceAccuracy: stanceTotal ? stanceRight / stanceTotal : 0,
    stanceByLang: {
      en: stanceLang.en[1] ? stanceLang.en[0]! / stanceLang.en[1]! : 0,
      zh: stanceLang.zh[1] ? stanceLang.zh[0]! / stanceLang.zh[1]! : 0,
    },
    stanceByContext: {
      alone: stanceContext.alone[1] ? stanceContext.alone[0]! / stanceContext.alone[1]! : 0,
      continuing: stanceContext.continuing[1] ? stanceContext.continuing[0]! / stanceContext.continuing[1]! : 0,
    },
    negativesClean: negatives ? negativesClean / negatives : 1,
    calibration: calibrate(scored),
  };
}
