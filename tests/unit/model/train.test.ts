import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeModel } from '@/lib/model/serialize';
import { corpusHash, nearDuplicateGroups, trainModel, type TrainingExample } from '@/lib/model/train';
import { ITEMS, committedCorpus } from './corpus-fixture';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('training', () => {
  it('is reproducible: the same corpus gives byte-identical weights', () => {
    const sample = committedCorpus().filter((_, i) => i % 6 === 0);
    const a = serializeModel(trainModel(sample, ITEMS));
    const b = serializeModel(trainModel(sample, ITEMS));
    expect(sha(a)).toBe(sha(b));
    // ...and a different corpus gives different weights, so the check above can fail.
    const c = serializeModel(trainModel(sample.slice(1), ITEMS));
    expect(sha(c)).not.toBe(sha(a));
  }, 120_000);

  it('the committed weights.json is exactly what `npm run train` makes from the committed corpus', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../lib/model/weights.json'), 'utf8');
    const corpus = committedCorpus();
    expect(JSON.parse(committed).corpusHash, 'weights are stale: run npm run train').toBe(corpusHash(corpus));
    expect(sha(serializeModel(trainModel(corpus, ITEMS))), 'weights differ from training: run npm run train').toBe(sha(committed));
  }, 120_000);

  it('groups near-duplicate sentences together so cross-validation folds do not leak', () => {
    const ex = (text: string): TrainingExample => ({ text, lang: 'en', items: [], stance: 'neutral' });
    const groups = nearDuplicateGroups([
      ex('Alibaba Cloud revenue rose 34% in the September quarter.'),
      ex('Alibaba Cloud revenue rose 35% in the December quarter.'),
      ex('Beijing told companies to pause their H200 orders.'),
    ]);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).not.toBe(groups[0]);
  });
});
