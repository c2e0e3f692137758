import { describe, expect, it } from 'vitest';
import { MatchRuleSchema } from '@/lib/pack/schema';
import { defaultPack } from '@/lib/pack/default-pack';
import { rulesToText, splitTerms, textToRules } from '@/lib/checklist/rules-text';

describe('matchers as text', () => {
  it('reads groups, languages and vetoes', () => {
    expect(textToRules('H200*, H20 & approv*, 批准 ! Hyundai\n\nrobotaxi')).toEqual({
      ok: true,
      rules: [
        { all: [{ en: ['H200*', 'H20'], zh: [] }, { en: ['approv*'], zh: ['批准'] }], none: { en: ['Hyundai'], zh: [] } },
        { all: [{ en: ['robotaxi'], zh: [] }] },
      ],
    });
  });

  it('splits on Chinese commas too', () => {
    expect(splitTerms('阿里云，阿里巴巴、Alibaba')).toEqual({ en: ['Alibaba'], zh: ['阿里云', '阿里巴巴'] });
  });

  it('refuses empty input and lines without terms', () => {
    expect(textToRules('  \n ')).toEqual({ ok: false, error: 'at least one rule is needed' });
    expect(textToRules('ok\n ! Hyundai')).toEqual({ ok: false, error: 'line 2: no terms before "!"' });
  });

  it('round-trips every matcher of the bundled pack (same terms per group; both languages are searched on every page)', () => {
    const terms = (group: { en: string[]; zh: string[] } | undefined) => [...new Set([...(group?.en ?? []), ...(group?.zh ?? [])])].sort();
    const shape = (rules: typeof defaultPack.items[number]['matchers']) => rules.map((rule) => ({ all: rule.all.map(terms), none: terms(rule.none) }));
    for (const item of defaultPack.items) {
      const parsed = textToRules(rulesToText(item.matchers));
      if (!parsed.ok) throw new Error(`${item.id}: ${parsed.error}`);
      expect(shape(parsed.rules), item.id).toEqual(shape(item.matchers));
      for (const rule of parsed.rules) expect(MatchRuleSchema.safeParse(rule).success).toBe(true);
    }
  });
});
