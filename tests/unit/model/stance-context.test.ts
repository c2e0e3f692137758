import { describe, expect, it } from 'vitest';
import { predictStance, topStance } from '@/lib/model';
import { stanceContextNames, stanceFeatures } from '@/lib/model/features';

// Sentences written for these tests, in the project's own words.
const plan = 'The step covers several cloud providers.';
const halt = 'Beijing told buyers to halt new orders of the H200.';
const approval = 'Beijing approved imports of the H200 for several cloud providers.';

describe('the stance head reads a continuing sentence with the one before it', () => {
  it('takes the direction of the event before: the scope of a halt challenges, of an approval supports', () => {
    expect(topStance(predictStance(plan, 'en', 'h200-import-approval', undefined, undefined, halt))).toBe('challenges');
    expect(topStance(predictStance(plan, 'en', 'h200-import-approval', undefined, undefined, approval))).toBe('supports');
  });

  it('reads a sentence naming its own actor alone: a predecessor changes nothing', () => {
    const own = 'Alibaba said the step covers several cloud providers.';
    expect(predictStance(own, 'en', 'h200-import-approval', undefined, undefined, halt)).toEqual(predictStance(own, 'en', 'h200-import-approval'));
    expect(stanceFeatures(own, 'en', 'h200-import-approval', 'catalyst', halt)).toEqual(stanceFeatures(own, 'en', 'h200-import-approval', 'catalyst'));
  });

  it('takes only the direction flags of the sentence before, under their own prefix', () => {
    const names = stanceContextNames(plan, 'en', halt);
    expect(names).toContain('ctx:continues');
    expect(names).toContain('prev:f:down');
    expect(names.filter((n) => n.startsWith('prev:')).every((n) => n.startsWith('prev:f:'))).toBe(true);
  });
});
